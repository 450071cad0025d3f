package cn.zhutui.pairing;

import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of pairing the seeds describe: who helps (a member, an org, a cadre) and whom (a
 * household, an industry, a village, a county). Labels in messages (pairing.kind.…).
 */
public enum PairingKind {
    /** 委员联户 ("1+1": a 脱贫户 and a 示范户 for each member) */
    MEMBER_HOUSEHOLD(Helper.MEMBER, Target.HOUSEHOLD),
    /** 专委会联产业 */
    COMMITTEE_INDUSTRY(Helper.ORG, Target.INDUSTRY),
    /** 政协组织联村 */
    ORG_VILLAGE(Helper.ORG, Target.VILLAGE),
    /** 领导挂联重点县 */
    LEADER_COUNTY(Helper.MEMBER, Target.COUNTY),
    /** 领导联系点 */
    LEADER_CONTACT_POINT(Helper.MEMBER, Target.VILLAGE),
    /** 单位定点帮扶县 */
    UNIT_COUNTY(Helper.ORG, Target.COUNTY),
    /** 干部认亲结对 */
    CADRE_HOUSEHOLD(Helper.CADRE, Target.HOUSEHOLD);

    public enum Helper { MEMBER, ORG, CADRE }

    public enum Target { HOUSEHOLD, INDUSTRY, VILLAGE, COUNTY }

    /** The kinds whose target is a household of the registry. */
    public static final Set<PairingKind> HOUSEHOLDS = EnumSet.of(MEMBER_HOUSEHOLD, CADRE_HOUSEHOLD);

    private final Helper helper;
    private final Target target;

    PairingKind(Helper helper, Target target) {
        this.helper = helper;
        this.target = target;
    }

    public Helper helper() {
        return helper;
    }

    public Target target() {
        return target;
    }

    public boolean household() {
        return target == Target.HOUSEHOLD;
    }
}

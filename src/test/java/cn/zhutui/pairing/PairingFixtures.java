package cn.zhutui.pairing;

import cn.zhutui.common.DataScope;
import cn.zhutui.demo.DemoAccounts;
import cn.zhutui.household.HouseholdForm;
import cn.zhutui.household.HouseholdService;
import cn.zhutui.household.TestIds;
import cn.zhutui.member.MemberForm;
import cn.zhutui.member.MemberService;
import cn.zhutui.member.MembershipForm;
import cn.zhutui.org.OrgForm;
import cn.zhutui.org.OrgKind;
import cn.zhutui.org.OrgLevel;
import cn.zhutui.org.OrgService;
import cn.zhutui.support.Scopes;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Households, members, orgs and pairings of Luquan for the pairing tests, each with a unique name. */
@Component
public class PairingFixtures {

    /** 北街社区居民委员会, a village of 屏山街道, Luquan. */
    public static final String VILLAGE = "530128001001";

    private final Scopes scopes;
    private final HouseholdService households;
    private final MemberService members;
    private final OrgService orgs;
    private final PairingService pairings;

    PairingFixtures(Scopes scopes, HouseholdService households, MemberService members, OrgService orgs, PairingService pairings) {
        this.scopes = scopes;
        this.households = households;
        this.members = members;
        this.orgs = orgs;
        this.pairings = pairings;
    }

    public DataScope staff() {
        return scopes.of("luquan.staff");
    }

    public long luquan() {
        return orgs.committeeOfRegion(DemoAccounts.LUQUAN).orElseThrow().id();
    }

    /** A household of Luquan with the given tags, registered on 2020-01-01. */
    public long household(String... tags) {
        HouseholdForm f = new HouseholdForm();
        f.setRegionCode(VILLAGE);
        f.setHeadName("户" + UUID.randomUUID().toString().substring(0, 4));
        f.setHeadIdNumber(TestIds.luquan());
        f.setRegisteredOn(LocalDate.of(2020, 1, 1));
        f.setPhone("13900001234");
        f.setTags(List.of(tags));
        return households.create(staff(), f);
    }

    /** A new org under Luquan: a committee (a unit of its own, for exact figures) or a member group. */
    public long org(OrgKind kind) {
        OrgForm f = new OrgForm();
        f.setParentId(luquan());
        f.setName((kind == OrgKind.COMMITTEE ? "测试政协" : "测试小组") + UUID.randomUUID().toString().substring(0, 6));
        f.setKind(kind);
        f.setLevel(kind == OrgKind.COMMITTEE ? OrgLevel.COUNTY : OrgLevel.TOWNSHIP);
        f.setRegionCode(DemoAccounts.LUQUAN);
        return orgs.create(scopes.of("admin"), f);
    }

    /** A new member of an org. */
    public long member(long orgId) {
        MemberForm f = new MemberForm();
        f.setName("委员" + UUID.randomUUID().toString().substring(0, 4));
        f.setGender("M");
        f.setTerm("13");
        f.setMemberships(List.of(new MembershipForm(orgId, "MEMBER")));
        return members.create(scopes.of("admin"), f);
    }

    public long memberPairing(long orgId, long memberId, long householdId, LocalDate start, LocalDate end) {
        PairingForm f = new PairingForm();
        f.setKind(PairingKind.MEMBER_HOUSEHOLD);
        f.setOrgId(orgId);
        f.setMemberId(memberId);
        f.setHouseholdId(householdId);
        f.setStartDate(start);
        f.setEndDate(end);
        return pairings.create(staff(), f);
    }

    public long villagePairing(long orgId, LocalDate start) {
        PairingForm f = new PairingForm();
        f.setKind(PairingKind.ORG_VILLAGE);
        f.setOrgId(orgId);
        f.setHelperOrgId(orgId);
        f.setRegionCode(VILLAGE);
        f.setStartDate(start);
        return pairings.create(staff(), f);
    }

    public static VisitForm visit(long pairingId, LocalDate date, int found, int solved, String funds, int projects) {
        VisitForm v = new VisitForm();
        v.setPairingId(pairingId);
        v.setVisitDate(date);
        v.setProblemsFound(found);
        v.setProblemsSolved(solved);
        v.setFunds(new java.math.BigDecimal(funds));
        v.setProjects(projects);
        v.setNotes("入户了解生产生活情况");
        return v;
    }
}

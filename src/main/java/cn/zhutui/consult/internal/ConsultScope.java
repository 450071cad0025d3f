package cn.zhutui.consult.internal;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.Role;
import cn.zhutui.common.Where;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which consultation records a user reaches. Office roles reach their org's subtree (a county its
 * county, a prefecture its counties, the province everything); without one, a cadre reaches what
 * happens in their township or village, and a member the meetings they hosted or attended (with
 * their topics and outcomes) — both, for someone who is both. A scope that resolves to nothing
 * reaches nothing. The conditions are fixed SQL fragments with bound values, never spliced.
 *
 * <p>Queries name their tables alike: the record's committee {@code o}, the region of the place it
 * concerns {@code r}, the topic {@code t}, the meeting {@code m}, the platform {@code p}.
 */
public record ConsultScope(String orgPath, String regionPath, Long memberId) {

    private static final Set<Role> OFFICE = EnumSet.of(Role.ADMIN, Role.STAFF, Role.REVIEWER, Role.VIEWER);

    /** The kind of record a query lists; a member reaches each through their meetings. */
    public enum Of {
        PLATFORM, TOPIC, MEETING, OUTCOME
    }

    public static ConsultScope of(DataScope scope) {
        if (scope.isSystem() || scope.roles().stream().anyMatch(OFFICE::contains)) {
            return new ConsultScope(scope.orgPath(), null, null);
        }
        String region = scope.has(Role.CADRE) ? scope.regionPath() : null;
        Long member = scope.has(Role.MEMBER) ? scope.memberId() : null;
        return new ConsultScope(null, region, member);
    }

    public boolean reachesNothing() {
        return orgPath == null && regionPath == null && memberId == null;
    }

    private static final String MEMBER_AT_MEETING = "(m.host_member_id = :scopeMember OR EXISTS (SELECT 1 FROM consult_participant sp"
            + " WHERE sp.meeting_id = m.id AND sp.member_id = :scopeMember))";

    /** Adds the scope's condition to a query over records of the given kind. */
    public Where apply(Where w, Of kind) {
        if (reachesNothing()) {
            return w.and("false");
        }
        if (orgPath != null) {
            return w.and("o.path LIKE :scopeOrg || '%'").param("scopeOrg", orgPath);
        }
        List<String> any = new ArrayList<>();
        if (regionPath != null) {
            any.add("r.path LIKE :scopeRegion || '%'");
            w.param("scopeRegion", regionPath);
        }
        if (memberId != null) {
            any.add(switch (kind) {
                case MEETING, OUTCOME -> MEMBER_AT_MEETING;
                case TOPIC -> "EXISTS (SELECT 1 FROM consult_meeting m WHERE m.topic_id = t.id AND " + MEMBER_AT_MEETING + ")";
                case PLATFORM -> "(EXISTS (SELECT 1 FROM consult_council_seat ss WHERE ss.platform_id = p.id AND ss.member_id = :scopeMember)"
                        + " OR EXISTS (SELECT 1 FROM consult_meeting m WHERE m.platform_id = p.id AND " + MEMBER_AT_MEETING + "))";
            });
            w.param("scopeMember", memberId);
        }
        return w.and("(" + String.join(" OR ", any) + ")");
    }
}

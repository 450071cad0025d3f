package cn.zhutui.pairing.internal;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.Role;
import cn.zhutui.common.Where;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which pairings a user reaches: office roles those organised in their org's subtree; a cadre
 * those whose target lies in their region and their own (认亲结对); a member their own. A scope that
 * resolves to nothing reaches nothing.
 */
public record PairingScope(String orgPath, String regionPrefix, Long memberId, Long userId) {

    private static final Set<Role> OFFICE = EnumSet.of(Role.ADMIN, Role.STAFF, Role.REVIEWER, Role.VIEWER);

    public static PairingScope of(DataScope scope) {
        if (scope.isSystem()) {
            return new PairingScope("/", null, null, null);
        }
        boolean office = scope.roles().stream().anyMatch(OFFICE::contains);
        String region = null;
        if (!office && scope.has(Role.CADRE) && scope.regionPath() != null) {
            String[] parts = scope.regionPath().split("/");
            region = parts.length == 0 ? null : parts[parts.length - 1];
        }
        Long member = scope.has(Role.MEMBER) ? scope.memberId() : null;
        Long user = scope.has(Role.CADRE) || scope.has(Role.STAFF) ? scope.userId() : null;
        return new PairingScope(office ? scope.orgPath() : null, region, member, user);
    }

    public boolean nothing() {
        return orgPath == null && regionPrefix == null && memberId == null && userId == null;
    }

    /** Adds the reach to a WHERE, for a query with the pairing as {@code p} and its org as {@code o}. */
    public void apply(Where w) {
        List<String> any = new ArrayList<>();
        if (orgPath != null) {
            any.add("o.path LIKE :sOrg || '%'");
            w.param("sOrg", orgPath);
        }
        if (regionPrefix != null) {
            any.add("p.region_code LIKE :sRegion || '%'");
            w.param("sRegion", regionPrefix);
        }
        if (memberId != null) {
            any.add("p.member_id = :sMember");
            w.param("sMember", memberId);
        }
        if (userId != null) {
            any.add("p.cadre_user_id = :sUser");
            w.param("sUser", userId);
        }
        w.and(any.isEmpty() ? "false" : "(" + String.join(" OR ", any) + ")");
    }
}

package cn.zhutui.ledger.internal;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which entries a user reaches. Office roles reach their org's subtree; without one, a cadre
 * reaches the entries made in their region and a member their own (those they made or took part
 * in) — both, for someone who is both. A scope that resolves to nothing reaches nothing.
 */
public record EntryScope(String orgPath, String regionPath, Long ownUserId, Long ownMemberId) {

    private static final Set<Role> OFFICE = EnumSet.of(Role.ADMIN, Role.STAFF, Role.REVIEWER, Role.VIEWER);

    public static EntryScope of(DataScope scope) {
        if (scope.isSystem() || scope.roles().stream().anyMatch(OFFICE::contains)) {
            return new EntryScope(scope.orgPath(), null, null, null);
        }
        String region = scope.has(Role.CADRE) ? scope.regionPath() : null;
        boolean member = scope.has(Role.MEMBER);
        return new EntryScope(null, region, member ? scope.userId() : null, member ? scope.memberId() : null);
    }

    public boolean reachesNothing() {
        return orgPath == null && regionPath == null && ownUserId == null;
    }
}

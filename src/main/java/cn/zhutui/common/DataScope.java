package cn.zhutui.common;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is acting and where they may act: the subtree of their org (materialised path prefix), for
 * cadres a region subtree, for members their own records. Every service method that reads or
 * writes scoped data takes one; SQL receives the prefix as a bound parameter, never spliced.
 *
 * @param orgPath    path of the user's org, e.g. "/1/17/"; everything whose path starts with it is in scope
 * @param regionPath path of the cadre's region, or null
 * @param memberId   the member record of a member user, or null
 */
public record DataScope(long userId, String username, String displayName, Set<Role> roles,
                        long orgId, String orgPath, String regionPath, Long memberId, boolean loader) {

    public DataScope(long userId, String username, String displayName, Set<Role> roles, long orgId, String orgPath,
                     String regionPath, Long memberId) {
        this(userId, username, displayName, roles, orgId, orgPath, regionPath, memberId, false);
    }

    /** The system itself (start-up tasks): every permission everywhere. */
    public static DataScope system() {
        return new DataScope(0, "system", "system", EnumSet.of(Role.ADMIN), 0, "/", null, null, true);
    }

    /**
     * This user's scope for a loader writing on their behalf (the demo's history, a migration):
     * the same reach and the same name on the records, but it may write into periods already
     * locked, as history is entered after its deadlines.
     */
    public DataScope asLoader() {
        return new DataScope(userId, username, displayName, roles, orgId, orgPath, regionPath, memberId, true);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean can(Permission permission) {
        return permission.grantedTo(roles);
    }

    public void require(Permission permission) {
        if (!can(permission)) {
            throw new ForbiddenException();
        }
    }

    public boolean coversOrgPath(String path) {
        return path != null && path.startsWith(orgPath);
    }

    /** A member user with no office role: sees only their own records. */
    public boolean ownRecordsOnly() {
        return memberId != null && roles.stream().allMatch(r -> r == Role.MEMBER);
    }

    /** The system itself: beyond every scope. */
    public boolean isSystem() {
        return loader && userId == 0;
    }

    /** The system or a loader: writes into locked periods. */
    public boolean isLoader() {
        return loader;
    }
}

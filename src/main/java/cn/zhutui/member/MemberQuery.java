package cn.zhutui.member;

/**
 * Filters of the member list. orgId limits to members of that org (and, with subtree, of the orgs
 * under it); committeeId to members of one special committee.
 */
public record MemberQuery(Long orgId, boolean subtree, String sector, Long committeeId, String name, boolean active) {

    public static MemberQuery all() {
        return new MemberQuery(null, true, null, null, null, true);
    }
}

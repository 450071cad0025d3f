package cn.zhutui.member;

/** A member's place in an org, with the position held there. */
public record Membership(long memberId, long orgId, String orgName, String orgKind, String orgPath, String position, boolean main) {
}

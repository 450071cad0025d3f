package cn.zhutui.pairing;

/** Someone who went on a visit: a member, a user (a cadre), or another person named. */
public record VisitPerson(Long memberId, Long userId, String name) {
}

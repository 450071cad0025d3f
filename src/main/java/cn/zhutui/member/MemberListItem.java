package cn.zhutui.member;

import java.util.List;

/** A row of the member list: the member and where they belong. */
public record MemberListItem(Member member, List<Membership> memberships) {

    public Membership mainMembership() {
        return memberships.stream().filter(Membership::main).findFirst()
                .orElse(memberships.isEmpty() ? null : memberships.get(0));
    }
}

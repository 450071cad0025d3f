package cn.zhutui.household;

import java.util.List;

/** A household's status tags changed (脱贫户 → 监测户 …), in the transaction of the change. */
public record HouseholdTagsChanged(long householdId, List<String> before, List<String> after, long actorUserId) {

    public HouseholdTagsChanged {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }
}

package cn.zhutui.household;

import cn.zhutui.common.DataScope;
import java.util.Collection;
import java.util.List;

/**
 * What other modules tell the registry about households, without the registry depending on them:
 * a module whose users work with particular households (the pairing module: a member's paired
 * households; later the monitoring module: a cadre's cases) implements this as a bean.
 */
public interface HouseholdLinks {

    /**
     * The households this user reaches through their own work, beyond the region their role
     * covers (a member sees the households they are paired with). Empty when none.
     */
    Collection<Long> householdsOf(DataScope scope);

    /** Why the household cannot be archived now, as message codes with their arguments (empty: nothing holds it). */
    default List<String[]> archiveBlockers(long householdId) {
        return List.of();
    }
}

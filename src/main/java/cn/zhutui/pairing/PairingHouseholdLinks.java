package cn.zhutui.pairing;

import cn.zhutui.common.DataScope;
import cn.zhutui.household.HouseholdLinks;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/** Tells the registry which households a member or cadre reaches through their pairings, and which may not be archived. */
@Component
class PairingHouseholdLinks implements HouseholdLinks {

    private final PairingService pairings;

    PairingHouseholdLinks(PairingService pairings) {
        this.pairings = pairings;
    }

    @Override
    public Collection<Long> householdsOf(DataScope scope) {
        return pairings.householdsOf(scope);
    }

    @Override
    public List<String[]> archiveBlockers(long householdId) {
        long active = pairings.activeOfHousehold(householdId);
        return active == 0 ? List.of() : List.<String[]>of(new String[] {"pairing.household.paired", String.valueOf(active)});
    }
}

package cn.zhutui.pairing;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.Period;
import cn.zhutui.common.PeriodType;
import cn.zhutui.common.Permission;
import cn.zhutui.common.Role;
import cn.zhutui.common.WorkItem;
import cn.zhutui.common.WorkItemSource;
import cn.zhutui.household.HouseholdService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What 三联三促 puts on a person's workbench: a member's (or cadre's) pairings not yet visited this
 * quarter and their open duties; for office staff, the pairings in scope not yet visited, the
 * members short of 1+1 and the likely duplicate households to check. Urgent in the quarter's last month.
 */
@Component
class PairingWorkItems implements WorkItemSource {

    private final OversightService oversight;
    private final PairingService pairings;
    private final HouseholdService households;

    PairingWorkItems(OversightService oversight, PairingService pairings, HouseholdService households) {
        this.oversight = oversight;
        this.pairings = pairings;
        this.households = households;
    }

    @Override
    public List<WorkItem> items(DataScope scope) {
        List<WorkItem> items = new ArrayList<>();
        if (!scope.can(Permission.PAIRING_VIEW)) {
            return items;
        }
        LocalDate today = pairings.today();
        Period quarter = Period.containing(today, PeriodType.QUARTER);
        boolean lastMonth = !today.isBefore(quarter.end().withDayOfMonth(1));
        String q = quarter.label(java.util.Locale.SIMPLIFIED_CHINESE);
        if (scope.ownRecordsOnly() || (scope.has(Role.CADRE) && !scope.has(Role.STAFF))) {
            List<PairingCompliance> mine = oversight.pairingsOf(scope, null, scope.ownRecordsOnly() ? scope.memberId() : null, quarter).stream()
                    .filter(pc -> (pc.row().pairing().memberId() != null && pc.row().pairing().memberId().equals(scope.memberId()))
                            || (pc.row().pairing().cadreUserId() != null && pc.row().pairing().cadreUserId() == scope.userId()))
                    .toList();
            long notVisited = mine.stream().filter(PairingCompliance::notVisited).count();
            long open = mine.stream().mapToLong(pc -> pc.open().size()).sum();
            items.add(new WorkItem("pairing.work.myVisits", List.of(q), notVisited, "/field/", lastMonth && notVisited > 0, 10));
            items.add(new WorkItem("pairing.work.myDuties", List.of(q), open, "/field/", false, 11));
            return items;
        }
        if (scope.has(Role.STAFF) || scope.has(Role.ADMIN) || scope.has(Role.REVIEWER) || scope.has(Role.VIEWER)) {
            Compliance c = oversight.compliance(scope, null, quarter);
            items.add(new WorkItem("pairing.work.notVisited", List.of(q), c.total().notVisited(), "/pairings/compliance?period=" + quarter.id(),
                    lastMonth && c.total().notVisited() > 0, 20));
            items.add(new WorkItem("pairing.work.onePlusOne", List.of(), pairings.onePlusOneCount(scope), "/pairings/one-plus-one", false, 21));
            if (scope.can(Permission.HOUSEHOLD_EDIT)) {
                items.add(new WorkItem("pairing.work.duplicates", List.of(), households.pendingDuplicates(scope), "/households/duplicates", false, 22));
            }
        }
        return items;
    }
}

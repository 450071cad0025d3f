package cn.zhutui.pairing;

import cn.zhutui.common.Period;
import java.time.LocalDate;
import java.util.List;

/**
 * The quarterly compliance of an org: its line and the lines of the orgs directly below it, and
 * the pairings behind (not visited, duties open, household regressed), first of them up to a cap.
 *
 * @param checkDay the day pairings must be in effect on to be counted (the quarter's end, or today)
 * @param behindTotal how many pairings are behind in all (the list holds the first ones)
 */
public record Compliance(long orgId, String orgName, Period quarter, LocalDate checkDay, ComplianceRow total, List<ComplianceRow> units,
                         List<PairingCompliance> behind, long behindTotal) {

    public Compliance {
        units = List.copyOf(units);
        behind = List.copyOf(behind);
    }
}

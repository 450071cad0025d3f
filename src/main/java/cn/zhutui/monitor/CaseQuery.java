package cn.zhutui.monitor;

import java.util.Set;

/**
 * The filters of the case list, each optional.
 *
 * @param regionCode a region subtree (county, township, village)
 * @param group      a named set of stages: "identifying", "monitored", "eliminating", "eliminated", "rejected", "open", "visit", "village", "township", "county"
 * @param overdue    only cases whose 15-day clock ran out; {@code dueSoon} those in their last days
 * @param sort       "newest" (default), "deadline", "name", "region"
 */
public record CaseQuery(String regionCode, String group, Stage stage, MonitorKind kind, RiskReason reason, String name, Boolean overdue,
                        Boolean dueSoon, Long householdId, String sort) {

    public static CaseQuery all() {
        return new CaseQuery(null, null, null, null, null, null, false, false, null, null);
    }

    public static CaseQuery overdueIn(String regionCode) {
        return new CaseQuery(regionCode, null, null, null, null, null, true, false, null, "deadline");
    }

    public CaseQuery withStage(Stage s) {
        return new CaseQuery(regionCode, group, s, kind, reason, name, overdue, dueSoon, householdId, sort);
    }

    public static CaseQuery group(String g) {
        return all().withGroup(g);
    }

    public CaseQuery withGroup(String g) {
        return new CaseQuery(regionCode, g, stage, kind, reason, name, overdue, dueSoon, householdId, sort);
    }

    /** Only cases whose clock ran out. */
    public boolean late() {
        return Boolean.TRUE.equals(overdue);
    }

    /** Only cases in their last days. */
    public boolean soon() {
        return Boolean.TRUE.equals(dueSoon);
    }

    /** The stages the query asks for (empty: all). */
    public Set<Stage> stages() {
        if (stage != null) {
            return Set.of(stage);
        }
        return switch (group == null ? "" : group) {
            case "identifying" -> Stage.IDENTIFYING;
            case "monitored", "followUpDue" -> Set.of(Stage.MONITORED);
            case "eliminating" -> Stage.ELIMINATING;
            case "eliminated" -> Set.of(Stage.ELIMINATED);
            case "rejected" -> Set.of(Stage.REJECTED);
            case "visit" -> Set.of(Stage.CLUE);
            case "village" -> Set.of(Stage.VILLAGE, Stage.ELIM_VILLAGE);
            case "township" -> Set.of(Stage.NOTICE, Stage.ELIM_NOTICE, Stage.TOWNSHIP, Stage.ELIM_TOWNSHIP);
            case "county" -> Set.of(Stage.COUNTY, Stage.ELIM_COUNTY);
            case "open" -> java.util.EnumSet.complementOf(java.util.EnumSet.of(Stage.ELIMINATED, Stage.REJECTED));
            default -> Set.of();
        };
    }
}

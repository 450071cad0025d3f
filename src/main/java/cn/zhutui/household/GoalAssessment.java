package cn.zhutui.household;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The "四个有" of a household in one quarter (period id "2025Q3"), who assessed it and when.
 *
 * @param recordedBy the user who recorded it (null for the system)
 */
public record GoalAssessment(long householdId, String period, Map<Goal, GoalStatus> statuses, String note, Long recordedBy,
                             OffsetDateTime recordedAt, int version) {

    public GoalAssessment {
        statuses = Map.copyOf(statuses);
    }

    public GoalStatus status(Goal goal) {
        return statuses.get(goal);
    }

    /** The goals that are lower than in an earlier assessment (none when there is no earlier one). */
    public List<Goal> regressedFrom(GoalAssessment earlier) {
        List<Goal> down = new ArrayList<>();
        if (earlier == null) {
            return down;
        }
        for (Goal g : Goal.values()) {
            GoalStatus now = statuses.get(g);
            GoalStatus before = earlier.statuses().get(g);
            if (now != null && before != null && now.rank() < before.rank()) {
                down.add(g);
            }
        }
        return down;
    }

    /** How many of the four are met. */
    public long met() {
        return statuses.values().stream().filter(s -> s == GoalStatus.MET).count();
    }

    public static Map<Goal, GoalStatus> of(GoalStatus income, GoalStatus environment, GoalStatus spirit, GoalStatus security) {
        Map<Goal, GoalStatus> m = new EnumMap<>(Goal.class);
        m.put(Goal.INCOME, income);
        m.put(Goal.ENVIRONMENT, environment);
        m.put(Goal.SPIRIT, spirit);
        m.put(Goal.SECURITY, security);
        return m;
    }
}

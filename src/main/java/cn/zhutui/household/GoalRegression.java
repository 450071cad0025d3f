package cn.zhutui.household;

import java.util.List;

/** A household whose "四个有" fell in a quarter compared with its previous assessment. */
public record GoalRegression(long householdId, String period, String previousPeriod, List<Goal> goals) {

    public GoalRegression {
        goals = List.copyOf(goals);
    }
}

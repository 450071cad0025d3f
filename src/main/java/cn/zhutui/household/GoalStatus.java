package cn.zhutui.household;

/** How far a goal is reached in a quarter; a lower rank than the quarter before is a regression. */
public enum GoalStatus {
    NOT_MET(0),
    PARTLY(1),
    MET(2);

    private final int rank;

    GoalStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }
}

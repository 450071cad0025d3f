package cn.zhutui.ledger;

/** How sums are split. */
public enum StatGroup {
    /** one total */
    TOTAL,
    /** by the unit directly under the chosen org (the org itself keeps its own work as its own group) */
    CHILD_UNIT,
    /** by the unit itself */
    UNIT,
    /** by the county of the place of work */
    COUNTY,
    /** by the prefecture of the place of work */
    PREFECTURE,
    TASK_TYPE,
    MONTH
}

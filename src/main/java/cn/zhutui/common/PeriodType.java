package cn.zhutui.common;

/** The rhythm of the work: monthly analysis, quarterly collection, half-year meeting, year-end summary. */
public enum PeriodType {
    MONTH,
    QUARTER,
    HALF_YEAR,
    YEAR
}

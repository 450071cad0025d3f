package cn.zhutui.monitor;

/** A measure's progress: 计划 → 落实中 → 已落实, or 取消. Labels: monitor.measureStatus.*. */
public enum MeasureStatus {
    PLANNED, ONGOING, DONE, CANCELLED
}

package cn.zhutui.monitor;

/**
 * Assistance measures (帮扶措施): development measures for households with labour, safety-net
 * measures (兜底保障) for those without. Labels: monitor.measure.*.
 */
public enum MeasureType {
    INDUSTRY(false),
    EMPLOYMENT(false),
    SKILLS(false),
    MICROCREDIT(false),
    DIBAO(true),
    TEKUN(true),
    MEDICAL(false),
    EDUCATION(false),
    HOUSING(false),
    WATER(false),
    RELIEF(false),
    OTHER(false);

    private final boolean safetyNet;

    MeasureType(boolean safetyNet) {
        this.safetyNet = safetyNet;
    }

    /** 低保 and 特困供养: the household's livelihood is secured by them for good. */
    public boolean safetyNet() {
        return safetyNet;
    }

    public boolean development() {
        return this == INDUSTRY || this == EMPLOYMENT || this == SKILLS || this == MICROCREDIT;
    }
}

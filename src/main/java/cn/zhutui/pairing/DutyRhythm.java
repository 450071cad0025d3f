package cn.zhutui.pairing;

import cn.zhutui.common.Period;
import cn.zhutui.common.PeriodType;
import java.time.LocalDate;

/** How often a template's duties fall due: each quarter (五个一 of a member) or each year (五个一 of an org, 七个优). */
public enum DutyRhythm {
    QUARTER(PeriodType.QUARTER),
    YEAR(PeriodType.YEAR);

    private final PeriodType periodType;

    DutyRhythm(PeriodType periodType) {
        this.periodType = periodType;
    }

    public PeriodType periodType() {
        return periodType;
    }

    public Period periodOf(LocalDate day) {
        return Period.containing(day, periodType);
    }
}

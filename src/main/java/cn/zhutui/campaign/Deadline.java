package cn.zhutui.campaign;

import cn.zhutui.common.PeriodType;

/**
 * A due date of the campaign's rhythm: after each period of the type, days to confirm it.
 *
 * @param locking the campaign's own period: after its deadline entries of the period are locked
 */
public record Deadline(PeriodType periodType, int daysAfter, boolean locking) {
}

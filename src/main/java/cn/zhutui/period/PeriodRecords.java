package cn.zhutui.period;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a unit is about to confirm when it submits a period: its records of the period by status.
 * Implemented by the module that keeps the records (the ledger), so periods do not depend on it.
 */
public interface PeriodRecords {

    Map<String, Long> statusCounts(long campaignId, long unitOrgId, LocalDate from, LocalDate to);
}

package cn.zhutui.ledger;

import cn.zhutui.ledger.internal.LedgerRepository;
import cn.zhutui.period.PeriodRecords;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Tells the submission page how many entries of each status a unit has in the period it confirms. */
@Component
class LedgerPeriodRecords implements PeriodRecords {

    private final LedgerRepository repository;

    LedgerPeriodRecords(LedgerRepository repository) {
        this.repository = repository;
    }

    @Override
    public Map<String, Long> statusCounts(long campaignId, long unitOrgId, LocalDate from, LocalDate to) {
        return repository.statusCounts(campaignId, unitOrgId, from, to);
    }
}

package cn.zhutui.ledger;

import cn.zhutui.ledger.internal.LedgerRepository;

import cn.zhutui.campaign.IndicatorUsage;
import org.springframework.stereotype.Component;

/** Tells the campaign module which indicators and task types records use. */
@Component
class LedgerIndicatorUsage implements IndicatorUsage {

    private final LedgerRepository repository;

    LedgerIndicatorUsage(LedgerRepository repository) {
        this.repository = repository;
    }

    @Override
    public boolean indicatorInUse(long indicatorId) {
        return repository.indicatorInUse(indicatorId);
    }

    @Override
    public boolean taskTypeInUse(long taskTypeId) {
        return repository.taskTypeInUse(taskTypeId);
    }
}

package cn.zhutui.campaign;

/**
 * Tells whether records use an indicator or task type. Implemented by the module that keeps the
 * records (the ledger), so the campaign does not depend on it.
 */
public interface IndicatorUsage {

    boolean indicatorInUse(long indicatorId);

    boolean taskTypeInUse(long taskTypeId);
}

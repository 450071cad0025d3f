package cn.zhutui.ledger;

/**
 * Filters of the entry list; every one optional. orgId and regionCode include their subtrees;
 * periodId is any period id (202503, 2025Q1, 2025S1, 2025).
 */
public record LedgerQuery(Long campaignId, Long taskTypeId, Long orgId, Long memberId, String regionCode,
                          String periodId, EntryStatus status, boolean flaggedOnly, String text, String sort) {

    public static LedgerQuery all() {
        return new LedgerQuery(null, null, null, null, null, null, null, false, null, null);
    }

    public LedgerQuery withStatus(EntryStatus s) {
        return new LedgerQuery(campaignId, taskTypeId, orgId, memberId, regionCode, periodId, s, flaggedOnly, text, sort);
    }
}

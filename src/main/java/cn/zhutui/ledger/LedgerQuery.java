package cn.zhutui.ledger;

import java.time.LocalDate;

/**
 * Filters of the entry list; every one optional. orgId and regionCode include their subtrees;
 * unitOrgId is one committee's own entries (a report's "本级" column); periodId is a period id
 * (202503, 2025Q1, 2025S1, 2025) and from/to any dates; counted keeps the entries the statistics
 * count (approved, and submitted when asked); tag keeps work done in counties with a region tag;
 * mine keeps the user's own (recorded by them, or naming them).
 */
public record LedgerQuery(Long campaignId, Long taskTypeId, Long orgId, Long memberId, String regionCode,
                          String periodId, EntryStatus status, boolean flaggedOnly, String text, String sort,
                          Long unitOrgId, LocalDate from, LocalDate to, Counted counted, String tag, boolean mine) {

    public LedgerQuery(Long campaignId, Long taskTypeId, Long orgId, Long memberId, String regionCode,
                       String periodId, EntryStatus status, boolean flaggedOnly, String text, String sort,
                       Long unitOrgId, LocalDate from, LocalDate to, Counted counted, String tag) {
        this(campaignId, taskTypeId, orgId, memberId, regionCode, periodId, status, flaggedOnly, text, sort, unitOrgId, from, to,
                counted, tag, false);
    }

    public LedgerQuery withSort(String newSort) {
        return new LedgerQuery(campaignId, taskTypeId, orgId, memberId, regionCode, periodId, status, flaggedOnly, text, newSort,
                unitOrgId, from, to, counted, tag, mine);
    }

    /** Only the user's own: entries they recorded, or (for a member) that name them. */
    public LedgerQuery mineOnly() {
        return new LedgerQuery(campaignId, taskTypeId, orgId, memberId, regionCode, periodId, status, flaggedOnly, text, sort,
                unitOrgId, from, to, counted, tag, true);
    }

    /** Which statuses a report's figure is made of. */
    public enum Counted {
        APPROVED,
        APPROVED_AND_SUBMITTED
    }

    public LedgerQuery(Long campaignId, Long taskTypeId, Long orgId, Long memberId, String regionCode, String periodId,
                       EntryStatus status, boolean flaggedOnly, String text, String sort) {
        this(campaignId, taskTypeId, orgId, memberId, regionCode, periodId, status, flaggedOnly, text, sort, null, null, null, null, null);
    }

    public static LedgerQuery all() {
        return new LedgerQuery(null, null, null, null, null, null, null, false, null, null);
    }

    public LedgerQuery withStatus(EntryStatus s) {
        return new LedgerQuery(campaignId, taskTypeId, orgId, memberId, regionCode, periodId, s, flaggedOnly, text, sort,
                unitOrgId, from, to, counted, tag, mine);
    }
}

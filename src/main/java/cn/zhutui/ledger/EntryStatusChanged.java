package cn.zhutui.ledger;

/**
 * Published (inside the transaction) whenever an entry changes status, so reports and
 * notifications follow the ledger without the ledger knowing them.
 */
public record EntryStatusChanged(long entryId, long campaignId, long unitOrgId, long createdBy, EntryStatus from,
                                 EntryStatus to, String reason, long actorUserId) {
}

package cn.zhutui.pairing;

import java.time.OffsetDateTime;

/** A duty item ticked for a period, with its evidence: a visit, a ledger entry, or a consultation meeting's id or link. */
public record DutyRecord(long id, long pairingId, long itemId, String period, Evidence evidence, Long visitId, Long ledgerEntryId,
                         String consultationRef, int quantity, String note, long createdBy, OffsetDateTime createdAt) {
}

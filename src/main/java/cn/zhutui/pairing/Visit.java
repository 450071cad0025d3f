package cn.zhutui.pairing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A visit (走访) under a pairing: the day, what was found and done, counted — problems found and
 * solved, money (万元) and projects coordinated — and, when it also counts as ledger work, its entry.
 *
 * @param recordedAt when the phone recorded it (perhaps offline, long before createdAt)
 * @param latitude   where the phone was, if it could tell
 */
public record Visit(long id, long pairingId, LocalDate visitDate, String notes, int problemsFound, int problemsSolved, BigDecimal funds,
                    int projects, Long ledgerEntryId, VisitSource source, OffsetDateTime recordedAt, BigDecimal latitude,
                    BigDecimal longitude, int version, long createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}

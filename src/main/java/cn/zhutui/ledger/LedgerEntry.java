package cn.zhutui.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

public record LedgerEntry(long id, long campaignId, long taskTypeId, long orgId, long unitOrgId, String title,
                          String description, LocalDate startDate, LocalDate endDate, String regionCode,
                          Integer households, Integer persons, String partner, EntryStatus status, String returnReason,
                          EntrySource source, BigDecimal latitude, BigDecimal longitude, OffsetDateTime capturedAt,
                          long createdBy, OffsetDateTime submittedAt, OffsetDateTime reviewedAt, Long reviewedBy,
                          int version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}

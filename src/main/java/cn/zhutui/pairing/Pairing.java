package cn.zhutui.pairing;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A pairing: a helper (member, org or cadre) and a target (household, industry, village or county)
 * from a start date to an end date (inclusive; null while it goes on). org is the org that
 * organises it (whose staff see and manage it), unit that org's committee (its figures).
 *
 * @param regionCode where the target is: the household's village, the industry's county, the village or county itself
 * @param replacesId the pairing this one took over from
 */
public record Pairing(long id, PairingKind kind, long orgId, long unitOrgId, Long memberId, Long helperOrgId, Long cadreUserId,
                      String cadreName, Long householdId, Long industryId, String regionCode, LocalDate startDate, LocalDate endDate,
                      String endReason, Long replacesId, String note, int version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public PairingStatus status(LocalDate today) {
        if (startDate.isAfter(today)) {
            return PairingStatus.PLANNED;
        }
        return endDate != null && endDate.isBefore(today) ? PairingStatus.ENDED : PairingStatus.ACTIVE;
    }

    public boolean activeOn(LocalDate day) {
        return !startDate.isAfter(day) && (endDate == null || !endDate.isBefore(day));
    }

    /** In effect on at least one day of [from, to]. */
    public boolean activeDuring(LocalDate from, LocalDate to) {
        return !startDate.isAfter(to) && (endDate == null || !endDate.isBefore(from));
    }

    /** Whether a visit on this day falls within the pairing. */
    public boolean covers(LocalDate day) {
        return activeOn(day);
    }
}

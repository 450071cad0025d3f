package cn.zhutui.period;

import cn.zhutui.common.Period;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Where a unit stands for one period of a campaign.
 *
 * @param submittedAt   when the unit confirmed its figures (报送), or null
 * @param unlockedUntil a lock exception granted by a higher level, or null
 * @param unlockReason  why it was granted (shown to the unit), or null
 */
public record PeriodState(long campaignId, long unitOrgId, Period period, LocalDate deadline, OffsetDateTime submittedAt,
                          Boolean onTime, LocalDate unlockedUntil, String unlockReason, LocalDate today) {

    /** Entries of the period may be added or changed. */
    public boolean open() {
        if (unlockedUntil != null && !today.isAfter(unlockedUntil)) {
            return true;
        }
        return submittedAt == null && !today.isAfter(deadline);
    }

    public boolean submitted() {
        return submittedAt != null;
    }

    public boolean overdue() {
        return submittedAt == null && today.isAfter(deadline);
    }

    /** Days left until the deadline (0 on the day, negative once past). */
    public long daysLeft() {
        return java.time.temporal.ChronoUnit.DAYS.between(today, deadline);
    }
}

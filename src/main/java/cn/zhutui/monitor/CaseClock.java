package cn.zhutui.monitor;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The 15-day clock of identification: from the first clue to the county's decision in principle at
 * most 15 calendar days (weekends and month ends do not stop it). A case is due soon in its last
 * {@code warnDays} days and overdue from the day after its deadline until it is decided.
 */
public record CaseClock(LocalDate firstClueOn, LocalDate deadline, long daysLeft, boolean running, boolean dueSoon, boolean overdue) {

    public static final int DAYS = 15;

    public static LocalDate deadline(LocalDate firstClueOn) {
        return firstClueOn.plusDays(DAYS);
    }

    public static CaseClock of(MonitorCase c, LocalDate today, int warnDays) {
        return of(c.firstClueOn(), c.stage().identifying(), today, warnDays);
    }

    public static CaseClock of(LocalDate firstClueOn, boolean running, LocalDate today, int warnDays) {
        LocalDate deadline = deadline(firstClueOn);
        long left = ChronoUnit.DAYS.between(today, deadline);
        return new CaseClock(firstClueOn, deadline, left, running, running && left >= 0 && left < warnDays, running && left < 0);
    }
}

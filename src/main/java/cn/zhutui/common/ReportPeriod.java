package cn.zhutui.common;

import cn.zhutui.common.Period;
import cn.zhutui.common.PeriodType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The span a report covers: a standard period ("2025Q3", "202508", "2025S1", "2025"), the year to
 * the end of a quarter or month ("2025Q3YTD" — 年初至第三季度末, as the seeds report it; "202508YTD"),
 * or any days ("2025-01-05_2025-03-20").
 */
public record ReportPeriod(String id, LocalDate from, LocalDate to, Kind kind, Period base) {

    public enum Kind {
        STANDARD,
        YEAR_TO_DATE,
        CUSTOM
    }

    private static final Pattern YTD = Pattern.compile("^(\\d{4}(?:Q[1-4]|\\d{2}))YTD$");
    private static final Pattern RANGE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})_(\\d{4}-\\d{2}-\\d{2})$");

    public static ReportPeriod parse(String id) {
        String v = id == null ? "" : id.trim();
        Matcher ytd = YTD.matcher(v);
        if (ytd.matches()) {
            Period end = Period.parse(ytd.group(1));
            if (end.end().equals(LocalDate.of(end.year(), 12, 31))) {
                return parse(String.valueOf(end.year())); // to the end of the fourth quarter (or December) is the year
            }
            return new ReportPeriod(v, LocalDate.of(end.year(), 1, 1), end.end(), Kind.YEAR_TO_DATE, end);
        }
        Matcher range = RANGE.matcher(v);
        if (range.matches()) {
            try {
                LocalDate from = LocalDate.parse(range.group(1));
                LocalDate to = LocalDate.parse(range.group(2));
                if (!to.isBefore(from) && ChronoUnit.DAYS.between(from, to) <= 3660) {
                    return new ReportPeriod(v, from, to, Kind.CUSTOM, null);
                }
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not a report period: " + id);
            }
            throw new IllegalArgumentException("not a report period: " + id);
        }
        Period p = Period.parse(v);
        return new ReportPeriod(p.id(), p.start(), p.end(), Kind.STANDARD, p);
    }

    public static ReportPeriod custom(LocalDate from, LocalDate to) {
        return parse(from + "_" + to);
    }

    public static boolean isValid(String id) {
        try {
            ReportPeriod p = parse(id);
            // a period whose comparisons (同比, 环比) cannot be built is of no use to a report
            p.sameLastYear();
            p.previous();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The same span a year earlier (同比). */
    public ReportPeriod sameLastYear() {
        return switch (kind) {
            case STANDARD -> parse(base.sameLastYear().id());
            case YEAR_TO_DATE -> parse(base.sameLastYear().id() + "YTD");
            case CUSTOM -> custom(from.minusYears(1), to.minusYears(1));
        };
    }

    /** The span just before (环比); none for a year-to-date, which has no like predecessor. */
    public ReportPeriod previous() {
        return switch (kind) {
            case STANDARD -> parse(base.previous().id());
            case YEAR_TO_DATE -> null;
            case CUSTOM -> custom(from.minusDays(ChronoUnit.DAYS.between(from, to) + 1), from.minusDays(1));
        };
    }

    /** The year a target applies to, if the span lies in one year. */
    public Integer year() {
        return from.getYear() == to.getYear() ? from.getYear() : null;
    }

    /** Whole months: answered from the statistics facts. */
    public boolean monthAligned() {
        return from.getDayOfMonth() == 1 && to.equals(YearMonth.from(to).atEndOfMonth());
    }

    public String label(Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        return switch (kind) {
            case STANDARD -> base.label(locale);
            case YEAR_TO_DATE -> base.type() == PeriodType.QUARTER
                    ? (en ? base.year() + " to end of Q" + base.index() : base.year() + "年初至第" + "一二三四".charAt(base.index() - 1) + "季度末")
                    : (en ? "Jan–" + YearMonth.of(base.year(), base.index()).getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH) + " " + base.year()
                    : base.year() + "年1月至" + base.index() + "月");
            case CUSTOM -> en ? from + " to " + to : from + " 至 " + to;
        };
    }

    /**
     * A period chosen on the picker: a year, then a span of it — "Y" the year, "S1"/"S2" a half,
     * "Q1".."Q4" a quarter, "M1".."M12" a month, "YQ1".."YQ3" the year to the end of a quarter,
     * "YM1".."YM11" the year to the end of a month.
     */
    public static ReportPeriod of(int year, String span) {
        if (span == null || span.isBlank() || span.equals("Y")) {
            return parse(String.valueOf(year));
        }
        Matcher m = SPAN.matcher(span.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a span: " + span);
        }
        int n = Integer.parseInt(m.group(2));
        return switch (m.group(1)) {
            case "S" -> parse(year + "S" + n);
            case "Q" -> parse(year + "Q" + n);
            case "M" -> parse(String.format("%d%02d", year, n));
            case "YQ" -> parse(year + "Q" + n + "YTD");
            case "YM" -> parse(String.format("%d%02dYTD", year, n));
            default -> throw new IllegalArgumentException("not a span: " + span);
        };
    }

    private static final Pattern SPAN = Pattern.compile("^(S|Q|M|YQ|YM)(\\d{1,2})$");

    /** The picker's span of this period ("Y", "Q3", "YQ3" …), or null for a range of days. */
    public String span() {
        return switch (kind) {
            case STANDARD -> switch (base.type()) {
                case YEAR -> "Y";
                case HALF_YEAR -> "S" + base.index();
                case QUARTER -> "Q" + base.index();
                case MONTH -> "M" + base.index();
            };
            case YEAR_TO_DATE -> (base.type() == PeriodType.QUARTER ? "YQ" : "YM") + base.index();
            case CUSTOM -> null;
        };
    }

    /** Whether the period runs past the given day (it is still going on, or lies ahead). */
    public boolean unfinished(LocalDate today) {
        return to.isAfter(today) && !from.isAfter(today);
    }

    /**
     * For an unfinished period, the same days of the period before (the first as many days of it
     * as this one has run); otherwise the whole period before. None for a year to date.
     */
    public ReportPeriod previousComparable(LocalDate today) {
        ReportPeriod before = previous();
        if (before == null || !unfinished(today)) {
            return before;
        }
        long days = ChronoUnit.DAYS.between(from, today);
        LocalDate end = before.from().plusDays(days);
        return custom(before.from(), end.isAfter(before.to()) ? before.to() : end);
    }

    /** For an unfinished period, the same dates a year before, up to today's; otherwise the whole same period. */
    public ReportPeriod sameLastYearComparable(LocalDate today) {
        if (!unfinished(today)) {
            return sameLastYear();
        }
        return custom(from.minusYears(1), today.minusYears(1));
    }

    /** Choices for a period picker: this year's and last year's periods and year-to-dates, newest first. */
    public static List<ReportPeriod> choices(LocalDate today) {
        List<ReportPeriod> list = new ArrayList<>();
        for (int year = today.getYear(); year >= today.getYear() - 2; year--) {
            for (int q = 4; q >= 1; q--) {
                Period quarter = new Period(PeriodType.QUARTER, year, q);
                if (quarter.start().isAfter(today)) {
                    continue;
                }
                if (q > 1) {
                    list.add(parse(quarter.id() + "YTD"));
                }
                list.add(parse(quarter.id()));
            }
            list.add(parse(String.valueOf(year)));
            for (int h = 2; h >= 1; h--) {
                Period half = new Period(PeriodType.HALF_YEAR, year, h);
                if (!half.start().isAfter(today)) {
                    list.add(parse(half.id()));
                }
            }
            if (year == today.getYear()) {
                for (int m = today.getMonthValue(); m >= 1; m--) {
                    list.add(parse(new Period(PeriodType.MONTH, year, m).id()));
                }
            }
        }
        return list;
    }
}

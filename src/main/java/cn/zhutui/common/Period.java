package cn.zhutui.common;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period with DHIS2's ids: "202503" (March 2025), "2025Q1", "2025S1", "2025".
 * Every module speaks of periods through this one type.
 *
 * @param index month 1-12, quarter 1-4, half 1-2, or 1 for a year
 */
public record Period(PeriodType type, int year, int index) {

    private static final Pattern ID = Pattern.compile("^(\\d{4})(?:(\\d{2})|Q([1-4])|S([12]))?$");

    public Period {
        int max = switch (type) {
            case MONTH -> 12;
            case QUARTER -> 4;
            case HALF_YEAR -> 2;
            case YEAR -> 1;
        };
        if (index < 1 || index > max || year < 1900 || year > 9999) {
            throw new IllegalArgumentException("no such period: " + type + " " + year + " " + index);
        }
    }

    public static Period parse(String id) {
        Matcher m = ID.matcher(id == null ? "" : id.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a period id: " + id);
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return new Period(PeriodType.MONTH, year, Integer.parseInt(m.group(2)));
        }
        if (m.group(3) != null) {
            return new Period(PeriodType.QUARTER, year, Integer.parseInt(m.group(3)));
        }
        if (m.group(4) != null) {
            return new Period(PeriodType.HALF_YEAR, year, Integer.parseInt(m.group(4)));
        }
        return new Period(PeriodType.YEAR, year, 1);
    }

    public static boolean isValid(String id) {
        try {
            parse(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static Period containing(LocalDate date, PeriodType type) {
        int m = date.getMonthValue();
        return switch (type) {
            case MONTH -> new Period(type, date.getYear(), m);
            case QUARTER -> new Period(type, date.getYear(), (m - 1) / 3 + 1);
            case HALF_YEAR -> new Period(type, date.getYear(), m <= 6 ? 1 : 2);
            case YEAR -> new Period(type, date.getYear(), 1);
        };
    }

    public String id() {
        return switch (type) {
            case MONTH -> String.format("%d%02d", year, index);
            case QUARTER -> year + "Q" + index;
            case HALF_YEAR -> year + "S" + index;
            case YEAR -> String.valueOf(year);
        };
    }

    public LocalDate start() {
        return LocalDate.of(year, firstMonth(), 1);
    }

    public LocalDate end() {
        return YearMonth.of(year, firstMonth() + months() - 1).atEndOfMonth();
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    public Period previous() {
        return index > 1 ? new Period(type, year, index - 1) : new Period(type, year - 1, count(type));
    }

    public Period next() {
        return index < count(type) ? new Period(type, year, index + 1) : new Period(type, year + 1, 1);
    }

    public Period sameLastYear() {
        return new Period(type, year - 1, index);
    }

    /** 2025年3月, 2025年第一季度, 2025年上半年, 2025年 — or the English forms. */
    public String label(Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        return switch (type) {
            case MONTH -> en ? YearMonth.of(year, index).getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH) + " " + year
                    : year + "年" + index + "月";
            case QUARTER -> en ? year + " Q" + index : year + "年第" + "一二三四".charAt(index - 1) + "季度";
            case HALF_YEAR -> en ? (index == 1 ? "H1 " : "H2 ") + year : year + (index == 1 ? "年上半年" : "年下半年");
            case YEAR -> en ? String.valueOf(year) : year + "年";
        };
    }

    @Override
    public String toString() {
        return id();
    }

    private int firstMonth() {
        return (index - 1) * months() + 1;
    }

    private int months() {
        return switch (type) {
            case MONTH -> 1;
            case QUARTER -> 3;
            case HALF_YEAR -> 6;
            case YEAR -> 12;
        };
    }

    private static int count(PeriodType type) {
        return switch (type) {
            case MONTH -> 12;
            case QUARTER -> 4;
            case HALF_YEAR -> 2;
            case YEAR -> 1;
        };
    }
}

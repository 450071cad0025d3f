package cn.zhutui.bench;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The floors' date parameters, computed as the app computes its periods: a quarter (or the year
 * to its end), the same span last year and the span before; a range of days cut into whole
 * months and the days around them.
 */
final class Spans {

    /** An empty span (from after to): BETWEEN finds nothing. */
    static final LocalDate NEVER_FROM = LocalDate.of(2100, 1, 1);
    static final LocalDate NEVER_TO = LocalDate.of(2000, 1, 1);

    private Spans() {
    }

    /** "2025Q3" → its first and last day; with ytd, from 1 January. */
    static LocalDate[] quarter(String id, boolean ytd) {
        int year = Integer.parseInt(id.substring(0, 4));
        int q = id.charAt(5) - '0';
        LocalDate from = ytd ? LocalDate.of(year, 1, 1) : LocalDate.of(year, q * 3 - 2, 1);
        return new LocalDate[] {from, LocalDate.of(year, q * 3, 1).plusMonths(1).minusDays(1)};
    }

    /** The month bits of a span within one year (bit 0 = January). */
    static int mask(LocalDate from, LocalDate to) {
        int m = 0;
        for (int month = from.getMonthValue(); month <= to.getMonthValue(); month++) {
            m |= 1 << (month - 1);
        }
        return m;
    }

    /** The table floor's parameters for a quarter (or the year to its end) of an org. */
    static Map<String, Object> table(long campaign, String path, int depth, String quarter, boolean ytd) {
        LocalDate[] now = quarter(quarter, ytd);
        Map<String, Object> p = org(campaign, path, depth);
        p.put("fromMonth", now[0]);
        p.put("toMonth", now[1]);
        p.put("lastYearFrom", now[0].minusYears(1));
        p.put("lastYearTo", now[1].minusYears(1));
        // a year to date has no span before it (环比): the page shows none
        p.put("previousFrom", ytd ? NEVER_FROM : now[0].minusMonths(3));
        p.put("previousTo", ytd ? NEVER_TO : now[0].minusDays(1));
        p.put("year", now[0].getYear());
        p.put("mask", mask(now[0], now[1]));
        return p;
    }

    static Map<String, Object> org(long campaign, String path, int depth) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("campaign", campaign);
        p.put("path", path);
        p.put("depth", depth);
        return p;
    }

    /** The range floor's parameters: each span's whole months and the days before and after them. */
    static Map<String, Object> range(long campaign, String path, int depth, LocalDate from, LocalDate to) {
        Map<String, Object> p = org(campaign, path, depth);
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        split(p, "now", from, to);
        split(p, "ly", from.minusYears(1), to.minusYears(1));
        split(p, "pv", from.minusDays(days), from.minusDays(1));
        LocalDate firstMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate lastMonth = YearMonth.from(to).atEndOfMonth().equals(to) ? to : to.withDayOfMonth(1).minusDays(1);
        p.put("year", firstMonth.getYear());
        p.put("mask", firstMonth.isAfter(lastMonth) ? 0 : mask(firstMonth, lastMonth));
        return p;
    }

    private static void split(Map<String, Object> p, String span, LocalDate from, LocalDate to) {
        LocalDate first = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate last = YearMonth.from(to).atEndOfMonth().equals(to) ? to : to.withDayOfMonth(1).minusDays(1);
        boolean months = !first.isAfter(last);
        p.put(span + "MonthsFrom", months ? first : NEVER_FROM);
        p.put(span + "MonthsTo", months ? last : NEVER_TO);
        p.put(span + "Days1From", months ? (from.isBefore(first) ? from : NEVER_FROM) : from);
        p.put(span + "Days1To", months ? (from.isBefore(first) ? first.minusDays(1) : NEVER_TO) : to);
        p.put(span + "Days2From", months && to.isAfter(last) ? last.plusDays(1) : NEVER_FROM);
        p.put(span + "Days2To", months && to.isAfter(last) ? to : NEVER_TO);
        // the day bits of each run's month (a run lies within one month when the range has whole months)
        for (String run : new String[] {"Days1", "Days2"}) {
            LocalDate a = (LocalDate) p.get(span + run + "From");
            LocalDate b = (LocalDate) p.get(span + run + "To");
            int mask = 0;
            if (!a.isAfter(b)) {
                for (LocalDate d = a; !d.isAfter(b) && d.getMonth() == a.getMonth(); d = d.plusDays(1)) {
                    mask |= 1 << (d.getDayOfMonth() - 1);
                }
            }
            p.put(span + run + "Month", a.isAfter(b) ? NEVER_FROM : a.withDayOfMonth(1));
            p.put(span + run + "Mask", mask);
        }
    }
}

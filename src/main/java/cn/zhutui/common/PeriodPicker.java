package cn.zhutui.common;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the period picker of the statistics pages offers: a year (from the first the page has
 * figures for to the last), then a span of it — the year, a half, a quarter, a month, the year to the end of a quarter
 * or month — or any range of days. The chosen period is preselected.
 *
 * @param span the chosen span code (see {@link ReportPeriod#of}); null when a range of days is shown
 */
public record PeriodPicker(List<Integer> years, List<Group> groups, int year, String span, LocalDate from, LocalDate to) {

    /** A group of spans under a heading (quarters, months …). */
    public record Group(String label, List<Choice> choices) {
    }

    public record Choice(String code, String label) {
    }

    /** The picker of the years from lastYear back to firstYear, with the chosen period's year among them. */
    public static PeriodPicker of(int firstYear, int lastYear, ReportPeriod chosen, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        List<Integer> years = new ArrayList<>();
        for (int y = lastYear; y >= firstYear; y--) {
            years.add(y);
        }
        if (!years.contains(chosen.from().getYear())) {
            years.add(chosen.from().getYear());
        }
        String[] cn = {"一", "二", "三", "四"};
        List<Group> groups = new ArrayList<>();
        groups.add(new Group(en ? "Year" : "全年、半年", List.of(new Choice("Y", en ? "Whole year" : "全年"),
                new Choice("S1", en ? "First half" : "上半年"), new Choice("S2", en ? "Second half" : "下半年"))));
        List<Choice> quarters = new ArrayList<>();
        List<Choice> toQuarter = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            quarters.add(new Choice("Q" + q, en ? "Q" + q : "第" + cn[q - 1] + "季度"));
            if (q < 4) {
                toQuarter.add(new Choice("YQ" + q, en ? "Jan to end of Q" + q : "年初至第" + cn[q - 1] + "季度末"));
            }
        }
        groups.add(new Group(en ? "Quarters" : "季度", quarters));
        groups.add(new Group(en ? "Year to date" : "年初至今", toQuarter));
        List<Choice> months = new ArrayList<>();
        List<Choice> toMonth = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(new Choice("M" + m, en ? java.time.Month.of(m).getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH) : m + "月"));
            if (m < 12) {
                toMonth.add(new Choice("YM" + m, en ? "Jan to end of " + java.time.Month.of(m).getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH)
                        : "1月至" + m + "月"));
            }
        }
        groups.add(new Group(en ? "Months" : "月份", months));
        groups.add(new Group(en ? "Months to date" : "1月至某月", toMonth));
        return new PeriodPicker(years, groups, chosen.from().getYear(), chosen.span(), chosen.from(), chosen.to());
    }

    public boolean custom() {
        return span == null;
    }
}

package cn.zhutui.report;

import cn.zhutui.campaign.Campaign;
import cn.zhutui.campaign.CampaignService;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.OfficialDocument;
import cn.zhutui.common.Period;
import cn.zhutui.ledger.LedgerStatsService;
import cn.zhutui.period.PeriodState;
import cn.zhutui.period.SubmissionService;
import cn.zhutui.member.Member;
import cn.zhutui.member.MemberService;
import cn.zhutui.org.OrgService;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The quarterly summary (工作情况) as a Word document: title and period, the figures in a sentence
 * the way the seeds report them, the statistics table, the members and units that did most, and
 * the units lagging behind or late with their submission, signed off by the org; the statistics
 * table attached on landscape pages. Laid out as an official document ({@link OfficialDocument}).
 */
@Component
class ReportWord {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    /** At most this many units side by side in one table of the attachment. */
    static final int MAX_UNITS_PER_TABLE = 8;

    private final LedgerStatsService stats;
    private final MemberService members;
    private final SubmissionService submissions;
    private final CampaignService campaigns;
    private final OrgService orgs;
    private final ReportService reports;
    private final MessageSource messages;
    private final java.time.Clock clock;

    ReportWord(LedgerStatsService stats, MemberService members, SubmissionService submissions, CampaignService campaigns,
               OrgService orgs, ReportService reports, MessageSource messages, java.time.Clock clock) {
        this.clock = clock;
        this.stats = stats;
        this.members = members;
        this.submissions = submissions;
        this.campaigns = campaigns;
        this.orgs = orgs;
        this.reports = reports;
        this.messages = messages;
    }

    void write(DataScope scope, ReportRequest request, StatisticsTable t, Locale locale, OutputStream out) throws IOException {
        try (OfficialDocument doc = new OfficialDocument()) {
            doc.title(t.campaignName() + t.periodLabel() + msg("report.word.title", locale));
            doc.subtitle("（" + msg("report.unitLabel", locale) + t.orgName() + "　" + msg("report.periodLabel", locale) + t.periodLabel()
                    + (t.filterLabel().isEmpty() ? "" : "　" + t.filterLabel()) + "）");

            doc.heading(msg("report.word.overview", locale));
            doc.paragraph(overview(t, locale));

            doc.heading(msg("report.word.table", locale));
            doc.paragraph(msg("report.word.seeAttachment", locale));

            doc.heading(msg("report.word.top", locale));
            var q = reports.query(request, orgs.get(scope, t.orgId()));
            List<Map.Entry<Long, Long>> top = stats.topMembers(scope, q, 10);
            Map<Long, String> names = members.findAll(top.stream().map(Map.Entry::getKey).toList()).stream()
                    .collect(Collectors.toMap(Member::id, Member::name));
            doc.paragraph(top.isEmpty() ? msg("common.noData", locale) : msg("report.word.topMembers", locale) + top.stream()
                    .map(e -> names.getOrDefault(e.getKey(), "#" + e.getKey()) + "（" + e.getValue() + "）").collect(Collectors.joining("、")) + "。");
            StatisticsTable.Row entries = t.summary().stream().filter(r -> r.key().equals("entries")).findFirst().orElseThrow();
            List<StatisticsTable.Column> units = t.columns().stream().filter(c -> !c.own()).toList();
            List<StatisticsTable.Column> byEntries = units.stream()
                    .sorted(Comparator.comparing((StatisticsTable.Column c) -> entries.value(c.orgId())).reversed()).toList();
            if (byEntries.stream().anyMatch(c -> entries.value(c.orgId()).signum() > 0)) {
                doc.paragraph(msg("report.word.topUnits", locale) + byEntries.stream().filter(c -> entries.value(c.orgId()).signum() > 0).limit(5)
                        .map(c -> c.name() + "（" + entries.format(entries.value(c.orgId())) + "）").collect(Collectors.joining("、")) + "。");
            }

            doc.heading(msg("report.word.lagging", locale));
            if (byEntries.isEmpty()) {
                doc.paragraph(msg("common.noData", locale));
            } else {
                List<StatisticsTable.Column> bottom = byEntries.subList(Math.max(0, byEntries.size() - 5), byEntries.size());
                doc.paragraph(msg("report.word.fewest", locale) + bottom.stream()
                        .map(c -> c.name() + "（" + entries.format(entries.value(c.orgId())) + "）").collect(Collectors.joining("、")) + "。");
                doc.paragraph(lateSubmissions(scope, t, units, locale));
            }
            doc.signOff(t.orgName(), LocalDate.now(clock));

            doc.landscapeFromHere();
            doc.attachmentTitle(msg("report.word.attachment", locale), t.campaignName() + msg("report.tableTitle", locale),
                    msg("report.unitLabel", locale) + t.orgName() + "　" + msg("report.periodLabel", locale) + t.periodLabel()
                            + (t.filterLabel().isEmpty() ? "" : "　" + t.filterLabel()));
            tables(doc, t, locale);
            doc.note(msg(t.includeSubmitted() ? "report.noteSubmitted" : "report.noteApproved", locale));
            doc.write(out);
        }
    }

    /**
     * The statistics table on landscape pages: first the totals with targets and comparisons, then
     * the units, as many to a table as fit without breaking a number, never more than eight.
     */
    private void tables(OfficialDocument doc, StatisticsTable t, Locale locale) {
        List<StatisticsTable.Row> rows = new ArrayList<>(t.rows());
        rows.addAll(t.summary());
        String summaryHeading = msg("report.summaryHeading", locale);
        List<OfficialDocument.Column> labels = List.of(
                labelColumn(msg("report.taskType", locale), rows.stream().map(r -> r.taskType() == null ? summaryHeading : r.taskType()), 6),
                labelColumn(msg("report.indicator", locale), rows.stream().map(r -> label(r, locale)), 9),
                labelColumn(msg("report.unit", locale), rows.stream().map(StatisticsTable.Row::unit), 4));
        OfficialDocument.Column total = figureColumn(msg("report.total", locale), rows.stream().map(r -> r.format(r.total())));

        List<OfficialDocument.Column> first = new ArrayList<>(labels);
        first.add(total);
        boolean targets = t.hasTargets();
        if (targets) {
            first.add(figureColumn(msg("report.target", locale), rows.stream().map(r -> r.format(r.target()))));
            first.add(figureColumn(msg("report.completion", locale), rows.stream().map(r -> share(r.completion()))));
        }
        first.add(figureColumn(msg("report.yoy", locale), rows.stream().map(r -> change(r.yearOnYear()))));
        first.add(figureColumn(msg("report.mom", locale), rows.stream().map(r -> change(r.periodOnPeriod()))));
        doc.tableCaption(msg("report.word.totals", locale));
        doc.table(first, cells(rows, summaryHeading, locale, r -> {
            List<String> v = new ArrayList<>(List.of(r.format(r.total())));
            if (targets) {
                v.add(r.format(r.target()));
                v.add(share(r.completion()));
            }
            v.add(change(r.yearOnYear()));
            v.add(change(r.periodOnPeriod()));
            return v;
        }), summaryRows(t));

        List<List<StatisticsTable.Column>> parts = unitParts(t.columns(), rows, labels, total);
        for (int i = 0; i < parts.size(); i++) {
            List<StatisticsTable.Column> part = parts.get(i);
            List<OfficialDocument.Column> columns = new ArrayList<>(labels);
            columns.add(total);
            part.forEach(c -> columns.add(unitColumn(c, rows)));
            doc.tableCaption(msg("report.word.byUnit", locale) + (parts.size() > 1 ? "（" + (i + 1) + "/" + parts.size() + "）" : ""));
            doc.table(columns, cells(rows, summaryHeading, locale, r -> {
                List<String> v = new ArrayList<>(List.of(r.format(r.total())));
                part.forEach(c -> v.add(r.format(r.value(c.orgId()))));
                return v;
            }), summaryRows(t));
        }
    }

    /** Units split into tables that fit the landscape page: at most eight each, none so narrow a number breaks. */
    private static List<List<StatisticsTable.Column>> unitParts(List<StatisticsTable.Column> units, List<StatisticsTable.Row> rows,
                                                                List<OfficialDocument.Column> labels, OfficialDocument.Column total) {
        int room = OfficialDocument.landscapeWidth() - labels.stream().mapToInt(OfficialDocument.Column::width).sum() - total.width();
        List<List<StatisticsTable.Column>> parts = new ArrayList<>();
        List<StatisticsTable.Column> part = new ArrayList<>();
        int used = 0;
        for (StatisticsTable.Column c : units) {
            int w = unitColumn(c, rows).width();
            if (!part.isEmpty() && (part.size() == MAX_UNITS_PER_TABLE || used + w > room)) {
                parts.add(part);
                part = new ArrayList<>();
                used = 0;
            }
            part.add(c);
            used += w;
        }
        if (!part.isEmpty()) {
            parts.add(part);
        }
        return parts;
    }

    private static OfficialDocument.Column unitColumn(StatisticsTable.Column c, List<StatisticsTable.Row> rows) {
        // the name wraps (at most into a few lines), the figures never
        int figures = rows.stream().mapToInt(r -> OfficialDocument.columnWidth(r.format(r.value(c.orgId())))).max().orElse(0);
        return new OfficialDocument.Column(c.name(), Math.max(figures, OfficialDocument.columnWidth("一二三")), true);
    }

    private static OfficialDocument.Column figureColumn(String title, java.util.stream.Stream<String> values) {
        int w = Math.max(OfficialDocument.columnWidth(title), values.mapToInt(OfficialDocument::columnWidth).max().orElse(0));
        return new OfficialDocument.Column(title, w, true);
    }

    /** A label column as wide as its longest text, up to a number of characters (longer labels wrap). */
    private static OfficialDocument.Column labelColumn(String title, java.util.stream.Stream<String> values, int maxChars) {
        int longest = values.mapToInt(v -> OfficialDocument.columnWidth(v == null ? "" : v)).max().orElse(0);
        int w = Math.max(OfficialDocument.columnWidth(title), Math.min(longest, OfficialDocument.columnWidth("字".repeat(maxChars))));
        return new OfficialDocument.Column(title, w, false);
    }

    /** The rows' cells: task type (null continues the one above), indicator, unit, then the figures. */
    private List<List<String>> cells(List<StatisticsTable.Row> rows, String summaryHeading, Locale locale,
                                     Function<StatisticsTable.Row, List<String>> figures) {
        Function<StatisticsTable.Row, String> label = r -> label(r, locale);
        List<List<String>> cells = new ArrayList<>();
        String previousType = null;
        for (StatisticsTable.Row r : rows) {
            String type = r.taskType() == null ? summaryHeading : r.taskType();
            List<String> v = new ArrayList<>();
            v.add(type.equals(previousType) ? null : type);
            v.add(label.apply(r));
            v.add(r.unit());
            v.addAll(figures.apply(r));
            cells.add(v);
            previousType = type;
        }
        return cells;
    }

    /** An indicator's name, marked when it is retired. */
    private String label(StatisticsTable.Row r, Locale locale) {
        return r.name() + (r.retired() ? msg("report.retiredMark", locale) : "");
    }

    private static java.util.Set<Integer> summaryRows(StatisticsTable t) {
        java.util.Set<Integer> bold = new java.util.HashSet<>();
        for (int i = 0; i < t.summary().size(); i++) {
            bold.add(t.rows().size() + i);
        }
        return bold;
    }

    private static String share(BigDecimal v) {
        return v == null ? "—" : v.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static String change(BigDecimal v) {
        return v == null ? "—" : (v.signum() > 0 ? "+" : "") + v.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** 发展产业项目1508个，提供技术服务20564次…: the seeds' way of putting the figures. */
    private String overview(StatisticsTable t, Locale locale) {
        String figures = t.rows().stream().filter(r -> r.total().signum() > 0)
                .map(r -> r.name() + r.format(r.total()) + r.unit()).collect(Collectors.joining("，"));
        Function<String, String> summary = key -> t.summary().stream().filter(r -> r.key().equals(key)).findFirst()
                .map(r -> r.format(r.total())).orElse("0");
        return t.periodLabel() + "，" + t.orgName() + msg("report.word.recorded", locale) + summary.apply("entries")
                + msg("report.word.entriesBy", locale) + summary.apply("members") + msg("report.word.members", locale)
                + (figures.isEmpty() ? "" : "：" + figures) + "。";
    }

    /** Units that had not submitted the campaign's last period of the span by its deadline. */
    private String lateSubmissions(DataScope scope, StatisticsTable t, List<StatisticsTable.Column> units, Locale locale) {
        Campaign campaign = campaigns.get(scope, t.campaignId());
        Period last = submissions.periodOf(campaign, t.period().to());
        if (last.end().isAfter(submissions.today())) {
            last = last.previous();
        }
        Map<Long, PeriodState> states = submissions.states(campaign, last, units.stream().map(StatisticsTable.Column::orgId).toList());
        String late = units.stream().filter(c -> states.get(c.orgId()).overdue() || Boolean.FALSE.equals(states.get(c.orgId()).onTime()))
                .map(c -> c.name() + (states.get(c.orgId()).overdue() ? msg("report.word.notSubmitted", locale) : msg("report.word.late", locale)))
                .collect(Collectors.joining("、"));
        return last.label(locale) + msg("report.word.submissions", locale) + (late.isEmpty() ? msg("report.word.allOnTime", locale) : late);
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}

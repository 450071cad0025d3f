package cn.zhutui.report;

import cn.zhutui.campaign.Campaign;
import cn.zhutui.campaign.CampaignService;
import cn.zhutui.common.DataScope;
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
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The quarterly summary (工作情况) as a Word document: title and period, the figures in a sentence
 * the way the seeds report them, the statistics table, the members and units that did most, and
 * the units lagging behind or late with their submission. Landscape A4, fonts Chinese readers have.
 */
@Component
class ReportWord {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String FONT = "SimSun";

    private final LedgerStatsService stats;
    private final MemberService members;
    private final SubmissionService submissions;
    private final CampaignService campaigns;
    private final OrgService orgs;
    private final ReportService reports;
    private final MessageSource messages;

    ReportWord(LedgerStatsService stats, MemberService members, SubmissionService submissions, CampaignService campaigns,
               OrgService orgs, ReportService reports, MessageSource messages) {
        this.stats = stats;
        this.members = members;
        this.submissions = submissions;
        this.campaigns = campaigns;
        this.orgs = orgs;
        this.reports = reports;
        this.messages = messages;
    }

    void write(DataScope scope, ReportRequest request, StatisticsTable t, Locale locale, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            landscape(doc);
            paragraph(doc, t.campaignName() + t.periodLabel() + msg("report.word.title", locale), 18, true, ParagraphAlignment.CENTER);
            paragraph(doc, t.orgName() + "    " + msg("report.periodLabel", locale) + t.periodLabel()
                    + (t.filterLabel().isEmpty() ? "" : "    " + t.filterLabel()), 11, false, ParagraphAlignment.CENTER);

            heading(doc, msg("report.word.overview", locale));
            paragraph(doc, overview(t, locale), 12, false, ParagraphAlignment.BOTH);

            heading(doc, msg("report.word.table", locale));
            table(doc, t, locale);

            heading(doc, msg("report.word.top", locale));
            var q = reports.query(request, orgs.get(scope, t.orgId()));
            List<Map.Entry<Long, Long>> top = stats.topMembers(scope, q, 10);
            Map<Long, String> names = members.findAll(top.stream().map(Map.Entry::getKey).toList()).stream()
                    .collect(Collectors.toMap(Member::id, Member::name));
            paragraph(doc, top.isEmpty() ? msg("common.noData", locale) : top.stream()
                    .map(e -> names.getOrDefault(e.getKey(), "#" + e.getKey()) + "（" + e.getValue() + "）").collect(Collectors.joining("、")),
                    12, false, ParagraphAlignment.LEFT);
            StatisticsTable.Row entries = t.summary().stream().filter(r -> r.key().equals("entries")).findFirst().orElseThrow();
            List<StatisticsTable.Column> units = t.columns().stream().filter(c -> !c.own()).toList();
            List<StatisticsTable.Column> byEntries = units.stream()
                    .sorted(Comparator.comparing((StatisticsTable.Column c) -> entries.value(c.orgId())).reversed()).toList();
            if (!byEntries.isEmpty()) {
                paragraph(doc, msg("report.word.topUnits", locale) + byEntries.stream().limit(5)
                        .map(c -> c.name() + "（" + plain(entries.value(c.orgId())) + "）").collect(Collectors.joining("、")), 12, false, ParagraphAlignment.LEFT);
            }

            heading(doc, msg("report.word.lagging", locale));
            List<String> lagging = new ArrayList<>();
            if (!byEntries.isEmpty()) {
                List<StatisticsTable.Column> bottom = byEntries.subList(Math.max(0, byEntries.size() - 5), byEntries.size());
                lagging.add(msg("report.word.fewest", locale) + bottom.stream()
                        .map(c -> c.name() + "（" + plain(entries.value(c.orgId())) + "）").collect(Collectors.joining("、")));
                lagging.add(lateSubmissions(scope, t, units, locale));
            }
            for (String line : lagging) {
                paragraph(doc, line, 12, false, ParagraphAlignment.LEFT);
            }
            if (lagging.isEmpty()) {
                paragraph(doc, msg("common.noData", locale), 12, false, ParagraphAlignment.LEFT);
            }
            paragraph(doc, msg(t.includeSubmitted() ? "report.noteSubmitted" : "report.noteApproved", locale), 9, false, ParagraphAlignment.LEFT);
            doc.write(out);
        }
    }

    /** 发展产业项目1508个，提供技术服务20564次…: the seeds' way of putting the figures. */
    private String overview(StatisticsTable t, Locale locale) {
        String figures = t.rows().stream().filter(r -> r.total().signum() > 0)
                .map(r -> r.name() + plain(r.total()) + r.unit()).collect(Collectors.joining("，"));
        Function<String, String> summary = key -> t.summary().stream().filter(r -> r.key().equals(key)).findFirst()
                .map(r -> plain(r.total())).orElse("0");
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

    private void table(XWPFDocument doc, StatisticsTable t, Locale locale) {
        List<StatisticsTable.Column> columns = t.columns();
        int cols = 4 + columns.size();
        List<StatisticsTable.Row> rows = new ArrayList<>(t.rows());
        rows.addAll(t.summary());
        XWPFTable table = doc.createTable(rows.size() + 1, cols);
        table.setWidth("100%");
        XWPFTableRow header = table.getRow(0);
        List<String> titles = new ArrayList<>(List.of(msg("report.taskType", locale), msg("report.indicator", locale),
                msg("report.unit", locale), msg("report.total", locale)));
        columns.forEach(c -> titles.add(c.name()));
        for (int c = 0; c < cols; c++) {
            text(header.getCell(c).getParagraphs().get(0), titles.get(c), true);
        }
        header.setRepeatHeader(true);
        for (int r = 0; r < rows.size(); r++) {
            StatisticsTable.Row row = rows.get(r);
            XWPFTableRow x = table.getRow(r + 1);
            text(x.getCell(0).getParagraphs().get(0), row.taskType() == null ? msg("report.summaryHeading", locale) : row.taskType(), false);
            text(x.getCell(1).getParagraphs().get(0), row.name(), false);
            text(x.getCell(2).getParagraphs().get(0), row.unit(), false);
            text(x.getCell(3).getParagraphs().get(0), plain(row.total()), true);
            for (int c = 0; c < columns.size(); c++) {
                text(x.getCell(4 + c).getParagraphs().get(0), plain(row.value(columns.get(c).orgId())), false);
            }
        }
    }

    private static void landscape(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setOrient(STPageOrientation.LANDSCAPE);
        size.setW(BigInteger.valueOf(16838));
        size.setH(BigInteger.valueOf(11906));
    }

    private static void heading(XWPFDocument doc, String text) {
        paragraph(doc, text, 14, true, ParagraphAlignment.LEFT);
    }

    private static void paragraph(XWPFDocument doc, String text, int size, boolean bold, ParagraphAlignment align) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setBold(bold);
        run.setFontSize(size);
        run.setFontFamily(FONT);
    }

    private static void text(XWPFParagraph p, String text, boolean bold) {
        XWPFRun run = p.createRun();
        run.setText(text == null ? "" : text);
        run.setBold(bold);
        run.setFontSize(9);
        run.setFontFamily(FONT);
    }

    static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}

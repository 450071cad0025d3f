package cn.zhutui.consult;

import cn.zhutui.audit.AuditService;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.Workbooks;
import cn.zhutui.consult.internal.ConsultRules;
import cn.zhutui.dict.DictService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Any filtered list of topics, meetings or outcomes as .xlsx, streamed row by row, within the
 * user's scope; each export is written to the audit log with its row count and filters.
 */
@Service
public class ConsultExports {

    private final TopicService topics;
    private final PlatformService platforms;
    private final MeetingService meetings;
    private final OutcomeService outcomes;
    private final DictService dict;
    private final AuditService audit;
    private final MessageSource messages;
    private final int maxRows;
    private final java.time.Clock clock;

    ConsultExports(TopicService topics, PlatformService platforms, MeetingService meetings, OutcomeService outcomes, DictService dict, AuditService audit,
                   MessageSource messages, @Value("${zhutui.export.max-rows:200000}") int maxRows, java.time.Clock clock) {
        this.clock = clock;
        this.platforms = platforms;
        this.topics = topics;
        this.meetings = meetings;
        this.outcomes = outcomes;
        this.dict = dict;
        this.audit = audit;
        this.messages = messages;
        this.maxRows = maxRows;
    }

    public Workbook topics(DataScope scope, TopicQuery q, Locale locale) {
        if (topics.count(scope, q) > maxRows) {
            throw new BusinessException("export.tooMany", String.format("%,d", maxRows));
        }
        SXSSFWorkbook wb = Workbooks.streaming();
        Sheet sheet = wb.createSheet(msg("consult.topics", locale));
        Workbooks.header(sheet, 0, titles(locale, "consult.id", "consult.topic.title", "consult.platform", "consult.platform.level",
                "consult.topic.source", "consult.topic.raisedBy", "consult.topic.raisedOn", "consult.topic.region", "consult.topic.affected",
                "consult.topic.households", "consult.topic.step", "common.status", "consult.topic.solvedOn", "consult.meetings",
                "consult.outcomes", "consult.outcome.status.OVERDUE", "consult.org"), Workbooks.headerStyle(wb));
        sheet.createFreezePane(0, 1);
        int[] n = {1};
        topics.forEach(scope, q, r -> {
            Topic t = r.topic();
            Workbooks.cells(sheet.createRow(n[0]++), Arrays.asList(t.id(), t.title(), r.platformName(),
                    dict.label(ConsultRules.LEVELS, r.platformLevel(), locale), dict.label(ConsultRules.SOURCES, t.source(), locale),
                    t.raisedBy(), t.raisedOn().toString(), r.regionName(), t.affected(), t.households(), r.stepName(),
                    msg("consult.topic.state." + t.state(), locale), t.solvedOn() == null ? null : t.solvedOn().toString(),
                    r.meetings(), r.outcomes(), r.overdueOutcomes(), r.orgName()));
        });
        audit.record(scope, "EXPORT", "consult_topic", null, (n[0] - 1) + " rows", null, Map.of("rows", n[0] - 1, "query", String.valueOf(q)));
        return wb;
    }

    public Workbook meetings(DataScope scope, MeetingQuery q, Locale locale) {
        if (meetings.count(scope, q) > maxRows) {
            throw new BusinessException("export.tooMany", String.format("%,d", maxRows));
        }
        SXSSFWorkbook wb = Workbooks.streaming();
        Sheet sheet = wb.createSheet(msg("consult.meetings", locale));
        Workbooks.header(sheet, 0, titles(locale, "consult.id", "consult.meeting.title", "consult.meeting.heldOn", "consult.meeting.place",
                "consult.platform", "consult.topic", "consult.meeting.host", "consult.meeting.participants", "consult.meeting.present",
                "consult.meeting.minutesState", "consult.meeting.consensus", "consult.outcomes", "consult.org"), Workbooks.headerStyle(wb));
        sheet.createFreezePane(0, 1);
        int[] n = {1};
        meetings.forEach(scope, q, r -> {
            Meeting m = r.meeting();
            String consensus = m.consensusReached() == null ? "" : (m.consensusReached() ? msg("consult.minutes.reached", locale)
                    : msg("consult.minutes.notReached", locale)) + "：" + (m.consensus() == null ? "" : m.consensus());
            Workbooks.cells(sheet.createRow(n[0]++), Arrays.asList(m.id(), m.title(), m.heldOn().toString(), m.place(), r.platformName(),
                    r.topicTitle(), r.hostName(), r.participants(), r.present(), msg("consult.minutes.state." + m.minutesState(), locale),
                    consensus, r.outcomes(), r.orgName()));
        });
        audit.record(scope, "EXPORT", "consult_meeting", null, (n[0] - 1) + " rows", null, Map.of("rows", n[0] - 1, "query", String.valueOf(q)));
        return wb;
    }

    public Workbook outcomes(DataScope scope, OutcomeQuery q, Locale locale) {
        if (outcomes.count(scope, q) > maxRows) {
            throw new BusinessException("export.tooMany", String.format("%,d", maxRows));
        }
        SXSSFWorkbook wb = Workbooks.streaming();
        Sheet sheet = wb.createSheet(msg("consult.outcomes", locale));
        Workbooks.header(sheet, 0, titles(locale, "consult.id", "consult.topic", "consult.outcome.action", "consult.outcome.responsible",
                "consult.outcome.deadline", "common.status", "consult.outcome.stage", "consult.outcome.doneOn", "consult.outcome.solved",
                "consult.meeting.heldOn", "consult.platform", "consult.topic.region", "consult.outcome.publishedAt", "consult.org"),
                Workbooks.headerStyle(wb));
        sheet.createFreezePane(0, 1);
        int[] n = {1};
        outcomes.forEach(scope, q, r -> {
            Outcome o = r.outcome();
            Workbooks.cells(sheet.createRow(n[0]++), Arrays.asList(o.id(), r.topicTitle(), o.action(), o.responsible(), o.deadline().toString(),
                    msg("consult.outcome.status." + r.status(), locale), o.stage() == null ? null : dict.label(ConsultRules.STAGES, o.stage(), locale),
                    o.doneOn() == null ? null : o.doneOn().toString(),
                    o.solved() == null ? null : msg(o.solved() ? "consult.feedback.solved" : "consult.feedback.notSolved", locale),
                    r.heldOn().toString(), r.platformName(), r.regionName(),
                    o.publishedAt() == null ? null : o.publishedAt().atZoneSameInstant(clock.getZone()).toLocalDate().toString(),
                    r.orgName()));
        });
        audit.record(scope, "EXPORT", "consult_outcome", null, (n[0] - 1) + " rows", null, Map.of("rows", n[0] - 1, "query", String.valueOf(q)));
        return wb;
    }

    public Workbook platforms(DataScope scope, PlatformQuery q, Locale locale) {
        SXSSFWorkbook wb = Workbooks.streaming();
        Sheet sheet = wb.createSheet(msg("consult.platforms", locale));
        Workbooks.header(sheet, 0, titles(locale, "consult.id", "common.name", "consult.platform.level", "consult.platform.region",
                "consult.platform.venue", "consult.platform.establishedOn", "consult.platform.active", "consult.stats.topics",
                "consult.stats.meetings", "consult.stats.solved", "consult.org"), Workbooks.headerStyle(wb));
        sheet.createFreezePane(0, 1);
        int n = 1;
        int pageNo = 1;
        while (true) {
            var page = platforms.search(scope, q, new cn.zhutui.common.PageRequest(pageNo, cn.zhutui.common.PageRequest.MAX_SIZE));
            for (PlatformRow r : page.items()) {
                Platform p = r.platform();
                Workbooks.cells(sheet.createRow(n++), Arrays.asList(p.id(), p.name(), dict.label(ConsultRules.LEVELS, p.level(), locale),
                        r.regionName(), p.venue(), p.establishedOn() == null ? null : p.establishedOn().toString(),
                        msg(p.active() ? "common.yes" : "common.no", locale), r.topics(), r.meetings(), r.solved(), r.orgName()));
            }
            if (!page.hasNext() || n > maxRows) {
                break;
            }
            pageNo++;
        }
        audit.record(scope, "EXPORT", "consult_platform", null, (n - 1) + " rows", null, Map.of("rows", n - 1, "query", String.valueOf(q)));
        return wb;
    }

    private List<String> titles(Locale locale, String... keys) {
        List<String> list = new ArrayList<>();
        for (String k : keys) {
            list.add(msg(k, locale));
        }
        return list;
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}

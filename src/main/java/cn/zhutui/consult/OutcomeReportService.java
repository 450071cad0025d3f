package cn.zhutui.consult;

import cn.zhutui.audit.AuditService;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.consult.internal.ConsultRules;
import cn.zhutui.consult.internal.MeetingRepository;
import cn.zhutui.consult.internal.OutcomeRepository;
import cn.zhutui.dict.DictItem;
import cn.zhutui.dict.DictService;
import cn.zhutui.member.Member;
import cn.zhutui.member.MemberService;
import cn.zhutui.org.OrgService;
import cn.zhutui.region.Region;
import cn.zhutui.region.RegionService;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The outcome report (协商成果建议书) of a meeting with final minutes: written from the record, sent
 * to the parties responsible, as a .docx in the 公文 layout and as a print page. Every copy that
 * leaves the platform is in the audit log.
 */
@Service
public class OutcomeReportService {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final String NUMERALS = "一二三四五六七八九十";

    private final MeetingService meetings;
    private final MeetingRepository meetingRepository;
    private final OutcomeRepository outcomes;
    private final OrgService orgs;
    private final RegionService regions;
    private final MemberService members;
    private final DictService dict;
    private final AuditService audit;
    private final OutcomeReportWord word;
    private final Clock clock;

    OutcomeReportService(MeetingService meetings, MeetingRepository meetingRepository, OutcomeRepository outcomes, OrgService orgs,
                         RegionService regions, MemberService members, DictService dict, AuditService audit, OutcomeReportWord word, Clock clock) {
        this.meetings = meetings;
        this.meetingRepository = meetingRepository;
        this.outcomes = outcomes;
        this.orgs = orgs;
        this.regions = regions;
        this.members = members;
        this.dict = dict;
        this.audit = audit;
        this.word = word;
        this.clock = clock;
    }

    /** The report of a meeting the user sees; only final minutes make one. */
    public OutcomeReport report(DataScope scope, long meetingId) {
        MeetingDetails d = meetings.details(scope, meetingId);
        Meeting m = d.meeting();
        if (!m.isFinal()) {
            throw new BusinessException("consult.report.notFinal");
        }
        Topic t = d.topic();
        String issuer = orgs.names(List.of(m.orgId())).get(m.orgId());
        List<Outcome> list = outcomes.ofMeeting(meetingId);
        String recipients = list.stream().map(Outcome::responsible).flatMap(r -> java.util.Arrays.stream(r.split("[、,，;；]")))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new)).stream()
                .collect(Collectors.joining("、")) + "：";

        List<Participant> people = meetingRepository.participants(meetingId);
        List<Participant> present = people.stream().filter(Participant::present).toList();
        List<String> byRole = new ArrayList<>();
        for (DictItem role : dict.allItems(ConsultRules.ROLES)) {
            long n = present.stream().filter(p -> p.role().equals(role.code())).count();
            if (n > 0) {
                byRole.add(role.label() + n + "名");
            }
        }
        String host = members.find(m.hostMemberId()).map(Member::name).orElse("");
        String opening = m.heldOn().format(CHINESE_DATE) + "，" + d.platform().name() + "就“" + t.title() + "”在" + m.place()
                + "召开协商议事会议。会议由政协委员" + host + "主持，" + String.join("、", byRole) + "参加（应到" + people.size() + "人，实到"
                + present.size() + "人）。会议纪要已经参会人员确认。现将协商成果报告如下。";

        List<OutcomeReport.Section> sections = new ArrayList<>();
        String place = regions.find(t.regionCode()).map(Region::name).map(OutcomeReportService::shortPlace).orElse("");
        StringBuilder topic = new StringBuilder(t.description() == null || t.description().isBlank() ? t.title() : t.description().trim());
        topic.append("（议题来源：").append(dict.label(ConsultRules.SOURCES, t.source())).append("；").append(t.raisedOn().format(CHINESE_DATE))
                .append("提出；涉及").append(place);
        if (t.affected() != null && !t.affected().isBlank()) {
            topic.append("，").append(t.affected().trim());
        }
        topic.append("。）");
        sections.add(new OutcomeReport.Section(heading(0, "协商议题"), paragraphs(topic.toString())));
        boolean consensus = Boolean.TRUE.equals(m.consensusReached());
        sections.add(new OutcomeReport.Section(heading(1, consensus ? "协商共识" : "意见分歧"), paragraphs(m.consensus())));
        List<String> items = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Outcome o = list.get(i);
            String action = o.action().trim();
            items.add("（" + NUMERALS.charAt(Math.min(i, 9)) + "）" + action + (action.endsWith("。") ? "" : "。") + "责任单位：" + o.responsible()
                    + "；办理时限：" + o.deadline().format(CHINESE_DATE) + "前。");
        }
        if (items.isEmpty()) {
            items.add("本次会议未形成需交办的协商成果。");
        }
        sections.add(new OutcomeReport.Section(heading(2, "协商成果建议"), items));
        sections.add(new OutcomeReport.Section(heading(3, "办理要求"), List.of("请各责任单位按照办理时限抓好落实，并于时限届满前将办理情况书面反馈"
                + issuer + "。" + issuer + "将会同有关方面跟踪督办，并将办理结果向群众公开。")));
        LocalDate day = m.finalizedAt() == null ? m.heldOn() : m.finalizedAt().atZoneSameInstant(clock.getZone()).toLocalDate();
        String title = t.title().trim().replaceFirst("^关于", "");
        return new OutcomeReport(issuer + "“协商在基层”工作", "关于" + title + "的协商成果建议书", recipients, opening, sections, issuer, day);
    }

    /** Writes the report as a .docx; the download is audited. */
    public String writeDocx(DataScope scope, long meetingId, OutputStream out) throws IOException {
        OutcomeReport report = report(scope, meetingId);
        audit.record(scope, "EXPORT", "consult_meeting", meetingId, report.title() + " · docx", null, Map.of("format", "docx"));
        word.write(report, out);
        return report.title() + ".docx";
    }

    /** The report for the print page; printing is audited. */
    public OutcomeReport forPrint(DataScope scope, long meetingId) {
        OutcomeReport report = report(scope, meetingId);
        audit.record(scope, "PRINT", "consult_meeting", meetingId, report.title() + " · print", null, Map.of("format", "print"));
        return report;
    }

    /** 三蒙村民委员会 → 三蒙村, 北街社区居民委员会 → 北街社区: as a document names a place. */
    static String shortPlace(String name) {
        return name.replaceAll("村民委员会$", "村").replaceAll("社区居民委员会$", "社区").replaceAll("居民委员会$", "社区");
    }

    private static String heading(int i, String text) {
        return NUMERALS.charAt(i) + "、" + text;
    }

    private static List<String> paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return List.of("无。");
        }
        return java.util.Arrays.stream(text.split("\\r?\\n")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}

package cn.zhutui.consult;

import cn.zhutui.audit.AuditService;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.ConflictException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.ForbiddenException;
import cn.zhutui.common.InvalidInputException;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.Page;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Period;
import cn.zhutui.common.Permission;
import cn.zhutui.consult.internal.ConsultAccess;
import cn.zhutui.consult.internal.ConsultFacts;
import cn.zhutui.consult.internal.ConsultRules;
import cn.zhutui.consult.internal.ConsultScope;
import cn.zhutui.consult.internal.MeetingRepository;
import cn.zhutui.consult.internal.OutcomeRepository;
import cn.zhutui.consult.internal.PlatformRepository;
import cn.zhutui.consult.internal.Progress;
import cn.zhutui.consult.internal.TopicRepository;
import cn.zhutui.dict.DictService;
import cn.zhutui.file.FileKind;
import cn.zhutui.file.FileService;
import cn.zhutui.file.StoredFile;
import cn.zhutui.member.Member;
import cn.zhutui.member.MemberService;
import cn.zhutui.notify.Notice;
import cn.zhutui.org.OrgService;
import cn.zhutui.security.UserAccount;
import cn.zhutui.security.UserService;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consultation meetings (协商议事会议): held on a topic, hosted by a member, with the people who took
 * part, each with a role and their own sign-in; the agenda, the minutes and the consensus (or the
 * disagreement recorded); photos. The minutes go from draft to the attendees for confirmation — in
 * the app, or their signatures recorded by the host — and become final once every attendee has
 * confirmed; final minutes count in the figures. The committee's office and the meeting's host
 * keep the record; attendees confirm; the scope decides who reads it.
 */
@Service
public class MeetingService {

    private final MeetingRepository repository;
    private final TopicRepository topics;
    private final OutcomeRepository outcomes;
    private final PlatformRepository platforms;
    private final TopicService topicService;
    private final ConsultFacts facts;
    private final Progress progress;
    private final ConsultAccess access;
    private final ConsultRules rules;
    private final OrgService orgs;
    private final MemberService members;
    private final DictService dict;
    private final FileService files;
    private final UserService users;
    private final AuditService audit;
    private final ApplicationEventPublisher events;

    MeetingService(MeetingRepository repository, TopicRepository topics, OutcomeRepository outcomes, PlatformRepository platforms,
                   TopicService topicService, ConsultFacts facts, Progress progress, ConsultAccess access, ConsultRules rules,
                   OrgService orgs, MemberService members, DictService dict, FileService files, UserService users, AuditService audit,
                   ApplicationEventPublisher events) {
        this.repository = repository;
        this.topics = topics;
        this.outcomes = outcomes;
        this.platforms = platforms;
        this.topicService = topicService;
        this.facts = facts;
        this.progress = progress;
        this.access = access;
        this.rules = rules;
        this.orgs = orgs;
        this.members = members;
        this.dict = dict;
        this.files = files;
        this.users = users;
        this.audit = audit;
        this.events = events;
    }

    // ---------------------------------------------------------------- reading

    public Page<MeetingRow> search(DataScope scope, MeetingQuery q, PageRequest page) {
        Page<Meeting> list = repository.search(filter(scope, q), page);
        return new Page<>(rows(list.items()), list.total(), list.page(), list.size(), list.totalAtLeast());
    }

    public long count(DataScope scope, MeetingQuery q) {
        return repository.count(filter(scope, q));
    }

    @Transactional(readOnly = true)
    public void forEach(DataScope scope, MeetingQuery q, Consumer<MeetingRow> consumer) {
        List<Meeting> batch = new ArrayList<>();
        repository.forEach(filter(scope, q), m -> {
            batch.add(m);
            if (batch.size() == 500) {
                rows(batch).forEach(consumer);
                batch.clear();
            }
        });
        rows(batch).forEach(consumer);
    }

    MeetingRepository.Filter filter(DataScope scope, MeetingQuery q) {
        scope.require(Permission.CONSULT_VIEW);
        String orgPath = q.orgId() == null ? null : orgs.get(scope, q.orgId()).path();
        Period held = TopicService.period(q.periodId(), "periodId");
        Long confirmer = Boolean.TRUE.equals(q.toConfirm()) ? (scope.memberId() == null ? -1L : scope.memberId()) : null;
        LocalDate lateBefore = Boolean.TRUE.equals(q.minutesLate()) ? lateBefore(access.today()) : null;
        return new MeetingRepository.Filter(ConsultScope.of(scope), orgPath, q.platformId(), q.topicId(), q.state(),
                held == null ? null : held.start(), held == null ? null : held.end(), q.text(), confirmer, null, lateBefore, q.sort());
    }

    /** Meetings held before this day have minutes past due if not final (7 working days back from today). */
    static LocalDate lateBefore(LocalDate today) {
        LocalDate d = today;
        int left = Meeting.MINUTES_WORKING_DAYS;
        while (left > 0) {
            d = d.minusDays(1);
            if (d.getDayOfWeek() != java.time.DayOfWeek.SATURDAY && d.getDayOfWeek() != java.time.DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return d;
    }

    public Meeting get(DataScope scope, long id) {
        scope.require(Permission.CONSULT_VIEW);
        Meeting m = repository.find(id).orElseThrow(() -> new NotFoundException("meeting", id));
        if (!repository.visible(id, ConsultScope.of(scope))) {
            throw new NotFoundException("meeting", id);
        }
        return m;
    }

    public MeetingDetails details(DataScope scope, long id) {
        Meeting m = get(scope, id);
        Topic t = topics.find(m.topicId()).orElseThrow();
        List<Participant> people = repository.participants(id);
        Participant me = scope.memberId() == null ? null
                : people.stream().filter(p -> Objects.equals(p.memberId(), scope.memberId())).findFirst().orElse(null);
        LocalDate today = access.today();
        return new MeetingDetails(m, t, platforms.find(m.platformId()).orElseThrow(), orgs.names(List.of(m.orgId())).get(m.orgId()),
                members.find(m.hostMemberId()).map(Member::name).orElse(""), people, repository.files(id),
                outcomes.ofMeeting(id).stream().map(o -> topicService.summary(o, m, today)).toList(),
                access.history("consult_meeting", id), actions(scope, m, people), me, m.minutesLate(today), m.held(today));
    }

    /** The committee's office or the meeting's host (a member user) keep the meeting's record. */
    boolean keeps(DataScope scope, Meeting m) {
        return access.manages(scope, m.orgId()) || scope.memberId() != null && scope.memberId() == m.hostMemberId()
                && scope.can(Permission.CONSULT_VIEW);
    }

    public Set<MeetingAction> actions(DataScope scope, Meeting m, List<Participant> people) {
        Set<MeetingAction> a = EnumSet.noneOf(MeetingAction.class);
        boolean keeps = keeps(scope, m);
        boolean office = access.manages(scope, m.orgId());
        switch (m.minutesState()) {
            case DRAFT -> {
                if (keeps) {
                    a.addAll(EnumSet.of(MeetingAction.EDIT, MeetingAction.PARTICIPANTS, MeetingAction.MINUTES, MeetingAction.SEND));
                    if (m.held(access.today())) {
                        a.add(MeetingAction.ATTENDANCE);
                    }
                }
                if (office) {
                    a.add(MeetingAction.OUTCOMES);
                    a.add(MeetingAction.DELETE);
                }
            }
            case CONFIRMING -> {
                if (keeps) {
                    a.addAll(EnumSet.of(MeetingAction.SIGNATURES, MeetingAction.RETURN));
                    if (people.stream().filter(Participant::present).allMatch(Participant::confirmed)) {
                        a.add(MeetingAction.FINALIZE);
                    }
                }
                if (scope.memberId() != null && people.stream().anyMatch(p -> Objects.equals(p.memberId(), scope.memberId())
                        && p.present() && !p.confirmed())) {
                    a.add(MeetingAction.CONFIRM);
                }
            }
            case FINAL -> a.add(MeetingAction.REPORT);
        }
        if (keeps) {
            a.add(MeetingAction.FILES);
        }
        return a;
    }

    // ---------------------------------------------------------------- the meeting

    @Transactional
    public long create(DataScope scope, MeetingForm form) {
        if (form.getTopicId() == null) {
            throw BusinessException.onField("topicId", "validation.required");
        }
        Topic t = topicService.get(scope, form.getTopicId());
        access.requireManage(scope, t.orgId());
        if (!t.accepted()) {
            throw new BusinessException("consult.topic.notAccepted");
        }
        check(scope, form);
        long id = repository.insert(t.id(), t.platformId(), t.orgId(), form, scope.userId());
        Member host = members.find(form.getHostMemberId()).orElseThrow();
        repository.insertParticipant(id, host.id(), host.name(), "MEMBER", null, true);
        audit.record(scope, "CREATE", "consult_meeting", id, form.getTitle(), null, snapshot(repository.find(id).orElseThrow()));
        return id;
    }

    @Transactional
    public void update(DataScope scope, long id, MeetingForm form) {
        Meeting before = get(scope, id);
        requireKeeper(scope, before);
        requireState(before, MinutesState.DRAFT);
        check(scope, form);
        if (!repository.update(id, form)) {
            throw stale(id, form.getVersion());
        }
        if (before.hostMemberId() != form.getHostMemberId()) {
            Member host = members.find(form.getHostMemberId()).orElseThrow();
            boolean there = repository.participants(id).stream().anyMatch(p -> Objects.equals(p.memberId(), host.id()));
            if (!there) {
                repository.insertParticipant(id, host.id(), host.name(), "MEMBER", null, true);
            }
            repository.setHost(id, host.id());
        }
        audit.record(scope, "UPDATE", "consult_meeting", id, form.getTitle(), snapshot(before), snapshot(repository.find(id).orElseThrow()));
    }

    private void check(DataScope scope, MeetingForm form) {
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        rules.meeting(form, errors);
        if (form.getHostMemberId() != null && !members.visible(scope, form.getHostMemberId())) {
            errors.add("hostMemberId", "consult.member.outOfScope", form.getHostMemberId());
        }
        errors.throwIfAny();
    }

    @Transactional
    public void delete(DataScope scope, long id, int version) {
        Meeting m = get(scope, id);
        access.requireManage(scope, m.orgId());
        requireState(m, MinutesState.DRAFT);
        if (!outcomes.ofMeeting(id).isEmpty()) {
            throw new BusinessException("consult.meeting.hasOutcomes");
        }
        if (!repository.delete(id, version)) {
            throw stale(id, version);
        }
        audit.record(scope, "DELETE", "consult_meeting", id, m.title(), snapshot(m), null);
    }

    // ---------------------------------------------------------------- people and attendance

    @Transactional
    public long addParticipant(DataScope scope, long meetingId, ParticipantForm form) {
        Meeting m = get(scope, meetingId);
        requireKeeper(scope, m);
        requireState(m, MinutesState.DRAFT);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        rules.participant(form, errors);
        String name = form.getName() == null ? null : form.getName().trim();
        if (form.getMemberId() != null) {
            if (!members.visible(scope, form.getMemberId()) && !access.manages(scope, m.orgId())) {
                errors.add("memberId", "consult.member.outOfScope", form.getMemberId());
            } else {
                Member member = members.find(form.getMemberId()).orElse(null);
                if (member == null) {
                    errors.add("memberId", "consult.member.outOfScope", form.getMemberId());
                } else {
                    name = member.name();
                    if (repository.participants(meetingId).stream().anyMatch(p -> Objects.equals(p.memberId(), member.id()))) {
                        errors.add("memberId", "consult.participant.duplicate", member.name());
                    }
                }
            }
        }
        errors.throwIfAny();
        long id = repository.insertParticipant(meetingId, form.getMemberId(), name, form.getRole(), form.getAffiliation(), false);
        repository.touch(meetingId);
        audit.record(scope, "PARTICIPANT_ADD", "consult_meeting", meetingId, name + "（" + dict.label(ConsultRules.ROLES, form.getRole()) + "）",
                null, Map.of("participant", name, "role", dict.label(ConsultRules.ROLES, form.getRole())));
        return id;
    }

    @Transactional
    public void removeParticipant(DataScope scope, long meetingId, long participantId) {
        Meeting m = get(scope, meetingId);
        requireKeeper(scope, m);
        requireState(m, MinutesState.DRAFT);
        Participant p = participant(meetingId, participantId);
        if (p.host()) {
            throw new BusinessException("consult.participant.hostRemove");
        }
        repository.deleteParticipant(participantId);
        repository.touch(meetingId);
        audit.record(scope, "PARTICIPANT_REMOVE", "consult_meeting", meetingId, p.name(), Map.of("participant", p.name()), null);
    }

    /** Signs a person in (present) or records them absent, on or after the day of the meeting. */
    @Transactional
    public void attendance(DataScope scope, long meetingId, long participantId, boolean present) {
        Meeting m = get(scope, meetingId);
        requireKeeper(scope, m);
        requireState(m, MinutesState.DRAFT);
        if (!m.held(access.today())) {
            throw new BusinessException("consult.attendance.notYet", m.heldOn());
        }
        Participant p = participant(meetingId, participantId);
        repository.setAttendance(participantId, present);
        repository.touch(meetingId);
        audit.record(scope, present ? "SIGN_IN" : "ABSENT", "consult_meeting", meetingId, p.name(),
                p.attended() == null ? null : Map.of(p.name(), p.present() ? "出席" : "缺席"), Map.of(p.name(), present ? "出席" : "缺席"));
    }

    private Participant participant(long meetingId, long participantId) {
        return repository.participant(participantId).filter(p -> p.meetingId() == meetingId)
                .orElseThrow(() -> new NotFoundException("participant", participantId));
    }

    // ---------------------------------------------------------------- minutes

    @Transactional
    public void saveMinutes(DataScope scope, long id, MinutesForm form) {
        Meeting before = get(scope, id);
        requireKeeper(scope, before);
        requireState(before, MinutesState.DRAFT);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        rules.minutes(form, errors);
        errors.throwIfAny();
        if (!repository.saveMinutes(id, form)) {
            throw stale(id, form.getVersion());
        }
        Meeting after = repository.find(id).orElseThrow();
        audit.record(scope, "MINUTES", "consult_meeting", id, null, minutesSnapshot(before), minutesSnapshot(after));
    }

    /**
     * Sends the draft to the attendees to confirm. The meeting must have been held, every person's
     * attendance recorded, someone present, the minutes written and the consensus — or the
     * disagreement — recorded. The attendees with an account are told.
     */
    @Transactional
    public void send(DataScope scope, long id, int version) {
        Meeting m = get(scope, id);
        requireKeeper(scope, m);
        requireState(m, MinutesState.DRAFT);
        List<Participant> people = repository.participants(id);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (!m.held(access.today())) {
            errors.add("heldOn", "consult.attendance.notYet", m.heldOn());
        }
        long unrecorded = people.stream().filter(p -> p.attended() == null).count();
        if (unrecorded > 0) {
            errors.add("attendance", "consult.send.attendance", unrecorded);
        } else if (people.stream().noneMatch(Participant::present)) {
            errors.add("attendance", "consult.send.nobody");
        }
        if (m.minutes() == null || m.minutes().isBlank()) {
            errors.add("minutes", "consult.send.minutes");
        }
        if (m.consensusReached() == null) {
            errors.add("consensusReached", "consult.send.consensus");
        }
        errors.throwIfAny();
        if (!repository.moveMinutes(id, version, MinutesState.DRAFT, MinutesState.CONFIRMING, null, when(scope, m, 1))) {
            throw stale(id, version);
        }
        audit.record(scope, "SEND", "consult_meeting", id, null, Map.of("minutesState", "DRAFT"), Map.of("minutesState", "CONFIRMING"));
        List<Long> confirmers = new ArrayList<>();
        for (Participant p : people) {
            if (p.present() && p.memberId() != null) {
                users.findByMember(p.memberId()).map(UserAccount::id).filter(u -> u != scope.userId()).ifPresent(confirmers::add);
            }
        }
        if (!confirmers.isEmpty()) {
            events.publishEvent(new Notice(confirmers, "CONSULT_MINUTES", "consult.notify.confirmMinutes", List.of(m.title()),
                    "/consult/meetings/" + id, "consult-confirm:" + id + ":" + (version + 1)));
        }
    }

    /** An attendee confirms the minutes in the app. */
    @Transactional
    public void confirm(DataScope scope, long id) {
        Meeting m = get(scope, id);
        requireState(m, MinutesState.CONFIRMING);
        Participant me = scope.memberId() == null ? null : repository.participants(id).stream()
                .filter(p -> Objects.equals(p.memberId(), scope.memberId()) && p.present()).findFirst().orElse(null);
        if (me == null) {
            throw new ForbiddenException();
        }
        if (!repository.confirm(me.id(), Participant.SELF, scope.userId())) {
            throw new BusinessException("consult.confirm.already");
        }
        repository.touch(id);
        audit.record(scope, "CONFIRM", "consult_meeting", id, me.name(), null, Map.of(me.name(), "本人确认"));
    }

    /** The host (or the office) records that an attendee signed the printed minutes. */
    @Transactional
    public void recordSignature(DataScope scope, long id, long participantId) {
        Meeting m = get(scope, id);
        requireKeeper(scope, m);
        requireState(m, MinutesState.CONFIRMING);
        Participant p = participant(id, participantId);
        if (!p.present()) {
            throw new BusinessException("consult.confirm.absent", p.name());
        }
        if (!repository.confirm(participantId, Participant.SIGNED, scope.userId())) {
            throw new BusinessException("consult.confirm.already");
        }
        repository.touch(id);
        audit.record(scope, "SIGNATURE", "consult_meeting", id, p.name(), null, Map.of(p.name(), "签字确认"));
    }

    /** Back to draft to correct the minutes, with the reason; the confirmations start over. */
    @Transactional
    public void returnToDraft(DataScope scope, long id, int version, String reason) {
        Meeting m = get(scope, id);
        requireKeeper(scope, m);
        requireState(m, MinutesState.CONFIRMING);
        String why = TopicService.requireReason(reason);
        if (!repository.moveMinutes(id, version, MinutesState.CONFIRMING, MinutesState.DRAFT, null)) {
            throw stale(id, version);
        }
        repository.clearConfirmations(id);
        audit.record(scope, "RETURN", "consult_meeting", id, why, Map.of("minutesState", "CONFIRMING"), Map.of("minutesState", "DRAFT"));
    }

    /**
     * Makes the minutes final once every attendee confirmed: the meeting and its outcomes count from
     * now on, and the outcomes are decided (follow-up, publication).
     */
    @Transactional
    public void finalizeMinutes(DataScope scope, long id, int version) {
        Meeting m = get(scope, id);
        requireKeeper(scope, m);
        requireState(m, MinutesState.CONFIRMING);
        List<Participant> waiting = repository.participants(id).stream().filter(p -> p.present() && !p.confirmed()).toList();
        if (!waiting.isEmpty()) {
            throw new BusinessException("consult.finalize.unconfirmed", waiting.size(),
                    waiting.stream().map(Participant::name).collect(Collectors.joining("、")));
        }
        facts.remove(List.of(m.topicId()));
        if (!repository.moveMinutes(id, version, MinutesState.CONFIRMING, MinutesState.FINAL, scope.isSystem() ? null : scope.userId(),
                when(scope, m, 3))) {
            throw stale(id, version);
        }
        facts.restore(List.of(m.topicId()));
        progress.refreshSolved(m.topicId());
        audit.record(scope, "FINAL", "consult_meeting", id, null, Map.of("minutesState", "CONFIRMING"), Map.of("minutesState", "FINAL"));
    }

    // ---------------------------------------------------------------- files

    @Transactional
    public long addFile(DataScope scope, long id, InputStream in, String filename, String caption) {
        Meeting m = get(scope, id);
        requireKeeper(scope, m);
        if (caption != null && caption.length() > 100) {
            throw BusinessException.onField("caption", "validation.tooLong", 100);
        }
        StoredFile stored = files.store(in, filename, FileKind.EVIDENCE, scope.userId());
        long fileId = repository.insertFile(id, stored.id(), caption, scope.userId());
        audit.record(scope, "FILE_ADD", "consult_meeting", id, stored.originalName(), null, Map.of("file", stored.originalName()));
        return fileId;
    }

    @Transactional
    public void removeFile(DataScope scope, long id, long fileId) {
        Meeting m = get(scope, id);
        requireKeeper(scope, m);
        MeetingFile f = repository.files(id).stream().filter(x -> x.id() == fileId).findFirst()
                .orElseThrow(() -> new NotFoundException("meeting file", fileId));
        repository.deleteFile(id, fileId);
        audit.record(scope, "FILE_REMOVE", "consult_meeting", id, f.originalName(), Map.of("file", f.originalName()), null);
    }

    /** A meeting's file, for a user who may see the meeting. */
    public StoredFile file(DataScope scope, long id, long fileId) {
        get(scope, id);
        MeetingFile f = repository.files(id).stream().filter(x -> x.id() == fileId).findFirst()
                .orElseThrow(() -> new NotFoundException("meeting file", fileId));
        return files.find(f.fileId()).orElseThrow(() -> new NotFoundException("file", fileId));
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Now; or, for a loader entering a past meeting (the demo's history), the afternoon some days
     * after the meeting, never later than now — so its report is dated as it would have been.
     */
    private java.time.OffsetDateTime when(DataScope scope, Meeting m, int daysAfter) {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        if (!scope.isLoader() || scope.isSystem()) {
            return now;
        }
        java.time.OffsetDateTime then = m.heldOn().plusDays(daysAfter).atTime(17, 0).atZone(access.zone()).toOffsetDateTime();
        return then.isBefore(now) ? then : now;
    }

    private void requireKeeper(DataScope scope, Meeting m) {
        if (!keeps(scope, m)) {
            throw new ForbiddenException();
        }
    }

    static void requireState(Meeting m, MinutesState state) {
        if (m.minutesState() != state) {
            throw new BusinessException("consult.minutes.needState." + state.name());
        }
    }

    private RuntimeException stale(long id, int version) {
        Meeting now = repository.find(id).orElseThrow(() -> new NotFoundException("meeting", id));
        return now.version() != version ? new ConflictException("meeting", id) : new BusinessException("consult.meeting.stateChanged");
    }

    List<MeetingRow> rows(List<Meeting> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, String> topicTitles = topics.findAll(list.stream().map(Meeting::topicId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Topic::id, Topic::title));
        Map<Long, String> platformNames = platforms.findAll(list.stream().map(Meeting::platformId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Platform::id, Platform::name));
        Map<Long, String> hosts = members.findAll(list.stream().map(Meeting::hostMemberId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Member::id, Member::name));
        Map<Long, String> orgNames = orgs.names(list.stream().map(Meeting::orgId).collect(Collectors.toSet()));
        Map<Long, long[]> counts = repository.counts(list.stream().map(Meeting::id).toList());
        return list.stream().map(m -> {
            long[] c = counts.getOrDefault(m.id(), new long[3]);
            return new MeetingRow(m, topicTitles.get(m.topicId()), platformNames.get(m.platformId()), hosts.get(m.hostMemberId()),
                    orgNames.get(m.orgId()), c[0], c[1], c[2]);
        }).toList();
    }

    private Map<String, Object> snapshot(Meeting m) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("title", m.title());
        s.put("heldOn", m.heldOn().toString());
        s.put("startTime", m.startTime() == null ? null : m.startTime().toString());
        s.put("place", m.place());
        s.put("host", members.find(m.hostMemberId()).map(Member::name).orElse(null));
        s.put("agenda", m.agenda());
        return s;
    }

    private static Map<String, Object> minutesSnapshot(Meeting m) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("minutes", m.minutes());
        s.put("consensusReached", m.consensusReached() == null ? null : m.consensusReached() ? "达成共识" : "未达成共识（记录分歧）");
        s.put("consensus", m.consensus());
        return s;
    }
}

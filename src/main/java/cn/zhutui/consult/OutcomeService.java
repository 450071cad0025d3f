package cn.zhutui.consult;

import cn.zhutui.audit.AuditService;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.ConflictException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.ForbiddenException;
import cn.zhutui.common.IdempotencyKeys;
import cn.zhutui.common.InvalidInputException;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.Page;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Period;
import cn.zhutui.common.Permission;
import cn.zhutui.consult.internal.ConsultAccess;
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
import cn.zhutui.org.OrgService;
import cn.zhutui.region.Region;
import cn.zhutui.region.RegionService;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outcomes (协商成果) from agreement to publication: agreed at a meeting while its minutes are a
 * draft (an action, the party responsible, a deadline); decided when the minutes are final; then
 * followed up (督办) with dated notes until carried out — a deadline moved only with a reason,
 * overdue ones flagged; the residents' feedback says whether the problem was solved (if not, the
 * outcome goes back to follow-up); and, a separate step of the county office, published on the
 * public page with a text checked for personal data.
 */
@Service
public class OutcomeService {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final OutcomeRepository repository;
    private final MeetingRepository meetings;
    private final TopicRepository topics;
    private final PlatformRepository platforms;
    private final TopicService topicService;
    private final MeetingService meetingService;
    private final Progress progress;
    private final ConsultAccess access;
    private final ConsultRules rules;
    private final OrgService orgs;
    private final RegionService regions;
    private final MemberService members;
    private final DictService dict;
    private final FileService files;
    private final AuditService audit;
    private final IdempotencyKeys idempotency;

    OutcomeService(OutcomeRepository repository, MeetingRepository meetings, TopicRepository topics, PlatformRepository platforms,
                   TopicService topicService, MeetingService meetingService, Progress progress, ConsultAccess access, ConsultRules rules,
                   OrgService orgs, RegionService regions, MemberService members, DictService dict, FileService files, AuditService audit,
                   IdempotencyKeys idempotency) {
        this.repository = repository;
        this.meetings = meetings;
        this.topics = topics;
        this.platforms = platforms;
        this.topicService = topicService;
        this.meetingService = meetingService;
        this.progress = progress;
        this.access = access;
        this.rules = rules;
        this.orgs = orgs;
        this.regions = regions;
        this.members = members;
        this.dict = dict;
        this.files = files;
        this.audit = audit;
        this.idempotency = idempotency;
    }

    public LocalDate today() {
        return access.today();
    }

    // ---------------------------------------------------------------- reading

    public Page<OutcomeRow> search(DataScope scope, OutcomeQuery q, PageRequest page) {
        Page<Outcome> list = repository.search(filter(scope, q), page);
        return new Page<>(rows(list.items()), list.total(), list.page(), list.size(), list.totalAtLeast());
    }

    public long count(DataScope scope, OutcomeQuery q) {
        return repository.count(filter(scope, q));
    }

    @Transactional(readOnly = true)
    public void forEach(DataScope scope, OutcomeQuery q, Consumer<OutcomeRow> consumer) {
        List<Outcome> batch = new ArrayList<>();
        repository.forEach(filter(scope, q), o -> {
            batch.add(o);
            if (batch.size() == 500) {
                rows(batch).forEach(consumer);
                batch.clear();
            }
        });
        rows(batch).forEach(consumer);
    }

    OutcomeRepository.Filter filter(DataScope scope, OutcomeQuery q) {
        scope.require(Permission.CONSULT_VIEW);
        String orgPath = q.orgId() == null ? null : orgs.get(scope, q.orgId()).path();
        String regionPath = q.regionCode() == null || q.regionCode().isBlank() ? null
                : regions.find(q.regionCode()).map(Region::path)
                .orElseThrow(() -> BusinessException.onField("regionCode", "region.unknown", q.regionCode()));
        Period p = TopicService.period(q.periodId(), "periodId");
        return new OutcomeRepository.Filter(ConsultScope.of(scope), orgPath, q.platformId(), q.topicId(), null,
                q.status() == null || q.status().isBlank() ? null : q.status(), access.today(), p == null ? null : p.start(),
                p == null ? null : p.end(), regionPath, q.text(), q.sort());
    }

    public Outcome get(DataScope scope, long id) {
        scope.require(Permission.CONSULT_VIEW);
        Outcome o = repository.find(id).orElseThrow(() -> new NotFoundException("outcome", id));
        if (!repository.visible(id, ConsultScope.of(scope))) {
            throw new NotFoundException("outcome", id);
        }
        return o;
    }

    public OutcomeDetails details(DataScope scope, long id) {
        Outcome o = get(scope, id);
        Meeting m = meetings.find(o.meetingId()).orElseThrow();
        Topic t = topics.find(o.topicId()).orElseThrow();
        List<FollowUp> notes = repository.followUps(id);
        List<Feedback> feedback = repository.feedback(id);
        Set<Long> userIds = new HashSet<>();
        notes.forEach(n -> userIds.add(n.notedBy()));
        feedback.forEach(f -> userIds.add(f.recordedBy()));
        if (o.publishedBy() != null) {
            userIds.add(o.publishedBy());
        }
        return new OutcomeDetails(o, o.status(access.today(), m.isFinal()), m, t, platforms.find(m.platformId()).orElseThrow(),
                orgs.names(List.of(o.orgId())).get(o.orgId()), notes, feedback, access.userNames(userIds),
                access.history("consult_outcome", id), actions(scope, o, m, t), suggestedPublication(o, m, t),
                orgs.find(o.orgId()).map(orgs::unitOf).map(cn.zhutui.org.Org::regionCode).orElse(null));
    }

    public Set<OutcomeAction> actions(DataScope scope, Outcome o, Meeting m, Topic t) {
        Set<OutcomeAction> a = EnumSet.noneOf(OutcomeAction.class);
        boolean office = access.manages(scope, o.orgId());
        if (m.draft()) {
            if (office) {
                a.add(OutcomeAction.EDIT);
                a.add(OutcomeAction.DELETE);
            }
            return a;
        }
        if (!m.isFinal()) {
            return a;
        }
        boolean follows = access.followsUp(scope, o.orgId(), t.regionCode());
        if (!o.done()) {
            if (follows) {
                a.add(OutcomeAction.FOLLOW_UP);
            }
            if (office) {
                a.add(OutcomeAction.DEADLINE);
                a.add(OutcomeAction.DONE);
            }
        }
        if (follows) {
            a.add(OutcomeAction.FEEDBACK);
        }
        if (access.publishes(scope, o.orgId())) {
            a.add(o.published() ? OutcomeAction.UNPUBLISH : OutcomeAction.PUBLISH);
        }
        return a;
    }

    // ---------------------------------------------------------------- agreeing (while the minutes are a draft)

    @Transactional
    public long create(DataScope scope, long meetingId, OutcomeForm form) {
        Meeting m = meetingService.get(scope, meetingId);
        access.requireManage(scope, m.orgId());
        MeetingService.requireState(m, MinutesState.DRAFT);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        rules.outcome(form, m.heldOn(), errors);
        errors.throwIfAny();
        long id = repository.insert(meetingId, m.topicId(), m.orgId(), form, scope.userId());
        meetings.touch(meetingId);
        audit.record(scope, "CREATE", "consult_outcome", id, form.getAction(), null, snapshot(repository.find(id).orElseThrow()));
        audit.record(scope, "OUTCOME_ADD", "consult_meeting", meetingId, form.getAction(), null, null);
        return id;
    }

    @Transactional
    public void update(DataScope scope, long id, OutcomeForm form) {
        Outcome before = get(scope, id);
        Meeting m = meetings.find(before.meetingId()).orElseThrow();
        access.requireManage(scope, before.orgId());
        MeetingService.requireState(m, MinutesState.DRAFT);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        rules.outcome(form, m.heldOn(), errors);
        errors.throwIfAny();
        if (!repository.update(id, form)) {
            throw new ConflictException("outcome", id);
        }
        audit.record(scope, "UPDATE", "consult_outcome", id, form.getAction(), snapshot(before), snapshot(repository.find(id).orElseThrow()));
    }

    @Transactional
    public void delete(DataScope scope, long id, int version) {
        Outcome o = get(scope, id);
        Meeting m = meetings.find(o.meetingId()).orElseThrow();
        access.requireManage(scope, o.orgId());
        MeetingService.requireState(m, MinutesState.DRAFT);
        if (!repository.delete(id, version)) {
            throw new ConflictException("outcome", id);
        }
        meetings.touch(m.id());
        audit.record(scope, "DELETE", "consult_outcome", id, o.action(), snapshot(o), null);
        audit.record(scope, "OUTCOME_REMOVE", "consult_meeting", m.id(), o.action(), null, null);
    }

    // ---------------------------------------------------------------- follow-up

    /** A follow-up note, with the stage reached and maybe a photo; a retried request adds nothing. */
    @Transactional
    public long addFollowUp(DataScope scope, long id, FollowUpForm form, InputStream photo, String photoName, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<Long> earlier = idempotency.claim(scope.userId(), "consult.followup:" + id, idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Decided d = decided(scope, id);
        if (!access.followsUp(scope, d.o().orgId(), d.t().regionCode())) {
            throw new ForbiddenException();
        }
        if (d.o().done()) {
            throw new BusinessException("consult.outcome.alreadyDone");
        }
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        rules.followUp(form, access.today(), errors);
        if (form.getNotedOn() != null && form.getNotedOn().isBefore(d.m().heldOn())) {
            errors.add("notedOn", "consult.date.beforeMeeting", d.m().heldOn());
        }
        errors.throwIfAny();
        Long fileId = null;
        if (photo != null) {
            StoredFile stored = files.store(photo, photoName, FileKind.EVIDENCE, scope.userId());
            fileId = stored.id();
        }
        long noteId = repository.insertFollowUp(id, form, fileId, scope.userId());
        if (form.getStage() != null && !form.getStage().isBlank()) {
            repository.setStage(id, form.getStage());
        }
        audit.record(scope, "FOLLOW_UP", "consult_outcome", id, form.getNote(), null,
                followUpSnapshot(form));
        if (idempotencyKey != null) {
            idempotency.complete(scope.userId(), "consult.followup:" + id, idempotencyKey, noteId);
        }
        return noteId;
    }

    /** The photo of a follow-up note, for a user who may see the outcome. */
    public StoredFile followUpFile(DataScope scope, long id, long noteId) {
        get(scope, id);
        FollowUp note = repository.followUp(noteId).filter(n -> n.outcomeId() == id && n.fileId() != null)
                .orElseThrow(() -> new NotFoundException("follow-up file", noteId));
        return files.find(note.fileId()).orElseThrow(() -> new NotFoundException("file", noteId));
    }

    /** Moves a deadline, with the reason (the history keeps the old one). */
    @Transactional
    public void changeDeadline(DataScope scope, long id, int version, LocalDate deadline, String reason) {
        Decided d = decided(scope, id);
        access.requireManage(scope, d.o().orgId());
        if (d.o().done()) {
            throw new BusinessException("consult.outcome.alreadyDone");
        }
        String why = TopicService.requireReason(reason);
        if (deadline == null) {
            throw BusinessException.onField("deadline", "validation.required");
        }
        if (deadline.isBefore(d.m().heldOn())) {
            throw BusinessException.onField("deadline", "consult.outcome.deadlineBeforeMeeting", d.m().heldOn());
        }
        if (!repository.setDeadline(id, version, deadline)) {
            throw new ConflictException("outcome", id);
        }
        audit.record(scope, "DEADLINE", "consult_outcome", id, why, Map.of("deadline", d.o().deadline().toString()),
                Map.of("deadline", deadline.toString()));
    }

    /** The office records that the outcome was carried out (办结), on a day between the meeting and today. */
    @Transactional
    public void markDone(DataScope scope, long id, int version, LocalDate doneOn, String note) {
        Decided d = decided(scope, id);
        access.requireManage(scope, d.o().orgId());
        if (d.o().done()) {
            throw new BusinessException("consult.outcome.alreadyDone");
        }
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (doneOn == null) {
            errors.add("doneOn", "validation.required");
        } else if (doneOn.isAfter(access.today())) {
            errors.add("doneOn", "consult.date.future");
        } else if (doneOn.isBefore(d.m().heldOn())) {
            errors.add("doneOn", "consult.date.beforeMeeting", d.m().heldOn());
        }
        if (note != null && note.length() > 1000) {
            errors.add("doneNote", "validation.tooLong", 1000);
        }
        errors.throwIfAny();
        if (!repository.setDone(id, version, doneOn, note == null || note.isBlank() ? null : note.trim())) {
            throw new ConflictException("outcome", id);
        }
        progress.refreshSolved(d.t().id());
        audit.record(scope, "DONE", "consult_outcome", id, note, null, Map.of("doneOn", doneOn.toString()));
    }

    /**
     * The residents' feedback. "Solved" can be said only of an outcome carried out (and not before
     * the day it was); "not solved" on a carried-out outcome sends it back to follow-up and tells
     * the office. The topic is solved when every decided outcome of it is.
     */
    @Transactional
    public long addFeedback(DataScope scope, long id, FeedbackForm form, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<Long> earlier = idempotency.claim(scope.userId(), "consult.feedback:" + id, idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Decided d = decided(scope, id);
        if (!access.followsUp(scope, d.o().orgId(), d.t().regionCode())) {
            throw new ForbiddenException();
        }
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        rules.feedback(form, access.today(), errors);
        if (Boolean.TRUE.equals(form.getSolved()) && !d.o().done()) {
            errors.add("solved", "consult.feedback.notDone");
        } else if (Boolean.TRUE.equals(form.getSolved()) && form.getReceivedOn() != null && form.getReceivedOn().isBefore(d.o().doneOn())) {
            errors.add("receivedOn", "consult.feedback.beforeDone", d.o().doneOn());
        } else if (form.getReceivedOn() != null && form.getReceivedOn().isBefore(d.m().heldOn())) {
            errors.add("receivedOn", "consult.date.beforeMeeting", d.m().heldOn());
        }
        errors.throwIfAny();
        long feedbackId = repository.insertFeedback(id, form, scope.userId());
        boolean reopen = !form.getSolved() && d.o().done();
        repository.setFeedback(id, form.getSolved(), form.getReceivedOn(), reopen);
        progress.refreshSolved(d.t().id());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("source", form.getSource());
        after.put("satisfaction", dict.label(ConsultRules.SATISFACTION, form.getSatisfaction()));
        after.put("solved", form.getSolved() ? "已解决" : "未解决");
        if (reopen) {
            after.put("doneOn", null);
        }
        audit.record(scope, "FEEDBACK", "consult_outcome", id, form.getNote(), reopen ? Map.of("doneOn", d.o().doneOn().toString()) : null, after);
        if (reopen) {
            topicService.tellOffice(d.o().orgId(), "CONSULT_FEEDBACK", "consult.notify.notSolved", List.of(d.t().title(), shortAction(d.o())),
                    "/consult/outcomes/" + id, null);
        }
        if (idempotencyKey != null) {
            idempotency.complete(scope.userId(), "consult.feedback:" + id, idempotencyKey, feedbackId);
        }
        return feedbackId;
    }

    // ---------------------------------------------------------------- publication

    /**
     * Publishes a decided outcome on the county's public page: a separate step of the office, with
     * a title and a text it writes for the public, refused while they name anyone who took part or
     * hold a phone or ID number.
     */
    @Transactional
    public void publish(DataScope scope, long id, PublishForm form) {
        Decided d = decided(scope, id);
        if (!access.publishes(scope, d.o().orgId())) {
            throw new ForbiddenException();
        }
        if (d.o().published()) {
            throw new BusinessException("consult.publish.already");
        }
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        rules.publicText(form, personalNames(d.m(), d.t()), errors);
        errors.throwIfAny();
        if (!repository.publish(id, form.getVersion(), form.getPublicTitle().trim(), form.getPublicText().trim(), scope.userId(),
                publishedAt(scope, d))) {
            throw new ConflictException("outcome", id);
        }
        audit.record(scope, "PUBLISH", "consult_outcome", id, form.getPublicTitle(), null,
                Map.of("publicTitle", form.getPublicTitle().trim(), "publicText", form.getPublicText().trim()));
    }

    @Transactional
    public void unpublish(DataScope scope, long id, int version, String reason) {
        Outcome o = get(scope, id);
        if (!access.publishes(scope, o.orgId())) {
            throw new ForbiddenException();
        }
        String why = TopicService.requireReason(reason);
        if (!repository.unpublish(id, version)) {
            throw o.published() ? new ConflictException("outcome", id) : new BusinessException("consult.publish.notPublished");
        }
        audit.record(scope, "UNPUBLISH", "consult_outcome", id, why, Map.of("publishedAt", String.valueOf(o.publishedAt())), null);
    }

    /**
     * Now; or, for a loader entering the past (the demo's history), the morning after the last
     * thing that happened to the outcome, never later than now.
     */
    private java.time.OffsetDateTime publishedAt(DataScope scope, Decided d) {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        if (!scope.isLoader() || scope.isSystem()) {
            return now;
        }
        LocalDate last = d.m().finalizedAt() == null ? d.m().heldOn() : d.m().finalizedAt().atZoneSameInstant(access.zone()).toLocalDate();
        for (LocalDate day : new LocalDate[] {d.o().doneOn(), d.o().feedbackOn()}) {
            if (day != null && day.isAfter(last)) {
                last = day;
            }
        }
        java.time.OffsetDateTime then = last.plusDays(1).atTime(10, 0).atZone(access.zone()).toOffsetDateTime();
        return then.isBefore(now) ? then : now;
    }

    /** Everyone named on the record of an outcome: they stay off the public page. */
    List<String> personalNames(Meeting m, Topic t) {
        Set<String> names = new LinkedHashSet<>();
        meetings.participants(m.id()).forEach(p -> names.add(p.name()));
        members.find(m.hostMemberId()).map(Member::name).ifPresent(names::add);
        if (t.raisedMemberId() != null) {
            members.find(t.raisedMemberId()).map(Member::name).ifPresent(names::add);
        }
        platforms.seats(m.platformId()).forEach(s -> names.add(s.name()));
        return List.copyOf(names);
    }

    /** What the office starts from when publishing: the topic and what was agreed, without the people. */
    PublishForm suggestedPublication(Outcome o, Meeting m, Topic t) {
        PublishForm f = new PublishForm();
        f.setVersion(o.version());
        if (o.published()) {
            f.setPublicTitle(o.publicTitle());
            f.setPublicText(o.publicText());
            return f;
        }
        f.setPublicTitle(t.title());
        StringBuilder text = new StringBuilder();
        if (Boolean.TRUE.equals(m.consensusReached()) && m.consensus() != null) {
            text.append(m.consensus().trim());
            if (!m.consensus().trim().endsWith("。")) {
                text.append("。");
            }
        }
        text.append("协商成果：").append(o.action().trim());
        if (!o.action().trim().endsWith("。")) {
            text.append("。");
        }
        text.append("责任单位：").append(o.responsible()).append("；办理时限：").append(o.deadline().format(CHINESE_DATE)).append("前。");
        f.setPublicText(text.length() > 2000 ? text.substring(0, 2000) : text.toString());
        return f;
    }

    // ---------------------------------------------------------------- helpers

    private record Decided(Outcome o, Meeting m, Topic t) {
    }

    /** An outcome the user sees, agreed in final minutes (follow-up and publication start then). */
    private Decided decided(DataScope scope, long id) {
        Outcome o = get(scope, id);
        Meeting m = meetings.find(o.meetingId()).orElseThrow();
        if (!m.isFinal()) {
            throw new BusinessException("consult.outcome.notDecided");
        }
        return new Decided(o, m, topics.find(o.topicId()).orElseThrow());
    }

    private static String shortAction(Outcome o) {
        return o.action().length() > 40 ? o.action().substring(0, 40) + "…" : o.action();
    }

    List<OutcomeRow> rows(List<Outcome> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, Topic> ts = topics.findAll(list.stream().map(Outcome::topicId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Topic::id, t -> t));
        Map<Long, Meeting> ms = meetings.findAll(list.stream().map(Outcome::meetingId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Meeting::id, m -> m));
        Map<Long, String> platformNames = platforms.findAll(ms.values().stream().map(Meeting::platformId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Platform::id, Platform::name));
        Map<String, String> regionNames = regions.lineageNamesOf(ts.values().stream().map(Topic::regionCode).toList());
        Map<Long, String> orgNames = orgs.names(list.stream().map(Outcome::orgId).collect(Collectors.toSet()));
        LocalDate today = access.today();
        return list.stream().map(o -> {
            Topic t = ts.get(o.topicId());
            Meeting m = ms.get(o.meetingId());
            return new OutcomeRow(o, t.title(), platformNames.get(m.platformId()), m.heldOn(),
                    PlatformService.shortLineage(regionNames.get(t.regionCode())), orgNames.get(o.orgId()), o.status(today, m.isFinal()), m.isFinal());
        }).toList();
    }

    private static Map<String, Object> snapshot(Outcome o) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("action", o.action());
        s.put("responsible", o.responsible());
        s.put("deadline", o.deadline().toString());
        return s;
    }

    private Map<String, Object> followUpSnapshot(FollowUpForm f) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("notedOn", f.getNotedOn().toString());
        s.put("stage", f.getStage() == null || f.getStage().isBlank() ? null : dict.label(ConsultRules.STAGES, f.getStage()));
        return s;
    }
}

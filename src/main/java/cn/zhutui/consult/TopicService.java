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
import cn.zhutui.common.Role;
import cn.zhutui.consult.internal.ConsultAccess;
import cn.zhutui.consult.internal.ConsultFacts;
import cn.zhutui.consult.internal.ConsultRules;
import cn.zhutui.consult.internal.ConsultScope;
import cn.zhutui.consult.internal.MeetingRepository;
import cn.zhutui.consult.internal.OutcomeRepository;
import cn.zhutui.consult.internal.PlatformRepository;
import cn.zhutui.consult.internal.Progress;
import cn.zhutui.consult.internal.StepRepository;
import cn.zhutui.consult.internal.TopicRepository;
import cn.zhutui.dict.DictService;
import cn.zhutui.member.Member;
import cn.zhutui.member.MemberService;
import cn.zhutui.notify.Notice;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgService;
import cn.zhutui.region.Region;
import cn.zhutui.region.RegionService;
import cn.zhutui.security.UserAccount;
import cn.zhutui.security.UserService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Topics (议题) through their lifecycle: raised — by the office, accepted at once, or by a cadre in
 * their region, waiting to be accepted (受理) or declined with a reason — then moved through the
 * steps of their committee's procedure: to the next step when its requirement is met; further
 * ahead, skipping steps, or back, only with a reason. Every read and write goes through the user's
 * scope; every change is audited and kept in step with the figures.
 */
@Service
public class TopicService {

    private final TopicRepository repository;
    private final PlatformRepository platforms;
    private final StepRepository steps;
    private final MeetingRepository meetings;
    private final OutcomeRepository outcomes;
    private final ProcedureService procedure;
    private final ConsultFacts facts;
    private final Progress progress;
    private final ConsultAccess access;
    private final ConsultRules rules;
    private final OrgService orgs;
    private final RegionService regions;
    private final MemberService members;
    private final DictService dict;
    private final UserService users;
    private final AuditService audit;
    private final IdempotencyKeys idempotency;
    private final ApplicationEventPublisher events;

    TopicService(TopicRepository repository, PlatformRepository platforms, StepRepository steps, MeetingRepository meetings,
                 OutcomeRepository outcomes, ProcedureService procedure, ConsultFacts facts, Progress progress, ConsultAccess access,
                 ConsultRules rules, OrgService orgs, RegionService regions, MemberService members, DictService dict, UserService users,
                 AuditService audit, IdempotencyKeys idempotency, ApplicationEventPublisher events) {
        this.repository = repository;
        this.platforms = platforms;
        this.steps = steps;
        this.meetings = meetings;
        this.outcomes = outcomes;
        this.procedure = procedure;
        this.facts = facts;
        this.progress = progress;
        this.access = access;
        this.rules = rules;
        this.orgs = orgs;
        this.regions = regions;
        this.members = members;
        this.dict = dict;
        this.users = users;
        this.audit = audit;
        this.idempotency = idempotency;
        this.events = events;
    }

    /** Today in the users' time zone (forms start from it). */
    public LocalDate today() {
        return access.today();
    }

    // ---------------------------------------------------------------- reading

    public Page<TopicRow> search(DataScope scope, TopicQuery q, PageRequest page) {
        Page<Topic> topics = repository.search(filter(scope, q), page);
        return new Page<>(rows(topics.items()), topics.total(), topics.page(), topics.size(), topics.totalAtLeast());
    }

    public long count(DataScope scope, TopicQuery q) {
        return repository.count(filter(scope, q));
    }

    /** Every topic of a filter, in pages of rows (for exports). */
    @Transactional(readOnly = true)
    public void forEach(DataScope scope, TopicQuery q, Consumer<TopicRow> consumer) {
        List<Topic> batch = new ArrayList<>();
        repository.forEach(filter(scope, q), t -> {
            batch.add(t);
            if (batch.size() == 500) {
                rows(batch).forEach(consumer);
                batch.clear();
            }
        });
        rows(batch).forEach(consumer);
    }

    TopicRepository.Filter filter(DataScope scope, TopicQuery q) {
        scope.require(Permission.CONSULT_VIEW);
        String orgPath = q.orgId() == null ? null : orgs.get(scope, q.orgId()).path();
        String regionPath = q.regionCode() == null || q.regionCode().isBlank() ? null
                : regions.find(q.regionCode()).map(Region::path)
                .orElseThrow(() -> BusinessException.onField("regionCode", "region.unknown", q.regionCode()));
        Period raised = period(q.periodId(), "periodId");
        Period solved = period(q.solvedIn(), "solvedIn");
        return new TopicRepository.Filter(ConsultScope.of(scope), orgPath, q.platformId(), q.stepId(), blank(q.source()), regionPath,
                q.text(), blank(q.state()), raised == null ? null : raised.start(), raised == null ? null : raised.end(),
                solved == null ? null : solved.start(), solved == null ? null : solved.end(), q.sort());
    }

    static Period period(String id, String field) {
        if (id == null || id.isBlank()) {
            return null;
        }
        if (!Period.isValid(id)) {
            throw BusinessException.onField(field, "consult.period.invalid", id);
        }
        return Period.parse(id);
    }

    /**
     * The board of a committee: its topics by step. Without a committee, the user's own; a
     * prefecture or the province chooses one of their counties (each has its own procedure).
     */
    public Board board(DataScope scope, Long orgId, Long platformId, boolean includeSolved) {
        scope.require(Permission.CONSULT_VIEW);
        Org org = orgId == null ? access.unit(scope) : orgs.get(scope, orgId);
        String state = includeSolved ? "ACCEPTED" : "OPEN";
        TopicRepository.Filter mine = new TopicRepository.Filter(ConsultScope.of(scope), org.path(), platformId, null, null, null, null, state,
                null, null, null, null, null);
        Map<Long, Long> counts = repository.countsByStep(mine);
        List<Board.Column> columns = new ArrayList<>();
        for (Step step : procedure.steps(org.id())) {
            List<Topic> in = repository.inStep(mine, step.id(), 30);
            columns.add(new Board.Column(step, counts.getOrDefault(step.id(), 0L), rows(in)));
        }
        return new Board(org.id(), org.name(), columns, includeSolved);
    }

    public Topic get(DataScope scope, long id) {
        scope.require(Permission.CONSULT_VIEW);
        Topic t = repository.find(id).orElseThrow(() -> new NotFoundException("topic", id));
        if (!repository.visible(id, ConsultScope.of(scope))) {
            throw new NotFoundException("topic", id);
        }
        return t;
    }

    public TopicDetails details(DataScope scope, long id) {
        Topic t = get(scope, id);
        Platform platform = platforms.find(t.platformId()).orElseThrow();
        List<Step> all = steps.ofOrg(t.orgId());
        List<Step> enabled = all.stream().filter(s -> s.enabled() || s.id() == t.stepId()).toList();
        int index = -1;
        for (int i = 0; i < enabled.size(); i++) {
            if (enabled.get(i).id() == t.stepId()) {
                index = i;
            }
        }
        Map<Long, String> stepNames = all.stream().collect(Collectors.toMap(Step::id, Step::name));
        var moves = repository.moves(id);
        Set<Long> userIds = new HashSet<>();
        moves.forEach(m -> userIds.add(m.movedBy()));
        if (t.acceptedBy() != null) {
            userIds.add(t.acceptedBy());
        }
        Map<Long, String> names = access.userNames(userIds);
        List<TopicMove> moveViews = moves.stream().map(m -> new TopicMove(m.movedAt(), names.getOrDefault(m.movedBy(), ""),
                m.fromStepId() == null ? null : stepNames.get(m.fromStepId()), stepNames.get(m.toStepId()), m.distance(), m.reason())).toList();
        return new TopicDetails(t, platform, orgs.names(List.of(t.orgId())).get(t.orgId()),
                regions.lineageNamesOf(List.of(t.regionCode())).get(t.regionCode()), dict.label(ConsultRules.SOURCES, t.source()),
                t.raisedMemberId() == null ? null : members.find(t.raisedMemberId()).map(Member::name).orElse(null),
                t.acceptedBy() == null ? null : names.get(t.acceptedBy()), enabled, index, moveViews, chain(t),
                access.history("consult_topic", id), actions(scope, t));
    }

    /** The topic's meetings, each with its outcomes, their follow-up and feedback. */
    List<MeetingSummary> chain(Topic t) {
        List<Meeting> list = meetings.ofTopic(t.id());
        Map<Long, List<Participant>> people = meetings.participants(list.stream().map(Meeting::id).toList());
        Map<Long, String> hosts = members.findAll(list.stream().map(Meeting::hostMemberId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Member::id, Member::name));
        LocalDate today = access.today();
        List<MeetingSummary> result = new ArrayList<>();
        for (Meeting m : list) {
            List<Participant> ps = people.getOrDefault(m.id(), List.of());
            List<OutcomeSummary> os = outcomes.ofMeeting(m.id()).stream().map(o -> summary(o, m, today)).toList();
            result.add(new MeetingSummary(m, hosts.get(m.hostMemberId()), ps.size(), ps.stream().filter(Participant::present).count(), os));
        }
        return result;
    }

    OutcomeSummary summary(Outcome o, Meeting m, LocalDate today) {
        List<FollowUp> notes = outcomes.followUps(o.id());
        List<Feedback> feedback = outcomes.feedback(o.id());
        return new OutcomeSummary(o, o.status(today, m.isFinal()), notes.size(), notes.isEmpty() ? null : notes.get(notes.size() - 1),
                feedback.isEmpty() ? null : feedback.get(feedback.size() - 1));
    }

    public Set<TopicAction> actions(DataScope scope, Topic t) {
        Set<TopicAction> a = EnumSet.noneOf(TopicAction.class);
        if (!access.manages(scope, t.orgId())) {
            return a;
        }
        if (!t.declined()) {
            a.add(TopicAction.EDIT);
        }
        if (t.pending()) {
            a.add(TopicAction.ACCEPT);
            a.add(TopicAction.DECLINE);
        }
        if (t.accepted()) {
            a.add(TopicAction.MOVE);
            a.add(TopicAction.ADD_MEETING);
        }
        if (!t.accepted() || meetings.ofTopic(t.id()).isEmpty()) {
            a.add(TopicAction.DELETE);
        }
        return a;
    }

    // ---------------------------------------------------------------- writing

    /**
     * Raises a topic. The office of the platform's committee raises it accepted; a cadre raises it
     * in their region, waiting for the office to accept it. With an idempotency key (the phone form
     * sends one) a repeated request returns the topic the first one made.
     */
    @Transactional
    public long create(DataScope scope, TopicForm form, String idempotencyKey) {
        scope.require(Permission.CONSULT_RAISE);
        if (idempotencyKey != null) {
            Optional<Long> earlier = idempotency.claim(scope.userId(), "consult.topic.create", idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Platform platform = check(scope, form, null);
        boolean office = access.manages(scope, platform.orgId());
        procedure.ensure(platform.orgId());
        Step first = procedure.steps(platform.orgId()).get(0);
        LocalDate acceptedOn = office ? (scope.isLoader() ? form.getRaisedOn() : access.today()) : null;
        long id = repository.insert(platform.orgId(), first.id(), form, office ? scope.userId() : null, acceptedOn, scope.userId(), null);
        java.time.OffsetDateTime at = when(scope, form.getRaisedOn());
        repository.entered(id, at);
        repository.insertMove(id, null, first.id(), 0, null, scope.userId(), at);
        audit.record(scope, "CREATE", "consult_topic", id, form.getTitle(), null, snapshot(repository.find(id).orElseThrow()));
        facts.restore(List.of(id));
        if (!office) {
            tellOffice(platform.orgId(), "CONSULT_TOPIC", "consult.notify.topicRaised", List.of(form.getTitle(), scope.displayName()),
                    "/consult/topics/" + id, null);
        }
        if (idempotencyKey != null) {
            idempotency.complete(scope.userId(), "consult.topic.create", idempotencyKey, id);
        }
        return id;
    }

    /** Creates topics from an import, all rules checked, already accepted; rows whose key exists are skipped. */
    @Transactional
    public long importTopic(DataScope scope, TopicForm form, String importKey) {
        Platform platform = check(scope, form, null);
        access.requireManage(scope, platform.orgId());
        if (repository.exists(platform.id(), importKey)) {
            return 0;
        }
        procedure.ensure(platform.orgId());
        Step first = procedure.steps(platform.orgId()).get(0);
        long id = repository.insert(platform.orgId(), first.id(), form, scope.userId(), access.today(), scope.userId(), importKey);
        repository.insertMove(id, null, first.id(), 0, null, scope.userId(), java.time.OffsetDateTime.now());
        audit.record(scope, "IMPORT", "consult_topic", id, form.getTitle(), null, snapshot(repository.find(id).orElseThrow()));
        facts.restore(List.of(id));
        return id;
    }

    /** Checks a topic form with every rule; answers its platform. The same for the page, the phone and the import. */
    Platform check(DataScope scope, TopicForm form, Topic existing) {
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        rules.topic(form, access.today(), errors);
        Platform platform = null;
        if (form.getPlatformId() != null) {
            platform = platforms.find(form.getPlatformId()).filter(p -> platforms.visible(p.id(), ConsultScope.of(scope))).orElse(null);
            if (platform == null) {
                errors.add("platformId", "consult.platform.unknown");
            } else if (!platform.active() && (existing == null || existing.platformId() != platform.id())) {
                errors.add("platformId", "consult.platform.inactive", platform.name());
            } else if (!access.manages(scope, platform.orgId()) && !access.inCadreRegion(scope, platform.regionCode())) {
                errors.add("platformId", "consult.platform.notYours", platform.name());
            } else if (existing != null && existing.platformId() != platform.id() && !meetings.ofTopic(existing.id()).isEmpty()) {
                errors.add("platformId", "consult.topic.platformFixed");
            }
        }
        if (form.getRegionCode() != null && !form.getRegionCode().isBlank()) {
            Region region = regions.find(form.getRegionCode()).orElse(null);
            if (region == null) {
                errors.add("regionCode", "region.unknown", form.getRegionCode());
            } else if (platform != null) {
                Region bound = orgs.find(platform.orgId()).flatMap(orgs::effectiveRegion).flatMap(regions::find).orElse(null);
                if (bound != null && !bound.contains(region)) {
                    errors.add("regionCode", "consult.region.outside", bound.name());
                } else if (!access.manages(scope, platform.orgId()) && !access.inCadreRegion(scope, region.code())) {
                    errors.add("regionCode", "consult.region.notYours");
                }
            }
        }
        if (form.getRaisedMemberId() != null && !members.visible(scope, form.getRaisedMemberId())
                && (existing == null || !form.getRaisedMemberId().equals(existing.raisedMemberId()))) {
            errors.add("raisedMemberId", "consult.member.outOfScope", form.getRaisedMemberId());
        }
        errors.throwIfAny();
        return platform;
    }

    @Transactional
    public void update(DataScope scope, long id, TopicForm form) {
        Topic before = get(scope, id);
        access.requireManage(scope, before.orgId());
        if (before.declined()) {
            throw new BusinessException("consult.topic.declined");
        }
        Platform platform = check(scope, form, before);
        if (platform.orgId() != before.orgId()) {
            throw BusinessException.onField("platformId", "consult.platform.notYours", platform.name());
        }
        facts.remove(List.of(id));
        if (!repository.update(id, form)) {
            throw new ConflictException("topic", id);
        }
        facts.restore(List.of(id));
        audit.record(scope, "UPDATE", "consult_topic", id, form.getTitle(), snapshot(before), snapshot(repository.find(id).orElseThrow()));
    }

    /** The office accepts (受理) a topic a cadre raised: it counts from now on. */
    @Transactional
    public void accept(DataScope scope, long id, int version) {
        Topic t = get(scope, id);
        access.requireManage(scope, t.orgId());
        facts.remove(List.of(id));
        if (!repository.accept(id, version, scope.userId(), access.today())) {
            throw stale(id, version);
        }
        facts.restore(List.of(id));
        audit.record(scope, "ACCEPT", "consult_topic", id, t.title(), null, null);
        users.account(t.createdBy()).filter(u -> u.id() != scope.userId()).ifPresent(u -> events.publishEvent(new Notice(List.of(u.id()),
                "CONSULT_TOPIC", "consult.notify.topicAccepted", List.of(t.title()), "/consult/topics/" + id, null)));
    }

    /** The office declines a topic, with the reason the one who raised it is told. */
    @Transactional
    public void decline(DataScope scope, long id, int version, String reason) {
        Topic t = get(scope, id);
        access.requireManage(scope, t.orgId());
        String why = requireReason(reason);
        facts.remove(List.of(id));
        if (!repository.decline(id, version, why)) {
            throw stale(id, version);
        }
        facts.restore(List.of(id));
        audit.record(scope, "DECLINE", "consult_topic", id, why, null, null);
        users.account(t.createdBy()).filter(u -> u.id() != scope.userId()).ifPresent(u -> events.publishEvent(new Notice(List.of(u.id()),
                "CONSULT_TOPIC", "consult.notify.topicDeclined", List.of(t.title(), why), "/consult/topics/" + id, null)));
    }

    /**
     * Moves a topic to another step of its committee's procedure. The next step is taken when its
     * requirement is met; a step further ahead (skipping some) or an earlier one needs a reason.
     * Entering a step ahead always needs its requirement met.
     */
    @Transactional
    public void move(DataScope scope, long id, int version, long toStepId, String reason) {
        Topic t = get(scope, id);
        access.requireManage(scope, t.orgId());
        if (!t.accepted()) {
            throw new BusinessException("consult.topic.notAccepted");
        }
        List<Step> order = procedure.steps(t.orgId());
        int from = indexOf(order, t.stepId());
        int to = indexOf(order, toStepId);
        if (to < 0) {
            throw BusinessException.onField("stepId", "consult.step.unknown");
        }
        int distance = from < 0 ? to + 1 : to - from;
        if (distance == 0) {
            throw BusinessException.onField("stepId", "consult.step.same");
        }
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        if (why != null && why.length() > 500) {
            throw BusinessException.onField("reason", "validation.tooLong", 500);
        }
        Step target = order.get(to);
        if (distance > 1 && why == null) {
            throw BusinessException.onField("reason", "consult.step.skipReason", order.get(Math.max(0, from + 1)).name(), target.name());
        }
        if (distance < 0 && why == null) {
            throw BusinessException.onField("reason", "consult.step.backReason", target.name());
        }
        if (distance > 0 && !progress.meets(id, t.solvedOn(), target.requirement())) {
            throw BusinessException.onField("stepId", "consult.step.requirement." + target.requirement().name(), target.name());
        }
        java.time.OffsetDateTime at = when(scope, repository.lastActivity(id));
        if (!repository.moveTo(id, version, toStepId, at)) {
            throw stale(id, version);
        }
        repository.insertMove(id, t.stepId(), toStepId, distance, why, scope.userId(), at);
        Step current = from < 0 ? steps.find(t.stepId()).orElseThrow() : order.get(from);
        audit.record(scope, "MOVE", "consult_topic", id, why, Map.of("step", current.name()), Map.of("step", target.name()));
    }

    /** Deletes a topic raised by mistake: one waiting, declined, or without meetings yet. */
    @Transactional
    public void delete(DataScope scope, long id, int version) {
        Topic t = get(scope, id);
        access.requireManage(scope, t.orgId());
        if (t.accepted() && !meetings.ofTopic(id).isEmpty()) {
            throw new BusinessException("consult.topic.hasMeetings");
        }
        facts.remove(List.of(id));
        if (!repository.delete(id, version)) {
            throw stale(id, version);
        }
        audit.record(scope, "DELETE", "consult_topic", id, t.title(), snapshot(t), null);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Now; or, for a loader entering the past (the demo's history), the afternoon of the day it
     * happened, never later than now — so the board says how long a topic has waited in its step.
     */
    private java.time.OffsetDateTime when(DataScope scope, LocalDate day) {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        if (!scope.isLoader() || scope.isSystem() || day == null) {
            return now;
        }
        java.time.OffsetDateTime then = day.atTime(17, 0).atZone(access.zone()).toOffsetDateTime();
        return then.isBefore(now) ? then : now;
    }

    private RuntimeException stale(long id, int version) {
        Topic now = repository.find(id).orElseThrow(() -> new NotFoundException("topic", id));
        return now.version() != version ? new ConflictException("topic", id) : new BusinessException("consult.topic.stateChanged");
    }

    static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw BusinessException.onField("reason", "consult.reason.required");
        }
        if (reason.trim().length() > 500) {
            throw BusinessException.onField("reason", "validation.tooLong", 500);
        }
        return reason.trim();
    }

    private static int indexOf(List<Step> steps, long id) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    /** Tells a committee's office staff. */
    void tellOffice(long orgId, String kind, String code, List<String> args, String link, String dedupKey) {
        List<Long> staff = users.withRole(orgId, Role.STAFF).stream().map(UserAccount::id).toList();
        if (!staff.isEmpty()) {
            events.publishEvent(new Notice(staff, kind, code, args, link, dedupKey));
        }
    }

    List<TopicRow> rows(List<Topic> topics) {
        if (topics.isEmpty()) {
            return List.of();
        }
        Map<Long, Platform> ps = platforms.findAll(topics.stream().map(Topic::platformId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Platform::id, p -> p));
        Map<Long, String> stepNames = new HashMap<>();
        steps.findAll(topics.stream().map(Topic::stepId).collect(Collectors.toSet())).forEach(s -> stepNames.put(s.id(), s.name()));
        Map<String, String> regionNames = regions.lineageNamesOf(topics.stream().map(Topic::regionCode).toList());
        Map<Long, String> orgNames = orgs.names(topics.stream().map(Topic::orgId).collect(Collectors.toSet()));
        Map<Long, long[]> counts = repository.counts(topics.stream().map(Topic::id).toList(), access.today());
        return topics.stream().map(t -> {
            long[] c = counts.getOrDefault(t.id(), new long[4]);
            Platform p = ps.get(t.platformId());
            return new TopicRow(t, p.name(), p.level(), stepNames.get(t.stepId()), PlatformService.shortLineage(regionNames.get(t.regionCode())),
                    orgNames.get(t.orgId()), c[0], c[1], c[2], c[3]);
        }).toList();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private Map<String, Object> snapshot(Topic t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", t.title());
        m.put("platform", platforms.find(t.platformId()).map(Platform::name).orElse(null));
        m.put("source", dict.label(ConsultRules.SOURCES, t.source()));
        m.put("raisedBy", t.raisedBy());
        m.put("raisedMember", t.raisedMemberId() == null ? null : members.find(t.raisedMemberId()).map(Member::name).orElse(null));
        m.put("raisedOn", t.raisedOn().toString());
        m.put("region", regions.find(t.regionCode()).map(Region::name).orElse(t.regionCode()));
        m.put("affected", t.affected());
        m.put("households", t.households());
        m.put("description", t.description());
        return m;
    }
}

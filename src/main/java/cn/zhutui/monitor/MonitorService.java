package cn.zhutui.monitor;

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
import cn.zhutui.common.Permission;
import cn.zhutui.common.Role;
import cn.zhutui.household.Household;
import cn.zhutui.household.HouseholdMember;
import cn.zhutui.household.HouseholdService;
import cn.zhutui.household.HouseholdView;
import cn.zhutui.monitor.internal.CaseRepository;
import cn.zhutui.monitor.internal.CaseRules;
import cn.zhutui.monitor.internal.MonitorFacts;
import cn.zhutui.monitor.internal.MonitorFacts.Event;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgService;
import cn.zhutui.region.RegionService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Return-to-poverty monitoring (防止返贫动态监测): clues from the three channels open or join a
 * household's case; the case goes home visit and consent → village democratic review with a public
 * notice of at least five days → township review → county decision, against the 15-day clock; then
 * the assistance plan, follow-up visits, risk elimination with its own review, and reopening.
 * Every step checks who may take it and where (out of reach is 404), keeps the figures in step in
 * the same transaction and leaves its trace in the audit log.
 *
 * <p>Reach: office roles see the region of their org (a county office its county), cadres their
 * township or village. The township's review needs a reach of a township or wider; the county's
 * decision a reach of a county or wider.
 */
@Service
public class MonitorService {

    /** An included household is visited again at least this often (days): past it, its follow-up is due. */
    public static final int FOLLOW_UP_DAYS = 90;

    private static final Set<Role> OFFICE = EnumSet.of(Role.ADMIN, Role.STAFF, Role.REVIEWER, Role.VIEWER);

    private final CaseRepository repository;
    private final MonitorFacts facts;
    private final HouseholdService households;
    private final IncomeLines lines;
    private final OrgService orgs;
    private final RegionService regions;
    private final AuditService audit;
    private final IdempotencyKeys idempotency;
    private final cn.zhutui.file.FileService files;
    private final org.springframework.beans.factory.ObjectProvider<cn.zhutui.pairing.VisitService> pairingVisits;
    private final org.springframework.beans.factory.ObjectProvider<cn.zhutui.pairing.PairingService> pairings;
    private final Clock clock;
    private final int warnDays;

    MonitorService(CaseRepository repository, MonitorFacts facts, HouseholdService households, IncomeLines lines, OrgService orgs,
                   RegionService regions, AuditService audit, IdempotencyKeys idempotency, cn.zhutui.file.FileService files,
                   org.springframework.beans.factory.ObjectProvider<cn.zhutui.pairing.VisitService> pairingVisits,
                   org.springframework.beans.factory.ObjectProvider<cn.zhutui.pairing.PairingService> pairings, Clock clock,
                   @Value("${zhutui.monitor.warn-days:3}") int warnDays) {
        this.files = files;
        this.pairingVisits = pairingVisits;
        this.pairings = pairings;
        this.repository = repository;
        this.facts = facts;
        this.households = households;
        this.lines = lines;
        this.orgs = orgs;
        this.regions = regions;
        this.audit = audit;
        this.idempotency = idempotency;
        this.clock = clock;
        this.warnDays = warnDays;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public int warnDays() {
        return warnDays;
    }

    // ---------------------------------------------------------------- reach

    /** The region code prefix the user works in ("" everywhere, null nowhere). */
    public String reach(DataScope scope) {
        if (scope.isSystem()) {
            return "";
        }
        if (!scope.can(Permission.MONITOR_VIEW)) {
            return null;
        }
        if (scope.roles().stream().anyMatch(OFFICE::contains)) {
            Org org = orgs.find(scope.orgId()).orElse(null);
            if (org == null) {
                return null;
            }
            return orgs.effectiveRegion(org).orElse(org.parentId() == null ? "" : null);
        }
        if (scope.has(Role.CADRE) && scope.regionPath() != null) {
            String[] parts = scope.regionPath().split("/");
            for (int i = parts.length - 1; i >= 0; i--) {
                if (!parts[i].isEmpty()) {
                    return parts[i];
                }
            }
        }
        return null;
    }

    private static boolean covers(String reach, String regionCode) {
        return reach != null && regionCode != null && regionCode.startsWith(reach);
    }

    /** A case the user may see, or 404. */
    public MonitorCase get(DataScope scope, long id) {
        scope.require(Permission.MONITOR_VIEW);
        MonitorCase c = repository.find(id).orElseThrow(() -> new NotFoundException("monitor_case", id));
        if (!covers(reach(scope), c.regionCode())) {
            throw new NotFoundException("monitor_case", id);
        }
        return c;
    }

    // ---------------------------------------------------------------- lists

    public Page<MonitorCase> search(DataScope scope, CaseQuery q, PageRequest page) {
        scope.require(Permission.MONITOR_VIEW);
        return repository.search(filter(scope, q), page);
    }

    public long count(DataScope scope, CaseQuery q) {
        scope.require(Permission.MONITOR_VIEW);
        return repository.count(filter(scope, q));
    }

    public void forEach(DataScope scope, CaseQuery q, java.util.function.Consumer<MonitorCase> consumer) {
        scope.require(Permission.MONITOR_VIEW);
        repository.forEach(filter(scope, q), consumer);
    }

    private CaseRepository.Filter filter(DataScope scope, CaseQuery q) {
        String prefix = q.regionCode() == null || q.regionCode().isBlank() ? null : q.regionCode().trim();
        return new CaseRepository.Filter(reach(scope), prefix, q.stages(), q.kind(), q.reason(), q.name(), q.late() ? Boolean.TRUE : null,
                today(), q.soon() && !q.late() ? warnDays : null, q.householdId(), null, null, q.sort(),
                "followUpDue".equals(q.group()) ? today().minusDays(FOLLOW_UP_DAYS) : null);
    }

    /** Names of the villages (with township) of these cases, for the lists. */
    public Map<String, String> placeNames(List<MonitorCase> cases) {
        return regions.lineageNamesOf(cases.stream().map(MonitorCase::regionCode).collect(Collectors.toSet()));
    }

    public CaseClock clock(MonitorCase c) {
        return CaseClock.of(c, today(), warnDays);
    }

    // ---------------------------------------------------------------- one case

    public CaseView view(DataScope scope, long id) {
        MonitorCase c = get(scope, id);
        HouseholdView household = households.view(DataScope.system(), c.householdId());
        List<Measure> measures = repository.measures(id);
        List<FollowUp> followUps = repository.followUps(id);
        PublicNotice notice = c.noticeId() == null ? null : notice(c.noticeId());
        EliminationCheck check = c.stage() == Stage.MONITORED || c.stage().eliminating() ? elimination(c, followUps, measures) : null;
        IncomeLine line = lines.forRegion(c.regionCode(), today().getYear()).orElse(null);
        return new CaseView(c, household, regions.lineageNamesOf(List.of(c.regionCode())).getOrDefault(c.regionCode(), c.regionCode()),
                clock(c), repository.clues(id), repository.reviews(id), notice, measures, followUps, actions(scope, c), check, line);
    }

    /** The conditions of elimination of a case as they stand today. */
    public EliminationCheck elimination(DataScope scope, long id) {
        MonitorCase c = get(scope, id);
        return elimination(c, repository.followUps(id), repository.measures(id));
    }

    private EliminationCheck elimination(MonitorCase c, List<FollowUp> followUps, List<Measure> measures) {
        return CaseRules.elimination(c.hasLabour(), followUps, measures,
                year -> lines.forRegion(c.regionCode(), year).map(IncomeLine::perHead).orElse(null), today());
    }

    /** What the user may do next on the case. */
    public Set<CaseAction> actions(DataScope scope, MonitorCase c) {
        Set<CaseAction> a = EnumSet.noneOf(CaseAction.class);
        String reach = reach(scope);
        if (!covers(reach, c.regionCode())) {
            return a;
        }
        boolean record = scope.can(Permission.MONITOR_RECORD);
        boolean township = scope.can(Permission.MONITOR_TOWNSHIP) && reach.length() <= 9;
        boolean county = scope.can(Permission.MONITOR_DECIDE) && reach.length() <= 6;
        switch (c.stage()) {
            case CLUE -> {
                if (record) {
                    a.add(CaseAction.VISIT);
                    a.add(CaseAction.DISMISS);
                }
            }
            case VILLAGE, ELIM_VILLAGE -> {
                if (record) {
                    a.add(CaseAction.VILLAGE_REVIEW);
                    if (c.stage() == Stage.VILLAGE) {
                        a.add(CaseAction.DISMISS);
                    }
                }
            }
            case NOTICE, ELIM_NOTICE, TOWNSHIP, ELIM_TOWNSHIP -> {
                if (record && (c.stage() == Stage.NOTICE || c.stage() == Stage.ELIM_NOTICE)) {
                    a.add(CaseAction.OBJECTION);
                }
                if (township) {
                    a.add(CaseAction.TOWNSHIP_REVIEW);
                }
            }
            case COUNTY, ELIM_COUNTY -> {
                if (county) {
                    a.add(CaseAction.COUNTY_DECISION);
                }
            }
            case MONITORED -> {
                if (record) {
                    a.add(CaseAction.PLAN);
                    a.add(CaseAction.FOLLOW_UP);
                    a.add(CaseAction.PROPOSE_ELIMINATION);
                }
            }
            case ELIMINATED -> {
                if (county) {
                    a.add(CaseAction.REOPEN);
                }
            }
            default -> {
            }
        }
        if (c.stage().eliminating() && record) {
            a.add(CaseAction.PLAN);
            a.add(CaseAction.FOLLOW_UP);
        }
        return a;
    }

    /** The cases of a household the user may see, newest first. */
    public List<MonitorCase> casesOfHousehold(DataScope scope, long householdId) {
        scope.require(Permission.MONITOR_VIEW);
        String reach = reach(scope);
        return repository.casesOfHousehold(householdId).stream().filter(c -> covers(reach, c.regionCode())).toList();
    }

    // ---------------------------------------------------------------- clues

    /**
     * Records a clue from the field (a household's own report, also made on its behalf, or a
     * cadre's check): it opens a case for the household, or joins its open case — never a second
     * one. A household whose last case was closed or rejected gets a new case for a person to judge.
     * Returns the case's id.
     */
    @Transactional
    public long report(DataScope scope, ClueForm form) {
        scope.require(Permission.MONITOR_RECORD);
        String key = form.getIdempotencyKey() == null || form.getIdempotencyKey().isBlank() ? null : form.getIdempotencyKey().trim();
        if (key != null) {
            var earlier = idempotency.claim(scope.userId(), "monitor.clue", key);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        Household household = null;
        String reach = reach(scope);
        if (form.getHouseholdId() == null && (form.getIdNumber() == null || form.getIdNumber().isBlank())) {
            errors.add("householdId", "monitor.clue.household.required");
        } else if (form.getHouseholdId() != null) {
            household = households.findAll(scope, List.of(form.getHouseholdId())).stream().findFirst().orElse(null);
            if (household == null) {
                errors.add("householdId", "monitor.clue.household.notFound", form.getHouseholdId());
            }
        } else {
            household = households.findByIdNumber(scope, form.getIdNumber()).orElse(null);
            if (household == null) {
                errors.add("idNumber", "monitor.clue.idNumber.notFound");
            }
        }
        if (household != null && (!covers(reach, household.regionCode()) || !household.active())) {
            errors.add(form.getHouseholdId() != null ? "householdId" : "idNumber", "monitor.clue.household.outOfReach");
        }
        if (form.getChannel() != Channel.SELF_REPORT && form.getChannel() != Channel.CADRE_CHECK) {
            errors.add("channel", "monitor.clue.channel.invalid");
        }
        CaseRules.clue(form.getReasons(), form.getDescription(), form.getAmount(), form.getReportedOn(), form.isOnBehalf(), form.getReporter(),
                today(), scope.isLoader(), errors);
        errors.throwIfAny();
        List<RiskReason> reasons = form.getReasons().stream().distinct().toList();
        long caseId = raise(scope, household, reasons, new CaseRepository.NewClue(0, household.id(), form.getChannel(), reasons,
                CaseRules.trim(form.getDescription()), form.getAmount(), form.getReportedOn(), CaseRules.trim(form.getReporter()),
                form.isOnBehalf(), null, null, null, null, null, null, null, null, false, scope.userId() == 0 ? null : scope.userId()));
        if (key != null) {
            idempotency.complete(scope.userId(), "monitor.clue", key, caseId);
        }
        return caseId;
    }

    /** Keeps a clue: joins the household's open case or opens a new one. */
    private long raise(DataScope scope, Household household, List<RiskReason> reasons, CaseRepository.NewClue clue) {
        repository.lockRaising();
        MonitorCase open = repository.openCasesOf(List.of(household.id())).get(household.id());
        boolean opened = open == null;
        long caseId;
        if (opened) {
            int persons = households.sizes(List.of(household.id())).getOrDefault(household.id(), 0);
            caseId = repository.insertCases(List.of(new CaseRepository.NewCase(household.id(), household.headName(), household.regionCode(),
                    reasons, clue.reportedOn(), CaseClock.deadline(clue.reportedOn()), persons, scope.userId() == 0 ? null : scope.userId(),
                    scope.userId() == 0 ? null : scope.userId()))).get(0);
        } else {
            caseId = open.id();
        }
        repository.insertClues(List.of(new CaseRepository.NewClue(caseId, clue.householdId(), clue.channel(), clue.reasons(), clue.description(),
                clue.amount(), clue.reportedOn(), clue.reporter(), clue.onBehalf(), clue.department(), clue.screeningId(), clue.sourceRow(),
                clue.sourceFile(), clue.rule(), clue.ruleYear(), clue.figure(), clue.line(), opened, clue.createdBy())));
        MonitorCase c = repository.find(caseId).orElseThrow();
        MonitorFacts.Flow flow = new MonitorFacts.Flow().add(Event.CLUES, c, clue.reportedOn());
        if (opened) {
            facts.write(new MonitorFacts.Stock().add(c, +1));
            flow.add(Event.OPENED, c, clue.reportedOn());
        }
        facts.write(flow);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("channel", clue.channel().name());
        after.put("reasons", reasons.stream().map(Enum::name).collect(Collectors.joining("、")));
        after.put("reportedOn", clue.reportedOn().toString());
        audit.record(scope, opened ? "CREATE" : "UPDATE", "monitor_case", caseId, c.headName(), null, after);
        return caseId;
    }

    /** A clue found by a department's screening or an automatic check, for {@link #raiseAll}. */
    public record Raised(long householdId, Channel channel, List<RiskReason> reasons, String description, BigDecimal amount, LocalDate reportedOn,
                         String department, Long screeningId, Integer sourceRow, String sourceFile, String rule, Integer ruleYear,
                         BigDecimal figure, BigDecimal line) {
    }

    /** What {@link #raiseAll} did: clues kept, cases opened, clues joined to open cases, automatic clues skipped as raised before. */
    public record RaisedCount(int clues, int opened, int attached, int skipped) {
    }

    /**
     * Keeps many clues at once (a screening file, an automatic check) in one transaction: each
     * joins its household's open case, or opens one — never a second open case for a household,
     * and a closed or rejected case is never reopened by it (a new case is opened for a person to
     * judge). An automatic rule's clue already raised for the household and year is skipped.
     * The caller has checked that the households are in its reach.
     */
    @Transactional
    public RaisedCount raiseAll(DataScope scope, List<Raised> raised) {
        if (raised.isEmpty()) {
            return new RaisedCount(0, 0, 0, 0);
        }
        Long user = scope.userId() == 0 ? null : scope.userId();
        repository.lockRaising();
        List<Long> householdIds = raised.stream().map(Raised::householdId).distinct().toList();
        Map<Long, MonitorCase> open = new java.util.HashMap<>(repository.openCasesOf(householdIds));
        Map<Long, Household> summaries = households.summaries(householdIds);
        List<CaseRepository.NewCase> toOpen = new ArrayList<>();
        Map<Long, Raised> firstOf = new LinkedHashMap<>();
        for (Raised r : raised) {
            if (!open.containsKey(r.householdId()) && !firstOf.containsKey(r.householdId())) {
                firstOf.put(r.householdId(), r);
            }
        }
        Map<Long, Integer> sizes = households.sizes(firstOf.keySet());
        for (Raised r : firstOf.values()) {
            Household h = summaries.get(r.householdId());
            toOpen.add(new CaseRepository.NewCase(h.id(), h.headName(), h.regionCode(), r.reasons(), r.reportedOn(),
                    CaseClock.deadline(r.reportedOn()), sizes.getOrDefault(h.id(), 0), null, user));
        }
        List<Long> openedIds = repository.insertCases(toOpen);
        Map<Long, Long> caseOf = new java.util.HashMap<>();
        open.forEach((h, c) -> caseOf.put(h, c.id()));
        for (int i = 0; i < toOpen.size(); i++) {
            caseOf.put(toOpen.get(i).householdId(), openedIds.get(i));
        }
        java.util.Set<Long> openedHere = new java.util.HashSet<>(firstOf.keySet());
        List<CaseRepository.NewClue> clues = new ArrayList<>();
        for (Raised r : raised) {
            boolean opens = openedHere.remove(r.householdId());
            clues.add(new CaseRepository.NewClue(caseOf.get(r.householdId()), r.householdId(), r.channel(), r.reasons(), r.description(),
                    r.amount(), r.reportedOn(), null, false, r.department(), r.screeningId(), r.sourceRow(), r.sourceFile(), r.rule(),
                    r.ruleYear(), r.figure(), r.line(), opens, user));
        }
        List<Long> clueIds = repository.insertClues(clues);
        Map<Long, MonitorCase> cases = new java.util.HashMap<>();
        repository.findAll(new java.util.HashSet<>(caseOf.values())).forEach(c -> cases.put(c.id(), c));
        MonitorFacts.Stock stock = new MonitorFacts.Stock();
        MonitorFacts.Flow flow = new MonitorFacts.Flow();
        for (Long id : openedIds) {
            MonitorCase c = cases.get(id);
            stock.add(c, +1);
            flow.add(Event.OPENED, c, c.firstClueOn());
        }
        int kept = 0;
        int skipped = 0;
        int attached = 0;
        for (int i = 0; i < clues.size(); i++) {
            if (clueIds.get(i) == null) {
                skipped++;
                continue;
            }
            kept++;
            if (!clues.get(i).openedCase()) {
                attached++;
            }
            flow.add(Event.CLUES, cases.get(clues.get(i).caseId()), clues.get(i).reportedOn());
        }
        facts.write(stock);
        facts.write(flow);
        return new RaisedCount(kept, openedIds.size(), attached, skipped);
    }

    // ---------------------------------------------------------------- steps

    /** Locks the case for a step: in reach, at one of the stages, the version the user saw, and the action theirs to take. */
    private MonitorCase step(DataScope scope, long id, int version, CaseAction action) {
        get(scope, id);
        MonitorCase c = repository.lock(id).orElseThrow(() -> new NotFoundException("monitor_case", id));
        if (c.version() != version) {
            throw new ConflictException("monitor_case", id);
        }
        if (!actions(scope, c).contains(action)) {
            boolean permitted = switch (action) {
                case TOWNSHIP_REVIEW -> scope.can(Permission.MONITOR_TOWNSHIP);
                case COUNTY_DECISION, REOPEN -> scope.can(Permission.MONITOR_DECIDE);
                default -> scope.can(Permission.MONITOR_RECORD);
            };
            if (!permitted) {
                throw new ForbiddenException();
            }
            throw new BusinessException("monitor.step.notNow");
        }
        return c;
    }

    private MonitorCase write(DataScope scope, MonitorCase before, CaseRepository.Change change, MonitorFacts.Flow flow, String action,
                              Map<String, Object> after) {
        if (!repository.update(before.id(), before.version(), change)) {
            throw new ConflictException("monitor_case", before.id());
        }
        MonitorCase now = repository.find(before.id()).orElseThrow();
        facts.write(new MonitorFacts.Stock().move(before, now));
        if (flow != null) {
            facts.write(flow);
        }
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("monitorStage", before.stage().name());
        Map<String, Object> a = new LinkedHashMap<>(after);
        a.put("monitorStage", now.stage().name());
        audit.record(scope, action, "monitor_case", before.id(), now.headName(), b, a);
        return now;
    }

    /** The home visit and the household's signed consent: the case goes to the village's democratic review. */
    @Transactional
    public void visit(DataScope scope, long id, HomeVisitForm f) {
        MonitorCase c = step(scope, id, f.getVersion(), CaseAction.VISIT);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        CaseRules.visit(f, c.firstClueOn(), today(), errors);
        errors.throwIfAny();
        List<HouseholdMember> members = households.members(DataScope.system(), c.householdId()).stream().filter(HouseholdMember::current).toList();
        boolean labour = f.getHasLabour() != null ? f.getHasLabour() : hasLabour(members, f.getVisitedOn());
        List<RiskReason> reasons = f.getReasons().stream().distinct().toList();
        CaseRepository.Change change = new CaseRepository.Change().set("stage", Stage.VILLAGE).set("visited_on", f.getVisitedOn())
                .set("visitors", f.getVisitors().trim()).set("findings", f.getFindings().trim()).set("income_per_head", f.getIncomePerHead())
                .set("expense", f.getExpense()).set("has_labour", labour).set("consent_on", f.getConsentOn()).set("kind", f.getKind())
                .set("reasons", reasons).set("main_reason", reasons.get(0)).set("persons", Math.max(members.size(), 1));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("visitedOn", f.getVisitedOn().toString());
        after.put("monitorKind", f.getKind().name());
        after.put("consentOn", f.getConsentOn().toString());
        write(scope, c, change, null, "HOME_VISIT", after);
    }

    /** Whether anyone of the household can work: by the registry's labour field, or, where it is blank, by age (16 to 59). */
    public static boolean hasLabour(List<HouseholdMember> members, LocalDate on) {
        return members.stream().anyMatch(m -> {
            if (m.labour() != null && !m.labour().isBlank()) {
                return Set.of("SKILLED", "ORDINARY", "WEAK").contains(m.labour());
            }
            Integer age = m.age(on);
            return age != null && age >= 16 && age < 60;
        });
    }

    /** A proposal to the registry's labour ability for the visit form. */
    public boolean labourFromRegistry(DataScope scope, long id) {
        MonitorCase c = get(scope, id);
        return hasLabour(households.members(DataScope.system(), c.householdId()).stream().filter(HouseholdMember::current).toList(), today());
    }

    /** Closes a clue found unfounded (or whose household refused its consent): the case is rejected, with the reason. */
    @Transactional
    public void dismiss(DataScope scope, long id, int version, String reason) {
        MonitorCase c = step(scope, id, version, CaseAction.DISMISS);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        CaseRules.text(reason, "reason", 500, true, errors);
        errors.throwIfAny();
        write(scope, c, new CaseRepository.Change().set("stage", Stage.REJECTED).set("closed_on", today()).set("closed_reason", reason.trim()),
                new MonitorFacts.Flow().add(Event.REJECTED, c, today()), "DISMISS", Map.of("closedReason", reason.trim()));
    }

    /**
     * The village's democratic review: agreed, the household goes on the village notice (at least
     * five days, the same notice for every household reviewed in the session); not agreed, the
     * case is rejected (identification) or stays monitored (elimination).
     */
    @Transactional
    public void villageReview(DataScope scope, long id, ReviewForm f) {
        MonitorCase c = step(scope, id, f.getVersion(), CaseAction.VILLAGE_REVIEW);
        boolean eliminating = c.stage() == Stage.ELIM_VILLAGE;
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        CaseRules.review(f, true, eliminating ? c.elimProposedOn() : c.visitedOn(), today(), errors);
        errors.throwIfAny();
        Purpose purpose = eliminating ? Purpose.ELIMINATE : Purpose.IDENTIFY;
        Long noticeId = null;
        if (f.getAgreed()) {
            noticeId = repository.noticeFor(c.regionCode(), purpose, f.getNoticeStart(), f.getNoticeEnd(), f.getNoticePlace().trim(), scope.userId());
        }
        repository.insertReview(id, purpose, ReviewLevel.VILLAGE, f.getDecidedOn(), f.getAgreed(), f.getParticipants(), CaseRules.trim(f.getNote()),
                noticeId, scope.userId());
        CaseRepository.Change change = new CaseRepository.Change();
        MonitorFacts.Flow flow = null;
        if (f.getAgreed()) {
            change.set("stage", eliminating ? Stage.ELIM_NOTICE : Stage.NOTICE).set("notice_id", noticeId).set("objection", null);
        } else if (eliminating) {
            change.set("stage", Stage.MONITORED);
        } else {
            change.set("stage", Stage.REJECTED).set("closed_on", f.getDecidedOn()).set("closed_reason", f.getNote().trim());
            flow = new MonitorFacts.Flow().add(Event.REJECTED, c, f.getDecidedOn());
        }
        write(scope, c, change, flow, "VILLAGE_REVIEW", Map.of("agreed", f.getAgreed(), "decidedOn", f.getDecidedOn().toString()));
    }

    /** An objection raised while the notice hangs: kept on the case for the township's review to weigh. */
    @Transactional
    public void objection(DataScope scope, long id, int version, String text) {
        MonitorCase c = step(scope, id, version, CaseAction.OBJECTION);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        CaseRules.text(text, "objection", 500, true, errors);
        errors.throwIfAny();
        write(scope, c, new CaseRepository.Change().set("objection", text.trim()), null, "OBJECTION", Map.of("objection", text.trim()));
    }

    /**
     * The township's review, once the notice has run its days: agreed, the case goes to the county;
     * not agreed, it is rejected (identification) or stays monitored (elimination).
     */
    @Transactional
    public void townshipReview(DataScope scope, long id, ReviewForm f) {
        MonitorCase c = step(scope, id, f.getVersion(), CaseAction.TOWNSHIP_REVIEW);
        boolean eliminating = c.stage().eliminating();
        PublicNotice notice = c.noticeId() == null ? null : notice(c.noticeId());
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        CaseRules.review(f, false, notice == null ? null : notice.endOn().plusDays(1), today(), errors);
        if (notice != null && today().isBefore(notice.endOn().plusDays(1))) {
            errors.add("decidedOn", "monitor.notice.running", notice.endOn().toString());
        }
        errors.throwIfAny();
        repository.insertReview(id, eliminating ? Purpose.ELIMINATE : Purpose.IDENTIFY, ReviewLevel.TOWNSHIP, f.getDecidedOn(), f.getAgreed(), null,
                CaseRules.trim(f.getNote()), null, scope.userId());
        CaseRepository.Change change = new CaseRepository.Change();
        MonitorFacts.Flow flow = null;
        if (f.getAgreed()) {
            change.set("stage", eliminating ? Stage.ELIM_COUNTY : Stage.COUNTY);
        } else if (eliminating) {
            change.set("stage", Stage.MONITORED);
        } else {
            change.set("stage", Stage.REJECTED).set("closed_on", f.getDecidedOn()).set("closed_reason", f.getNote().trim());
            flow = new MonitorFacts.Flow().add(Event.REJECTED, c, f.getDecidedOn());
        }
        write(scope, c, change, flow, "TOWNSHIP_REVIEW", Map.of("agreed", f.getAgreed(), "decidedOn", f.getDecidedOn().toString()));
    }

    /**
     * The county's decision: to include the household in monitoring, with its kind (decided late
     * when after the 15th day), or not; for an elimination, to confirm it (the household stays on
     * file) or send it back to be followed.
     */
    @Transactional
    public void countyDecision(DataScope scope, long id, ReviewForm f) {
        MonitorCase c = step(scope, id, f.getVersion(), CaseAction.COUNTY_DECISION);
        boolean eliminating = c.stage() == Stage.ELIM_COUNTY;
        LocalDate notBefore = repository.reviews(id).stream().filter(r -> r.level() == ReviewLevel.TOWNSHIP).map(Review::decidedOn)
                .max(LocalDate::compareTo).orElse(c.firstClueOn());
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        CaseRules.review(f, false, notBefore, today(), errors);
        if (!eliminating && Boolean.TRUE.equals(f.getAgreed()) && f.getKind() == null && c.kind() == null) {
            errors.add("kind", "validation.required");
        }
        if (eliminating && Boolean.TRUE.equals(f.getAgreed())) {
            EliminationCheck check = elimination(c, repository.followUps(id), repository.measures(id));
            check.failing().forEach(cond -> errors.add("agreed", cond.code(), cond.argArray()));
        }
        errors.throwIfAny();
        repository.insertReview(id, eliminating ? Purpose.ELIMINATE : Purpose.IDENTIFY, ReviewLevel.COUNTY, f.getDecidedOn(), f.getAgreed(), null,
                CaseRules.trim(f.getNote()), null, scope.userId());
        CaseRepository.Change change = new CaseRepository.Change();
        MonitorFacts.Flow flow = new MonitorFacts.Flow();
        MonitorCase decided = c;
        if (eliminating) {
            if (f.getAgreed()) {
                change.set("stage", Stage.ELIMINATED).set("eliminated_on", f.getDecidedOn()).set("notice_id", null);
                flow.add(Event.ELIMINATED, c, f.getDecidedOn());
            } else {
                change.set("stage", Stage.MONITORED).set("notice_id", null);
                flow = null;
            }
        } else {
            MonitorKind kind = f.getKind() != null ? f.getKind() : c.kind();
            flow.add(Event.DECIDED, c.townshipCode(), kind, f.getDecidedOn(), 1, 0);
            if (f.getDecidedOn().isAfter(c.deadline())) {
                flow.add(Event.DECIDED_LATE, c.townshipCode(), kind, f.getDecidedOn(), 1, 0);
            }
            if (f.getAgreed()) {
                int persons = households.sizes(List.of(c.householdId())).getOrDefault(c.householdId(), c.persons());
                change.set("stage", Stage.MONITORED).set("kind", kind).set("decided_on", f.getDecidedOn()).set("included_on", f.getDecidedOn())
                        .set("persons", Math.max(persons, 1)).set("notice_id", null);
                flow.add(Event.INCLUDED, c.townshipCode(), kind, f.getDecidedOn(), 1, Math.max(persons, 1));
            } else {
                change.set("stage", Stage.REJECTED).set("decided_on", f.getDecidedOn()).set("closed_on", f.getDecidedOn())
                        .set("closed_reason", f.getNote().trim());
                flow.add(Event.REJECTED, c.townshipCode(), kind, f.getDecidedOn(), 1, 0);
            }
        }
        write(scope, decided, change, flow, "COUNTY_DECISION", Map.of("agreed", f.getAgreed(), "decidedOn", f.getDecidedOn().toString()));
    }

    // ---------------------------------------------------------------- plan and follow-ups

    /** Adds a measure to the case's plan (一户一策). */
    @Transactional
    public long addMeasure(DataScope scope, long id, MeasureForm f) {
        MonitorCase c = get(scope, id);
        requirePlan(scope, c);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        CaseRules.measure(f, today(), errors);
        errors.throwIfAny();
        long mid = repository.insertMeasure(id, f.getType(), f.getDescription().trim(), f.getResponsibleUnit().trim(),
                CaseRules.trim(f.getResponsiblePerson()), f.getPlannedOn(), f.getAmount(), f.getStatus(),
                f.getStatus() == MeasureStatus.DONE ? f.getDoneOn() : null, scope.userId());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("measureType", f.getType().name());
        after.put("description", f.getDescription().trim());
        after.put("responsibleUnit", f.getResponsibleUnit().trim());
        after.put("measureStatus", f.getStatus().name());
        audit.record(scope, "CREATE", "monitor_measure", mid, c.headName(), null, after);
        return mid;
    }

    /** Changes a measure (its status, mostly), if no one changed it first. */
    @Transactional
    public void updateMeasure(DataScope scope, long id, long measureId, MeasureForm f) {
        MonitorCase c = get(scope, id);
        requirePlan(scope, c);
        Measure m = repository.measure(measureId).filter(x -> x.caseId() == id).orElseThrow(() -> new NotFoundException("monitor_measure", measureId));
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        f.setType(m.type());
        CaseRules.measure(f, today(), errors);
        errors.throwIfAny();
        if (!repository.updateMeasure(measureId, f.getVersion(), f.getStatus(), f.getStatus() == MeasureStatus.DONE ? f.getDoneOn() : null,
                f.getDescription().trim(), f.getResponsibleUnit().trim(), CaseRules.trim(f.getResponsiblePerson()), f.getPlannedOn(), f.getAmount())) {
            throw new ConflictException("monitor_measure", measureId);
        }
        audit.record(scope, "UPDATE", "monitor_measure", measureId, c.headName(), Map.of("measureStatus", m.status().name()),
                Map.of("measureStatus", f.getStatus().name()));
    }

    private void requirePlan(DataScope scope, MonitorCase c) {
        if (!scope.can(Permission.MONITOR_RECORD)) {
            throw new ForbiddenException();
        }
        if (!actions(scope, c).contains(CaseAction.PLAN)) {
            throw new BusinessException("monitor.step.notNow");
        }
    }

    /** A follow-up visit of an included household. */
    @Transactional
    public long addFollowUp(DataScope scope, long id, FollowUpForm f) {
        MonitorCase c = get(scope, id);
        if (!scope.can(Permission.MONITOR_RECORD)) {
            throw new ForbiddenException();
        }
        if (!actions(scope, c).contains(CaseAction.FOLLOW_UP)) {
            throw new BusinessException("monitor.step.notNow");
        }
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        CaseRules.followUp(f, c.includedOn(), today(), errors);
        if (f.getPairingVisitId() != null && pairingVisitsOf(scope, id).stream().noneMatch(v -> v.id() == f.getPairingVisitId())) {
            errors.add("pairingVisitId", "monitor.followUp.pairingVisit.notOfHousehold");
        }
        errors.throwIfAny();
        long fid = repository.insertFollowUp(id, f.getVisitedOn(), f.getVisitors().trim(), CaseRules.trim(f.getNotes()), f.getIncomePerHead(),
                f.isRigidCostsSolved(), f.isSchoolOk(), f.isMedicalOk(), f.isHousingOk(), f.isWaterOk(), f.getPairingVisitId(), scope.userId());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("visitedOn", f.getVisitedOn().toString());
        after.put("incomePerHead", f.getIncomePerHead().toPlainString());
        audit.record(scope, "MONITOR_FOLLOW_UP", "monitor_case", id, c.headName(), null, after);
        return fid;
    }

    /** A pairing visit (走访) of the case's household that a follow-up may be: its id, day and the helper. */
    public record PairingVisit(long id, LocalDate visitDate, String helper) {
    }

    /** The pairing visits of the case's household the user may see, newest first (at most 20). */
    public List<PairingVisit> pairingVisitsOf(DataScope scope, long id) {
        MonitorCase c = get(scope, id);
        List<PairingVisit> list = new ArrayList<>();
        if (!scope.can(Permission.PAIRING_VIEW)) {
            return list;
        }
        var rows = pairings.getObject().search(scope, new cn.zhutui.pairing.PairingQuery(null, null, null, c.householdId(), null, null, null, null),
                cn.zhutui.common.PageRequest.of(1, 20)).items();
        for (var row : rows) {
            for (var v : pairingVisits.getObject().search(scope, new cn.zhutui.pairing.VisitQuery(null, null, row.pairing().id(), null, null, null,
                    null, null), cn.zhutui.common.PageRequest.of(1, 20)).items()) {
                list.add(new PairingVisit(v.visit().id(), v.visit().visitDate(), row.helperName()));
            }
        }
        list.sort(java.util.Comparator.comparing(PairingVisit::visitDate).reversed());
        return list.size() > 20 ? list.subList(0, 20) : list;
    }

    // ---------------------------------------------------------------- elimination and reopening

    /**
     * Proposes risk elimination: refused while a condition fails (income stable above the line for
     * less than six months, rigid costs open, 三保障 or water insecure, no labour). The village then
     * reviews it, with its notice, the township and the county.
     */
    @Transactional
    public void proposeElimination(DataScope scope, long id, int version) {
        MonitorCase c = step(scope, id, version, CaseAction.PROPOSE_ELIMINATION);
        EliminationCheck check = elimination(c, repository.followUps(id), repository.measures(id));
        if (!check.eliminable()) {
            InvalidInputException.Collector errors = new InvalidInputException.Collector();
            check.failing().forEach(cond -> errors.add(null, cond.code(), cond.argArray()));
            errors.throwIfAny();
        }
        String json = check.conditions().stream().map(x -> "\"" + x.name() + "\":" + x.met()).collect(Collectors.joining(",", "{", "}"));
        write(scope, c, new CaseRepository.Change().set("stage", Stage.ELIM_VILLAGE).set("elim_proposed_on", today()).set("elim_checks", json),
                null, "PROPOSE_ELIMINATION", Map.of("stableSince", String.valueOf(check.stableSince())));
    }

    /** Reopens an eliminated case whose household is at risk again: it is monitored and assisted again. */
    @Transactional
    public void reopen(DataScope scope, long id, int version, String reason) {
        MonitorCase c = step(scope, id, version, CaseAction.REOPEN);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        CaseRules.text(reason, "reason", 500, true, errors);
        errors.throwIfAny();
        if (!repository.openCasesOf(List.of(c.householdId())).isEmpty()) {
            throw new BusinessException("monitor.reopen.openCase");
        }
        write(scope, c, new CaseRepository.Change().set("stage", Stage.MONITORED).set("eliminated_on", null).set("reopened", c.reopened() + 1)
                        .set("closed_reason", reason.trim()),
                new MonitorFacts.Flow().add(Event.REOPENED, c, today()), "REOPEN", Map.of("reason", reason.trim()));
    }

    // ---------------------------------------------------------------- the signed consent (evidence)

    /** Keeps the scan or photo of the household's signed consent (承诺授权书) in the shared file store, on an open case. */
    @Transactional
    public void attachConsent(DataScope scope, long id, java.io.InputStream in, String filename) {
        MonitorCase c = get(scope, id);
        if (!scope.can(Permission.MONITOR_RECORD)) {
            throw new ForbiddenException();
        }
        if (!c.open()) {
            throw new BusinessException("monitor.step.notNow");
        }
        cn.zhutui.file.StoredFile file = files.store(in, filename, cn.zhutui.file.FileKind.EVIDENCE, scope.userId() == 0 ? null : scope.userId());
        MonitorCase locked = repository.lock(id).orElseThrow();
        if (!repository.update(id, locked.version(), new CaseRepository.Change().set("consent_file_id", file.id()))) {
            throw new ConflictException("monitor_case", id);
        }
        audit.record(scope, "UPDATE", "monitor_case", id, c.headName(), null, Map.of("consentFile", file.originalName()));
    }

    /** The stored consent of a case the user may see. */
    public cn.zhutui.file.StoredFile consentFile(DataScope scope, long id) {
        MonitorCase c = get(scope, id);
        if (c.consentFileId() == null) {
            throw new NotFoundException("monitor_consent", id);
        }
        return files.find(c.consentFileId()).orElseThrow(() -> new NotFoundException("monitor_consent", id));
    }

    // ---------------------------------------------------------------- notices

    /** The village notice of a review session, its lines with nothing but what may be public. */
    public PublicNotice notice(DataScope scope, long noticeId) {
        scope.require(Permission.MONITOR_VIEW);
        PublicNotice n = notice(noticeId);
        if (n == null || !covers(reach(scope), n.villageCode())) {
            throw new NotFoundException("monitor_notice", noticeId);
        }
        return n;
    }

    private PublicNotice notice(long noticeId) {
        CaseRepository.NoticeRow row = repository.notice(noticeId).orElse(null);
        if (row == null) {
            return null;
        }
        List<PublicNotice.Line> lines = new ArrayList<>();
        for (MonitorCase c : repository.casesOfNotice(noticeId)) {
            lines.add(new PublicNotice.Line(c.id(), c.headName(), c.persons(), c.kind()));
        }
        String village = regions.lineageNamesOf(List.of(row.villageCode())).getOrDefault(row.villageCode(), row.villageCode());
        return new PublicNotice(row.id(), row.villageCode(), village, row.purpose(), row.startOn(), row.endOn(), row.place(), lines);
    }

    // ---------------------------------------------------------------- the clock

    /** Cases still being identified whose deadline falls in [from, to] (all regions): for the clock's notices. */
    public List<MonitorCase> clockedBetween(LocalDate from, LocalDate to) {
        return repository.clockedBetween(from, to);
    }

    /** The income line for a region's province in force in a year. */
    public BigDecimal lineFor(String regionCode, int year) {
        return lines.forRegion(regionCode, year).map(IncomeLine::perHead).orElse(null);
    }
}

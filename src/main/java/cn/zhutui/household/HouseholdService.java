package cn.zhutui.household;

import cn.zhutui.audit.AuditEntry;
import cn.zhutui.audit.AuditService;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.ConflictException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.ForbiddenException;
import cn.zhutui.common.InvalidInputException;
import cn.zhutui.common.Masking;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.Page;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Period;
import cn.zhutui.common.PeriodType;
import cn.zhutui.common.Permission;
import cn.zhutui.common.Role;
import cn.zhutui.dict.DictService;
import cn.zhutui.household.internal.HouseholdRepository;
import cn.zhutui.household.internal.HouseholdRepository.MemberRow;
import cn.zhutui.household.internal.HouseholdRepository.Reach;
import cn.zhutui.household.internal.HouseholdRules;
import cn.zhutui.household.internal.PiiCipher;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgService;
import cn.zhutui.region.Region;
import cn.zhutui.region.RegionService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The household registry (农户), a shared service: the pairing module pairs members with its
 * households, the monitoring module follows them. Every read and write goes through the caller's
 * scope — office roles reach the households of their org's region, a cadre those of their region,
 * anyone the households their own work links them to ({@link HouseholdLinks}); out of reach is 404.
 *
 * <p>Personal data: ID numbers and phones are encrypted at rest (with a keyed hash for exact
 * lookup), shown masked (5301**********1234, 138****5678) to everyone, and revealed in clear only
 * to roles holding {@link Permission#PII_VIEW}, each reveal written to the audit log.
 *
 * <p>Membership keeps its history: people join and leave on dates with a relation, a household
 * has exactly one head at any time while it is registered, and no change rewrites the past.
 */
@Service
public class HouseholdService {

    static final String ID_FIELD = "household_person.id_number";
    static final String PHONE_FIELD = "household.phone";
    private static final Set<Role> OFFICE = EnumSet.of(Role.ADMIN, Role.STAFF, Role.REVIEWER, Role.VIEWER);

    private final HouseholdRepository repository;
    private final PiiCipher cipher;
    private final RegionService regions;
    private final OrgService orgs;
    private final DictService dict;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<HouseholdLinks> links;
    private final Clock clock;

    HouseholdService(HouseholdRepository repository, PiiCipher cipher, RegionService regions, OrgService orgs, DictService dict,
                     AuditService audit, ApplicationEventPublisher events, ObjectProvider<HouseholdLinks> links, Clock clock) {
        this.repository = repository;
        this.cipher = cipher;
        this.regions = regions;
        this.orgs = orgs;
        this.dict = dict;
        this.audit = audit;
        this.events = events;
        this.links = links;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---------------------------------------------------------------- scope

    /** The region (code prefix) a user's role covers: their org's region for office roles, a cadre's own; null for none. */
    String regionReach(DataScope scope) {
        if (scope.isSystem()) {
            return "";
        }
        if (scope.roles().stream().anyMatch(OFFICE::contains)) {
            Org org = orgs.find(scope.orgId()).orElse(null);
            if (org == null) {
                return null;
            }
            Optional<String> region = orgs.effectiveRegion(org);
            return region.orElse(org.parentId() == null ? "" : null);
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

    private Reach reach(DataScope scope) {
        Set<Long> own = new HashSet<>();
        if (!scope.isSystem()) {
            links.orderedStream().forEach(l -> own.addAll(l.householdsOf(scope)));
        }
        return new Reach(regionReach(scope), own);
    }

    /** Whether the user may see the household (missing counts as not visible). */
    public boolean visible(DataScope scope, long id) {
        return scope.can(Permission.HOUSEHOLD_VIEW) && repository.reachable(id, reach(scope));
    }

    private HouseholdRepository.Row row(DataScope scope, long id) {
        scope.require(Permission.HOUSEHOLD_VIEW);
        HouseholdRepository.Row row = repository.find(id).orElseThrow(() -> new NotFoundException("household", id));
        if (!repository.reachable(id, reach(scope))) {
            throw new NotFoundException("household", id);
        }
        return row;
    }

    /** A household the user may change: in the region their role covers (a member's link gives sight, not edits). */
    private HouseholdRepository.Row editable(DataScope scope, long id) {
        HouseholdRepository.Row row = row(scope, id);
        scope.require(Permission.HOUSEHOLD_EDIT);
        String region = regionReach(scope);
        if (region == null || !row.household().regionCode().startsWith(region)) {
            throw new ForbiddenException();
        }
        return row;
    }

    // ---------------------------------------------------------------- reading

    public Household get(DataScope scope, long id) {
        return row(scope, id).household();
    }

    public HouseholdView view(DataScope scope, long id) {
        return views(List.of(row(scope, id)), true).get(0);
    }

    /** A page of households, each with its current members, masked. */
    public Page<HouseholdView> search(DataScope scope, HouseholdQuery q, PageRequest page) {
        Page<HouseholdRepository.Row> rows = repository.search(filter(scope, q), page);
        return new Page<>(views(rows.items(), true), rows.total(), rows.page(), rows.size());
    }

    public long count(DataScope scope, HouseholdQuery q) {
        return repository.count(filter(scope, q));
    }

    /**
     * Streams the filtered list (for exports), in chunks, each household with its members. With
     * {@code unmasked} (only for {@link Permission#PII_VIEW}; the caller audits the export) the
     * head's ID number and the phone come in clear.
     */
    @Transactional(readOnly = true)
    public void forEach(DataScope scope, HouseholdQuery q, boolean unmasked, Consumer<HouseholdView> consumer) {
        if (unmasked) {
            scope.require(Permission.PII_VIEW);
        }
        List<HouseholdRepository.Row> batch = new ArrayList<>();
        repository.forEach(filter(scope, q), r -> {
            batch.add(r);
            if (batch.size() == 500) {
                views(batch, !unmasked).forEach(consumer);
                batch.clear();
            }
        });
        views(batch, !unmasked).forEach(consumer);
    }

    /** Households by id that the user may see; others are left out. */
    public List<Household> findAll(DataScope scope, Collection<Long> ids) {
        if (ids.isEmpty() || !scope.can(Permission.HOUSEHOLD_VIEW)) {
            return List.of();
        }
        Reach reach = reach(scope);
        List<Long> all = List.copyOf(new HashSet<>(ids));
        List<Household> list = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 5000) {
            HouseholdRepository.Filter f = new HouseholdRepository.Filter(reach, null, null, null, all.subList(i, Math.min(all.size(), i + 5000)),
                    null, false, null);
            repository.forEach(f, r -> list.add(r.household()));
        }
        return list;
    }

    /**
     * Heads' names, villages, tags and status of households by id, unscoped: for records the user
     * already sees that name a household (a pairing, a case). No personal number is in it.
     */
    public Map<Long, Household> summaries(Collection<Long> ids) {
        Map<Long, Household> map = new LinkedHashMap<>();
        List<Long> all = List.copyOf(new HashSet<>(ids));
        for (int i = 0; i < all.size(); i += 5000) {
            repository.findAll(all.subList(i, Math.min(all.size(), i + 5000))).forEach(r -> map.put(r.household().id(), r.household()));
        }
        return map;
    }

    /** The household a person with this ID number belongs to now (or last belonged to), found by its keyed hash; within scope. */
    public Optional<Household> findByIdNumber(DataScope scope, String idNumber) {
        scope.require(Permission.HOUSEHOLD_VIEW);
        String normalised = IdNumbers.normalise(idNumber);
        if (normalised == null || !IdNumbers.valid(normalised)) {
            return Optional.empty();
        }
        Optional<Long> person = repository.personByHash(cipher.hash(ID_FIELD, normalised));
        if (person.isEmpty()) {
            return Optional.empty();
        }
        Reach reach = reach(scope);
        return repository.currentMembershipOf(person.get()).map(MemberRow::householdId)
                .or(() -> repository.householdsOfPerson(person.get()).stream().reduce((a, b) -> b))
                .filter(h -> repository.reachable(h, reach))
                .flatMap(h -> repository.find(h).map(HouseholdRepository.Row::household));
    }

    /** The people who belong now, the head first. */
    public List<HouseholdMember> members(DataScope scope, long id) {
        row(scope, id);
        return repository.currentMembers(List.of(id)).getOrDefault(id, List.of()).stream().map(this::masked).toList();
    }

    /** Every membership, past and present, in the order they began: the household's dated history. */
    public List<HouseholdMember> history(DataScope scope, long id) {
        row(scope, id);
        return repository.memberships(id).stream().map(this::masked).toList();
    }

    /** Who belonged on a given day. */
    public List<HouseholdMember> membersOn(DataScope scope, long id, LocalDate day) {
        return history(scope, id).stream().filter(m -> m.on(day)).toList();
    }

    /** The head on a given day (exactly one for a registered household). */
    public Optional<HouseholdMember> headOn(DataScope scope, long id, LocalDate day) {
        return membersOn(scope, id, day).stream().filter(HouseholdMember::head).findFirst();
    }

    public List<Income> incomes(DataScope scope, long id) {
        row(scope, id);
        return repository.incomes(id);
    }

    /** The "四个有" by quarter, newest first. */
    public List<GoalAssessment> goals(DataScope scope, long id) {
        row(scope, id);
        return repository.goals(id);
    }

    public Optional<GoalAssessment> goals(DataScope scope, long id, String period) {
        row(scope, id);
        return repository.goal(id, period);
    }

    /**
     * Of the given households the user may see, those whose "四个有" in the quarter is lower, in
     * any goal, than in their previous assessment.
     */
    public List<GoalRegression> regressions(DataScope scope, Collection<Long> householdIds, String period) {
        Period.parse(period);
        if (householdIds.size() > 1000) {
            // many households (a province's pairings): one set-based pass over the quarter's assessments
            Set<Long> wanted = new HashSet<>(householdIds);
            return regressions(scope, period).stream().filter(r -> wanted.contains(r.householdId())).toList();
        }
        List<Long> visible = findAll(scope, householdIds).stream().map(Household::id).toList();
        List<GoalRegression> list = new ArrayList<>();
        for (GoalAssessment[] pair : repository.goalPairs(visible, period)) {
            List<Goal> down = pair[0].regressedFrom(pair[1]);
            if (!down.isEmpty()) {
                list.add(new GoalRegression(pair[0].householdId(), period, pair[1].period(), down));
            }
        }
        list.sort(java.util.Comparator.comparingLong(GoalRegression::householdId));
        return list;
    }

    /**
     * Every household the user may see whose "四个有" in the quarter is lower, in any goal, than in
     * its previous assessment — found in the database in one pass, for a whole province.
     */
    public List<GoalRegression> regressions(DataScope scope, String period) {
        Period.parse(period);
        scope.require(Permission.HOUSEHOLD_VIEW);
        List<GoalRegression> list = new ArrayList<>();
        for (GoalAssessment[] pair : repository.regressedPairs(reach(scope), period)) {
            list.add(new GoalRegression(pair[0].householdId(), period, pair[1].period(), pair[0].regressedFrom(pair[1])));
        }
        return list;
    }

    /** The head's ID number as everyone sees it: 5301**********1234. */
    public String maskedIdNumber(DataScope scope, long id) {
        return Masking.idNumber(cipher.decrypt(ID_FIELD, row(scope, id).headIdCipher()));
    }

    /** The head's (or a member's) ID number in clear, for the roles that need it; every reveal is in the audit log. */
    @Transactional
    public String revealIdNumber(DataScope scope, long householdId, long personId) {
        scope.require(Permission.PII_VIEW);
        row(scope, householdId);
        boolean belongs = repository.memberships(householdId).stream().anyMatch(m -> m.personId() == personId);
        if (!belongs) {
            throw new NotFoundException("person", personId);
        }
        String id = repository.personIdCipher(personId).map(c -> cipher.decrypt(ID_FIELD, c))
                .orElseThrow(() -> new NotFoundException("idNumber", personId));
        audit.record(scope, "VIEW_PII", "household", householdId, "idNumber of person " + personId, null, null);
        return id;
    }

    /** The phone in clear, for the roles that need it; audited. */
    @Transactional
    public String revealPhone(DataScope scope, long householdId) {
        scope.require(Permission.PII_VIEW);
        HouseholdRepository.Row row = row(scope, householdId);
        if (row.phoneCipher() == null) {
            throw new NotFoundException("phone", householdId);
        }
        audit.record(scope, "VIEW_PII", "household", householdId, "phone", null, null);
        return cipher.decrypt(PHONE_FIELD, row.phoneCipher());
    }

    /** The record's dated history: who changed what and when (from the audit log). */
    public List<AuditEntry> changes(DataScope scope, long id) {
        row(scope, id);
        return audit.history("household", id);
    }

    /** Likely duplicates in scope, by status (PENDING by default). */
    public Page<DuplicateCandidate> duplicates(DataScope scope, String status, PageRequest page) {
        scope.require(Permission.HOUSEHOLD_VIEW);
        return repository.duplicates(reach(scope), status == null ? "PENDING" : status, page).map(this::candidate);
    }

    public List<DuplicateCandidate> duplicatesOf(DataScope scope, long householdId) {
        row(scope, householdId);
        return repository.duplicatesOf(householdId).stream().map(this::candidate).toList();
    }

    public long pendingDuplicates(DataScope scope) {
        if (!scope.can(Permission.HOUSEHOLD_VIEW)) {
            return 0;
        }
        return repository.duplicates(reach(scope), "PENDING", new PageRequest(1, 1)).total();
    }

    private DuplicateCandidate candidate(HouseholdRepository.DuplicateRow d) {
        return new DuplicateCandidate(d.id(), d.householdId(), d.personId(), d.name(), d.birthDate(),
                Masking.idNumber(cipher.decrypt(ID_FIELD, d.idCipher())), d.headName(), d.otherHouseholdId(), d.otherPersonId(),
                Masking.idNumber(cipher.decrypt(ID_FIELD, d.otherIdCipher())), d.otherHeadName(), d.regionCode(), d.status(),
                d.createdAt(), d.version());
    }

    private HouseholdRepository.Filter filter(DataScope scope, HouseholdQuery q) {
        scope.require(Permission.HOUSEHOLD_VIEW);
        String prefix = null;
        if (q.regionCode() != null && !q.regionCode().isBlank()) {
            Region r = regions.find(q.regionCode().trim()).orElseThrow(() -> BusinessException.onField("regionCode", "region.unknown", q.regionCode()));
            String reach = regionReach(scope);
            if (reach != null && !r.code().startsWith(reach) && !reach.startsWith(r.code())) {
                // another county's households: as if they did not exist
                throw new NotFoundException("region", r.code());
            }
            prefix = r.code();
        }
        List<Long> ids = null;
        if (q.idNumber() != null && !q.idNumber().isBlank()) {
            String normalised = IdNumbers.normalise(q.idNumber());
            ids = normalised == null || !IdNumbers.valid(normalised) ? List.of(-1L)
                    : repository.personByHash(cipher.hash(ID_FIELD, normalised)).map(repository::householdsOfPerson).filter(l -> !l.isEmpty())
                    .orElse(List.of(-1L));
        }
        return new HouseholdRepository.Filter(reach(scope), prefix, q.tag(), q.name(), ids, q.status(), q.pendingReview(), q.sort());
    }

    private List<HouseholdView> views(List<HouseholdRepository.Row> rows, boolean masked) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(r -> r.household().id()).toList();
        Map<Long, List<MemberRow>> members = repository.currentMembers(ids);
        Map<Long, Income> incomes = repository.latestIncomes(ids);
        Map<String, String> regionNames = regions.lineageNamesOf(rows.stream().map(r -> r.household().regionCode()).distinct().toList());
        List<HouseholdView> views = new ArrayList<>();
        for (HouseholdRepository.Row r : rows) {
            Household h = r.household();
            String idNumber = cipher.decrypt(ID_FIELD, r.headIdCipher());
            String phone = cipher.decrypt(PHONE_FIELD, r.phoneCipher());
            Income income = incomes.get(h.id());
            views.add(new HouseholdView(h, regionNames.get(h.regionCode()), masked ? Masking.idNumber(idNumber) : idNumber,
                    masked ? Masking.phone(phone) : phone, income == null ? null : income.year(), income == null ? null : income.perHead(),
                    members.getOrDefault(h.id(), List.of()).stream().map(m -> masked ? masked(m) : clear(m)).toList(),
                    rows.size() == 1 ? repository.pendingDuplicates(h.id()) : 0));
        }
        return views;
    }

    private HouseholdMember masked(MemberRow m) {
        return member(m, Masking.idNumber(cipher.decrypt(ID_FIELD, m.idCipher())));
    }

    private HouseholdMember clear(MemberRow m) {
        return member(m, cipher.decrypt(ID_FIELD, m.idCipher()));
    }

    private static HouseholdMember member(MemberRow m, String idNumber) {
        return new HouseholdMember(m.membershipId(), m.personId(), m.name(), m.relation(), m.gender(), m.birthDate(), m.labour(),
                m.health(), m.schooling(), m.joinedOn(), m.leftOn(), m.leftReason(), idNumber, m.personVersion());
    }

    // ---------------------------------------------------------------- registering

    /**
     * Registers a household with its head. An ID number already registered is refused; someone
     * with the same name and birth date in another household of the village is queued as a likely
     * duplicate for a person to judge.
     */
    @Transactional
    public long create(DataScope scope, HouseholdForm form) {
        return create(scope, form, null);
    }

    long create(DataScope scope, HouseholdForm form, Long importJobId) {
        scope.require(Permission.HOUSEHOLD_EDIT);
        LocalDate today = today();
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        Region region = form.getRegionCode() == null ? null : regions.find(form.getRegionCode()).orElse(null);
        HouseholdRules.household(form, region, dict, today, errors);
        PersonForm head = HouseholdRules.head(form, dict, today, errors);
        if (head.getJoinedOn() != null && head.getJoinedOn().isAfter(today)) {
            errors.add("registeredOn", "household.date.future");
        }
        if (region != null && !inRegionReach(scope, region.code())) {
            errors.add("regionCode", "household.region.outOfScope");
        }
        byte[] hash = head.getIdNumber() == null || !IdNumbers.valid(head.getIdNumber()) ? null : cipher.hash(ID_FIELD, head.getIdNumber());
        if (hash != null) {
            repository.personByHash(hash).ifPresent(p -> errors.add("headIdNumber", registeredMessage(scope, p), registeredArgs(scope, p, head.getIdNumber())));
        }
        errors.throwIfAny();
        long id = repository.insert(region.code(), form.getAddress(), cipher.encrypt(PHONE_FIELD, form.getPhone()), form.getTags(),
                scope.userId(), importJobId);
        long personId = insertPerson(head, hash);
        repository.insertMembership(id, personId, HouseholdMember.HEAD, head.getJoinedOn(), scope.userId());
        repository.setHead(id, personId);
        if (form.getIncomePerHead() != null) {
            repository.upsertIncome(id, form.getIncomeYear(), form.getIncomePerHead(), scope.userId());
        }
        flagNamesakes(id, personId, head.getName(), head.getBirthDate(), region.code());
        audit.record(scope, "CREATE", "household", id, head.getName(), null, snapshot(id));
        if (!form.getTags().isEmpty()) {
            events.publishEvent(new HouseholdTagsChanged(id, List.of(), form.getTags(), scope.userId()));
        }
        return id;
    }

    private String registeredMessage(DataScope scope, long personId) {
        return registeredHousehold(scope, personId).isPresent() ? "household.id.registered" : "household.id.registeredElsewhere";
    }

    private Object[] registeredArgs(DataScope scope, long personId, String idNumber) {
        return new Object[] {Masking.idNumber(idNumber), registeredHousehold(scope, personId).map(String::valueOf).orElse("")};
    }

    private Optional<Long> registeredHousehold(DataScope scope, long personId) {
        Reach reach = reach(scope);
        return repository.householdsOfPerson(personId).stream().filter(h -> repository.reachable(h, reach)).reduce((a, b) -> b);
    }

    private boolean inRegionReach(DataScope scope, String regionCode) {
        String region = regionReach(scope);
        return region != null && regionCode.startsWith(region);
    }

    private long insertPerson(PersonForm p, byte[] hash) {
        try {
            return repository.insertPerson(p.getName(), cipher.encrypt(ID_FIELD, p.getIdNumber()), hash, p.getGender(), p.getBirthDate(),
                    p.getLabour(), p.getHealth(), p.getSchooling());
        } catch (DuplicateKeyException e) {
            // registered by someone else a moment ago
            throw BusinessException.onField("idNumber", "household.id.registeredElsewhere", Masking.idNumber(p.getIdNumber()), "");
        }
    }

    /** Queues everyone of the village's other households with this person's name and birth date. */
    private void flagNamesakes(long householdId, long personId, String name, LocalDate birthDate, String regionCode) {
        for (MemberRow other : repository.namesakes(personId, name, birthDate, regionCode, householdId)) {
            repository.insertDuplicate(householdId, personId, other.householdId(), other.personId());
        }
    }

    @Transactional
    public void update(DataScope scope, long id, HouseholdForm form) {
        HouseholdRepository.Row row = editable(scope, id);
        Household before = row.household();
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        Region region = form.getRegionCode() == null ? null : regions.find(form.getRegionCode()).orElse(null);
        HouseholdRules.household(form, region, dict, today(), errors);
        if (region != null && !inRegionReach(scope, region.code())) {
            errors.add("regionCode", "household.region.outOfScope");
        }
        if (before.status() != HouseholdStatus.ACTIVE) {
            errors.add("status", "household.archived");
        }
        errors.throwIfAny();
        Map<String, Object> old = snapshot(id);
        if (!repository.update(id, form.getVersion(), region.code(), form.getAddress(), cipher.encrypt(PHONE_FIELD, form.getPhone()), form.getTags())) {
            throw new ConflictException("household", id);
        }
        if (form.getIncomePerHead() != null) {
            repository.upsertIncome(id, form.getIncomeYear(), form.getIncomePerHead(), scope.userId());
        }
        audit.record(scope, "UPDATE", "household", id, before.headName(), old, snapshot(id));
        if (!before.tags().equals(form.getTags())) {
            events.publishEvent(new HouseholdTagsChanged(id, before.tags(), form.getTags(), scope.userId()));
        }
    }

    /** Sets the status tags (the monitoring module adds and removes 监测户 this way). */
    @Transactional
    public void setTags(DataScope scope, long id, Collection<String> tags) {
        HouseholdRepository.Row row = editable(scope, id);
        List<String> list = List.copyOf(new java.util.LinkedHashSet<>(tags));
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        HouseholdRules.tags(list, dict, errors);
        errors.throwIfAny();
        if (row.household().tags().equals(list)) {
            return;
        }
        repository.setTags(id, list);
        audit.record(scope, "TAGS", "household", id, row.household().headName(), Map.of("tags", row.household().tags()), Map.of("tags", list));
        events.publishEvent(new HouseholdTagsChanged(id, row.household().tags(), list, scope.userId()));
    }

    @Transactional
    public void addTag(DataScope scope, long id, String tag) {
        List<String> tags = new ArrayList<>(get(scope, id).tags());
        if (!tags.contains(tag)) {
            tags.add(tag);
            setTags(scope, id, tags);
        }
    }

    @Transactional
    public void removeTag(DataScope scope, long id, String tag) {
        List<String> tags = new ArrayList<>(get(scope, id).tags());
        if (tags.remove(tag)) {
            setTags(scope, id, tags);
        }
    }

    /** Income per head (元) of a year. */
    @Transactional
    public void setIncome(DataScope scope, long id, int year, BigDecimal perHead) {
        HouseholdRepository.Row row = editable(scope, id);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (perHead == null) {
            errors.add("incomePerHead", "validation.required");
        } else {
            HouseholdRules.income(perHead, "incomePerHead", errors);
        }
        if (year < 2000 || year > today().getYear()) {
            errors.add("incomeYear", "validation.between", 2000, today().getYear());
        }
        errors.throwIfAny();
        repository.upsertIncome(id, year, perHead, scope.userId());
        audit.record(scope, "INCOME", "household", id, row.household().headName(), null, Map.of("year", year, "perHead", perHead.toPlainString()));
    }

    // ---------------------------------------------------------------- members over time

    /** Someone joins the household on a day with a relation (not as head: see {@link #changeHead}). */
    @Transactional
    public long addMember(DataScope scope, long householdId, PersonForm form) {
        HouseholdRepository.Row row = editable(scope, householdId);
        repository.lock(householdId);
        LocalDate today = today();
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        HouseholdRules.person(form, false, dict, today, errors);
        HouseholdRules.joining(form, dict, today, errors);
        if (row.household().status() != HouseholdStatus.ACTIVE) {
            errors.add("relation", "household.archived");
        }
        byte[] hash = form.getIdNumber() == null || !IdNumbers.valid(form.getIdNumber()) ? null : cipher.hash(ID_FIELD, form.getIdNumber());
        Long existing = hash == null ? null : repository.personByHash(hash).orElse(null);
        if (existing != null) {
            repository.currentMembershipOf(existing).ifPresent(m -> errors.add("idNumber",
                    m.householdId() == householdId ? "household.member.already" : "household.member.elsewhere",
                    Masking.idNumber(form.getIdNumber())));
            repository.memberships(householdId).stream().filter(m -> m.personId() == existing && m.leftOn() != null
                            && form.getJoinedOn() != null && form.getJoinedOn().isBefore(m.leftOn()))
                    .findFirst().ifPresent(m -> errors.add("joinedOn", "household.member.rejoinBefore", m.leftOn().toString()));
        }
        errors.throwIfAny();
        long personId;
        if (existing != null) {
            // someone who belonged somewhere before keeps their record (and their history)
            personId = existing;
            MemberRow before = repository.membership(lastMembershipOf(existing)).orElseThrow();
            if (!repository.updatePerson(personId, before.personVersion(), form.getName(), cipher.encrypt(ID_FIELD, form.getIdNumber()), hash,
                    form.getGender(), form.getBirthDate(), form.getLabour(), form.getHealth(), form.getSchooling())) {
                throw new ConflictException("person", personId);
            }
        } else {
            personId = insertPerson(form, hash);
        }
        long membershipId = repository.insertMembership(householdId, personId, form.getRelation(), form.getJoinedOn(), scope.userId());
        flagNamesakes(householdId, personId, form.getName(), form.getBirthDate(), row.household().regionCode());
        audit.record(scope, "MEMBER_JOIN", "household", householdId, form.getName(), null,
                Map.of("name", form.getName(), "relation", form.getRelation(), "joinedOn", form.getJoinedOn().toString()));
        return membershipId;
    }

    private long lastMembershipOf(long personId) {
        return repository.currentMembershipOf(personId).map(MemberRow::membershipId).orElseGet(() -> {
            List<Long> households = repository.householdsOfPerson(personId);
            return households.stream().flatMap(h -> repository.memberships(h).stream()).filter(m -> m.personId() == personId)
                    .map(MemberRow::membershipId).max(Long::compare).orElseThrow();
        });
    }

    /** A person's details (name, ID number, labour ability, health, schooling): facts about them, not their history. */
    @Transactional
    public void updatePerson(DataScope scope, long householdId, long personId, PersonForm form) {
        editable(scope, householdId);
        MemberRow current = repository.memberships(householdId).stream().filter(m -> m.personId() == personId)
                .reduce((a, b) -> b).orElseThrow(() -> new NotFoundException("person", personId));
        boolean head = repository.memberships(householdId).stream().anyMatch(m -> m.personId() == personId && m.leftOn() == null
                && HouseholdMember.HEAD.equals(m.relation()));
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        String oldId = cipher.decrypt(ID_FIELD, current.idCipher());
        if (form.getIdNumber() == null && oldId != null) {
            form.setIdNumber(oldId);
        }
        HouseholdRules.person(form, head, dict, today(), errors);
        byte[] hash = form.getIdNumber() == null || !IdNumbers.valid(form.getIdNumber()) ? null : cipher.hash(ID_FIELD, form.getIdNumber());
        if (hash != null) {
            repository.personByHash(hash).filter(p -> p != personId)
                    .ifPresent(p -> errors.add("idNumber", "household.id.registeredElsewhere", Masking.idNumber(form.getIdNumber()), ""));
        }
        errors.throwIfAny();
        Map<String, Object> before = person(current, oldId);
        try {
            if (!repository.updatePerson(personId, form.getVersion(), form.getName(), cipher.encrypt(ID_FIELD, form.getIdNumber()), hash,
                    form.getGender(), form.getBirthDate(), form.getLabour(), form.getHealth(), form.getSchooling())) {
                throw new ConflictException("person", personId);
            }
        } catch (DuplicateKeyException e) {
            throw BusinessException.onField("idNumber", "household.id.registeredElsewhere", Masking.idNumber(form.getIdNumber()), "");
        }
        MemberRow after = repository.membership(current.membershipId()).orElseThrow();
        audit.record(scope, "PERSON_UPDATE", "household", householdId, form.getName(), before, person(after, form.getIdNumber()));
    }

    private static Map<String, Object> person(MemberRow m, String idNumber) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", m.name());
        s.put("idNumber", Masking.idNumber(idNumber));
        s.put("gender", m.gender());
        s.put("birthDate", m.birthDate() == null ? null : m.birthDate().toString());
        s.put("labour", m.labour());
        s.put("health", m.health());
        s.put("schooling", m.schooling());
        return s;
    }

    /** Someone (not the head) leaves the household on a day, for a reason; their past membership stays. */
    @Transactional
    public void leave(DataScope scope, long householdId, long membershipId, LocalDate on, String reason) {
        editable(scope, householdId);
        repository.lock(householdId);
        MemberRow m = currentMembership(householdId, membershipId);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (m.head()) {
            errors.add("membershipId", "household.head.cannotLeave");
        }
        checkDate(on, m.joinedOn(), "leftOn", errors);
        reason = reason(reason, "leftReason", errors);
        errors.throwIfAny();
        repository.closeMembership(membershipId, on, reason, scope.userId());
        audit.record(scope, "MEMBER_LEAVE", "household", householdId, m.name(), Map.of("name", m.name(), "relation", m.relation()),
                Map.of("leftOn", on.toString(), "reason", reason));
    }

    /** The relation of a member (not the head) changes from a day: the old membership closes, a new one opens. */
    @Transactional
    public void changeRelation(DataScope scope, long householdId, long membershipId, String relation, LocalDate on) {
        editable(scope, householdId);
        repository.lock(householdId);
        MemberRow m = currentMembership(householdId, membershipId);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (m.head() || HouseholdMember.HEAD.equals(relation)) {
            errors.add("relation", "household.relation.headStep");
        } else if (relation == null || !dict.isValid("household_relation", relation)) {
            errors.add("relation", "dict.invalid", String.valueOf(relation));
        } else if (relation.equals(m.relation())) {
            errors.add("relation", "household.relation.same");
        }
        checkDate(on, m.joinedOn(), "changedOn", errors);
        errors.throwIfAny();
        repository.closeMembership(membershipId, on, "关系变更", scope.userId());
        repository.insertMembership(householdId, m.personId(), relation, on, scope.userId());
        audit.record(scope, "MEMBER_RELATION", "household", householdId, m.name(), Map.of("relation", m.relation()),
                Map.of("relation", relation, "from", on.toString()));
    }

    /**
     * A new head from a day: a current member becomes head; the former head stays with another
     * relation, or leaves (with a reason: 去世, 迁出 …). Both old memberships close that day and new
     * ones open, so on every day the household has exactly one head.
     *
     * @param formerHeadRelation the former head's relation from that day, or null if they leave
     */
    @Transactional
    public void changeHead(DataScope scope, long householdId, long newHeadMembershipId, LocalDate on, String formerHeadRelation,
                           String reason) {
        HouseholdRepository.Row row = editable(scope, householdId);
        repository.lock(householdId);
        MemberRow next = currentMembership(householdId, newHeadMembershipId);
        MemberRow head = repository.memberships(householdId).stream().filter(m -> m.leftOn() == null && HouseholdMember.HEAD.equals(m.relation()))
                .findFirst().orElseThrow(() -> new IllegalStateException("household " + householdId + " has no head"));
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (next.membershipId() == head.membershipId()) {
            errors.add("membershipId", "household.head.already");
        }
        if (repository.personIdCipher(next.personId()).isEmpty()) {
            errors.add("membershipId", "household.head.needsId");
        }
        checkDate(on, next.joinedOn().isAfter(head.joinedOn()) ? next.joinedOn() : head.joinedOn(), "changedOn", errors);
        if (formerHeadRelation != null && (HouseholdMember.HEAD.equals(formerHeadRelation) || !dict.isValid("household_relation", formerHeadRelation))) {
            errors.add("formerHeadRelation", "dict.invalid", formerHeadRelation);
        }
        if (formerHeadRelation == null) {
            reason = reason(reason, "leftReason", errors);
        }
        errors.throwIfAny();
        repository.closeMembership(head.membershipId(), on, formerHeadRelation == null ? reason : "户主变更", scope.userId());
        if (formerHeadRelation != null) {
            repository.insertMembership(householdId, head.personId(), formerHeadRelation, on, scope.userId());
        }
        repository.closeMembership(next.membershipId(), on, "户主变更", scope.userId());
        repository.insertMembership(householdId, next.personId(), HouseholdMember.HEAD, on, scope.userId());
        repository.setHead(householdId, next.personId());
        audit.record(scope, "HEAD_CHANGE", "household", householdId, next.name(), Map.of("head", head.name()),
                Map.of("head", next.name(), "from", on.toString(), "formerHead", formerHeadRelation == null ? "left: " + reason : formerHeadRelation));
        flagNamesakes(householdId, next.personId(), next.name(), next.birthDate(), row.household().regionCode());
    }

    /**
     * Archives (注销) a household from a day: every current membership closes that day. Refused
     * while another module still depends on it (an active pairing, an open case).
     */
    @Transactional
    public void archive(DataScope scope, long householdId, int version, LocalDate on, String reason) {
        archive(scope, householdId, version, on, reason, null);
    }

    private void archive(DataScope scope, long householdId, int version, LocalDate on, String reason, Long duplicateOf) {
        HouseholdRepository.Row row = editable(scope, householdId);
        repository.lock(householdId);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        List<MemberRow> current = repository.currentMembers(List.of(householdId)).getOrDefault(householdId, List.of());
        LocalDate lastJoin = current.stream().map(MemberRow::joinedOn).max(LocalDate::compareTo).orElse(on.minusDays(1));
        checkDate(on, lastJoin, "archivedOn", errors);
        reason = reason(reason, "archiveReason", errors);
        if (row.household().status() != HouseholdStatus.ACTIVE) {
            errors.add("archiveReason", "household.archived");
        }
        links.orderedStream().flatMap(l -> l.archiveBlockers(householdId).stream())
                .forEach(b -> errors.add("archiveReason", b[0], (Object[]) java.util.Arrays.copyOfRange(b, 1, b.length)));
        errors.throwIfAny();
        for (MemberRow m : current) {
            repository.closeMembership(m.membershipId(), on, reason, scope.userId());
        }
        if (!repository.archive(householdId, version, on, reason, duplicateOf)) {
            throw new ConflictException("household", householdId);
        }
        audit.record(scope, "ARCHIVE", "household", householdId, row.household().headName(), Map.of("status", "ACTIVE"),
                Map.of("status", "ARCHIVED", "on", on.toString(), "reason", reason));
    }

    /**
     * A person decides a likely duplicate: two different people (nothing changes), or one person
     * registered twice — then the newer registration gives way: the whole household is archived as
     * a duplicate if the person is its head, otherwise the person leaves it. Never merged silently.
     */
    @Transactional
    public void decideDuplicate(DataScope scope, long duplicateId, int version, boolean samePerson, String note) {
        HouseholdRepository.DuplicateRow d = repository.duplicate(duplicateId).orElseThrow(() -> new NotFoundException("duplicate", duplicateId));
        editable(scope, d.householdId());
        if (!repository.decideDuplicate(duplicateId, version, samePerson ? "DUPLICATE" : "DISTINCT",
                note == null || note.isBlank() ? null : note.trim(), scope.userId())) {
            throw new ConflictException("duplicate", duplicateId);
        }
        audit.record(scope, samePerson ? "DUPLICATE_CONFIRMED" : "DUPLICATE_DISMISSED", "household", d.householdId(), d.name(), null,
                Map.of("other", d.otherHouseholdId()));
        if (!samePerson) {
            return;
        }
        LocalDate today = today();
        String reason = "重复登记（与农户 " + d.otherHouseholdId() + " 为同一人）";
        Optional<MemberRow> membership = repository.currentMembershipOf(d.personId()).filter(m -> m.householdId() == d.householdId());
        if (membership.isEmpty()) {
            return;
        }
        if (membership.get().head()) {
            Household h = repository.find(d.householdId()).orElseThrow().household();
            archive(scope, d.householdId(), h.version(), membership.get().joinedOn().isBefore(today) ? today : today.plusDays(1), reason,
                    d.otherHouseholdId());
        } else {
            LocalDate on = membership.get().joinedOn().isBefore(today) ? today : membership.get().joinedOn().plusDays(1);
            repository.closeMembership(membership.get().membershipId(), on, reason, scope.userId());
            audit.record(scope, "MEMBER_LEAVE", "household", d.householdId(), d.name(), null, Map.of("leftOn", on.toString(), "reason", reason));
        }
    }

    // ---------------------------------------------------------------- goals

    /**
     * Records the "四个有" of a quarter (a quarter's record is corrected with its version). Office
     * roles and cadres who may edit the household record it, and so do members and cadres paired
     * with it (on a visit).
     *
     * @param version the version of the quarter's record being corrected, or null for a new one
     */
    @Transactional
    public void recordGoals(DataScope scope, long householdId, String period, Map<Goal, GoalStatus> statuses, String note, Integer version) {
        HouseholdRepository.Row row = row(scope, householdId);
        boolean editor = scope.can(Permission.HOUSEHOLD_EDIT) && inRegionReach(scope, row.household().regionCode());
        boolean linked = scope.can(Permission.PAIRING_VISIT)
                && links.orderedStream().anyMatch(l -> l.householdsOf(scope).contains(householdId));
        if (!editor && !linked) {
            throw new ForbiddenException();
        }
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        Period p = null;
        try {
            p = Period.parse(period);
        } catch (IllegalArgumentException e) {
            errors.add("period", "household.goal.periodInvalid");
        }
        if (p != null && (p.type() != PeriodType.QUARTER || p.start().isAfter(today()))) {
            errors.add("period", "household.goal.periodInvalid");
        }
        for (Goal g : Goal.values()) {
            if (statuses.get(g) == null) {
                errors.add("goals[" + g.name() + "]", "validation.required");
            }
        }
        if (note != null && note.length() > 500) {
            errors.add("note", "validation.tooLong", 500);
        }
        errors.throwIfAny();
        Optional<GoalAssessment> before = repository.goal(householdId, period);
        if (before.isPresent() && version == null) {
            version = before.get().version();
        }
        GoalAssessment g = new GoalAssessment(householdId, period, statuses, note == null || note.isBlank() ? null : note.trim(),
                scope.userId(), null, 0);
        if (!repository.saveGoal(g, before.isPresent() ? version : null, scope.userId())) {
            throw new ConflictException("household_goal", householdId + ":" + period);
        }
        audit.record(scope, "GOALS", "household", householdId, period,
                before.map(b -> (Object) goalMap(b.statuses())).orElse(null), goalMap(statuses));
    }

    private static Map<String, String> goalMap(Map<Goal, GoalStatus> statuses) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Goal g : Goal.values()) {
            m.put(g.name(), statuses.get(g) == null ? null : statuses.get(g).name());
        }
        return m;
    }

    // ---------------------------------------------------------------- import (used by the import job)

    /** One household of a spreadsheet: its row, the household and its other members. */
    public record ImportedHousehold(int row, HouseholdForm household, List<PersonForm> members) {
    }

    /** Whether an import job already saved its households (a job run again after a restart). */
    public long importedBy(long jobId) {
        return repository.importedBy(jobId);
    }

    /** The checks of one household before saving (used by the import to report every row's errors). */
    public void check(DataScope scope, HouseholdForm form, InvalidInputException.Collector errors) {
        LocalDate today = today();
        Region region = form.getRegionCode() == null ? null : regions.find(form.getRegionCode()).orElse(null);
        HouseholdRules.household(form, region, dict, today, errors);
        PersonForm head = HouseholdRules.head(form, dict, today, errors);
        if (region != null && !inRegionReach(scope, region.code())) {
            errors.add("regionCode", "household.region.outOfScope");
        }
        if (head.getIdNumber() != null && IdNumbers.valid(head.getIdNumber())) {
            repository.personByHash(cipher.hash(ID_FIELD, head.getIdNumber()))
                    .ifPresent(p -> errors.add("headIdNumber", registeredMessage(scope, p), registeredArgs(scope, p, head.getIdNumber())));
        }
    }

    /** The checks of someone joining (used by the import, before anything is saved). */
    public void checkPerson(PersonForm m, InvalidInputException.Collector errors) {
        LocalDate today = today();
        HouseholdRules.person(m, false, dict, today, errors);
        HouseholdRules.joining(m, dict, today, errors);
        if (m.getIdNumber() != null && IdNumbers.valid(m.getIdNumber())) {
            repository.personByHash(cipher.hash(ID_FIELD, m.getIdNumber()))
                    .ifPresent(p -> errors.add("idNumber", "household.member.elsewhere", Masking.idNumber(m.getIdNumber())));
        }
    }

    /** Saves checked households of an import, all in the caller's transaction; returns their ids. */
    @Transactional
    public List<Long> saveImported(DataScope scope, List<ImportedHousehold> households, long jobId) {
        scope.require(Permission.HOUSEHOLD_EDIT);
        List<Long> ids = new ArrayList<>();
        for (ImportedHousehold h : households) {
            long id = create(scope, h.household(), jobId);
            for (PersonForm m : h.members()) {
                addMember(scope, id, m);
            }
            ids.add(id);
        }
        return ids;
    }

    /** The keyed hash of an ID number, for modules that keep their own index of people (never the number itself). */
    public byte[] idNumberHash(String idNumber) {
        String normalised = IdNumbers.normalise(idNumber);
        if (normalised == null || !IdNumbers.valid(normalised)) {
            throw BusinessException.onField("idNumber", IdNumbers.problem(normalised));
        }
        return cipher.hash(ID_FIELD, normalised);
    }

    // ---------------------------------------------------------------- for modules that work with many households at once

    /**
     * Of many keyed hashes of ID numbers ({@link #idNumberHash}), the household each person belongs
     * to now (or last), keyed by the hash in hex — unscoped, like {@link #summaries}: the caller
     * (a department's screening file) checks the households' regions against its own reach. The
     * numbers themselves never reach the database.
     */
    public Map<String, Long> householdsByIdHash(Collection<byte[]> hashes) {
        return repository.householdsByHash(hashes);
    }

    /** How many people belong to each of these households now (unscoped: a count, no one's data). */
    public Map<Long, Integer> sizes(Collection<Long> ids) {
        return repository.sizes(ids);
    }

    /** The active households the user may see under a region whose recorded income per head of a year is under a line. */
    public List<Income> incomesBelow(DataScope scope, String regionPrefix, int year, BigDecimal line) {
        scope.require(Permission.HOUSEHOLD_VIEW);
        return repository.incomesBelow(reach(scope), regionPrefix, year, line);
    }

    /** The people who belong now to each of these households the user may see (masked), for checks over many at once. */
    public Map<Long, List<HouseholdMember>> currentMembers(DataScope scope, Collection<Long> ids) {
        List<Long> visible = findAll(scope, ids).stream().map(Household::id).toList();
        Map<Long, List<HouseholdMember>> map = new LinkedHashMap<>();
        for (int i = 0; i < visible.size(); i += 5000) {
            repository.currentMembers(visible.subList(i, Math.min(visible.size(), i + 5000)))
                    .forEach((h, list) -> map.put(h, list.stream().map(this::masked).toList()));
        }
        return map;
    }

    /**
     * The head's ID number of each of these households the user may see: masked, or — only for
     * {@link Permission#PII_VIEW}, and the caller records the export or view — in clear.
     */
    public Map<Long, String> headIdNumbers(DataScope scope, Collection<Long> ids, boolean unmasked) {
        if (unmasked) {
            scope.require(Permission.PII_VIEW);
        }
        List<Long> visible = findAll(scope, ids).stream().map(Household::id).toList();
        Map<Long, String> map = new LinkedHashMap<>();
        for (int i = 0; i < visible.size(); i += 5000) {
            for (HouseholdRepository.Row r : repository.findAll(visible.subList(i, Math.min(visible.size(), i + 5000)))) {
                String id = cipher.decrypt(ID_FIELD, r.headIdCipher());
                map.put(r.household().id(), unmasked ? id : Masking.idNumber(id));
            }
        }
        return map;
    }

    // ---------------------------------------------------------------- helpers

    private MemberRow currentMembership(long householdId, long membershipId) {
        MemberRow m = repository.membership(membershipId).filter(x -> x.householdId() == householdId)
                .orElseThrow(() -> new NotFoundException("membership", membershipId));
        if (m.leftOn() != null) {
            throw BusinessException.onField("membershipId", "household.member.gone", m.name());
        }
        return m;
    }

    private void checkDate(LocalDate on, LocalDate after, String field, InvalidInputException.Collector errors) {
        if (on == null) {
            errors.add(field, "validation.required");
        } else if (on.isAfter(today())) {
            errors.add(field, "household.date.future");
        } else if (!on.isAfter(after)) {
            errors.add(field, "household.date.notAfter", after.toString());
        }
    }

    private static String reason(String reason, String field, InvalidInputException.Collector errors) {
        if (reason == null || reason.isBlank()) {
            errors.add(field, "validation.required");
            return null;
        }
        if (reason.trim().length() > 200) {
            errors.add(field, "validation.tooLong", 200);
        }
        return reason.trim();
    }

    private Map<String, Object> snapshot(long id) {
        HouseholdRepository.Row r = repository.find(id).orElseThrow();
        Household h = r.household();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("regionCode", h.regionCode());
        s.put("address", h.address());
        s.put("headName", h.headName());
        s.put("headIdNumber", Masking.idNumber(cipher.decrypt(ID_FIELD, r.headIdCipher())));
        s.put("phone", Masking.phone(cipher.decrypt(PHONE_FIELD, r.phoneCipher())));
        s.put("tags", h.tags());
        repository.incomes(id).stream().findFirst().ifPresent(i -> s.put("income", i.year() + ": " + i.perHead().toPlainString()));
        return s;
    }

}

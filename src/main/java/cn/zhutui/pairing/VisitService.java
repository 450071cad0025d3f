package cn.zhutui.pairing;

import cn.zhutui.audit.AuditService;
import cn.zhutui.campaign.Campaign;
import cn.zhutui.campaign.CampaignService;
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
import cn.zhutui.common.PeriodType;
import cn.zhutui.common.Permission;
import cn.zhutui.common.Role;
import cn.zhutui.file.FileKind;
import cn.zhutui.file.FileService;
import cn.zhutui.file.StoredFile;
import cn.zhutui.household.HouseholdService;
import cn.zhutui.ledger.EntryForm;
import cn.zhutui.ledger.EntrySource;
import cn.zhutui.ledger.LedgerService;
import cn.zhutui.member.MemberService;
import cn.zhutui.org.OrgService;
import cn.zhutui.pairing.internal.DutyRepository;
import cn.zhutui.pairing.internal.PairingFacts;
import cn.zhutui.pairing.internal.PairingScope;
import cn.zhutui.pairing.internal.VisitRepository;
import cn.zhutui.security.UserService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visits (走访) under pairings, recorded on a phone — online, or offline and sent later with the
 * time and place they were recorded — or on the office's page. One step records the visit, its
 * photos, the duty items it accomplished, the household's "四个有" and, when it also counts as
 * ledger work, the ledger entry: all or nothing. An idempotency key makes a resend (a lost answer,
 * an offline queue sending again) return the first visit instead of making a second.
 */
@Service
public class VisitService {

    public static final BigDecimal MAX_FUNDS = new BigDecimal("1000000");

    private final VisitRepository repository;
    private final DutyRepository duties;
    private final PairingFacts facts;
    private final PairingService pairings;
    private final DutyService dutyService;
    private final HouseholdService households;
    private final MemberService members;
    private final UserService users;
    private final OrgService orgs;
    private final FileService files;
    private final LedgerService ledger;
    private final CampaignService campaigns;
    private final IdempotencyKeys idempotency;
    private final AuditService audit;
    private final java.time.Clock clock;

    VisitService(VisitRepository repository, DutyRepository duties, PairingFacts facts, PairingService pairings, DutyService dutyService,
                 HouseholdService households, MemberService members, UserService users, OrgService orgs, FileService files,
                 LedgerService ledger, CampaignService campaigns, IdempotencyKeys idempotency, AuditService audit, java.time.Clock clock) {
        this.clock = clock;
        this.repository = repository;
        this.duties = duties;
        this.facts = facts;
        this.pairings = pairings;
        this.dutyService = dutyService;
        this.households = households;
        this.members = members;
        this.users = users;
        this.orgs = orgs;
        this.files = files;
        this.ledger = ledger;
        this.campaigns = campaigns;
        this.idempotency = idempotency;
        this.audit = audit;
    }

    /** A photo sent with the form. */
    public record Photo(InputStream in, String filename) {
    }

    // ---------------------------------------------------------------- reading

    public Visit get(DataScope scope, long id) {
        Visit v = repository.find(id).orElseThrow(() -> new NotFoundException("visit", id));
        pairings.get(scope, v.pairingId());
        return v;
    }

    public VisitView view(DataScope scope, long id) {
        return views(List.of(get(scope, id))).get(0);
    }

    public Page<VisitView> search(DataScope scope, VisitQuery q, PageRequest page) {
        Page<Visit> p = repository.search(filter(scope, q), page);
        return new Page<>(views(p.items()), p.total(), p.page(), p.size());
    }

    public long count(DataScope scope, VisitQuery q) {
        return repository.count(filter(scope, q));
    }

    @Transactional(readOnly = true)
    public void forEach(DataScope scope, VisitQuery q, Consumer<VisitView> consumer) {
        List<Visit> batch = new ArrayList<>();
        repository.forEach(filter(scope, q), v -> {
            batch.add(v);
            if (batch.size() == 500) {
                views(batch).forEach(consumer);
                batch.clear();
            }
        });
        views(batch).forEach(consumer);
    }

    /** How many visits a pairing had in each period of a type (quarter ids "2025Q1" …), oldest first. */
    public Map<String, Long> visitsByPeriod(DataScope scope, long pairingId, PeriodType type) {
        pairings.get(scope, pairingId);
        Map<String, Long> counts = new TreeMap<>();
        repository.forEach(new VisitRepository.Filter(new PairingScope("/", null, null, null), null, null, pairingId, null, null, null, null, null),
                v -> counts.merge(Period.containing(v.visitDate(), type).id(), 1L, Long::sum));
        return counts;
    }

    private VisitRepository.Filter filter(DataScope scope, VisitQuery q) {
        scope.require(Permission.PAIRING_VIEW);
        String orgPath = q.orgId() == null ? null : orgs.get(scope, q.orgId()).path();
        if (q.unitOrgId() != null) {
            orgs.get(scope, q.unitOrgId());
        }
        return new VisitRepository.Filter(PairingScope.of(scope), orgPath, q.unitOrgId(), q.pairingId(), q.memberId(), q.kind(), q.from(), q.to(),
                q.regionCode() == null || q.regionCode().isBlank() ? null : q.regionCode().trim());
    }

    private List<VisitView> views(List<Visit> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        List<Long> ids = list.stream().map(Visit::id).toList();
        Map<Long, List<VisitPerson>> people = repository.people(ids);
        Map<Long, List<VisitPhoto>> photos = repository.photos(ids);
        Map<Long, List<DutyRecord>> records = new LinkedHashMap<>();
        duties.recordsOfVisits(ids).forEach(r -> records.computeIfAbsent(r.visitId(), k -> new ArrayList<>()).add(r));
        Map<Long, PairingRow> rows = new LinkedHashMap<>();
        pairings.rows(pairingsOf(list)).forEach(r -> rows.put(r.pairing().id(), r));
        Map<Long, String> recorders = users.displayNames(list.stream().map(Visit::createdBy).distinct().toList());
        return list.stream().map(v -> new VisitView(v, rows.get(v.pairingId()), people.getOrDefault(v.id(), List.of()),
                photos.getOrDefault(v.id(), List.of()), records.getOrDefault(v.id(), List.of()), recorders.get(v.createdBy()))).toList();
    }

    private List<Pairing> pairingsOf(List<Visit> list) {
        return pairings.byIds(list.stream().map(Visit::pairingId).distinct().toList());
    }

    // ---------------------------------------------------------------- recording

    /**
     * Records a visit with its photos and what it accomplished, in one step.
     *
     * @param idempotencyKey the form's key (the phone keeps it with the visit in its queue); a
     *                       repeated key returns the first visit and adds nothing
     */
    @Transactional
    public long record(DataScope scope, VisitForm form, List<Photo> photos, VisitSource source, String idempotencyKey) {
        scope.require(Permission.PAIRING_VISIT);
        if (idempotencyKey != null) {
            Optional<Long> earlier = idempotency.claim(scope.userId(), "pairing.visit", idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        if (form.getPairingId() == null) {
            throw BusinessException.onField("pairingId", "validation.required");
        }
        Pairing p = pairings.get(scope, form.getPairingId());
        dutyService.requireWorker(scope, p);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        check(scope, p, form, errors);
        List<VisitPerson> people = people(scope, p, form, errors);
        errors.throwIfAny();
        long id = repository.insert(new VisitRepository.NewVisit(p.id(), form.getVisitDate(), form.getNotes(), n(form.getProblemsFound()),
                n(form.getProblemsSolved()), funds(form), n(form.getProjects()), source, form.getRecordedAt(), form.getLatitude(),
                form.getLongitude(), scope.userId()));
        repository.replacePeople(id, people);
        List<StoredFile> stored = new ArrayList<>();
        for (Photo photo : photos) {
            StoredFile f = files.store(photo.in(), photo.filename(), FileKind.IMAGES, scope.userId());
            repository.insertPhoto(id, f.id(), scope.userId());
            stored.add(f);
        }
        facts.visits(List.of(id), 1);
        Visit v = repository.find(id).orElseThrow();
        dutyService.tickByVisit(scope, p, v, form.getDutyItemIds(), errors);
        errors.throwIfAny();
        recordGoals(scope, p, form);
        if (form.isRecordLedger()) {
            long entryId = recordLedger(scope, p, form, people, stored, source);
            repository.setLedgerEntry(id, entryId);
        }
        audit.record(scope, "CREATE", "pairing_visit", id, form.getVisitDate().toString(), null, snapshot(id));
        audit.record(scope, "VISIT", "pairing", p.id(), form.getVisitDate() + " #" + id, null, null);
        if (idempotencyKey != null) {
            idempotency.complete(scope.userId(), "pairing.visit", idempotencyKey, id);
        }
        return id;
    }

    /** Changes a visit's day, notes, counts and who went: its recorder, or office staff of its scope. */
    @Transactional
    public void update(DataScope scope, long id, VisitForm form) {
        Visit v = get(scope, id);
        Pairing p = pairings.get(scope, v.pairingId());
        requireEditor(scope, p, v);
        form.setPairingId(p.id());
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        check(scope, p, form, errors);
        List<VisitPerson> people = people(scope, p, form, errors);
        if (!Period.containing(form.getVisitDate() == null ? v.visitDate() : form.getVisitDate(), PeriodType.QUARTER)
                .equals(Period.containing(v.visitDate(), PeriodType.QUARTER)) && !duties.recordsOfVisits(List.of(id)).isEmpty()) {
            errors.add("visitDate", "pairing.visit.dutyPeriod");
        }
        errors.throwIfAny();
        Map<String, Object> before = snapshot(id);
        facts.visits(List.of(id), -1);
        if (!repository.update(id, form.getVersion(), form.getVisitDate(), form.getNotes(), n(form.getProblemsFound()), n(form.getProblemsSolved()),
                funds(form), n(form.getProjects()))) {
            throw new ConflictException("visit", id);
        }
        facts.visits(List.of(id), 1);
        repository.replacePeople(id, people);
        audit.record(scope, "UPDATE", "pairing_visit", id, form.getVisitDate().toString(), before, snapshot(id));
    }

    /** Deletes a visit recorded by mistake — not while it is the evidence of a duty record. */
    @Transactional
    public void delete(DataScope scope, long id, int version) {
        Visit v = get(scope, id);
        Pairing p = pairings.get(scope, v.pairingId());
        requireEditor(scope, p, v);
        if (!duties.recordsOfVisits(List.of(id)).isEmpty()) {
            throw new BusinessException("pairing.visit.isEvidence");
        }
        Map<String, Object> before = snapshot(id);
        facts.visits(List.of(id), -1);
        if (!repository.delete(id, version)) {
            throw new ConflictException("visit", id);
        }
        audit.record(scope, "DELETE", "pairing_visit", id, v.visitDate().toString(), before, null);
    }

    @Transactional
    public long addPhoto(DataScope scope, long id, Photo photo) {
        Visit v = get(scope, id);
        requireEditor(scope, pairings.get(scope, v.pairingId()), v);
        StoredFile f = files.store(photo.in(), photo.filename(), FileKind.IMAGES, scope.userId());
        long photoId = repository.insertPhoto(id, f.id(), scope.userId());
        audit.record(scope, "PHOTO_ADD", "pairing_visit", id, f.originalName(), null, Map.of("file", f.originalName()));
        return photoId;
    }

    @Transactional
    public void removePhoto(DataScope scope, long id, long photoId) {
        Visit v = get(scope, id);
        requireEditor(scope, pairings.get(scope, v.pairingId()), v);
        VisitPhoto photo = photo(scope, id, photoId);
        repository.deletePhoto(id, photoId);
        audit.record(scope, "PHOTO_REMOVE", "pairing_visit", id, photo.originalName(), Map.of("file", photo.originalName()), null);
    }

    /** A photo of a visit the user may see. */
    public VisitPhoto photo(DataScope scope, long visitId, long photoId) {
        get(scope, visitId);
        return repository.photos(List.of(visitId)).getOrDefault(visitId, List.of()).stream().filter(p -> p.id() == photoId).findFirst()
                .orElseThrow(() -> new NotFoundException("photo", photoId));
    }

    public StoredFile file(VisitPhoto photo) {
        return files.find(photo.fileId()).orElseThrow();
    }

    /** The visit's recorder, or office staff of the pairing's scope. */
    private void requireEditor(DataScope scope, Pairing p, Visit v) {
        scope.require(Permission.PAIRING_VISIT);
        if (v.createdBy() == scope.userId()) {
            return;
        }
        boolean office = (scope.has(Role.STAFF) || scope.has(Role.ADMIN))
                && orgs.find(p.orgId()).map(o -> scope.coversOrgPath(o.path())).orElse(false);
        if (!office && !scope.isSystem()) {
            throw new ForbiddenException();
        }
    }

    // ---------------------------------------------------------------- rules

    /** The visit's own fields, the same for the phone, the page and the API. */
    private void check(DataScope scope, Pairing p, VisitForm f, InvalidInputException.Collector errors) {
        LocalDate today = pairings.today();
        if (f.getVisitDate() == null) {
            errors.add("visitDate", "validation.required");
        } else if (f.getVisitDate().isAfter(today)) {
            errors.add("visitDate", "pairing.visit.future");
        } else if (!p.covers(f.getVisitDate())) {
            errors.add("visitDate", "pairing.visit.outside", p.startDate().toString(), p.endDate() == null ? "" : p.endDate().toString());
        }
        if (f.getNotes() != null && f.getNotes().length() > 4000) {
            errors.add("notes", "validation.tooLong", 4000);
        }
        count(f.getProblemsFound(), "problemsFound", errors);
        count(f.getProblemsSolved(), "problemsSolved", errors);
        count(f.getProjects(), "projects", errors);
        if (f.getFunds() != null) {
            if (f.getFunds().signum() < 0 || f.getFunds().compareTo(MAX_FUNDS) > 0) {
                errors.add("funds", "validation.between", 0, "1,000,000");
            } else if (f.getFunds().stripTrailingZeros().scale() > 2) {
                errors.add("funds", "pairing.visit.fundsDecimals");
            }
        }
        if (f.getLatitude() != null && f.getLatitude().abs().compareTo(BigDecimal.valueOf(90)) > 0) {
            errors.add("latitude", "validation.between", -90, 90);
        }
        if (f.getLongitude() != null && f.getLongitude().abs().compareTo(BigDecimal.valueOf(180)) > 0) {
            errors.add("longitude", "validation.between", -180, 180);
        }
        if (f.getRecordedAt() != null && f.getRecordedAt().isAfter(OffsetDateTime.now(clock).plusMinutes(10))) {
            errors.add("recordedAt", "pairing.visit.recordedFuture");
        }
        Map<cn.zhutui.household.Goal, cn.zhutui.household.GoalStatus> goals = f.givenGoals();
        if (!goals.isEmpty()) {
            if (!p.kind().household()) {
                errors.add("goals", "pairing.visit.goalsHousehold");
            } else if (goals.size() != cn.zhutui.household.Goal.values().length) {
                errors.add("goals", "pairing.visit.goalsAll");
            }
        }
    }

    private static void count(Integer v, String field, InvalidInputException.Collector errors) {
        if (v != null && (v < 0 || v > 10000)) {
            errors.add(field, "validation.between", 0, "10,000");
        }
    }

    /** Who went: the recorder (a member, or a cadre with an account), the members chosen, the others named. */
    private List<VisitPerson> people(DataScope scope, Pairing p, VisitForm f, InvalidInputException.Collector errors) {
        List<VisitPerson> people = new ArrayList<>();
        Set<Long> memberIds = new java.util.LinkedHashSet<>();
        if (scope.memberId() != null && scope.has(Role.MEMBER)) {
            memberIds.add(scope.memberId());
        } else if (scope.ownRecordsOnly() || (!scope.has(Role.STAFF) && !scope.has(Role.ADMIN))) {
            people.add(new VisitPerson(null, scope.userId(), scope.displayName()));
        }
        for (Long id : f.getMemberIds()) {
            if (id.equals(scope.memberId()) || members.visible(scope, id) || id.equals(p.memberId())) {
                memberIds.add(id);
            } else {
                errors.add("memberIds", "pairing.member.outOfScope", id);
            }
        }
        if (memberIds.isEmpty() && p.memberId() != null && (scope.has(Role.STAFF) || scope.has(Role.ADMIN)) && people.isEmpty()) {
            // office staff recording for a member's pairing: the member went, unless others are named
            if (f.otherVisitorNames().isEmpty()) {
                memberIds.add(p.memberId());
            }
        }
        Map<Long, String> names = new LinkedHashMap<>();
        members.findAll(memberIds).forEach(m -> names.put(m.id(), m.name()));
        memberIds.forEach(id -> people.add(new VisitPerson(id, null, names.getOrDefault(id, "#" + id))));
        List<String> others = f.otherVisitorNames();
        if (others.size() > 20) {
            errors.add("otherVisitors", "pairing.visit.tooManyPeople", 20);
        }
        for (String name : others) {
            if (name.length() > 50) {
                errors.add("otherVisitors", "validation.tooLong", 50);
            } else if (people.stream().noneMatch(x -> x.name().equals(name))) {
                people.add(new VisitPerson(null, null, name));
            }
        }
        if (people.isEmpty()) {
            // office staff naming nobody went themselves
            people.add(new VisitPerson(null, scope.userId(), scope.displayName()));
        }
        return people;
    }

    private void recordGoals(DataScope scope, Pairing p, VisitForm f) {
        var goals = f.givenGoals();
        if (goals.isEmpty() || p.householdId() == null) {
            return;
        }
        try {
            households.recordGoals(scope, p.householdId(), Period.containing(f.getVisitDate(), PeriodType.QUARTER).id(), goals, null, null);
        } catch (ForbiddenException e) {
            throw BusinessException.onField("goals", "pairing.visit.goalsNotAllowed");
        }
    }

    /**
     * The ledger entry of a visit that also counts as ledger work, through the ledger's own service
     * and rules, in this transaction; its problems are shown on the visit form's ledger fields.
     */
    private long recordLedger(DataScope scope, Pairing p, VisitForm f, List<VisitPerson> people, List<StoredFile> photos, VisitSource source) {
        Campaign campaign = campaigns.current(scope, f.getLedgerCampaignId());
        if (campaign == null) {
            throw BusinessException.onField("recordLedger", "pairing.visit.noCampaign");
        }
        PairingRow row = pairings.rows(List.of(p)).get(0);
        EntryForm e = new EntryForm();
        e.setCampaignId(campaign.id());
        e.setTaskTypeId(f.getLedgerTaskTypeId());
        e.setTitle(truncate("走访" + row.targetName() + "（" + labelOf(p.kind()) + "）", 200));
        e.setDescription(f.getNotes());
        e.setStartDate(f.getVisitDate());
        e.setRegionCode(p.regionCode());
        e.setHouseholds(p.kind().household() ? 1 : null);
        e.setMemberIds(people.stream().map(VisitPerson::memberId).filter(java.util.Objects::nonNull).toList());
        if (!scope.ownRecordsOnly()) {
            e.setOrgId(p.orgId());
        }
        e.setValues(f.givenLedgerValues());
        e.setLatitude(f.getLatitude());
        e.setLongitude(f.getLongitude());
        e.setCapturedAt(f.getRecordedAt());
        List<LedgerService.Upload> uploads = new ArrayList<>();
        try {
            for (StoredFile s : photos) {
                uploads.add(new LedgerService.Upload(files.open(s), s.originalName()));
            }
            return ledger.record(scope, e, source == VisitSource.WEB ? EntrySource.WEB : source == VisitSource.API ? EntrySource.API
                    : EntrySource.MOBILE, true, null, uploads);
        } catch (ForbiddenException ex) {
            throw BusinessException.onField("recordLedger", "pairing.visit.ledgerNotAllowed");
        } catch (InvalidInputException ex) {
            List<BusinessException> mapped = ex.violations().stream().map(v -> BusinessException.onField(ledgerField(v.field()), v.code(), v.args())).toList();
            throw new InvalidInputException(mapped);
        } catch (BusinessException ex) {
            throw BusinessException.onField(ledgerField(ex.field()), ex.code(), ex.args());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            for (LedgerService.Upload u : uploads) {
                try {
                    u.in().close();
                } catch (IOException ignored) {
                    // read to the end by the ledger already
                }
            }
        }
    }

    /** The visit form's name of a ledger field. */
    private static String ledgerField(String field) {
        if (field == null) {
            return "recordLedger";
        }
        if (field.equals("taskTypeId")) {
            return "ledgerTaskTypeId";
        }
        if (field.startsWith("values")) {
            return "ledgerValues" + field.substring("values".length());
        }
        if (field.equals("startDate")) {
            return "visitDate";
        }
        return "recordLedger";
    }

    private static String labelOf(PairingKind kind) {
        return switch (kind) {
            case MEMBER_HOUSEHOLD -> "委员联户";
            case COMMITTEE_INDUSTRY -> "专委会联产业";
            case ORG_VILLAGE -> "政协组织联村";
            case LEADER_COUNTY -> "领导挂联重点县";
            case LEADER_CONTACT_POINT -> "领导联系点";
            case UNIT_COUNTY -> "定点帮扶";
            case CADRE_HOUSEHOLD -> "干部认亲结对";
        };
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static int n(Integer v) {
        return v == null ? 0 : v;
    }

    private static BigDecimal funds(VisitForm f) {
        return f.getFunds() == null ? BigDecimal.ZERO : f.getFunds();
    }

    private Map<String, Object> snapshot(long id) {
        Visit v = repository.find(id).orElseThrow();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("visitDate", v.visitDate().toString());
        s.put("notes", v.notes());
        s.put("problemsFound", v.problemsFound());
        s.put("problemsSolved", v.problemsSolved());
        s.put("funds", v.funds().stripTrailingZeros().toPlainString());
        s.put("projects", v.projects());
        s.put("people", repository.people(List.of(id)).getOrDefault(id, List.of()).stream().map(VisitPerson::name).toList());
        if (v.ledgerEntryId() != null) {
            s.put("ledgerEntryId", v.ledgerEntryId());
        }
        return s;
    }
}

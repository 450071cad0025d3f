package cn.zhutui.pairing;

import cn.zhutui.audit.AuditEntry;
import cn.zhutui.audit.AuditService;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.ConflictException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.ForbiddenException;
import cn.zhutui.common.InvalidInputException;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.Page;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Permission;
import cn.zhutui.common.Role;
import cn.zhutui.household.Household;
import cn.zhutui.household.HouseholdService;
import cn.zhutui.member.Member;
import cn.zhutui.member.MemberService;
import cn.zhutui.member.Membership;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgKind;
import cn.zhutui.org.OrgService;
import cn.zhutui.pairing.internal.DutyRepository;
import cn.zhutui.pairing.internal.PairingFacts;
import cn.zhutui.pairing.internal.PairingRepository;
import cn.zhutui.pairing.internal.PairingScope;
import cn.zhutui.pairing.internal.VisitRepository;
import cn.zhutui.region.Region;
import cn.zhutui.region.RegionLevel;
import cn.zhutui.region.RegionService;
import cn.zhutui.security.UserAccount;
import cn.zhutui.security.UserService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pairings (结对/挂联) through their lifecycle: made (结对) with a start date, in effect, ended on a
 * date for a reason (解除), or replaced by another helper (更换) — the old one ends the day before
 * the new one starts, and points to it. Office staff make and end the pairings of their org's
 * subtree; members and cadres see their own. Every change is audited and moves the figures in the
 * same transaction. Also the 1+1 check: the members in scope lacking a 脱贫户 or a 示范户.
 */
@Service
public class PairingService {

    private final PairingRepository repository;
    private final VisitRepository visits;
    private final DutyRepository duties;
    private final PairingFacts facts;
    private final OrgService orgs;
    private final MemberService members;
    private final RegionService regions;
    private final HouseholdService households;
    private final UserService users;
    private final AuditService audit;
    private final Clock clock;

    PairingService(PairingRepository repository, VisitRepository visits, DutyRepository duties, PairingFacts facts, OrgService orgs,
                   MemberService members, RegionService regions, HouseholdService households, UserService users, AuditService audit,
                   Clock clock) {
        this.repository = repository;
        this.visits = visits;
        this.duties = duties;
        this.facts = facts;
        this.orgs = orgs;
        this.members = members;
        this.regions = regions;
        this.households = households;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---------------------------------------------------------------- reading

    public Pairing get(DataScope scope, long id) {
        scope.require(Permission.PAIRING_VIEW);
        Pairing p = repository.find(id).orElseThrow(() -> new NotFoundException("pairing", id));
        if (!repository.visible(id, PairingScope.of(scope))) {
            throw new NotFoundException("pairing", id);
        }
        return p;
    }

    public PairingRow row(DataScope scope, long id) {
        return rows(List.of(get(scope, id))).get(0);
    }

    public Page<PairingRow> search(DataScope scope, PairingQuery q, PageRequest page) {
        Page<Pairing> p = repository.search(filter(scope, q), page);
        return new Page<>(rows(p.items()), p.total(), p.page(), p.size());
    }

    public long count(DataScope scope, PairingQuery q) {
        return repository.count(filter(scope, q));
    }

    @Transactional(readOnly = true)
    public void forEach(DataScope scope, PairingQuery q, Consumer<PairingRow> consumer) {
        List<Pairing> batch = new ArrayList<>();
        repository.forEach(filter(scope, q), p -> {
            batch.add(p);
            if (batch.size() == 500) {
                rows(batch).forEach(consumer);
                batch.clear();
            }
        });
        rows(batch).forEach(consumer);
    }

    /** A member's or a cadre's own pairings (those in effect first), for their phone. */
    public List<PairingRow> mine(DataScope scope) {
        scope.require(Permission.PAIRING_VIEW);
        if (scope.memberId() == null && !scope.has(Role.CADRE) && !scope.has(Role.STAFF)) {
            return List.of();
        }
        PairingScope own = new PairingScope(null, null, scope.has(Role.MEMBER) ? scope.memberId() : null, scope.userId());
        LocalDate today = today();
        List<Pairing> list = new ArrayList<>(repository.list(new PairingRepository.Filter(own, null, null, null, null, null, today, null, null,
                null, null)));
        list.sort((a, b) -> {
            int sa = a.status(today) == PairingStatus.ACTIVE ? 0 : a.status(today) == PairingStatus.PLANNED ? 1 : 2;
            int sb = b.status(today) == PairingStatus.ACTIVE ? 0 : b.status(today) == PairingStatus.PLANNED ? 1 : 2;
            return sa != sb ? Integer.compare(sa, sb) : Long.compare(a.id(), b.id());
        });
        return rows(list);
    }

    /** Pairings in scope (optionally under an org, of some kinds) in effect on some day of [from, to], for oversight. */
    List<Pairing> activeDuring(DataScope scope, Long orgId, Collection<PairingKind> kinds, LocalDate from, LocalDate to) {
        scope.require(Permission.PAIRING_VIEW);
        String orgPath = orgId == null ? null : orgs.get(scope, orgId).path();
        return repository.activeDuring(new PairingRepository.Filter(PairingScope.of(scope), null, orgPath, null, null, null, today(), null,
                null, null, kinds), from, to);
    }

    /** The pairing's dated history (who changed what, when). */
    public List<AuditEntry> history(DataScope scope, long id) {
        get(scope, id);
        return audit.history("pairing", id);
    }

    /** The households a member or cadre is (or was) paired with: what they may see of the registry. */
    public Collection<Long> householdsOf(DataScope scope) {
        Long member = scope.has(Role.MEMBER) ? scope.memberId() : null;
        Long user = scope.has(Role.CADRE) ? scope.userId() : null;
        return repository.householdsOf(member, user);
    }

    /** Pairings of a household in effect today (a household with one cannot be archived). */
    public long activeOfHousehold(long householdId) {
        return repository.activeOfHousehold(householdId, today());
    }

    /** Pairings by id, unscoped (for records the user already sees, such as visits). */
    List<Pairing> byIds(Collection<Long> ids) {
        return repository.findAll(ids);
    }

    /** Lists' rows: names of helpers and targets, org, place, visits, the successor — in a fixed number of queries. */
    List<PairingRow> rows(List<Pairing> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        List<Long> ids = list.stream().map(Pairing::id).toList();
        Map<Long, String> memberNames = members.findAll(list.stream().map(Pairing::memberId).filter(java.util.Objects::nonNull).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(Member::id, Member::name));
        Set<Long> orgIds = new HashSet<>();
        list.forEach(p -> {
            orgIds.add(p.orgId());
            if (p.helperOrgId() != null) {
                orgIds.add(p.helperOrgId());
            }
        });
        Map<Long, String> orgNames = orgs.names(orgIds);
        Map<Long, Household> hh = households.summaries(list.stream().map(Pairing::householdId).filter(java.util.Objects::nonNull).toList());
        Map<Long, String> industryNames = repository.industryNames(list.stream().map(Pairing::industryId).filter(java.util.Objects::nonNull).toList());
        Map<String, String> regionNames = regions.lineageNamesOf(list.stream().map(Pairing::regionCode).distinct().toList());
        Map<Long, Object[]> last = visits.lastVisits(ids);
        Map<Long, Long> successors = repository.replacedBy(ids);
        List<PairingRow> rows = new ArrayList<>();
        for (Pairing p : list) {
            String helper = switch (p.kind().helper()) {
                case MEMBER -> memberNames.get(p.memberId());
                case ORG -> orgNames.get(p.helperOrgId());
                case CADRE -> p.cadreName();
            };
            Household h = p.householdId() == null ? null : hh.get(p.householdId());
            String region = regionNames.getOrDefault(p.regionCode(), p.regionCode());
            String target = switch (p.kind().target()) {
                case HOUSEHOLD -> h == null ? "#" + p.householdId() : h.headName();
                case INDUSTRY -> industryNames.get(p.industryId());
                case VILLAGE, COUNTY -> shortName(region);
            };
            Object[] lv = last.get(p.id());
            rows.add(new PairingRow(p, helper, target, h == null ? List.of() : h.tags(), orgNames.get(p.orgId()), region,
                    lv == null ? null : (LocalDate) lv[0], lv == null ? 0 : (Long) lv[1], successors.get(p.id())));
        }
        return rows;
    }

    private static String shortName(String lineage) {
        if (lineage == null) {
            return null;
        }
        String[] parts = lineage.split(" / ");
        return parts[parts.length - 1];
    }

    private PairingRepository.Filter filter(DataScope scope, PairingQuery q) {
        scope.require(Permission.PAIRING_VIEW);
        String orgPath = q.orgId() == null ? null : orgs.get(scope, q.orgId()).path();
        String region = null;
        if (q.regionCode() != null && !q.regionCode().isBlank()) {
            region = regions.find(q.regionCode().trim()).map(Region::code)
                    .orElseThrow(() -> BusinessException.onField("regionCode", "region.unknown", q.regionCode()));
        }
        return new PairingRepository.Filter(PairingScope.of(scope), q.kind(), orgPath, q.memberId(), q.householdId(), q.status(), today(),
                region, q.text(), q.sort(), null);
    }

    // ---------------------------------------------------------------- writing

    // ---------------------------------------------------------------- import (used by the import job)

    /** Whether an import job already saved its pairings (a job run again after a restart). */
    public long importedBy(long jobId) {
        return repository.importedBy(jobId);
    }

    /**
     * Every rule a new pairing breaks, without saving it (the import reports all rows' errors at
     * once); empty when it could be made.
     */
    public List<BusinessException> problems(DataScope scope, PairingForm form) {
        scope.require(Permission.PAIRING_EDIT);
        try {
            check(scope, form, null);
            return List.of();
        } catch (InvalidInputException e) {
            return e.violations();
        } catch (BusinessException e) {
            return List.of(e);
        }
    }

    /** Makes the checked pairings of an import, all in one transaction (one wrong, none made); returns their ids. */
    @Transactional
    public List<Long> saveImported(DataScope scope, List<PairingForm> forms, long jobId) {
        List<Long> ids = new ArrayList<>();
        for (PairingForm f : forms) {
            ids.add(create(scope, f, null, jobId));
        }
        return ids;
    }

    /** Makes a pairing: office staff, for an org of their subtree; the helper and target checked for its kind. */
    @Transactional
    public long create(DataScope scope, PairingForm form) {
        return create(scope, form, null, null);
    }

    long create(DataScope scope, PairingForm form, Long replacesId, Long importJobId) {
        scope.require(Permission.PAIRING_EDIT);
        Checked c = check(scope, form, null);
        long id = repository.insert(new PairingRepository.NewPairing(form.getKind(), c.org().id(), c.unit().id(), form.getMemberId(),
                form.getHelperOrgId(), form.getCadreUserId(), form.getCadreName(), form.getHouseholdId(), form.getIndustryId(), c.regionCode(),
                form.getStartDate(), form.getEndDate(), replacesId, form.getNote(), scope.userId(), importJobId));
        facts.pairings(List.of(id), 1);
        if (form.getHouseholdId() != null) {
            facts.households(List.of(form.getHouseholdId()));
        }
        audit.record(scope, "CREATE", "pairing", id, describe(id), null, snapshot(id));
        return id;
    }

    /** Corrects the start date (not past a visit) and the note. */
    @Transactional
    public void update(DataScope scope, long id, PairingForm form) {
        Pairing p = editable(scope, id);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (form.getStartDate() == null) {
            errors.add("startDate", "validation.required");
        } else {
            LocalDate[] span = visits.span(id);
            if (span[0] != null && form.getStartDate().isAfter(span[0])) {
                errors.add("startDate", "pairing.start.afterVisit", span[0].toString());
            }
            if (p.endDate() != null && form.getStartDate().isAfter(p.endDate())) {
                errors.add("startDate", "pairing.end.beforeStart");
            }
            if (form.getStartDate().isAfter(today().plusYears(1))) {
                errors.add("startDate", "pairing.start.tooLate");
            }
        }
        if (form.getNote() != null && form.getNote().length() > 500) {
            errors.add("note", "validation.tooLong", 500);
        }
        errors.throwIfAny();
        Map<String, Object> before = snapshot(id);
        facts.pairings(List.of(id), -1);
        if (!repository.update(id, form.getVersion(), form.getStartDate(), form.getNote())) {
            throw new ConflictException("pairing", id);
        }
        facts.pairings(List.of(id), 1);
        if (p.householdId() != null) {
            facts.households(List.of(p.householdId()));
        }
        audit.record(scope, "UPDATE", "pairing", id, describe(id), before, snapshot(id));
    }

    /** Ends a pairing on a day (its last day in effect), for a reason; not before its last visit. */
    @Transactional
    public void end(DataScope scope, long id, int version, LocalDate endDate, String reason) {
        Pairing p = editable(scope, id);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        checkEnd(p, endDate, errors);
        String why = reason(reason, "endReason", errors);
        errors.throwIfAny();
        Map<String, Object> before = snapshot(id);
        facts.pairings(List.of(id), -1);
        if (!repository.end(id, version, endDate, why)) {
            throw new ConflictException("pairing", id);
        }
        facts.pairings(List.of(id), 1);
        if (p.householdId() != null) {
            facts.households(List.of(p.householdId()));
        }
        audit.record(scope, "END", "pairing", id, describe(id), before, snapshot(id));
    }

    private void checkEnd(Pairing p, LocalDate endDate, InvalidInputException.Collector errors) {
        if (endDate == null) {
            errors.add("endDate", "validation.required");
            return;
        }
        if (p.endDate() != null && p.endDate().isBefore(today())) {
            errors.add("endDate", "pairing.alreadyEnded");
        }
        if (endDate.isBefore(p.startDate())) {
            errors.add("endDate", "pairing.end.beforeStart");
        }
        LocalDate[] span = visits.span(p.id());
        if (span[1] != null && endDate.isBefore(span[1])) {
            errors.add("endDate", "pairing.end.beforeVisit", span[1].toString());
        }
        if (endDate.isAfter(today().plusYears(1))) {
            errors.add("endDate", "pairing.start.tooLate");
        }
    }

    /**
     * Replaces the helper from a day: the pairing ends the day before and a new one with the same
     * target (and kind, and org) starts that day, pointing back to it.
     */
    @Transactional
    public long replace(DataScope scope, long id, int version, LocalDate from, PairingForm successor, String reason) {
        Pairing p = editable(scope, id);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (from == null) {
            errors.add("startDate", "validation.required");
        } else if (!from.isAfter(p.startDate())) {
            errors.add("startDate", "pairing.replace.afterStart", p.startDate().toString());
        } else {
            checkEnd(p, from.minusDays(1), errors);
        }
        String why = reason(reason, "endReason", errors);
        errors.throwIfAny();
        successor.setKind(p.kind());
        successor.setOrgId(p.orgId());
        successor.setHouseholdId(p.householdId());
        successor.setIndustryId(p.industryId());
        successor.setRegionCode(p.regionCode());
        successor.setStartDate(from);
        successor.setEndDate(null);
        Map<String, Object> before = snapshot(id);
        facts.pairings(List.of(id), -1);
        if (!repository.end(id, version, from.minusDays(1), why)) {
            throw new ConflictException("pairing", id);
        }
        facts.pairings(List.of(id), 1);
        audit.record(scope, "END", "pairing", id, describe(id), before, snapshot(id));
        long next = create(scope, successor, id, null);
        audit.record(scope, "REPLACED", "pairing", id, describe(next), null, Map.of("replacedBy", next));
        return next;
    }

    /** Deletes a pairing made by mistake: only while it has no visits and no duty records. */
    @Transactional
    public void delete(DataScope scope, long id, int version) {
        Pairing p = editable(scope, id);
        if (visits.countOfPairing(id) > 0 || duties.recordsOfPairingCount(id) > 0) {
            throw new BusinessException("pairing.delete.inUse");
        }
        if (!repository.replacedBy(List.of(id)).isEmpty()) {
            throw new BusinessException("pairing.delete.inUse");
        }
        Map<String, Object> before = snapshot(id);
        String name = describe(id);
        facts.pairings(List.of(id), -1);
        if (!repository.delete(id, version)) {
            throw new ConflictException("pairing", id);
        }
        if (p.householdId() != null) {
            facts.households(List.of(p.householdId()));
        }
        audit.record(scope, "DELETE", "pairing", id, name, before, null);
    }

    /** A pairing the user may change: office staff within their scope. */
    Pairing editable(DataScope scope, long id) {
        Pairing p = get(scope, id);
        scope.require(Permission.PAIRING_EDIT);
        Org org = orgs.find(p.orgId()).orElseThrow();
        if (!scope.coversOrgPath(org.path()) && !scope.isSystem()) {
            throw new ForbiddenException();
        }
        return p;
    }

    record Checked(Org org, Org unit, String regionCode) {
    }

    /** Every rule of a pairing, reported at once: the org in scope, the helper and target of its kind, sane dates, no overlap. */
    Checked check(DataScope scope, PairingForm f, Long exceptId) {
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (f.getKind() == null) {
            errors.add("kind", "validation.required");
            errors.throwIfAny();
        }
        PairingKind kind = f.getKind();
        Org org = null;
        if (f.getOrgId() == null) {
            f.setOrgId(scope.orgId());
        }
        try {
            org = orgs.get(scope, f.getOrgId());
        } catch (NotFoundException e) {
            errors.add("orgId", "pairing.org.outOfScope");
        }
        // the helper
        switch (kind.helper()) {
            case MEMBER -> {
                f.setHelperOrgId(null);
                f.setCadreUserId(null);
                f.setCadreName(null);
                if (f.getMemberId() == null) {
                    errors.add("memberId", "validation.required");
                } else if (!members.visible(scope, f.getMemberId())) {
                    errors.add("memberId", "pairing.member.outOfScope", f.getMemberId());
                } else if (!members.find(f.getMemberId()).map(Member::active).orElse(false)) {
                    errors.add("memberId", "pairing.member.inactive");
                }
            }
            case ORG -> {
                f.setMemberId(null);
                f.setCadreUserId(null);
                f.setCadreName(null);
                if (f.getHelperOrgId() == null) {
                    errors.add("helperOrgId", "validation.required");
                } else {
                    try {
                        Org helper = orgs.get(scope, f.getHelperOrgId());
                        if (kind == PairingKind.COMMITTEE_INDUSTRY && helper.kind() != OrgKind.SPECIAL_COMMITTEE && helper.kind() != OrgKind.OFFICE) {
                            errors.add("helperOrgId", "pairing.helper.committee");
                        }
                    } catch (NotFoundException e) {
                        errors.add("helperOrgId", "pairing.org.outOfScope");
                    }
                }
            }
            case CADRE -> {
                f.setMemberId(null);
                f.setHelperOrgId(null);
                if (f.getCadreUserId() != null) {
                    Optional<UserAccount> user = users.account(f.getCadreUserId()).filter(u -> orgs.find(u.orgId())
                            .map(o -> scope.coversOrgPath(o.path())).orElse(false));
                    if (user.isEmpty()) {
                        errors.add("cadreUserId", "pairing.cadre.outOfScope");
                    } else if (f.getCadreName() == null) {
                        f.setCadreName(user.get().displayName());
                    }
                }
                if (f.getCadreName() == null) {
                    errors.add("cadreName", "validation.required");
                } else if (f.getCadreName().length() > 50) {
                    errors.add("cadreName", "validation.tooLong", 50);
                }
            }
        }
        // the target
        String regionCode = null;
        switch (kind.target()) {
            case HOUSEHOLD -> {
                f.setIndustryId(null);
                if (f.getHouseholdId() == null) {
                    errors.add("householdId", "validation.required");
                } else {
                    try {
                        Household h = households.get(scope, f.getHouseholdId());
                        if (!h.active()) {
                            errors.add("householdId", "pairing.household.archived");
                        }
                        regionCode = h.regionCode();
                    } catch (NotFoundException e) {
                        errors.add("householdId", "pairing.household.unknown", f.getHouseholdId());
                    }
                }
            }
            case INDUSTRY -> {
                f.setHouseholdId(null);
                if (f.getIndustryId() == null) {
                    errors.add("industryId", "validation.required");
                } else {
                    Optional<Industry> industry = repository.industry(f.getIndustryId()).filter(Industry::active);
                    if (industry.isEmpty()) {
                        errors.add("industryId", "pairing.industry.unknown", f.getIndustryId());
                    } else {
                        regionCode = industry.get().countyCode();
                    }
                }
            }
            case VILLAGE, COUNTY -> {
                f.setHouseholdId(null);
                f.setIndustryId(null);
                RegionLevel level = kind.target() == PairingKind.Target.VILLAGE ? RegionLevel.VILLAGE : RegionLevel.COUNTY;
                if (f.getRegionCode() == null) {
                    errors.add("regionCode", "validation.required");
                } else {
                    Optional<Region> r = regions.find(f.getRegionCode());
                    if (r.isEmpty()) {
                        errors.add("regionCode", "region.unknown", f.getRegionCode());
                    } else if (r.get().level() != level.depth()) {
                        errors.add("regionCode", level == RegionLevel.VILLAGE ? "pairing.region.village" : "pairing.region.county");
                    } else {
                        regionCode = r.get().code();
                    }
                }
            }
        }
        // the dates
        LocalDate today = today();
        if (f.getStartDate() == null) {
            errors.add("startDate", "validation.required");
        } else {
            if (f.getStartDate().isAfter(today.plusYears(1))) {
                errors.add("startDate", "pairing.start.tooLate");
            }
            if (f.getStartDate().getYear() < 2000) {
                errors.add("startDate", "validation.between", "2000-01-01", today.plusYears(1).toString());
            }
            if (f.getEndDate() != null && f.getEndDate().isBefore(f.getStartDate())) {
                errors.add("endDate", "pairing.end.beforeStart");
            }
        }
        if (f.getNote() != null && f.getNote().length() > 500) {
            errors.add("note", "validation.tooLong", 500);
        }
        if (errors.isEmpty()) {
            repository.overlapping(kind, f.getMemberId(), f.getHelperOrgId(), f.getCadreUserId(), f.getCadreUserId() == null ? f.getCadreName() : null,
                            f.getHouseholdId(), f.getIndustryId(), regionCode, f.getStartDate(), f.getEndDate(), exceptId)
                    .ifPresent(other -> errors.add("startDate", "pairing.overlap", other));
        }
        errors.throwIfAny();
        return new Checked(org, orgs.unitOf(org), regionCode);
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

    /** "委员张三 ↔ 李四户" — for the audit log's summary. */
    private String describe(long id) {
        PairingRow r = rows(List.of(repository.find(id).orElseThrow())).get(0);
        return r.helperName() + " ↔ " + r.targetName();
    }

    private Map<String, Object> snapshot(long id) {
        Pairing p = repository.find(id).orElseThrow();
        PairingRow r = rows(List.of(p)).get(0);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("pairingKind", p.kind().name());
        s.put("org", r.orgName());
        s.put("helper", r.helperName());
        s.put("target", r.targetName());
        s.put("startDate", p.startDate().toString());
        s.put("endDate", p.endDate() == null ? null : p.endDate().toString());
        s.put("endReason", p.endReason());
        s.put("note", p.note());
        return s;
    }

    // ---------------------------------------------------------------- 1+1

    /**
     * The 1+1 rule (seeds/003: each member pairs with at least one 脱贫户 and one 示范户): the active
     * members under an org (default: the user's) lacking one or the other among their pairings in
     * effect today, with what they have.
     */
    public Page<OnePlusOne> onePlusOne(DataScope scope, Long orgId, PageRequest page) {
        List<OnePlusOne> all = onePlusOneAll(scope, orgId);
        List<OnePlusOne> slice = all.subList(Math.min(all.size(), page.offset()), Math.min(all.size(), page.offset() + page.size()));
        Map<Long, Member> byId = members.findAll(slice.stream().map(OnePlusOne::memberId).toList()).stream()
                .collect(Collectors.toMap(Member::id, m -> m));
        Map<Long, List<Membership>> ms = members.memberships(slice.stream().map(OnePlusOne::memberId).toList());
        List<OnePlusOne> named = slice.stream().map(o -> o.named(byId.get(o.memberId()) == null ? "#" + o.memberId() : byId.get(o.memberId()).name(),
                ms.getOrDefault(o.memberId(), List.of()).stream().filter(Membership::main).map(Membership::orgName).findFirst()
                        .orElse(ms.getOrDefault(o.memberId(), List.of()).stream().map(Membership::orgName).findFirst().orElse("")))).toList();
        return new Page<>(named, all.size(), page);
    }

    /** How many members in scope lack a 脱贫户 or a 示范户. */
    public long onePlusOneCount(DataScope scope) {
        return onePlusOneAll(scope, null).size();
    }

    private List<OnePlusOne> onePlusOneAll(DataScope scope, Long orgId) {
        scope.require(Permission.PAIRING_VIEW);
        if (scope.ownRecordsOnly()) {
            throw new ForbiddenException();
        }
        List<Long> ids = members.membersUnder(scope, orgId == null ? scope.orgId() : orgId).ids();
        Map<Long, List<Long>> paired = repository.householdsOfMembers(ids, today());
        Map<Long, Household> hh = households.summaries(paired.values().stream().flatMap(List::stream).collect(Collectors.toSet()));
        List<OnePlusOne> lacking = new ArrayList<>();
        for (long id : ids) {
            List<Long> mine = paired.getOrDefault(id, List.of());
            int tuopin = (int) mine.stream().map(hh::get).filter(h -> h != null && h.hasTag(Household.TUOPIN)).count();
            int shifan = (int) mine.stream().map(hh::get).filter(h -> h != null && h.hasTag(Household.SHIFAN)).count();
            if (tuopin == 0 || shifan == 0) {
                lacking.add(new OnePlusOne(id, null, null, tuopin, shifan, mine.size()));
            }
        }
        return lacking;
    }

    // ---------------------------------------------------------------- industries

    public List<Industry> industries(DataScope scope) {
        scope.require(Permission.PAIRING_VIEW);
        return repository.industries(scope.isSystem() ? "/" : scope.orgPath(), null);
    }

    /** Industries whose county lies under a region (for picking a committee's industry). */
    public List<Industry> industriesIn(DataScope scope, String countyPrefix) {
        scope.require(Permission.PAIRING_VIEW);
        return repository.industries(null, countyPrefix);
    }

    public Industry industry(DataScope scope, long id) {
        scope.require(Permission.PAIRING_VIEW);
        Industry i = repository.industry(id).orElseThrow(() -> new NotFoundException("industry", id));
        Org org = orgs.find(i.orgId()).orElseThrow();
        if (!scope.isSystem() && !scope.coversOrgPath(org.path())) {
            throw new NotFoundException("industry", id);
        }
        return i;
    }

    @Transactional
    public long createIndustry(DataScope scope, String name, String countyCode, Long orgId, String description) {
        scope.require(Permission.PAIRING_EDIT);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        Org org = null;
        try {
            org = orgs.get(scope, orgId == null ? scope.orgId() : orgId);
        } catch (NotFoundException e) {
            errors.add("orgId", "pairing.org.outOfScope");
        }
        industryFields(name, description, errors);
        Optional<Region> county = countyCode == null ? Optional.empty() : regions.find(countyCode);
        if (county.isEmpty()) {
            errors.add("countyCode", countyCode == null ? "validation.required" : "region.unknown", countyCode);
        } else if (county.get().level() != RegionLevel.COUNTY.depth()) {
            errors.add("countyCode", "pairing.region.county");
        }
        errors.throwIfAny();
        try {
            long id = repository.insertIndustry(name.trim(), county.get().code(), org.id(), blank(description));
            audit.record(scope, "CREATE", "pairing_industry", id, name, null, Map.of("name", name, "county", county.get().name()));
            return id;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw BusinessException.onField("name", "pairing.industry.duplicate", name, county.get().name());
        }
    }

    @Transactional
    public void updateIndustry(DataScope scope, long id, int version, String name, String description, boolean active) {
        scope.require(Permission.PAIRING_EDIT);
        Industry before = industry(scope, id);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        industryFields(name, description, errors);
        errors.throwIfAny();
        try {
            if (!repository.updateIndustry(id, version, name.trim(), blank(description), active)) {
                throw new ConflictException("industry", id);
            }
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw BusinessException.onField("name", "pairing.industry.duplicate", name, before.countyCode());
        }
        audit.record(scope, "UPDATE", "pairing_industry", id, name, Map.of("name", before.name(), "active", before.active()),
                Map.of("name", name, "active", active));
    }

    private static void industryFields(String name, String description, InvalidInputException.Collector errors) {
        if (name == null || name.isBlank()) {
            errors.add("name", "validation.required");
        } else if (name.trim().length() > 100) {
            errors.add("name", "validation.tooLong", 100);
        }
        if (description != null && description.length() > 500) {
            errors.add("description", "validation.tooLong", 500);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Re-homes the figures of pairings whose org moved in the tree: their old unit's figures go to the new one. */
    @Transactional
    public void rehome(String movedOrgPath) {
        Map<Long, List<Pairing>> byOrg = new HashMap<>();
        repository.organisedUnder(movedOrgPath).forEach(p -> byOrg.computeIfAbsent(p.orgId(), k -> new ArrayList<>()).add(p));
        for (Map.Entry<Long, List<Pairing>> e : byOrg.entrySet()) {
            Org unit = orgs.unitOf(orgs.find(e.getKey()).orElseThrow());
            List<Long> moved = e.getValue().stream().filter(p -> p.unitOrgId() != unit.id()).map(Pairing::id).toList();
            if (moved.isEmpty()) {
                continue;
            }
            List<Long> visitIds = facts.visitIdsOf(moved);
            facts.pairings(moved, -1);
            facts.visits(visitIds, -1);
            repository.setUnit(moved, unit.id());
            facts.pairings(moved, 1);
            facts.visits(visitIds, 1);
            facts.households(e.getValue().stream().map(Pairing::householdId).filter(java.util.Objects::nonNull).toList());
        }
    }
}

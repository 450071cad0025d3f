package cn.zhutui.pairing;

import cn.zhutui.audit.AuditService;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.ConflictException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.ForbiddenException;
import cn.zhutui.common.InvalidInputException;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.Period;
import cn.zhutui.common.Permission;
import cn.zhutui.common.Role;
import cn.zhutui.ledger.EntryStatus;
import cn.zhutui.ledger.LedgerEntry;
import cn.zhutui.ledger.LedgerService;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgService;
import cn.zhutui.pairing.internal.DutyRepository;
import cn.zhutui.pairing.internal.VisitRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The duties of pairings: configurable templates per kind (the platform's defaults are the seeds'
 * Qingchuan 五个一 and 七个优; an org makes its own copy, which its subtree follows), and each
 * pairing's items per period — done only with evidence: a visit of the pairing, a ledger entry,
 * or a consultation meeting (its id or link). A bare tick is refused.
 */
@Service
public class DutyService {

    /** A consultation meeting: its number, or a link to it (the consultation module's page or elsewhere). */
    private static final Pattern MEETING = Pattern.compile("^(\\d{1,12}|https?://\\S{3,290}|/\\S{1,290})$");

    private final DutyRepository repository;
    private final VisitRepository visits;
    private final PairingService pairings;
    private final OrgService orgs;
    private final LedgerService ledger;
    private final AuditService audit;

    DutyService(DutyRepository repository, VisitRepository visits, PairingService pairings, OrgService orgs, LedgerService ledger,
                AuditService audit) {
        this.repository = repository;
        this.visits = visits;
        this.pairings = pairings;
        this.orgs = orgs;
        this.ledger = ledger;
        this.audit = audit;
    }

    // ---------------------------------------------------------------- templates

    /** The templates that apply to orgs of one's scope: the defaults and those of the orgs above and below one. */
    public List<DutyTemplate> templates(DataScope scope) {
        scope.require(Permission.PAIRING_VIEW);
        Org own = scope.isSystem() ? null : orgs.find(scope.orgId()).orElseThrow();
        return repository.all().stream().filter(t -> t.orgId() == null || own == null
                || orgs.find(t.orgId()).map(o -> o.path().startsWith(own.path()) || own.path().startsWith(o.path())).orElse(false)).toList();
    }

    public DutyTemplate template(DataScope scope, long id) {
        return templates(scope).stream().filter(t -> t.id() == id).findFirst().orElseThrow(() -> new NotFoundException("template", id));
    }

    /** The template an org's pairings of a kind follow: the org's own, or the nearest above with one, else the default. */
    public DutyTemplate templateFor(long orgId, PairingKind kind) {
        return resolver(repository.all()).apply(orgId, kind);
    }

    /** The templates many pairings follow, resolved with one read of the templates. */
    Map<Long, DutyTemplate> templatesOf(Collection<Pairing> list) {
        var resolve = resolver(repository.all(), list);
        Map<Long, DutyTemplate> map = new HashMap<>();
        list.forEach(p -> map.put(p.id(), resolve.apply(p.orgId(), p.kind())));
        return map;
    }

    private java.util.function.BiFunction<Long, PairingKind, DutyTemplate> resolver(List<DutyTemplate> all) {
        return resolver(all, List.of());
    }

    /** Finds the template of an org and kind; the paths of the pairings' orgs are read at once. */
    private java.util.function.BiFunction<Long, PairingKind, DutyTemplate> resolver(List<DutyTemplate> all, Collection<Pairing> pairings) {
        Map<String, DutyTemplate> byOrgKind = new HashMap<>();
        all.forEach(t -> byOrgKind.put((t.orgId() == null ? "" : t.orgId()) + ":" + t.kind(), t));
        Map<Long, String> paths = new HashMap<>();
        if (!pairings.isEmpty()) {
            orgs.findAll(cn.zhutui.common.DataScope.system(), pairings.stream().map(Pairing::orgId).collect(java.util.stream.Collectors.toSet()))
                    .forEach(o -> paths.put(o.id(), o.path()));
        }
        return (orgId, kind) -> {
            String path = paths.computeIfAbsent(orgId, id -> orgs.find(id).map(Org::path).orElse("/"));
            List<String> ids = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
            for (int i = ids.size() - 1; i >= 0; i--) {
                DutyTemplate t = byOrgKind.get(ids.get(i) + ":" + kind);
                if (t != null) {
                    return t;
                }
            }
            return byOrgKind.get(":" + kind);
        };
    }

    /**
     * An org's own copy of the template its pairings of a kind follow, to change: made from the
     * inherited one (items and all) if the org has none yet.
     */
    @Transactional
    public long customize(DataScope scope, long orgId, PairingKind kind) {
        scope.require(Permission.DUTY_TEMPLATE_EDIT);
        Org org = orgs.get(scope, orgId);
        DutyTemplate inherited = templateFor(org.id(), kind);
        if (inherited != null && org.id() == (inherited.orgId() == null ? -1 : inherited.orgId())) {
            return inherited.id();
        }
        long id = repository.insertTemplate(kind, org.id(), inherited == null ? kind.name() : inherited.name(),
                inherited == null ? DutyRhythm.QUARTER : inherited.rhythm(), scope.userId());
        if (inherited != null) {
            for (DutyItem i : inherited.activeItems()) {
                repository.insertItem(id, i.sort(), i.title(), i.target(), i.countsVisits(), i.evidence());
            }
        }
        audit.record(scope, "CREATE", "duty_template", id, org.name() + " " + kind, null, Map.of("from", inherited == null ? "" : inherited.name()));
        return id;
    }

    @Transactional
    public void updateTemplate(DataScope scope, long id, int version, String name, DutyRhythm rhythm) {
        DutyTemplate t = editableTemplate(scope, id);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (name == null || name.isBlank()) {
            errors.add("name", "validation.required");
        } else if (name.trim().length() > 100) {
            errors.add("name", "validation.tooLong", 100);
        }
        if (rhythm == null) {
            errors.add("rhythm", "validation.required");
        }
        errors.throwIfAny();
        if (!repository.updateTemplate(id, version, name.trim(), rhythm, scope.userId())) {
            throw new ConflictException("template", id);
        }
        audit.record(scope, "UPDATE", "duty_template", id, name, Map.of("name", t.name(), "rhythm", t.rhythm().name()),
                Map.of("name", name.trim(), "rhythm", rhythm.name()));
    }

    @Transactional
    public long addItem(DataScope scope, long templateId, String title, int target, boolean countsVisits, Set<Evidence> evidence) {
        DutyTemplate t = editableTemplate(scope, templateId);
        itemRules(title, target, countsVisits, evidence);
        int sort = t.items().stream().mapToInt(DutyItem::sort).max().orElse(0) + 1;
        long id = repository.insertItem(templateId, sort, title.trim(), target, countsVisits, countsVisits ? Set.of(Evidence.VISIT) : evidence);
        audit.record(scope, "ITEM_ADD", "duty_template", templateId, title, null, Map.of("title", title.trim(), "target", target));
        return id;
    }

    @Transactional
    public void updateItem(DataScope scope, long templateId, long itemId, int version, String title, int target, boolean countsVisits,
                           Set<Evidence> evidence, boolean retired) {
        DutyTemplate t = editableTemplate(scope, templateId);
        DutyItem item = t.items().stream().filter(i -> i.id() == itemId).findFirst().orElseThrow(() -> new NotFoundException("item", itemId));
        itemRules(title, target, countsVisits, evidence);
        if (!repository.updateItem(itemId, version, item.sort(), title.trim(), target, countsVisits,
                countsVisits ? Set.of(Evidence.VISIT) : evidence, retired)) {
            throw new ConflictException("item", itemId);
        }
        audit.record(scope, "ITEM_UPDATE", "duty_template", templateId, title,
                Map.of("title", item.title(), "target", item.target(), "retired", item.retired()),
                Map.of("title", title.trim(), "target", target, "retired", retired));
    }

    /** Removes an item nobody ticked yet; one with records is retired instead (the records keep their meaning). */
    @Transactional
    public void removeItem(DataScope scope, long templateId, long itemId) {
        DutyTemplate t = editableTemplate(scope, templateId);
        DutyItem item = t.items().stream().filter(i -> i.id() == itemId).findFirst().orElseThrow(() -> new NotFoundException("item", itemId));
        if (repository.itemInUse(itemId)) {
            repository.updateItem(itemId, item.version(), item.sort(), item.title(), item.target(), item.countsVisits(), item.evidence(), true);
        } else {
            repository.deleteItem(itemId);
        }
        audit.record(scope, "ITEM_REMOVE", "duty_template", templateId, item.title(), Map.of("title", item.title()), null);
    }

    private static void itemRules(String title, int target, boolean countsVisits, Set<Evidence> evidence) {
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (title == null || title.isBlank()) {
            errors.add("title", "validation.required");
        } else if (title.trim().length() > 200) {
            errors.add("title", "validation.tooLong", 200);
        }
        if (target < 1 || target > 1000) {
            errors.add("target", "validation.between", 1, 1000);
        }
        if (!countsVisits && (evidence == null || evidence.isEmpty())) {
            errors.add("evidence", "pairing.duty.evidenceKinds");
        }
        errors.throwIfAny();
    }

    /** An org's own template in one's scope; the defaults only by an administrator of the top org. */
    private DutyTemplate editableTemplate(DataScope scope, long id) {
        scope.require(Permission.DUTY_TEMPLATE_EDIT);
        DutyTemplate t = repository.template(id).orElseThrow(() -> new NotFoundException("template", id));
        if (t.orgId() == null) {
            boolean top = scope.isSystem() || orgs.find(scope.orgId()).map(o -> o.parentId() == null).orElse(false);
            if (!top || !scope.has(Role.ADMIN) && !scope.isSystem()) {
                throw new ForbiddenException();
            }
        } else {
            orgs.get(scope, t.orgId());
        }
        return t;
    }

    // ---------------------------------------------------------------- a pairing's duties

    /** The period a pairing's duties fall in on a day (the quarter or the year, by its template's rhythm). */
    public Period periodOf(Pairing p, LocalDate day) {
        DutyTemplate t = templateFor(p.orgId(), p.kind());
        return (t == null ? DutyRhythm.QUARTER : t.rhythm()).periodOf(day);
    }

    /** A pairing's duty items in a period (its template's rhythm: a quarter "2025Q3" or a year "2025"), with what is done. */
    public List<DutyStatus> status(DataScope scope, long pairingId, String period) {
        Pairing p = pairings.get(scope, pairingId);
        return statuses(List.of(p), day -> Period.parse(period)).getOrDefault(pairingId, List.of());
    }

    /**
     * The duties of many pairings at once, each in the period its rhythm gives for a day (the
     * oversight pages), in a fixed number of queries.
     */
    Map<Long, List<DutyStatus>> statuses(List<Pairing> list, java.util.function.Function<DutyRhythm, Period> periodOfRhythm) {
        Map<Long, List<DutyStatus>> result = new LinkedHashMap<>();
        if (list.isEmpty()) {
            return result;
        }
        var resolve = resolver(repository.all(), list);
        Map<Long, DutyTemplate> templates = new HashMap<>();
        Map<Long, Period> periods = new HashMap<>();
        for (Pairing p : list) {
            DutyTemplate t = resolve.apply(p.orgId(), p.kind());
            templates.put(p.id(), t);
            periods.put(p.id(), periodOfRhythm.apply(t == null ? DutyRhythm.QUARTER : t.rhythm()));
        }
        List<Long> ids = list.stream().map(Pairing::id).toList();
        Set<String> periodIds = new java.util.HashSet<>();
        periods.values().forEach(x -> periodIds.add(x.id()));
        Map<Long, List<DutyRecord>> records = new HashMap<>();
        repository.records(ids, periodIds).forEach(r -> records.computeIfAbsent(r.pairingId(), k -> new ArrayList<>()).add(r));
        // visits per pairing and period, for the items the visits themselves fulfil
        Map<String, Map<Long, Long>> visitCounts = new HashMap<>();
        for (String pid : periodIds) {
            Period per = Period.parse(pid);
            List<Long> ofPeriod = list.stream().filter(p -> periods.get(p.id()).id().equals(pid)).map(Pairing::id).toList();
            visitCounts.put(pid, visits.countsByPairing(ofPeriod, per.start(), per.end()));
        }
        for (Pairing p : list) {
            DutyTemplate t = templates.get(p.id());
            Period per = periods.get(p.id());
            List<DutyStatus> items = new ArrayList<>();
            if (t != null) {
                for (DutyItem item : t.activeItems()) {
                    List<DutyRecord> mine = records.getOrDefault(p.id(), List.of()).stream()
                            .filter(r -> r.itemId() == item.id() && r.period().equals(per.id())).toList();
                    int done = item.countsVisits() ? visitCounts.get(per.id()).getOrDefault(p.id(), 0L).intValue()
                            : mine.stream().mapToInt(DutyRecord::quantity).sum();
                    items.add(new DutyStatus(item, per.id(), done, mine));
                }
            }
            result.put(p.id(), items);
        }
        return result;
    }

    /** All the records of a pairing, newest period first. */
    public List<DutyRecord> records(DataScope scope, long pairingId) {
        pairings.get(scope, pairingId);
        return repository.recordsOfPairing(pairingId);
    }

    /**
     * Ticks a duty item of a pairing for a period, with its evidence: a visit of this pairing made
     * in the period, a ledger entry of the period the user may see (submitted or approved), or a
     * consultation meeting's id or link. Nothing without evidence.
     */
    @Transactional
    public long tick(DataScope scope, long pairingId, DutyTick tick) {
        Pairing p = pairings.get(scope, pairingId);
        requireWorker(scope, p);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        DutyTemplate t = templateFor(p.orgId(), p.kind());
        DutyItem item = tick.getItemId() == null || t == null ? null
                : t.activeItems().stream().filter(i -> i.id() == tick.getItemId()).findFirst().orElse(null);
        if (item == null) {
            errors.add("itemId", tick.getItemId() == null ? "validation.required" : "pairing.duty.unknownItem");
        } else if (item.countsVisits()) {
            errors.add("itemId", "pairing.duty.byVisits");
        }
        Period period = null;
        if (tick.getPeriod() == null) {
            errors.add("period", "validation.required");
        } else {
            try {
                period = Period.parse(tick.getPeriod());
            } catch (IllegalArgumentException e) {
                errors.add("period", "pairing.duty.period");
            }
        }
        if (period != null && t != null) {
            if (period.type() != t.rhythm().periodType()) {
                errors.add("period", "pairing.duty.period");
            } else if (period.start().isAfter(pairings.today()) || !p.activeDuring(period.start(), period.end())) {
                errors.add("period", "pairing.duty.periodOutside");
            }
        }
        int quantity = tick.getQuantity() == null ? 1 : tick.getQuantity();
        if (quantity < 1 || quantity > 1000) {
            errors.add("quantity", "validation.between", 1, 1000);
        }
        if (tick.getNote() != null && tick.getNote().length() > 500) {
            errors.add("note", "validation.tooLong", 500);
        }
        Evidence evidence = tick.getEvidence();
        if (evidence == null) {
            errors.add("evidence", "pairing.duty.evidenceRequired");
        } else if (item != null && !item.evidence().contains(evidence)) {
            errors.add("evidence", "pairing.duty.evidenceNotAccepted");
        }
        Long visitId = null;
        Long entryId = null;
        String meeting = null;
        if (evidence != null) {
            switch (evidence) {
                case VISIT -> {
                    visitId = tick.getVisitId();
                    Optional<Visit> v = visitId == null ? Optional.empty() : visits.find(visitId).filter(x -> x.pairingId() == pairingId);
                    if (visitId == null) {
                        errors.add("visitId", "pairing.duty.evidenceRequired");
                    } else if (v.isEmpty()) {
                        errors.add("visitId", "pairing.duty.visitUnknown", visitId);
                    } else if (period != null && !period.contains(v.get().visitDate())) {
                        errors.add("visitId", "pairing.duty.visitOutside", v.get().visitDate().toString());
                    }
                }
                case LEDGER -> {
                    entryId = tick.getLedgerEntryId();
                    if (entryId == null) {
                        errors.add("ledgerEntryId", "pairing.duty.evidenceRequired");
                    } else {
                        try {
                            LedgerEntry e = ledger.get(scope, entryId);
                            if (e.status() != EntryStatus.SUBMITTED && e.status() != EntryStatus.APPROVED) {
                                errors.add("ledgerEntryId", "pairing.duty.entryNotSubmitted", entryId);
                            } else if (period != null && (e.endDate().isBefore(period.start()) || e.startDate().isAfter(period.end()))) {
                                errors.add("ledgerEntryId", "pairing.duty.entryOutside", entryId, e.startDate().toString());
                            }
                        } catch (NotFoundException | cn.zhutui.common.ForbiddenException ex) {
                            errors.add("ledgerEntryId", "pairing.duty.entryUnknown", entryId);
                        }
                    }
                }
                case CONSULTATION -> {
                    meeting = tick.getConsultationRef();
                    if (meeting == null) {
                        errors.add("consultationRef", "pairing.duty.evidenceRequired");
                    } else if (!MEETING.matcher(meeting).matches()) {
                        errors.add("consultationRef", "pairing.duty.meetingFormat");
                    }
                }
            }
        }
        errors.throwIfAny();
        long id = repository.insertRecord(pairingId, item.id(), period.id(), evidence, visitId, entryId, meeting, quantity, tick.getNote(),
                scope.userId());
        audit.record(scope, "DUTY_TICK", "pairing", pairingId, item.title(), null,
                Map.of("item", item.title(), "period", period.id(), "evidence", switch (evidence) {
                    case VISIT -> "走访 #" + visitId;
                    case LEDGER -> "台账 #" + entryId;
                    case CONSULTATION -> "协商会议 " + meeting;
                }, "quantity", quantity));
        return id;
    }

    /** Takes back a duty record (ticked by mistake). */
    @Transactional
    public void untick(DataScope scope, long pairingId, long recordId) {
        Pairing p = pairings.get(scope, pairingId);
        requireWorker(scope, p);
        DutyRecord r = repository.record(recordId).filter(x -> x.pairingId() == pairingId)
                .orElseThrow(() -> new NotFoundException("record", recordId));
        repository.deleteRecord(recordId);
        audit.record(scope, "DUTY_UNTICK", "pairing", pairingId, String.valueOf(r.itemId()),
                Map.of("item", r.itemId(), "period", r.period(), "evidence", r.evidence().name()), null);
    }

    /** Records for the items a visit accomplished (called in the visit's transaction). */
    void tickByVisit(DataScope scope, Pairing p, Visit v, Collection<Long> itemIds, InvalidInputException.Collector errors) {
        if (itemIds.isEmpty()) {
            return;
        }
        DutyTemplate t = templateFor(p.orgId(), p.kind());
        Period period = (t == null ? DutyRhythm.QUARTER : t.rhythm()).periodOf(v.visitDate());
        for (Long itemId : itemIds) {
            Optional<DutyItem> item = t == null ? Optional.empty() : t.activeItems().stream().filter(i -> i.id() == itemId).findFirst();
            if (item.isEmpty() || item.get().countsVisits() || !item.get().evidence().contains(Evidence.VISIT)) {
                errors.add("dutyItemIds", "pairing.duty.unknownItem");
                continue;
            }
            repository.insertRecord(p.id(), itemId, period.id(), Evidence.VISIT, v.id(), null, null, 1, null, scope.userId());
        }
    }

    /** Who may record work on a pairing: office staff of its scope, or its own member or cadre. */
    void requireWorker(DataScope scope, Pairing p) {
        scope.require(Permission.PAIRING_VISIT);
        boolean own = (p.memberId() != null && p.memberId().equals(scope.memberId()) && scope.has(Role.MEMBER))
                || (p.cadreUserId() != null && p.cadreUserId() == scope.userId());
        boolean office = (scope.has(Role.STAFF) || scope.has(Role.ADMIN) || scope.isSystem())
                && (scope.isSystem() || orgs.find(p.orgId()).map(o -> scope.coversOrgPath(o.path())).orElse(false));
        if (!own && !office) {
            throw new ForbiddenException();
        }
    }

    static Set<Evidence> evidence(Collection<String> names) {
        Set<Evidence> set = EnumSet.noneOf(Evidence.class);
        names.forEach(n -> {
            try {
                set.add(Evidence.valueOf(n));
            } catch (IllegalArgumentException e) {
                throw BusinessException.onField("evidence", "dict.invalid", n);
            }
        });
        return set;
    }
}

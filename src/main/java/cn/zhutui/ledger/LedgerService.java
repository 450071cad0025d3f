package cn.zhutui.ledger;

import cn.zhutui.ledger.internal.LedgerRepository;
import cn.zhutui.ledger.internal.LedgerFacts;
import cn.zhutui.ledger.internal.EntryRules;
import cn.zhutui.ledger.internal.EntryScope;
import cn.zhutui.period.SubmissionService;
import cn.zhutui.period.PeriodState;

import cn.zhutui.audit.AuditService;
import cn.zhutui.campaign.Campaign;
import cn.zhutui.campaign.CampaignService;
import cn.zhutui.campaign.CampaignStatus;
import cn.zhutui.campaign.CampaignStructure;
import cn.zhutui.campaign.Indicator;
import cn.zhutui.campaign.TaskType;
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
import cn.zhutui.file.FileKind;
import cn.zhutui.file.FileService;
import cn.zhutui.file.StoredFile;
import cn.zhutui.member.Member;
import cn.zhutui.member.MemberService;
import cn.zhutui.member.Membership;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgService;
import cn.zhutui.region.Region;
import cn.zhutui.region.RegionService;
import cn.zhutui.security.UserService;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger: entries of assistance work through their lifecycle — draft, submitted, approved, or
 * returned with a reason and resubmitted. Every read and write goes through the user's scope;
 * every change is checked against the campaign's structure and the period locks, audited with its
 * old values, and announced as an {@link EntryStatusChanged} event when the status moves.
 */
@Service
public class LedgerService {

    private final LedgerRepository repository;
    private final CampaignService campaigns;
    private final OrgService orgs;
    private final MemberService members;
    private final RegionService regions;
    private final SubmissionService periods;
    private final FileService files;
    private final UserService users;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final LedgerFacts facts;
    private final cn.zhutui.common.IdempotencyKeys idempotency;
    private final org.springframework.beans.factory.ObjectProvider<cn.zhutui.ledger.imports.LedgerImportService> imports;

    LedgerService(LedgerRepository repository, CampaignService campaigns, OrgService orgs, MemberService members,
                  RegionService regions, SubmissionService periods, FileService files, UserService users,
                  AuditService audit, ApplicationEventPublisher events, LedgerFacts facts,
                  cn.zhutui.common.IdempotencyKeys idempotency,
                  org.springframework.beans.factory.ObjectProvider<cn.zhutui.ledger.imports.LedgerImportService> imports) {
        this.repository = repository;
        this.campaigns = campaigns;
        this.orgs = orgs;
        this.members = members;
        this.regions = regions;
        this.periods = periods;
        this.files = files;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.facts = facts;
        this.idempotency = idempotency;
        this.imports = imports;
    }

    /**
     * Records many entries at once, all or nothing, with every rule of the form (the demo's
     * history, a migration); rows whose key the campaign already has are skipped.
     */
    @Transactional
    public ImportOutcome importRows(DataScope scope, long campaignId, List<ImportRow> rows, boolean submit, EntrySource source) {
        return imports.getObject().importRows(scope, campaignId, rows, List.of(), submit, null, source, x -> { });
    }

    // ---------------------------------------------------------------- reading

    public Page<EntryRow> search(DataScope scope, LedgerQuery q, PageRequest page) {
        return rows(repository.search(filter(scope, q, null), page));
    }

    /** The entries waiting for this reviewer: submitted, in units they review, not their own. */
    public Page<EntryRow> reviewQueue(DataScope scope, LedgerQuery q, boolean wholeScope, PageRequest page) {
        scope.require(Permission.LEDGER_REVIEW);
        return rows(repository.search(queueFilter(scope, q, wholeScope), page));
    }

    /** The sum row of a list: households, persons and each indicator's total, by indicator name with its unit. */
    public record ListSums(long households, long persons, Map<String, BigDecimal> values) {
    }

    /** The sums of every entry a list matches (not just its page): the row a drill-down ends with. */
    public ListSums sums(DataScope scope, LedgerQuery q) {
        LedgerRepository.Sums raw = repository.sums(filter(scope, q, null));
        Map<String, BigDecimal> named = new LinkedHashMap<>();
        if (q.campaignId() != null) {
            CampaignStructure s = campaigns.structure(scope, q.campaignId());
            for (Indicator i : s.indicators()) {
                if (raw.values().containsKey(i.id())) {
                    named.put(i.title(), raw.values().get(i.id()));
                }
            }
        }
        return new ListSums(raw.households(), raw.persons(), named);
    }

    /** How many entries a list has, counted up to a limit (a result above it means "more than the limit"). */
    public long count(DataScope scope, LedgerQuery q, int limit) {
        return repository.count(filter(scope, q, null), limit);
    }

    @Transactional(readOnly = true)
    public void forEach(DataScope scope, LedgerQuery q, java.util.function.Consumer<EntryRow> consumer) {
        List<LedgerEntry> batch = new ArrayList<>();
        repository.forEach(filter(scope, q, null), e -> {
            batch.add(e);
            if (batch.size() == 500) {
                rows(batch).forEach(consumer);
                batch.clear();
            }
        });
        rows(batch).forEach(consumer);
    }

    /** A page of entries with their members, values, evidence and flags, in a fixed number of queries. */
    public Page<EntryView> views(DataScope scope, LedgerQuery q, PageRequest page) {
        Page<LedgerEntry> entries = repository.search(filter(scope, q, null), page);
        return new Page<>(views(entries.items()), entries.total(), entries.page(), entries.size(), entries.totalAtLeast());
    }

    /** One entry as a client shows it (read by id after every API write: simple statements, generic plans). */
    @Transactional(readOnly = true)
    public EntryView view(DataScope scope, long id) {
        repository.preferGenericPlans();
        return views(List.of(get(scope, id))).get(0);
    }

    private List<EntryView> views(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        List<Long> ids = entries.stream().map(LedgerEntry::id).toList();
        Map<Long, List<Long>> memberIds = repository.members(ids);
        Map<Long, Member> byId = members.findAll(memberIds.values().stream().flatMap(List::stream).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(Member::id, m -> m));
        Map<Long, Map<Long, BigDecimal>> values = repository.values(ids);
        Map<Long, List<EntryFlag>> flags = repository.flags(ids);
        Map<Long, List<Evidence>> evidence = repository.evidence(ids);
        Map<Long, String> orgNames = orgs.names(entries.stream().map(LedgerEntry::orgId).collect(Collectors.toSet()));
        Map<String, String> regionNames = regions.lineageNamesOf(entries.stream().map(LedgerEntry::regionCode).toList());
        Map<Long, CampaignStructure> structures = new java.util.HashMap<>();
        List<EntryView> list = new ArrayList<>();
        for (LedgerEntry e : entries) {
            CampaignStructure s = structures.computeIfAbsent(e.campaignId(), campaigns::structure);
            TaskType type = s.taskType(e.taskTypeId()).orElseThrow();
            Map<Indicator, BigDecimal> named = new LinkedHashMap<>();
            Map<Long, BigDecimal> raw = values.getOrDefault(e.id(), Map.of());
            s.indicators(type).stream().filter(i -> raw.containsKey(i.id())).forEach(i -> named.put(i, raw.get(i.id())));
            list.add(new EntryView(e, type, orgNames.get(e.orgId()), regionNames.get(e.regionCode()),
                    memberIds.getOrDefault(e.id(), List.of()).stream().map(byId::get).filter(java.util.Objects::nonNull).toList(),
                    named, evidence.getOrDefault(e.id(), List.of()), flags.getOrDefault(e.id(), List.of())));
        }
        return list;
    }

    public LedgerEntry get(DataScope scope, long id) {
        scope.require(Permission.LEDGER_VIEW);
        LedgerEntry e = repository.find(id).orElseThrow(() -> new NotFoundException("entry", id));
        if (!repository.visible(id, EntryScope.of(scope))) {
            throw new NotFoundException("entry", id);
        }
        return e;
    }

    public EntryDetails details(DataScope scope, long id) {
        LedgerEntry e = get(scope, id);
        CampaignStructure s = campaigns.structure(e.campaignId());
        TaskType type = s.taskType(e.taskTypeId()).orElseThrow();
        Map<Long, BigDecimal> raw = repository.values(List.of(id)).getOrDefault(id, Map.of());
        Map<Indicator, BigDecimal> values = new LinkedHashMap<>();
        for (Indicator i : s.indicators(type)) {
            if (raw.containsKey(i.id())) {
                values.put(i, raw.get(i.id()));
            }
        }
        List<Member> entryMembers = members.findAll(repository.members(List.of(id)).getOrDefault(id, List.of()));
        var history = audit.history("ledger_entry", id);
        Set<Long> userIds = new HashSet<>();
        userIds.add(e.createdBy());
        history.stream().map(cn.zhutui.audit.AuditEntry::userId).filter(java.util.Objects::nonNull).forEach(userIds::add);
        if (e.reviewedBy() != null) {
            userIds.add(e.reviewedBy());
        }
        Region region = regions.get(e.regionCode());
        Map<Long, String> orgNames = orgs.names(List.of(e.orgId(), e.unitOrgId()));
        return new EntryDetails(e, s, type, orgNames.get(e.orgId()), orgNames.get(e.unitOrgId()),
                regions.lineageNames(List.of(region)).get(region.code()), entryMembers, values,
                repository.evidence(id), repository.flags(List.of(id)).getOrDefault(id, List.of()), history,
                users.displayNames(userIds), actions(scope, e), periods.state(s.campaign(), e.unitOrgId(), periods.periodOf(s.campaign(), e.startDate())));
    }

    public List<Long> memberIds(long entryId) {
        return repository.members(List.of(entryId)).getOrDefault(entryId, List.of());
    }

    /** An entry's title, unscoped (for messages about an entry to the people it names). */
    public String title(long entryId) {
        return repository.find(entryId).map(LedgerEntry::title).orElse("#" + entryId);
    }

    public Map<Long, BigDecimal> values(long entryId) {
        return repository.values(List.of(entryId)).getOrDefault(entryId, Map.of());
    }

    public EntryActions actions(DataScope scope, LedgerEntry e) {
        Campaign c = campaigns.structure(e.campaignId()).campaign();
        boolean open = scope.isLoader() || periods.isOpen(c, e.unitOrgId(), e.startDate());
        boolean author = mayAuthor(scope, e);
        boolean reviewer = mayReview(scope, e);
        return new EntryActions(author && open && e.status().editable(),
                author && open && e.status().editable(),
                author && e.status() == EntryStatus.SUBMITTED,
                reviewer && e.status() == EntryStatus.SUBMITTED,
                reviewer && open && e.status() == EntryStatus.APPROVED,
                author && open && e.status().editable(), open);
    }

    // ---------------------------------------------------------------- writing

    @Transactional
    public long create(DataScope scope, EntryForm form, EntrySource source, boolean submit) {
        return create(scope, form, source, submit, null);
    }

    /**
     * Records an entry. With an idempotency key (the phone form and API clients send one), a
     * repeated request — a double tap, a resend after a lost answer — returns the entry the first
     * one made and adds nothing.
     */
    @Transactional
    public long create(DataScope scope, EntryForm form, EntrySource source, boolean submit, String idempotencyKey) {
        scope.require(Permission.LEDGER_RECORD);
        repository.preferGenericPlans();
        if (idempotencyKey != null) {
            java.util.Optional<Long> earlier = idempotency.claim(scope.userId(), "ledger.create", idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Checked c = check(scope, form, null, submit);
        EntryStatus status = submit ? EntryStatus.SUBMITTED : EntryStatus.DRAFT;
        long id = repository.insert(new LedgerRepository.NewEntry(c.campaign().id(), c.taskType().id(), c.org().id(), c.unit().id(),
                form, status, source, scope.userId(), workKey(form, c.values()), null, null));
        // a new entry: its members and figures go in at once, nothing to replace
        repository.insertMembersAndValues(id, c.memberIds(), c.values());
        repository.addEditor(id, scope.userId());
        // a new entry has no evidence yet: only its look-alikes by work are flagged
        repository.flagSameWork(id);
        audit.record(scope, "CREATE", "ledger_entry", id, form.getTitle(), null, snapshot(form, status, c));
        if (submit) {
            facts.moved(List.of(id), EntryStatus.DRAFT, EntryStatus.SUBMITTED);
            events.publishEvent(new EntryStatusChanged(id, c.campaign().id(), c.unit().id(), scope.userId(), EntryStatus.DRAFT,
                    EntryStatus.SUBMITTED, null, scope.userId()));
        }
        if (idempotencyKey != null) {
            idempotency.complete(scope.userId(), "ledger.create", idempotencyKey, id);
        }
        return id;
    }

    @Transactional
    public void update(DataScope scope, long id, EntryForm form, boolean submit) {
        repository.preferGenericPlans();
        LedgerEntry e = get(scope, id);
        requireAuthor(scope, e);
        if (!e.status().editable()) {
            throw new BusinessException("ledger.notEditable");
        }
        Campaign campaign = campaigns.structure(e.campaignId()).campaign();
        periods.requireOpen(scope, campaign, e.unitOrgId(), e.startDate(), "startDate");
        form.setCampaignId(e.campaignId());
        Checked c = check(scope, form, e, submit);
        Map<String, Object> before = snapshot(id);
        if (!repository.update(id, c.taskType().id(), c.org().id(), c.unit().id(), form, workKey(form, c.values()))) {
            throw new ConflictException("entry", id);
        }
        repository.replaceMembers(id, c.memberIds());
        repository.replaceValues(id, c.values());
        repository.addEditor(id, scope.userId());
        repository.recomputeFlags(List.of(id));
        audit.record(scope, "UPDATE", "ledger_entry", id, form.getTitle(), before, snapshot(id));
        if (submit) {
            submit(scope, id, form.getVersion() + 1);
        }
    }

    @Transactional
    public void submit(DataScope scope, long id, int version) {
        submit(scope, id, version, null);
    }

    /** Submits for review; with an idempotency key, a retry of a submit that went through does nothing. */
    @Transactional
    public void submit(DataScope scope, long id, int version, String idempotencyKey) {
        repository.preferGenericPlans();
        if (idempotencyKey != null && idempotency.claim(scope.userId(), "ledger.submit:" + id, idempotencyKey).isPresent()) {
            return;
        }
        LedgerEntry e = get(scope, id);
        requireAuthor(scope, e);
        Campaign campaign = campaigns.structure(e.campaignId()).campaign();
        periods.requireOpen(scope, campaign, e.unitOrgId(), e.startDate(), "startDate");
        if (repository.values(List.of(id)).getOrDefault(id, Map.of()).values().stream().noneMatch(v -> v.signum() > 0)) {
            throw BusinessException.onField("values", "ledger.values.required");
        }
        move(scope, e, version, EnumSet.of(EntryStatus.DRAFT, EntryStatus.RETURNED), EntryStatus.SUBMITTED, null);
        repository.addEditor(id, scope.userId());
        if (idempotencyKey != null) {
            idempotency.complete(scope.userId(), "ledger.submit:" + id, idempotencyKey, id);
        }
    }

    /** The author takes back a submitted entry not yet reviewed. */
    @Transactional
    public void withdraw(DataScope scope, long id, int version) {
        LedgerEntry e = get(scope, id);
        requireAuthor(scope, e);
        move(scope, e, version, EnumSet.of(EntryStatus.SUBMITTED), EntryStatus.DRAFT, null);
        repository.addEditor(id, scope.userId());
    }

    @Transactional
    public void approve(DataScope scope, long id, int version) {
        LedgerEntry e = get(scope, id);
        requireReviewer(scope, e);
        move(scope, e, version, EnumSet.of(EntryStatus.SUBMITTED), EntryStatus.APPROVED, null);
    }

    @Transactional
    public void returnEntry(DataScope scope, long id, int version, String reason) {
        LedgerEntry e = get(scope, id);
        requireReviewer(scope, e);
        move(scope, e, version, EnumSet.of(EntryStatus.SUBMITTED), EntryStatus.RETURNED, requireReason(reason));
    }

    /** A reviewer takes back an approval (a mistake found later) while the period is open. */
    @Transactional
    public void revoke(DataScope scope, long id, int version, String reason) {
        LedgerEntry e = get(scope, id);
        requireReviewer(scope, e);
        periods.requireOpen(scope, campaigns.structure(e.campaignId()).campaign(), e.unitOrgId(), e.startDate(), "startDate");
        move(scope, e, version, EnumSet.of(EntryStatus.APPROVED), EntryStatus.RETURNED, requireReason(reason));
    }

    /** Approves many entries; each is checked on its own and the ones that cannot be approved are reported. */
    @Transactional
    public BulkResult approveAll(DataScope scope, Collection<Long> ids) {
        scope.require(Permission.LEDGER_REVIEW);
        return decideAll(scope, ids, EntryStatus.APPROVED, null);
    }

    /** Returns many entries with one reason; each is checked on its own and the ones that cannot be returned are reported. */
    @Transactional
    public BulkResult returnAll(DataScope scope, Collection<Long> ids, String reason) {
        scope.require(Permission.LEDGER_REVIEW);
        return decideAll(scope, ids, EntryStatus.RETURNED, requireReason(reason));
    }

    private BulkResult decideAll(DataScope scope, Collection<Long> ids, EntryStatus to, String reason) {
        int done = 0;
        Map<Long, String> skipped = new TreeMap<>();
        for (Long id : ids) {
            LedgerEntry e = repository.find(id).orElse(null);
            if (e == null || !repository.visible(id, EntryScope.of(scope))) {
                skipped.put(id, "error.notFound");
            } else if (e.status() != EntryStatus.SUBMITTED) {
                skipped.put(id, "ledger.transition.illegal");
            } else if (!mayReview(scope, e)) {
                skipped.put(id, repository.isEditor(id, scope.userId()) ? "ledger.review.own" : "error.forbidden");
            } else if (repository.transition(id, e.version(), EnumSet.of(EntryStatus.SUBMITTED), to, scope.userId(), reason)) {
                recordTransition(scope, e, to, reason);
                done++;
            } else {
                skipped.put(id, "error.conflict");
            }
        }
        return new BulkResult(done, skipped);
    }

    /** The entry waiting for this reviewer after the one just decided: oldest first, in their whole scope. */
    public java.util.Optional<Long> nextInQueue(DataScope scope, Long after) {
        return reviewQueue(scope, LedgerQuery.all(), true, PageRequest.of(1, 2)).items().stream()
                .map(r -> r.entry().id()).filter(id -> !id.equals(after)).findFirst();
    }

    @Transactional
    public void delete(DataScope scope, long id, int version) {
        LedgerEntry e = get(scope, id);
        requireAuthor(scope, e);
        if (!e.status().editable()) {
            throw new BusinessException("ledger.notEditable");
        }
        periods.requireOpen(scope, campaigns.structure(e.campaignId()).campaign(), e.unitOrgId(), e.startDate(), "startDate");
        Map<String, Object> before = snapshot(id);
        if (repository.delete(id, version) != 1) {
            throw new ConflictException("entry", id);
        }
        audit.record(scope, "DELETE", "ledger_entry", id, e.title(), before, null);
    }

    /** A file sent with a form (a photo from the phone's camera). */
    public record Upload(InputStream in, String filename) {
    }

    /**
     * The phone form's one step: the entry, its photos and its submission together — if a photo is
     * refused, nothing is kept. With an idempotency key, a double tap or a resend returns the
     * first entry and adds nothing.
     */
    @Transactional
    public long record(DataScope scope, EntryForm form, EntrySource source, boolean submit, String idempotencyKey, List<Upload> uploads) {
        scope.require(Permission.LEDGER_RECORD);
        if (idempotencyKey != null) {
            java.util.Optional<Long> earlier = idempotency.claim(scope.userId(), "ledger.create", idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        long id = create(scope, form, source, false, null);
        for (Upload u : uploads) {
            addEvidence(scope, id, u.in(), u.filename());
        }
        if (submit) {
            submit(scope, id, repository.find(id).orElseThrow().version());
        }
        if (idempotencyKey != null) {
            idempotency.complete(scope.userId(), "ledger.create", idempotencyKey, id);
        }
        return id;
    }

    // ---------------------------------------------------------------- evidence

    @Transactional
    public Evidence addEvidence(DataScope scope, long id, InputStream in, String filename) {
        LedgerEntry e = get(scope, id);
        requireAuthor(scope, e);
        if (!e.status().editable()) {
            throw new BusinessException("ledger.notEditable");
        }
        StoredFile file = files.store(in, filename, FileKind.EVIDENCE, scope.userId());
        long evidenceId = repository.insertEvidence(id, file.id(), file.sha256(), scope.userId());
        repository.touch(id);
        repository.addEditor(id, scope.userId());
        repository.recomputeFlags(List.of(id));
        audit.record(scope, "EVIDENCE_ADD", "ledger_entry", id, file.originalName(), null, Map.of("file", file.originalName()));
        return repository.evidence(id).stream().filter(x -> x.id() == evidenceId).findFirst().orElseThrow();
    }

    @Transactional
    public void removeEvidence(DataScope scope, long id, long evidenceId) {
        LedgerEntry e = get(scope, id);
        requireAuthor(scope, e);
        if (!e.status().editable()) {
            throw new BusinessException("ledger.notEditable");
        }
        Evidence ev = evidence(scope, id, evidenceId);
        repository.deleteEvidence(id, evidenceId);
        repository.touch(id);
        repository.addEditor(id, scope.userId());
        repository.recomputeFlags(List.of(id));
        audit.record(scope, "EVIDENCE_REMOVE", "ledger_entry", id, ev.originalName(), Map.of("file", ev.originalName()), null);
    }

    /** A piece of evidence of an entry the user may see. */
    public Evidence evidence(DataScope scope, long entryId, long evidenceId) {
        get(scope, entryId);
        return repository.evidence(entryId).stream().filter(x -> x.id() == evidenceId).findFirst()
                .orElseThrow(() -> new NotFoundException("evidence", evidenceId));
    }

    public StoredFile file(Evidence evidence) {
        return files.find(evidence.fileId()).orElseThrow();
    }

    /** Today in the users' time zone. */
    public LocalDate today() {
        return periods.today();
    }

    // ---------------------------------------------------------------- rules

    /** What {@link #check} found: the resolved campaign, task type, org, unit, members and values. */
    record Checked(Campaign campaign, CampaignStructure structure, TaskType taskType, Org org, Org unit, List<Long> memberIds,
                   Map<Long, BigDecimal> values) {
    }

    /**
     * Every rule an entry must meet, all reported at once: the campaign is open, the task type is
     * its own and active, the org and members are in scope, the dates are sane and in an open
     * period, the place exists, the values fit their indicators.
     */
    Checked check(DataScope scope, EntryForm form, LedgerEntry existing, boolean submitting) {
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        EntryRules.fields(form, errors);
        if (form.getCampaignId() == null) {
            errors.throwIfAny();
        }
        Campaign campaign = campaigns.get(scope, form.getCampaignId());
        CampaignStructure s = campaigns.structure(campaign.id());
        if (campaign.status() != CampaignStatus.ACTIVE) {
            errors.add("campaignId", "ledger.campaign.notActive", campaign.name());
        }
        TaskType type = s.taskType(form.getTaskTypeId()).orElse(null);
        if (type == null) {
            errors.add("taskTypeId", "ledger.taskType.unknown");
        } else if (type.retired() && (existing == null || existing.taskTypeId() != type.id())) {
            errors.add("taskTypeId", "ledger.taskType.retired", type.name());
        }
        Org org = resolveOrg(scope, form, errors);
        List<Long> memberIds = resolveMembers(scope, form, errors);
        LocalDate start = form.getStartDate();
        EntryRules.dates(form, campaign, periods.today(), errors);
        EntryRules.place(form.getRegionCode(), regions.find(form.getRegionCode()).orElse(null), errors);
        Map<Long, BigDecimal> old = existing == null ? Map.of() : repository.values(List.of(existing.id())).getOrDefault(existing.id(), Map.of());
        Map<Long, BigDecimal> values = type == null ? Map.of() : EntryRules.values(s, type, form.givenValues(), old, errors);
        if (submitting && form.givenValues().values().stream().noneMatch(v -> v.signum() > 0)) {
            errors.add("values", "ledger.values.required");
        }
        Org unit = org == null ? null : orgs.unitOf(org);
        if (org != null && !campaigns.takesPart(campaign, org)) {
            errors.add("orgId", "campaign.notParticipant", campaign.name());
        }
        if (unit != null && start != null && errors.isEmpty()) {
            try {
                periods.requireOpen(scope, campaign, unit.id(), start, "startDate");
            } catch (BusinessException e) {
                errors.add(e);
            }
        }
        errors.throwIfAny();
        return new Checked(campaign, s, type, org, unit, memberIds, values);
    }

    private Org resolveOrg(DataScope scope, EntryForm form, InvalidInputException.Collector errors) {
        if (scope.ownRecordsOnly()) {
            List<Membership> mine = members.memberships(List.of(scope.memberId())).getOrDefault(scope.memberId(), List.of());
            Long chosen = form.getOrgId() != null ? form.getOrgId()
                    : mine.stream().filter(Membership::main).map(Membership::orgId).findFirst().orElse(mine.isEmpty() ? null : mine.get(0).orgId());
            if (chosen == null || mine.stream().noneMatch(m -> m.orgId() == chosen)) {
                errors.add("orgId", "ledger.org.notMine");
                return null;
            }
            form.setOrgId(chosen);
            return orgs.find(chosen).orElseThrow();
        }
        if (form.getOrgId() == null) {
            form.setOrgId(scope.orgId());
        }
        try {
            return orgs.get(scope, form.getOrgId());
        } catch (NotFoundException e) {
            errors.add("orgId", "ledger.org.outOfScope");
            return null;
        }
    }

    private List<Long> resolveMembers(DataScope scope, EntryForm form, InvalidInputException.Collector errors) {
        if (scope.ownRecordsOnly()) {
            Set<Long> ids = new java.util.LinkedHashSet<>(form.getMemberIds());
            ids.add(scope.memberId());
            if (ids.size() > 1) {
                errors.add("memberIds", "ledger.member.onlySelf");
            }
            form.setMemberIds(List.of(scope.memberId()));
            return List.of(scope.memberId());
        }
        if (form.getMemberIds().isEmpty()) {
            errors.add("memberIds", "ledger.member.required");
        }
        for (Long id : form.getMemberIds()) {
            if (!members.visible(scope, id)) {
                errors.add("memberIds", "ledger.member.outOfScope", id);
            }
        }
        return form.getMemberIds();
    }

    /** The author's side: who made it, or office staff of its org. A member only their own. */
    boolean mayAuthor(DataScope scope, LedgerEntry e) {
        if (!scope.can(Permission.LEDGER_RECORD)) {
            return false;
        }
        if (e.createdBy() == scope.userId()) {
            return true;
        }
        return !scope.ownRecordsOnly() && orgs.find(e.orgId()).map(o -> scope.coversOrgPath(o.path())).orElse(false);
    }

    /**
     * Never the author: "author" is anyone who created, changed or submitted the entry.
     * A reviewer of the unit that reviews the entry — the entry's own committee, or its parent
     * where the campaign says so for that level — or of any level above it. Never one's own entry.
     */
    boolean mayReview(DataScope scope, LedgerEntry e) {
        if (!scope.can(Permission.LEDGER_REVIEW) || e.createdBy() == scope.userId() || repository.isEditor(e.id(), scope.userId())) {
            return false;
        }
        return scope.coversOrgPath(reviewingUnit(e).path());
    }

    Org reviewingUnit(LedgerEntry e) {
        Campaign campaign = campaigns.structure(e.campaignId()).campaign();
        Org unit = orgs.find(e.unitOrgId()).orElseThrow();
        if (campaign.reviewByParentLevels().contains(unit.level().name())) {
            return orgs.parentUnit(unit).orElse(unit);
        }
        return unit;
    }

    private void requireAuthor(DataScope scope, LedgerEntry e) {
        if (!mayAuthor(scope, e)) {
            throw new ForbiddenException();
        }
    }

    private void requireReviewer(DataScope scope, LedgerEntry e) {
        if (scope.can(Permission.LEDGER_REVIEW) && (e.createdBy() == scope.userId() || repository.isEditor(e.id(), scope.userId()))) {
            throw new BusinessException("ledger.review.own");
        }
        if (!mayReview(scope, e)) {
            throw new ForbiddenException();
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw BusinessException.onField("reason", "ledger.reason.required");
        }
        return reason.trim().length() > 500 ? reason.trim().substring(0, 500) : reason.trim();
    }

    private void move(DataScope scope, LedgerEntry e, int version, Set<EntryStatus> from, EntryStatus to, String reason) {
        boolean review = to == EntryStatus.APPROVED || (to == EntryStatus.RETURNED);
        if (!repository.transition(e.id(), version, from, to, review ? scope.userId() : null, reason)) {
            LedgerEntry now = repository.find(e.id()).orElseThrow(() -> new NotFoundException("entry", e.id()));
            if (now.version() != version) {
                throw new ConflictException("entry", e.id());
            }
            throw new BusinessException("ledger.transition.illegal");
        }
        recordTransition(scope, e, to, reason);
    }

    private void recordTransition(DataScope scope, LedgerEntry e, EntryStatus to, String reason) {
        facts.moved(List.of(e.id()), e.status(), to);
        audit.record(scope, to.name(), "ledger_entry", e.id(), reason,
                Map.of("status", e.status().name()), reason == null ? Map.of("status", to.name()) : Map.of("status", to.name(), "reason", reason));
        events.publishEvent(new EntryStatusChanged(e.id(), e.campaignId(), e.unitOrgId(), e.createdBy(), e.status(), to, reason, scope.userId()));
    }

    private void changed(DataScope scope, long id, EntryStatus from, EntryStatus to, String reason) {
        facts.moved(List.of(id), from, to);
        LedgerEntry e = repository.find(id).orElseThrow();
        events.publishEvent(new EntryStatusChanged(id, e.campaignId(), e.unitOrgId(), e.createdBy(), from, to, reason, scope.userId()));
    }

    // ---------------------------------------------------------------- helpers

    LedgerRepository.Filter filter(DataScope scope, LedgerQuery q, java.util.Collection<Long> units) {
        scope.require(Permission.LEDGER_VIEW);
        String orgPath = q.orgId() == null ? null : orgs.get(scope, q.orgId()).path();
        String regionPath = q.regionCode() == null || q.regionCode().isBlank() ? null
                : regions.find(q.regionCode()).map(Region::path)
                .orElseThrow(() -> BusinessException.onField("regionCode", "region.unknown", q.regionCode()));
        LocalDate from = q.from();
        LocalDate to = q.to();
        if (q.periodId() != null && !Period.isValid(q.periodId())) {
            throw BusinessException.onField("periodId", "ledger.period.invalid", q.periodId());
        }
        if (q.periodId() != null) {
            Period p = Period.parse(q.periodId());
            from = p.start();
            to = p.end();
        }
        java.util.Collection<Long> unitIds = units;
        if (q.unitOrgId() != null) {
            orgs.get(scope, q.unitOrgId());
            unitIds = List.of(q.unitOrgId());
        }
        List<String> counties = q.tag() == null || q.tag().isBlank() ? null
                : regions.withTag(q.tag()).stream().map(Region::code).filter(c -> c.length() == 6).toList();
        return new LedgerRepository.Filter(EntryScope.of(scope), q.campaignId(), q.taskTypeId(), orgPath, q.memberId(), regionPath,
                from, to, q.status(), q.flaggedOnly(), q.text(), unitIds, null, q.sort(),
                counties != null && counties.isEmpty() ? List.of("none") : counties, q.counted(),
                q.mine() ? new LedgerRepository.Filter.Mine(scope.userId(), scope.memberId()) : null);
    }

    private LedgerRepository.Filter queueFilter(DataScope scope, LedgerQuery q, boolean wholeScope) {
        LedgerRepository.Filter f = filter(scope, q.withStatus(EntryStatus.SUBMITTED), null);
        List<Long> units = null;
        if (!wholeScope) {
            units = directlyReviewedUnits(scope, q.campaignId());
        }
        return new LedgerRepository.Filter(f.scope(), f.campaignId(), f.taskTypeId(), f.orgPath(), f.memberId(), f.regionPath(),
                f.from(), f.to(), EntryStatus.SUBMITTED, f.flaggedOnly(), f.text(), units, scope.userId(), q.sort() == null ? "date_asc" : q.sort(),
                f.counties(), null);
    }

    /** The units whose entries this user's own committee reviews (itself, and children reviewed by the parent). */
    private List<Long> directlyReviewedUnits(DataScope scope, Long campaignId) {
        Org mine = orgs.unitOf(orgs.get(scope, scope.orgId()));
        List<Long> units = new ArrayList<>();
        Set<String> parentLevels = campaignId == null ? Set.of() : campaigns.structure(campaignId).campaign().reviewByParentLevels();
        if (!parentLevels.contains(mine.level().name())) {
            units.add(mine.id());
        }
        for (Org child : orgs.childUnits(mine)) {
            if (parentLevels.contains(child.level().name())) {
                units.add(child.id());
            }
        }
        return units.isEmpty() ? List.of(-1L) : units;
    }

    private Page<EntryRow> rows(Page<LedgerEntry> page) {
        List<EntryRow> rows = rows(page.items());
        return new Page<>(rows, page.total(), page.page(), page.size(), page.totalAtLeast());
    }

    private List<EntryRow> rows(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        List<Long> ids = entries.stream().map(LedgerEntry::id).toList();
        Map<Long, List<Long>> memberIds = repository.members(ids);
        Map<Long, String> memberNames = members.findAll(memberIds.values().stream().flatMap(List::stream).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(Member::id, Member::name));
        Map<Long, Map<Long, BigDecimal>> values = repository.values(ids);
        Map<Long, List<EntryFlag>> flags = repository.flags(ids);
        Map<Long, Long> evidence = repository.evidenceCounts(ids);
        Map<Long, String> orgNames = orgs.names(entries.stream().map(LedgerEntry::orgId).collect(Collectors.toSet()));
        Map<String, String> regionNames = regions.lineageNamesOf(entries.stream().map(LedgerEntry::regionCode).toList());
        Map<Long, CampaignStructure> structures = new java.util.HashMap<>();
        List<EntryRow> rows = new ArrayList<>();
        for (LedgerEntry e : entries) {
            CampaignStructure s = structures.computeIfAbsent(e.campaignId(), campaigns::structure);
            Map<String, BigDecimal> named = new LinkedHashMap<>();
            values.getOrDefault(e.id(), Map.of()).forEach((ind, v) -> s.indicator(ind).ifPresent(i -> named.put(i.title(), v)));
            rows.add(new EntryRow(e, s.campaign().name(), s.taskType(e.taskTypeId()).map(TaskType::shortName).orElse(""),
                    orgNames.get(e.orgId()), regionNames.get(e.regionCode()),
                    memberIds.getOrDefault(e.id(), List.of()).stream().map(memberNames::get).toList(), named,
                    flags.getOrDefault(e.id(), List.of()), evidence.getOrDefault(e.id(), 0L)));
        }
        return rows;
    }

    /** Same task type, day, place and figures: the fingerprint duplicate flags compare. */
    public static String workKey(EntryForm form, Map<Long, BigDecimal> values) {
        StringBuilder sb = new StringBuilder().append(form.getTaskTypeId()).append('|').append(form.getStartDate()).append('|')
                .append(form.getRegionCode());
        new TreeMap<>(values).forEach((k, v) -> sb.append('|').append(k).append('=').append(v.stripTrailingZeros().toPlainString()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new entry's record for the audit log, from what was just checked (the same fields as snapshot(id)). */
    private Map<String, Object> snapshot(EntryForm form, EntryStatus status, Checked c) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("status", status.name());
        s.put("taskTypeId", c.taskType().id());
        s.put("orgId", c.org().id());
        s.put("title", form.getTitle());
        s.put("description", form.getDescription());
        s.put("startDate", form.getStartDate().toString());
        s.put("endDate", form.effectiveEndDate().toString());
        s.put("regionCode", form.getRegionCode());
        s.put("households", form.getHouseholds());
        s.put("persons", form.getPersons());
        s.put("partner", form.getPartner());
        s.put("members", members.findAll(c.memberIds()).stream().map(Member::name).toList());
        Map<String, String> values = new TreeMap<>();
        c.values().forEach((k, v) -> values.put(c.structure().indicator(k).map(Indicator::title).orElse(String.valueOf(k)),
                v.stripTrailingZeros().toPlainString()));
        s.put("values", values);
        return s;
    }

    private Map<String, Object> snapshot(long id) {
        LedgerEntry e = repository.find(id).orElseThrow();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("status", e.status().name());
        s.put("taskTypeId", e.taskTypeId());
        s.put("orgId", e.orgId());
        s.put("title", e.title());
        s.put("description", e.description());
        s.put("startDate", e.startDate().toString());
        s.put("endDate", e.endDate().toString());
        s.put("regionCode", e.regionCode());
        s.put("households", e.households());
        s.put("persons", e.persons());
        s.put("partner", e.partner());
        s.put("members", members.findAll(repository.members(List.of(id)).getOrDefault(id, List.of())).stream().map(Member::name).toList());
        CampaignStructure st = campaigns.structure(e.campaignId());
        Map<String, String> values = new TreeMap<>();
        repository.values(List.of(id)).getOrDefault(id, Map.of())
                .forEach((k, v) -> values.put(st.indicator(k).map(Indicator::title).orElse(String.valueOf(k)), v.stripTrailingZeros().toPlainString()));
        s.put("values", values);
        return s;
    }
}

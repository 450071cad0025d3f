package cn.zhutui.campaign;

import cn.zhutui.audit.AuditService;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.ConflictException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.Permission;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgService;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Campaigns and their structure. A campaign is visible to the users of its org, of the orgs above
 * and of the orgs below (a county works under the province's 双助推); it is changed by the
 * administrators whose scope contains its org.
 */
@Service
public class CampaignService {

    private final CampaignRepository repository;
    private final OrgService orgs;
    private final AuditService audit;
    private final List<IndicatorUsage> usage;
    private final List<CampaignTemplate> templates;
    private final Map<Long, CampaignStructure> structures = new ConcurrentHashMap<>();
    private final Map<Long, List<Participant>> participants = new ConcurrentHashMap<>();
    private final java.time.Clock clock;

    CampaignService(CampaignRepository repository, OrgService orgs, AuditService audit, List<IndicatorUsage> usage,
                    JsonMapper json, java.time.Clock clock) throws IOException {
        this.repository = repository;
        this.orgs = orgs;
        this.audit = audit;
        this.usage = usage;
        this.templates = loadTemplates(json);
        this.clock = clock;
    }

    private static List<CampaignTemplate> loadTemplates(JsonMapper json) throws IOException {
        List<CampaignTemplate> list = new ArrayList<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:campaign-templates/*.json")) {
            try (InputStream in = r.getInputStream()) {
                list.add(json.readValue(in, CampaignTemplate.class));
            }
        }
        list.sort(Comparator.comparing(CampaignTemplate::startDate).reversed());
        return List.copyOf(list);
    }

    public List<CampaignTemplate> templates() {
        return templates;
    }

    public List<Campaign> visible(DataScope scope) {
        return repository.all().stream().filter(c -> visible(scope, c)).toList();
    }

    /** Campaigns open for records today, newest first. */
    public List<Campaign> active(DataScope scope) {
        LocalDate today = LocalDate.now(clock);
        return visible(scope).stream().filter(c -> c.status() == CampaignStatus.ACTIVE && c.covers(today)).toList();
    }

    /**
     * The campaign a page works on: the one asked for, else the newest active one the user's org
     * takes part in, else the newest visible one (null when there is none).
     */
    public Campaign current(DataScope scope, Long campaignId) {
        if (campaignId != null) {
            return get(scope, campaignId);
        }
        Optional<Org> own = scope.isSystem() ? Optional.empty() : orgs.find(scope.orgId());
        List<Campaign> active = active(scope);
        return active.stream().filter(c -> own.map(o -> takesPart(c, o)).orElse(true)).findFirst()
                .or(() -> visible(scope).stream().filter(c -> own.map(o -> takesPart(c, o)).orElse(true)).findFirst())
                .or(() -> active.stream().findFirst())
                .orElseGet(() -> visible(scope).stream().findFirst().orElse(null));
    }

    /** The orgs taking part, as the campaign lists them. */
    public List<Participant> participants(long campaignId) {
        return participants.computeIfAbsent(campaignId, repository::participants);
    }

    /**
     * Whether an org takes part: it lies in a participating subtree, or its unit (the committee it
     * reports under) is a listed participant.
     */
    public boolean takesPart(Campaign c, Org org) {
        List<Participant> list = participants(c.id());
        if (list.stream().anyMatch(p -> p.withSubtree() && org.path().startsWith(p.path()))) {
            return true;
        }
        long unit = orgs.unitOf(org).id();
        return list.stream().anyMatch(p -> p.orgId() == unit);
    }

    public Campaign get(DataScope scope, long id) {
        Campaign c = repository.find(id).orElseThrow(() -> new NotFoundException("campaign", id));
        if (!visible(scope, c)) {
            throw new NotFoundException("campaign", id);
        }
        return c;
    }

    /** The structure of a campaign, cached until it changes. */
    public CampaignStructure structure(long campaignId) {
        return structures.computeIfAbsent(campaignId, id -> {
            Campaign c = repository.find(id).orElseThrow(() -> new NotFoundException("campaign", id));
            return new CampaignStructure(c, repository.focusAreas(id), repository.taskTypes(id), repository.indicators(id));
        });
    }

    public CampaignStructure structure(DataScope scope, long campaignId) {
        get(scope, campaignId);
        return structure(campaignId);
    }

    private boolean visible(DataScope scope, Campaign c) {
        if (scope.isSystem()) {
            return true;
        }
        Optional<Org> org = orgs.find(c.orgId());
        return org.isPresent() && (scope.coversOrgPath(org.get().path()) || scope.orgPath().startsWith(org.get().path()));
    }

    /** Creates a campaign from a built-in template, with all its focus areas, task types and indicators. */
    @Transactional
    public long instantiate(DataScope scope, String templateCode, CampaignForm form) {
        CampaignTemplate t = templates.stream().filter(x -> x.code().equals(templateCode)).findFirst()
                .orElseThrow(() -> new NotFoundException("campaign template", templateCode));
        if (form.getFullName() == null || form.getFullName().isBlank()) {
            form.setFullName(t.fullName());
        }
        if (form.getDescription() == null || form.getDescription().isBlank()) {
            form.setDescription(t.description());
        }
        long id = create(scope, form, templateCode);
        int areaSort = 0;
        for (CampaignTemplate.Area area : t.focusAreas()) {
            long areaId = repository.insertFocusArea(id, area.name(), areaSort += 10);
            int typeSort = 0;
            for (CampaignTemplate.Type type : area.taskTypes()) {
                long typeId = repository.insertTaskType(id, areaId, type.name(), type.shortName(), null, typeSort += 10);
                int sort = 0;
                for (CampaignTemplate.Measure m : type.indicators()) {
                    repository.insertIndicator(typeId, m.name(), m.unit(), m.fractional(), BigDecimal.ZERO, m.max(), sort += 10);
                }
            }
        }
        return id;
    }

    /** The rhythm a new campaign starts with: the seeds' monthly analysis, half-year meeting and year-end summary. */
    private static final Map<cn.zhutui.common.PeriodType, Integer> DEFAULT_RHYTHM = Map.of(
            cn.zhutui.common.PeriodType.MONTH, 5, cn.zhutui.common.PeriodType.HALF_YEAR, 15, cn.zhutui.common.PeriodType.YEAR, 20);

    @Transactional
    public long create(DataScope scope, CampaignForm form, String templateCode) {
        scope.require(Permission.CAMPAIGN_EDIT);
        orgs.get(scope, form.getOrgId());
        checkDates(form);
        long id = repository.insertCampaign(form, templateCode);
        setParticipants(scope, id, form);
        DEFAULT_RHYTHM.forEach((type, days) -> {
            if (type != form.getPeriodType()) {
                repository.setRhythm(id, type, days);
            }
        });
        audit.record(scope, "CREATE", "campaign", id, form.getName(), null, repository.find(id).orElseThrow());
        return id;
    }

    @Transactional
    public void update(DataScope scope, long id, CampaignForm form) {
        Campaign before = editable(scope, id);
        form.setOrgId(before.orgId());
        checkDates(form);
        if (!repository.updateCampaign(id, form)) {
            throw new ConflictException("campaign", id);
        }
        setParticipants(scope, id, form);
        changed(scope, id, "UPDATE", "campaign", id, form.getName(), before, repository.find(id).orElseThrow());
    }

    /** Writes who takes part, from the form: every org must lie in the owner's subtree and the editor's scope. */
    private void setParticipants(DataScope scope, long campaignId, CampaignForm form) {
        Org owner = orgs.get(scope, form.getOrgId());
        List<Long> chosen = switch (form.getParticipation()) {
            case TREE -> List.of(owner.id());
            case SUBTREE, LIST -> form.getParticipantIds();
        };
        if (chosen.isEmpty() || form.getParticipation() == Participation.SUBTREE && chosen.size() != 1) {
            throw BusinessException.onField("participantIds", "campaign.participants.required");
        }
        for (long orgId : chosen) {
            Org org;
            try {
                org = orgs.get(scope, orgId);
            } catch (NotFoundException e) {
                throw BusinessException.onField("participantIds", "campaign.participants.outside");
            }
            if (!org.path().startsWith(owner.path())) {
                throw BusinessException.onField("participantIds", "campaign.participants.outside");
            }
            if (form.getParticipation() == Participation.LIST && !org.isCommittee()) {
                throw BusinessException.onField("participantIds", "campaign.participants.notUnit", org.name());
            }
        }
        repository.replaceParticipants(campaignId, chosen, form.getParticipation() != Participation.LIST);
        participants.remove(campaignId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    participants.remove(campaignId);
                }
            });
        }
    }

    @Transactional
    public long addFocusArea(DataScope scope, long campaignId, String name, int sort) {
        editable(scope, campaignId);
        requireName(name, 100);
        try {
            long id = repository.insertFocusArea(campaignId, name.trim(), sort);
            changed(scope, campaignId, "CREATE", "focus_area", id, name, null, Map.of("name", name));
            return id;
        } catch (DuplicateKeyException e) {
            throw BusinessException.onField("name", "campaign.nameTaken", name);
        }
    }

    @Transactional
    public void updateFocusArea(DataScope scope, long id, int version, String name, int sort) {
        FocusArea area = repository.focusArea(id).orElseThrow(() -> new NotFoundException("focus area", id));
        editable(scope, area.campaignId());
        requireName(name, 100);
        try {
            if (!repository.updateFocusArea(id, version, name.trim(), sort)) {
                throw new ConflictException("focus area", id);
            }
        } catch (DuplicateKeyException e) {
            throw BusinessException.onField("name", "campaign.nameTaken", name);
        }
        changed(scope, area.campaignId(), "UPDATE", "focus_area", id, name, area, repository.focusArea(id).orElseThrow());
    }

    @Transactional
    public long addTaskType(DataScope scope, long focusAreaId, String name, String shortName, String description, int sort) {
        FocusArea area = repository.focusArea(focusAreaId).orElseThrow(() -> new NotFoundException("focus area", focusAreaId));
        editable(scope, area.campaignId());
        requireName(name, 200);
        String shortened = shortName(name, shortName);
        try {
            long id = repository.insertTaskType(area.campaignId(), focusAreaId, name.trim(), shortened, description, sort);
            changed(scope, area.campaignId(), "CREATE", "task_type", id, name, null, Map.of("name", name));
            return id;
        } catch (DuplicateKeyException e) {
            throw BusinessException.onField("name", "campaign.nameTaken", name);
        }
    }

    /** A task type in use keeps its name (its meaning); it can be retired so no new records use it. */
    @Transactional
    public void updateTaskType(DataScope scope, long id, int version, String name, String shortName, String description,
                               int sort, boolean retired) {
        TaskType type = repository.taskType(id).orElseThrow(() -> new NotFoundException("task type", id));
        editable(scope, type.campaignId());
        requireName(name, 200);
        if (!type.name().equals(name.trim()) && inUse(u -> u.taskTypeInUse(id))) {
            throw BusinessException.onField("name", "campaign.inUse.rename");
        }
        try {
            if (!repository.updateTaskType(id, version, name.trim(), shortName(name, shortName), description, sort, retired)) {
                throw new ConflictException("task type", id);
            }
        } catch (DuplicateKeyException e) {
            throw BusinessException.onField("name", "campaign.nameTaken", name);
        }
        changed(scope, type.campaignId(), "UPDATE", "task_type", id, name, type, repository.taskType(id).orElseThrow());
    }

    @Transactional
    public long addIndicator(DataScope scope, long taskTypeId, String name, String unit, boolean decimals,
                             BigDecimal min, BigDecimal max, int sort) {
        TaskType type = repository.taskType(taskTypeId).orElseThrow(() -> new NotFoundException("task type", taskTypeId));
        editable(scope, type.campaignId());
        checkIndicator(name, unit, min, max);
        try {
            long id = repository.insertIndicator(taskTypeId, name.trim(), unit.trim(), decimals, min, max, sort);
            changed(scope, type.campaignId(), "CREATE", "indicator", id, name, null, repository.indicator(id).orElseThrow());
            return id;
        } catch (DuplicateKeyException e) {
            throw BusinessException.onField("name", "campaign.nameTaken", name);
        }
    }

    /**
     * An indicator some record uses keeps its name, unit and kind of number — changing them would
     * change what the recorded figures mean. Its bounds, order and retirement may change.
     */
    @Transactional
    public void updateIndicator(DataScope scope, long id, int version, String name, String unit, boolean decimals,
                                BigDecimal min, BigDecimal max, int sort, boolean retired) {
        Indicator before = repository.indicator(id).orElseThrow(() -> new NotFoundException("indicator", id));
        TaskType type = repository.taskType(before.taskTypeId()).orElseThrow();
        editable(scope, type.campaignId());
        checkIndicator(name, unit, min, max);
        boolean meaningChanged = !before.name().equals(name.trim()) || !before.unit().equals(unit.trim()) || before.decimals() != decimals;
        if (meaningChanged && inUse(u -> u.indicatorInUse(id))) {
            throw BusinessException.onField("name", "campaign.inUse.meaning");
        }
        try {
            if (!repository.updateIndicator(id, version, name.trim(), unit.trim(), decimals, min, max, sort, retired)) {
                throw new ConflictException("indicator", id);
            }
        } catch (DuplicateKeyException e) {
            throw BusinessException.onField("name", "campaign.nameTaken", name);
        }
        changed(scope, type.campaignId(), "UPDATE", "indicator", id, name, before, repository.indicator(id).orElseThrow());
    }

    /** Only an indicator no record uses can be deleted; the others are retired. */
    @Transactional
    public void deleteIndicator(DataScope scope, long id, int version) {
        Indicator before = repository.indicator(id).orElseThrow(() -> new NotFoundException("indicator", id));
        TaskType type = repository.taskType(before.taskTypeId()).orElseThrow();
        editable(scope, type.campaignId());
        if (inUse(u -> u.indicatorInUse(id))) {
            throw new BusinessException("campaign.inUse.delete");
        }
        if (repository.deleteIndicator(id, version) != 1) {
            throw new ConflictException("indicator", id);
        }
        changed(scope, type.campaignId(), "DELETE", "indicator", id, before.name(), before, null);
    }

    /** The campaign's deadlines, its locking period first, then the others from the shortest period. */
    public List<Deadline> rhythm(Campaign c) {
        List<Deadline> list = new ArrayList<>();
        list.add(new Deadline(c.periodType(), c.deadlineDays(), true));
        repository.rhythm(c.id()).entrySet().stream().filter(e -> e.getKey() != c.periodType())
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> list.add(new Deadline(e.getKey(), e.getValue(), false)));
        return list;
    }

    /** When a period of the rhythm is due, if the campaign has a deadline for its type. */
    public Optional<java.time.LocalDate> deadline(Campaign c, cn.zhutui.common.Period period) {
        return rhythm(c).stream().filter(d -> d.periodType() == period.type()).findFirst()
                .map(d -> period.end().plusDays(d.daysAfter()));
    }

    /** Sets (or, with null, removes) the deadline of a rhythm period other than the locking one. */
    @Transactional
    public void setRhythm(DataScope scope, long campaignId, cn.zhutui.common.PeriodType type, Integer days) {
        Campaign c = editable(scope, campaignId);
        if (type == c.periodType()) {
            throw BusinessException.onField("periodType", "campaign.rhythm.locking");
        }
        if (days != null && (days < 0 || days > 90)) {
            throw BusinessException.onField("days", "campaign.rhythm.days");
        }
        repository.setRhythm(campaignId, type, days);
        audit.record(scope, "UPDATE", "campaign_deadline", campaignId + ":" + type, null, null, days == null ? null : Map.of("days", days));
    }

    public Map<Long, Map<Long, BigDecimal>> targets(long campaignId, Collection<Long> orgIds, int year) {
        return repository.targets(campaignId, orgIds, year);
    }

    /** Sets an org's yearly targets; a null value clears one. The org must be in the editor's scope. */
    @Transactional
    public void setTargets(DataScope scope, long campaignId, long orgId, int year, Map<Long, BigDecimal> values) {
        scope.require(Permission.CAMPAIGN_EDIT);
        get(scope, campaignId);
        orgs.get(scope, orgId);
        CampaignStructure s = structure(campaignId);
        Map<Long, BigDecimal> before = repository.targets(campaignId, List.of(orgId), year).getOrDefault(orgId, Map.of());
        values.forEach((indicatorId, value) -> {
            s.indicator(indicatorId).orElseThrow(() -> new NotFoundException("indicator", indicatorId));
            if (value != null && value.signum() < 0) {
                throw BusinessException.onField("target", "indicator.bounds");
            }
            repository.setTarget(campaignId, orgId, year, indicatorId, value);
        });
        audit.record(scope, "UPDATE", "campaign_target", campaignId + ":" + orgId + ":" + year, null, before, values);
    }

    private Campaign editable(DataScope scope, long campaignId) {
        scope.require(Permission.CAMPAIGN_EDIT);
        Campaign c = get(scope, campaignId);
        orgs.get(scope, c.orgId());
        return c;
    }

    private boolean inUse(java.util.function.Predicate<IndicatorUsage> test) {
        return usage.stream().anyMatch(test);
    }

    private void changed(DataScope scope, long campaignId, String action, String type, Object id, String summary, Object before, Object after) {
        audit.record(scope, action, type, id, summary, before, after);
        structures.remove(campaignId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    structures.remove(campaignId);
                }
            });
        }
    }

    private static void checkDates(CampaignForm f) {
        if (f.getEndDate() != null && f.getEndDate().isBefore(f.getStartDate())) {
            throw BusinessException.onField("endDate", "campaign.endBeforeStart");
        }
    }

    private static void requireName(String name, int max) {
        if (name == null || name.isBlank()) {
            throw BusinessException.onField("name", "validation.required");
        }
        if (name.trim().length() > max) {
            throw BusinessException.onField("name", "validation.tooLong", max);
        }
    }

    private static String shortName(String name, String shortName) {
        String s = shortName == null || shortName.isBlank() ? name.trim() : shortName.trim();
        return s.length() > 30 ? s.substring(0, 30) : s;
    }

    private static void checkIndicator(String name, String unit, BigDecimal min, BigDecimal max) {
        requireName(name, 100);
        if (unit == null || unit.isBlank() || unit.trim().length() > 20) {
            throw BusinessException.onField("unit", "validation.required");
        }
        if (min == null || max == null || max.compareTo(min) < 0) {
            throw BusinessException.onField("maxValue", "indicator.boundsOrder");
        }
    }
}

package cn.zhutui.consult;

import cn.zhutui.audit.AuditService;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.ConflictException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.InvalidInputException;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.Page;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Permission;
import cn.zhutui.consult.internal.ConsultAccess;
import cn.zhutui.consult.internal.ConsultFacts;
import cn.zhutui.consult.internal.ConsultRules;
import cn.zhutui.consult.internal.ConsultScope;
import cn.zhutui.consult.internal.PlatformRepository;
import cn.zhutui.consult.internal.StepRepository;
import cn.zhutui.consult.internal.TopicRepository;
import cn.zhutui.member.MemberService;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgService;
import cn.zhutui.region.Region;
import cn.zhutui.region.RegionLevel;
import cn.zhutui.region.RegionService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consultation platforms (协商议事平台) and their councils, run by a committee's office. A platform
 * lies in its committee's region, at county level or below; its council changes over time and keeps
 * its former seats.
 */
@Service
public class PlatformService {

    private final PlatformRepository repository;
    private final TopicRepository topics;
    private final StepRepository steps;
    private final ConsultFacts facts;
    private final ConsultAccess access;
    private final ConsultRules rules;
    private final OrgService orgs;
    private final RegionService regions;
    private final MemberService members;
    private final AuditService audit;
    private final cn.zhutui.dict.DictService dict;

    PlatformService(PlatformRepository repository, TopicRepository topics, StepRepository steps, ConsultFacts facts, ConsultAccess access,
                    ConsultRules rules, OrgService orgs, RegionService regions, MemberService members, AuditService audit,
                    cn.zhutui.dict.DictService dict) {
        this.dict = dict;
        this.repository = repository;
        this.topics = topics;
        this.steps = steps;
        this.facts = facts;
        this.access = access;
        this.rules = rules;
        this.orgs = orgs;
        this.regions = regions;
        this.members = members;
        this.audit = audit;
    }

    public Page<PlatformRow> search(DataScope scope, PlatformQuery q, PageRequest page) {
        Page<Platform> platforms = repository.search(filter(scope, q), page);
        Map<Long, long[]> counts = repository.counts(platforms.items().stream().map(Platform::id).toList());
        Map<String, String> regionNames = regions.lineageNamesOf(platforms.items().stream().map(Platform::regionCode).toList());
        Map<Long, String> orgNames = orgs.names(platforms.items().stream().map(Platform::orgId).collect(Collectors.toSet()));
        return platforms.map(p -> {
            long[] c = counts.getOrDefault(p.id(), new long[3]);
            return new PlatformRow(p, shortLineage(regionNames.get(p.regionCode())), orgNames.get(p.orgId()), c[0], c[1], c[2]);
        });
    }

    private PlatformRepository.Filter filter(DataScope scope, PlatformQuery q) {
        scope.require(Permission.CONSULT_VIEW);
        String orgPath = q.orgId() == null ? null : orgs.get(scope, q.orgId()).path();
        String regionPath = q.regionCode() == null || q.regionCode().isBlank() ? null
                : regions.find(q.regionCode()).map(Region::path)
                .orElseThrow(() -> BusinessException.onField("regionCode", "region.unknown", q.regionCode()));
        return new PlatformRepository.Filter(ConsultScope.of(scope), orgPath, blank(q.level()), regionPath, q.text(), q.active());
    }

    public Platform get(DataScope scope, long id) {
        scope.require(Permission.CONSULT_VIEW);
        Platform p = repository.find(id).orElseThrow(() -> new NotFoundException("platform", id));
        if (!repository.visible(id, ConsultScope.of(scope))) {
            throw new NotFoundException("platform", id);
        }
        return p;
    }

    public PlatformDetails details(DataScope scope, long id) {
        Platform p = get(scope, id);
        long[] c = repository.counts(List.of(id)).getOrDefault(id, new long[3]);
        return new PlatformDetails(p, orgs.names(List.of(p.orgId())).get(p.orgId()),
                regions.lineageNamesOf(List.of(p.regionCode())).get(p.regionCode()), repository.seats(id), c[0], c[1], c[2],
                access.history("consult_platform", id), access.manages(scope, p.orgId()));
    }

    /** The platforms a user may put a topic on: their committee's active ones, or for a cadre those in their region. */
    public List<Platform> choices(DataScope scope) {
        if (!scope.can(Permission.CONSULT_RAISE)) {
            return List.of();
        }
        java.util.LinkedHashMap<Long, Platform> list = new java.util.LinkedHashMap<>();
        if (scope.can(Permission.CONSULT_MANAGE)) {
            repository.ofOrg(access.unit(scope).id()).stream().filter(Platform::active).forEach(p -> list.put(p.id(), p));
        }
        if (scope.has(cn.zhutui.common.Role.CADRE)) {
            repository.all(new PlatformRepository.Filter(ConsultScope.of(scope), null, null, null, null, true)).stream()
                    .filter(p -> access.inCadreRegion(scope, p.regionCode())).forEach(p -> list.putIfAbsent(p.id(), p));
        }
        return List.copyOf(list.values());
    }

    /** A committee's platforms (for the statistics and the topic import), active first. */
    public List<Platform> ofOrg(DataScope scope, long orgId) {
        orgs.get(scope, orgId);
        return repository.ofOrg(orgId);
    }

    /** The committee a new platform of this user would belong to. */
    public Org ownUnit(DataScope scope) {
        return access.unit(scope);
    }

    @Transactional
    public long create(DataScope scope, PlatformForm form) {
        Org unit = access.unit(scope);
        access.requireManage(scope, unit.id());
        check(unit, form);
        steps.copyDefaults(unit.id());
        try {
            long id = repository.insert(unit.id(), form, scope.userId());
            audit.record(scope, "CREATE", "consult_platform", id, form.getName(), null, snapshot(repository.find(id).orElseThrow()));
            return id;
        } catch (DuplicateKeyException e) {
            throw BusinessException.onField("name", "consult.platform.duplicate", form.getName());
        }
    }

    @Transactional
    public void update(DataScope scope, long id, PlatformForm form) {
        Platform before = get(scope, id);
        access.requireManage(scope, before.orgId());
        check(orgs.find(before.orgId()).orElseThrow(), form);
        boolean levelChanged = !before.level().equals(form.getLevel());
        List<Long> topicIds = levelChanged ? topics.idsOfPlatform(id) : List.of();
        // the figures are kept by platform level: a new level moves all the platform's figures
        facts.remove(topicIds);
        try {
            if (!repository.update(id, form)) {
                throw new ConflictException("platform", id);
            }
        } catch (DuplicateKeyException e) {
            throw BusinessException.onField("name", "consult.platform.duplicate", form.getName());
        }
        facts.restore(topicIds);
        audit.record(scope, "UPDATE", "consult_platform", id, form.getName(), snapshot(before), snapshot(repository.find(id).orElseThrow()));
    }

    private void check(Org unit, PlatformForm form) {
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        rules.platform(form, access.today(), errors);
        if (form.getRegionCode() != null && !form.getRegionCode().isBlank()) {
            Region region = regions.find(form.getRegionCode()).orElse(null);
            Region bound = orgs.effectiveRegion(unit).flatMap(regions::find).orElse(null);
            if (region == null) {
                errors.add("regionCode", "region.unknown", form.getRegionCode());
            } else if (region.level() < RegionLevel.COUNTY.depth()) {
                errors.add("regionCode", "consult.platform.regionTooBroad");
            } else if (bound != null && !bound.contains(region)) {
                errors.add("regionCode", "consult.region.outside", bound.name());
            }
        }
        errors.throwIfAny();
    }

    // ---------------------------------------------------------------- council

    @Transactional
    public long addSeat(DataScope scope, long platformId, SeatForm form) {
        Platform p = get(scope, platformId);
        access.requireManage(scope, p.orgId());
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        rules.seat(form, access.today(), errors);
        String name = form.getName() == null ? null : form.getName().trim();
        if (form.getMemberId() != null) {
            if (!members.visible(scope, form.getMemberId())) {
                errors.add("memberId", "consult.member.outOfScope", form.getMemberId());
            } else {
                name = members.find(form.getMemberId()).orElseThrow().name();
                long id = form.getMemberId();
                if (repository.seats(platformId).stream().anyMatch(s -> s.current() && s.memberId() != null && s.memberId() == id)) {
                    errors.add("memberId", "consult.seat.duplicate", name);
                }
            }
        }
        errors.throwIfAny();
        long id = repository.insertSeat(platformId, form, name, form.getSince() == null ? access.today() : form.getSince());
        audit.record(scope, "SEAT_ADD", "consult_platform", platformId, name, null, seatSnapshot(repository.seat(id).orElseThrow()));
        return id;
    }

    @Transactional
    public void endSeat(DataScope scope, long platformId, long seatId) {
        Platform p = get(scope, platformId);
        access.requireManage(scope, p.orgId());
        CouncilSeat seat = repository.seat(seatId).filter(s -> s.platformId() == platformId)
                .orElseThrow(() -> new NotFoundException("seat", seatId));
        if (repository.endSeat(seatId, access.today())) {
            audit.record(scope, "SEAT_END", "consult_platform", platformId, seat.name(), seatSnapshot(seat), null);
        }
    }

    /** Names of the people on a platform's council, current and former (kept off the public page). */
    public List<String> councilNames(long platformId) {
        return repository.seats(platformId).stream().map(CouncilSeat::name).toList();
    }

    public Map<Long, Platform> findAll(java.util.Collection<Long> ids) {
        return repository.findAll(ids).stream().collect(Collectors.toMap(Platform::id, p -> p));
    }

    /**
     * A place as the lists show it, below its county and without the bureaucratic suffixes:
     * "云南省 / 昆明市 / 禄劝彝族苗族自治县 / 撒营盘镇 / 尚德村民委员会" → "撒营盘镇尚德村"; a county itself keeps its name.
     */
    static String shortLineage(String lineage) {
        if (lineage == null) {
            return "";
        }
        String[] parts = lineage.split(" / ");
        StringBuilder sb = new StringBuilder();
        for (int i = 3; i < parts.length; i++) {
            sb.append(OutcomeReportService.shortPlace(parts[i]));
        }
        return sb.isEmpty() ? parts[parts.length - 1] : sb.toString();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private Map<String, Object> snapshot(Platform p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("level", dict.label(ConsultRules.LEVELS, p.level()));
        m.put("regionCode", regions.find(p.regionCode()).map(Region::name).orElse(p.regionCode()));
        m.put("venue", p.venue());
        m.put("description", p.description());
        m.put("establishedOn", p.establishedOn() == null ? null : p.establishedOn().toString());
        m.put("active", p.active());
        return m;
    }

    private Map<String, Object> seatSnapshot(CouncilSeat s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("identity", dict.label(ConsultRules.ROLES, s.identity()));
        m.put("role", dict.label(ConsultRules.COUNCIL_ROLES, s.role()));
        m.put("affiliation", s.affiliation());
        m.put("since", s.since() == null ? null : s.since().toString());
        m.put("until", s.until() == null ? null : s.until().toString());
        return m;
    }
}

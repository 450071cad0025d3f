package cn.zhutui.pairing;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.ForbiddenException;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.Period;
import cn.zhutui.common.PeriodType;
import cn.zhutui.common.Permission;
import cn.zhutui.household.GoalRegression;
import cn.zhutui.household.HouseholdService;
import cn.zhutui.member.MemberService;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgService;
import cn.zhutui.pairing.internal.PairingFacts;
import cn.zhutui.pairing.internal.VisitRepository;
import cn.zhutui.region.Region;
import cn.zhutui.region.RegionService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Oversight of 三联三促: the quarterly compliance of an org (pairings not visited in the quarter,
 * duty items still open, households whose "四个有" fell), drilling to the units below it and to
 * each member; and the figures (pairings, households covered, visits, problems solved, funds
 * coordinated) by unit, county or kind for any period, read from the facts kept in step.
 */
@Service
public class OversightService {

    /** The compliance page lists at most this many pairings behind (with the total); the units below drill further. */
    public static final int BEHIND_SHOWN = 300;

    private final PairingService pairings;
    private final DutyService duties;
    private final VisitRepository visits;
    private final PairingFacts facts;
    private final HouseholdService households;
    private final OrgService orgs;
    private final MemberService members;
    private final RegionService regions;

    OversightService(PairingService pairings, DutyService duties, VisitRepository visits, PairingFacts facts, HouseholdService households,
                     OrgService orgs, MemberService members, RegionService regions) {
        this.pairings = pairings;
        this.duties = duties;
        this.visits = visits;
        this.facts = facts;
        this.households = households;
        this.orgs = orgs;
        this.members = members;
        this.regions = regions;
    }

    public LocalDate today() {
        return pairings.today();
    }

    /** The quarter an id names, or the current one; a quarter not yet begun is refused. */
    public Period quarter(String id) {
        LocalDate today = pairings.today();
        if (id == null || id.isBlank()) {
            return Period.containing(today, PeriodType.QUARTER);
        }
        Period p;
        try {
            p = Period.parse(id);
        } catch (IllegalArgumentException e) {
            throw BusinessException.onField("period", "pairing.period.invalid", id);
        }
        if (p.type() != PeriodType.QUARTER || p.start().isAfter(today)) {
            throw BusinessException.onField("period", "pairing.period.invalid", id);
        }
        return p;
    }

    /** The day a quarter is checked on: its last day, or today while it runs. */
    public LocalDate checkDay(Period quarter) {
        LocalDate today = pairings.today();
        return quarter.end().isAfter(today) ? today : quarter.end();
    }

    /** A pairing assessed for a quarter, before its names are looked up (a province holds tens of thousands). */
    record Assessed(Pairing pairing, boolean expected, long visits, List<DutyStatus> duties, GoalRegression regression) {
        boolean notVisited() {
            return expected && visits == 0;
        }

        long open() {
            return duties.stream().filter(d -> !d.complete()).count();
        }

        boolean behind() {
            return notVisited() || open() > 0 || regression != null;
        }
    }

    /**
     * Each pairing in effect on the quarter's check day (ended ones do not count), under an org
     * (or a member's own), with its visits in the quarter, its duties and its household's regression.
     */
    public List<PairingCompliance> pairingsOf(DataScope scope, Long orgId, Long memberId, Period quarter) {
        return withRows(assess(scope, orgId, memberId, quarter));
    }

    /** The same, only the pairings not visited in the quarter (for the reminders), their names looked up for those alone. */
    List<PairingCompliance> notVisited(DataScope scope, Long orgId, Period quarter) {
        return withRows(assess(scope, orgId, null, quarter).stream().filter(Assessed::notVisited).toList());
    }

    List<Assessed> assess(DataScope scope, Long orgId, Long memberId, Period quarter) {
        requireOffice(scope, memberId);
        LocalDate day = checkDay(quarter);
        List<Pairing> list = pairings.activeDuring(scope, orgId, null, day, day).stream()
                .filter(p -> memberId == null || memberId.equals(p.memberId())).toList();
        if (list.isEmpty()) {
            return List.of();
        }
        List<Long> ids = list.stream().map(Pairing::id).toList();
        Map<Long, Long> counts = visits.countsByPairing(ids, quarter.start(), quarter.end());
        Map<Long, List<DutyStatus>> statuses = duties.statuses(list, rhythm -> rhythm.periodOf(day));
        Map<Long, DutyTemplate> templates = duties.templatesOf(list);
        Set<Long> householdIds = list.stream().map(Pairing::householdId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Map<Long, GoalRegression> regressions = new HashMap<>();
        households.regressions(scope, householdIds, quarter.id()).forEach(r -> regressions.put(r.householdId(), r));
        List<Assessed> result = new ArrayList<>();
        for (Pairing p : list) {
            DutyTemplate t = templates.get(p.id());
            boolean quarterly = t == null || t.rhythm() == DutyRhythm.QUARTER;
            result.add(new Assessed(p, quarterly, counts.getOrDefault(p.id(), 0L), statuses.getOrDefault(p.id(), List.of()),
                    p.householdId() == null ? null : regressions.get(p.householdId())));
        }
        return result;
    }

    private List<PairingCompliance> withRows(List<Assessed> list) {
        Map<Long, PairingRow> rows = new HashMap<>();
        pairings.rows(list.stream().map(Assessed::pairing).toList()).forEach(r -> rows.put(r.pairing().id(), r));
        return list.stream().map(a -> new PairingCompliance(rows.get(a.pairing().id()), a.expected(), a.visits(), a.duties(), a.regression()))
                .toList();
    }

    /** The compliance of an org (default: the user's) in a quarter, with the orgs directly below it. */
    public Compliance compliance(DataScope scope, Long orgId, Period quarter) {
        requireOffice(scope, null);
        Org org = orgs.get(scope, orgId == null ? scope.orgId() : orgId);
        List<Assessed> all = assess(scope, org.id(), null, quarter);
        List<Org> children = orgs.children(scope, org.id());
        Map<Long, ComplianceRow> byChild = new LinkedHashMap<>();
        ComplianceRow own = new ComplianceRow(org.id(), org.name(), 0, 0, 0, 0, 0);
        children.forEach(c -> byChild.put(c.id(), new ComplianceRow(c.id(), c.name(), 0, 0, 0, 0, 0)));
        Map<Long, String> paths = new HashMap<>();
        orgs.findAll(scope, all.stream().map(a -> a.pairing().orgId()).collect(Collectors.toSet())).forEach(o -> paths.put(o.id(), o.path()));
        Map<Long, Org> childOfOrg = new HashMap<>();
        ComplianceRow total = new ComplianceRow(org.id(), org.name(), 0, 0, 0, 0, 0);
        Set<Long> regressedSeen = new java.util.HashSet<>();
        for (Assessed a : all) {
            long hh = a.regression() != null && regressedSeen.add(a.regression().householdId()) ? 1 : 0;
            ComplianceRow line = new ComplianceRow(null, null, 1, a.expected() ? 1 : 0, a.notVisited() ? 1 : 0, a.open(), hh);
            total = total.plus(line);
            Org child = childOfOrg.computeIfAbsent(a.pairing().orgId(), id -> {
                String path = paths.getOrDefault(id, "");
                return children.stream().filter(c -> path.startsWith(c.path())).findFirst().orElse(org);
            });
            if (child.id() == org.id()) {
                own = own.plus(line);
            } else {
                byChild.put(child.id(), byChild.get(child.id()).plus(line));
            }
        }
        List<ComplianceRow> units = new ArrayList<>();
        units.add(own);
        byChild.values().stream().filter(r -> r.pairings() > 0).forEach(units::add);
        List<Assessed> behind = all.stream().filter(Assessed::behind)
                .sorted(Comparator.comparing((Assessed a) -> !a.notVisited()).thenComparing(a -> a.pairing().id())).toList();
        List<PairingCompliance> shown = new ArrayList<>(withRows(behind.subList(0, Math.min(BEHIND_SHOWN, behind.size()))));
        shown.sort(Comparator.comparing((PairingCompliance pc) -> !pc.notVisited())
                .thenComparing(pc -> pc.row().helperName() == null ? "" : pc.row().helperName()));
        return new Compliance(org.id(), org.name(), quarter, checkDay(quarter), total, units, shown, behind.size());
    }

    /** One member's pairings in a quarter: the drill-down of the compliance page (office roles, or the member themself). */
    public List<PairingCompliance> memberCompliance(DataScope scope, long memberId, Period quarter) {
        if (!members.visible(scope, memberId)) {
            throw new NotFoundException("member", memberId);
        }
        return pairingsOf(scope, null, memberId, quarter);
    }

    private static void requireOffice(DataScope scope, Long memberId) {
        scope.require(Permission.PAIRING_VIEW);
        if (scope.ownRecordsOnly() && (memberId == null || !memberId.equals(scope.memberId()))) {
            throw new ForbiddenException();
        }
    }

    // ---------------------------------------------------------------- figures

    /**
     * The figures of an org (default: the user's) for a period (month, quarter, half, year),
     * grouped by "unit" (the org's own and each committee directly below), "county" or "kind",
     * optionally only for targets under a region and of one kind.
     */
    public PairingFigures figures(DataScope scope, Long orgId, String periodId, String groupBy, String regionCode, PairingKind kind) {
        scope.require(Permission.PAIRING_VIEW);
        if (scope.ownRecordsOnly()) {
            throw new ForbiddenException();
        }
        Org org = orgs.get(scope, orgId == null ? scope.orgId() : orgId);
        Period period;
        try {
            period = Period.parse(periodId);
        } catch (IllegalArgumentException e) {
            throw BusinessException.onField("period", "pairing.period.invalid", periodId);
        }
        String group = "county".equals(groupBy) || "kind".equals(groupBy) ? groupBy : "unit";
        String region = null;
        if (regionCode != null && !regionCode.isBlank()) {
            region = regions.find(regionCode.trim()).map(Region::code)
                    .orElseThrow(() -> BusinessException.onField("regionCode", "region.unknown", regionCode));
        }
        Org unit = orgs.unitOf(org);
        List<PairingFacts.Figures> raw = facts.figures(unit.path(), region == null ? null : region.length() > 6 ? region.substring(0, 6) : region,
                kind == null ? null : List.of(kind.name()), period.start(), period.end().withDayOfMonth(1), group);
        List<FigureRow> rows = new ArrayList<>();
        switch (group) {
            case "unit" -> {
                List<Org> children = orgs.childUnits(unit);
                Map<Long, FigureRow> byChild = new LinkedHashMap<>();
                FigureRow own = FigureRow.zero(String.valueOf(unit.id()), unit.name(), null);
                children.forEach(c -> byChild.put(c.id(), FigureRow.zero(String.valueOf(c.id()), c.name(), c.id())));
                Map<Long, String> paths = new HashMap<>();
                orgs.findAll(scope, raw.stream().map(f -> Long.valueOf(f.key())).collect(Collectors.toSet())).forEach(o -> paths.put(o.id(), o.path()));
                for (PairingFacts.Figures f : raw) {
                    String path = paths.getOrDefault(Long.valueOf(f.key()), "");
                    Org child = children.stream().filter(c -> path.startsWith(c.path())).findFirst().orElse(null);
                    FigureRow line = row(f, null, null);
                    if (child == null) {
                        own = own.plus(line);
                    } else {
                        byChild.put(child.id(), byChild.get(child.id()).plus(line));
                    }
                }
                rows.add(own);
                rows.addAll(byChild.values());
            }
            case "county" -> {
                Map<String, String> names = regions.lineageNamesOf(raw.stream().map(PairingFacts.Figures::key).toList());
                raw.forEach(f -> rows.add(row(f, shortName(names.getOrDefault(f.key(), f.key())), null)));
            }
            default -> raw.forEach(f -> rows.add(row(f, f.key(), null)));
        }
        FigureRow total = FigureRow.zero("total", org.name(), null);
        for (FigureRow r : rows) {
            total = total.plus(r);
        }
        return new PairingFigures(org.id(), org.name(), period.id(), group, region, rows, total);
    }

    private static FigureRow row(PairingFacts.Figures f, String label, Long drill) {
        return new FigureRow(f.key(), label == null ? f.key() : label, drill, f.pairings(), f.households(), f.visits(), f.problemsFound(),
                f.problemsSolved(), f.funds() == null ? BigDecimal.ZERO : f.funds(), f.projects());
    }

    private static String shortName(String lineage) {
        String[] parts = lineage.split(" / ");
        return parts[parts.length - 1];
    }
}

package cn.zhutui.report;

import cn.zhutui.common.ReportPeriod;

import cn.zhutui.campaign.Campaign;
import cn.zhutui.campaign.CampaignService;
import cn.zhutui.campaign.CampaignStructure;
import cn.zhutui.campaign.FocusArea;
import cn.zhutui.campaign.Indicator;
import cn.zhutui.campaign.TaskType;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.Permission;
import cn.zhutui.dict.DictService;
import cn.zhutui.ledger.LedgerStatsService;
import cn.zhutui.ledger.StatGroup;
import cn.zhutui.ledger.StatQuery;
import cn.zhutui.ledger.StatRow;
import cn.zhutui.org.Org;
import cn.zhutui.org.UnitTree;
import cn.zhutui.org.OrgService;
import cn.zhutui.region.Region;
import cn.zhutui.region.RegionService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Builds the campaign's statistics table for an org the user may see: its total and the totals of
 * the units directly below it, every figure live from the ledger's facts.
 */
@Service
public class ReportService {

    static final List<String> SUMMARY_KEYS = List.of("entries", "members", "households", "persons");

    private final LedgerStatsService stats;
    private final CampaignService campaigns;
    private final OrgService orgs;
    private final RegionService regions;
    private final DictService dict;
    private final MessageSource messages;
    private final java.time.Clock clock;

    ReportService(LedgerStatsService stats, CampaignService campaigns, OrgService orgs, RegionService regions, DictService dict,
                  MessageSource messages, java.time.Clock clock) {
        this.clock = clock;
        this.stats = stats;
        this.campaigns = campaigns;
        this.orgs = orgs;
        this.regions = regions;
        this.dict = dict;
        this.messages = messages;
    }

    public StatisticsTable table(DataScope scope, ReportRequest r, Locale locale) {
        scope.require(Permission.REPORT_VIEW);
        Campaign campaign = campaigns.get(scope, r.campaignId());
        CampaignStructure s = campaigns.structure(campaign.id());
        Org org = orgs.get(scope, r.orgId());
        StatQuery q = query(r, org);
        UnitTree tree = org.isCommittee() ? orgs.unitTree(org) : UnitTree.NONE;
        List<Org> children = tree.children(org);
        // a period still running is compared with the same days of the period before and of the year before
        LocalDate today = LocalDate.now(clock);
        ReportPeriod lastYearPeriod = r.period().sameLastYearComparable(today);
        ReportPeriod before = r.period().previousComparable(today);
        LedgerStatsService.TableSums sums = stats.tableSums(scope, q, group(org), org.depth(),
                q.withRange(lastYearPeriod.from(), lastYearPeriod.to()), before == null ? null : q.withRange(before.from(), before.to()));
        List<StatRow> childSums = byOwnColumn(org, sums.sums());
        Map<String, Map<Long, StatRow>> byGroup = index(childSums);
        Map<Long, StatRow> total = sumOfGroups(childSums);
        Map<Long, StatRow> lastYear = totals(sums.lastYear());
        Map<Long, StatRow> previous = sums.previous() == null ? null : totals(sums.previous());

        List<StatisticsTable.Column> columns = new ArrayList<>();
        boolean ownWork = byGroup.containsKey(String.valueOf(org.id()));
        if (ownWork || children.isEmpty()) {
            columns.add(new StatisticsTable.Column(org.id(), msg("report.ownLevel", locale), true, false));
        }
        children.forEach(c -> columns.add(new StatisticsTable.Column(c.id(), c.name(), false, tree.hasChildren(c))));

        Integer year = r.period().year();
        List<Long> targetOrgs = columns.stream().map(StatisticsTable.Column::orgId).collect(Collectors.toList());
        targetOrgs.add(org.id());
        Map<Long, Map<Long, BigDecimal>> targets = year == null ? Map.of() : campaigns.targets(campaign.id(), targetOrgs, year);

        List<StatisticsTable.Row> rows = new ArrayList<>();
        for (FocusArea area : s.focusAreas()) {
            for (TaskType type : s.taskTypes(area)) {
                for (Indicator i : s.indicators(type)) {
                    BigDecimal sum = value(total.get(i.id()));
                    if ((i.retired() || type.retired()) && sum.signum() == 0) {
                        continue; // a retired indicator shows only where it still has figures
                    }
                    Map<Long, BigDecimal> values = new LinkedHashMap<>();
                    Map<Long, BigDecimal> columnTargets = new HashMap<>();
                    for (StatisticsTable.Column c : columns) {
                        values.put(c.orgId(), value(byGroup.getOrDefault(String.valueOf(c.orgId()), Map.of()).get(i.id())));
                        BigDecimal t = targets.getOrDefault(c.orgId(), Map.of()).get(i.id());
                        if (t != null && !c.own()) {
                            columnTargets.put(c.orgId(), t);
                        }
                    }
                    rows.add(new StatisticsTable.Row(String.valueOf(i.id()), area.name(), type.shortName(), type.id(), i.name(), i.unit(),
                            i.retired() || type.retired(), cn.zhutui.common.Numbers.places(i.decimals()), sum, values, targets.getOrDefault(org.id(), Map.of()).get(i.id()), columnTargets,
                            value(lastYear.get(i.id())), previous == null ? null : value(previous.get(i.id()))));
                }
            }
        }
        return new StatisticsTable(campaign.name(), campaign.id(), org.id(), org.name(), r.period(), r.period().label(locale),
                r.includeSubmitted(), filterLabel(r, locale), columns, rows,
                summary(sums.members(), org, columns, byGroup, total, lastYear, previous, locale),
                r.period().unfinished(today) ? messages.getMessage("report.comparedToDate",
                        new Object[] {today.getMonthValue(), today.getDayOfMonth()}, locale) : null);
    }

    /**
     * The units a report's columns show under an org: a committee's units directly below it; none
     * under another org (a special committee, an office), whose report is its own entries.
     */
    List<Org> children(Org org) {
        return org.isCommittee() ? orgs.childUnits(org) : List.of();
    }

    /** How a report's sums are split: by the units below a committee; as one total for another org. */
    static StatGroup group(Org org) {
        return org.isCommittee() ? StatGroup.CHILD_UNIT : StatGroup.TOTAL;
    }

    /** A total of another org is its own column's. */
    static List<StatRow> byOwnColumn(Org org, List<StatRow> rows) {
        if (org.isCommittee()) {
            return rows;
        }
        return rows.stream().map(r -> new StatRow(String.valueOf(org.id()), r.indicatorId(), r.value(), r.entries(), r.households(), r.persons()))
                .toList();
    }

    /** The rows under the indicators: entries, members who took part, households and persons helped. */
    private List<StatisticsTable.Row> summary(Map<String, Long> memberCounts, Org org, List<StatisticsTable.Column> columns,
                                              Map<String, Map<Long, StatRow>> byGroup, Map<Long, StatRow> total,
                                              Map<Long, StatRow> lastYear, Map<Long, StatRow> previous, Locale locale) {
        Map<String, Long> members = new java.util.HashMap<>(memberCounts);
        if (!org.isCommittee()) {
            members.put(String.valueOf(org.id()), members.getOrDefault("total", 0L));
        }
        long allMembers = members.getOrDefault("total", 0L);
        List<StatisticsTable.Row> rows = new ArrayList<>();
        for (String key : SUMMARY_KEYS) {
            Map<Long, BigDecimal> values = new LinkedHashMap<>();
            for (StatisticsTable.Column c : columns) {
                String g = String.valueOf(c.orgId());
                values.put(c.orgId(), key.equals("members") ? BigDecimal.valueOf(members.getOrDefault(g, 0L))
                        : summaryValue(byGroup.getOrDefault(g, Map.of()).get(0L), key));
            }
            BigDecimal sum = key.equals("members") ? BigDecimal.valueOf(allMembers) : summaryValue(total.get(0L), key);
            rows.add(new StatisticsTable.Row(key, null, null, null, msg("report.summary." + key, locale), msg("report.summary." + key + ".unit", locale),
                    false, 0, sum, values, null, Map.of(),
                    key.equals("members") ? null : summaryValue(lastYear.get(0L), key),
                    previous == null || key.equals("members") ? null : summaryValue(previous.get(0L), key)));
        }
        return rows;
    }

    StatQuery query(ReportRequest r, Org org) {
        List<String> counties = null;
        if (r.tag() != null && !r.tag().isBlank()) {
            counties = regions.withTag(r.tag()).stream().map(Region::code).filter(c -> c.length() == 6).toList();
            if (counties.isEmpty()) {
                counties = List.of("none");
            }
        }
        String region = r.regionCode() == null || r.regionCode().isBlank() ? null : r.regionCode().trim();
        return new StatQuery(r.campaignId(), r.period().from(), r.period().to(), r.includeSubmitted(),
                org.isCommittee() ? org.path() : null, region, counties, null, null, org.isCommittee() ? null : org.path());
    }

    private static Map<Long, StatRow> totals(List<StatRow> totalRows) {
        return index(totalRows).getOrDefault("total", Map.of());
    }

    /** The org's total: the sum of its own work and its child units' (the groups cover the subtree). */
    private static Map<Long, StatRow> sumOfGroups(List<StatRow> rows) {
        Map<Long, StatRow> total = new HashMap<>();
        rows.forEach(r -> total.merge(r.indicatorId(), r, (a, b) -> new StatRow("total", a.indicatorId(), a.value().add(b.value()),
                a.entries() + b.entries(), a.households() + b.households(), a.persons() + b.persons())));
        return total;
    }

    static Map<String, Map<Long, StatRow>> index(List<StatRow> rows) {
        Map<String, Map<Long, StatRow>> map = new HashMap<>();
        rows.forEach(r -> map.computeIfAbsent(r.group(), k -> new HashMap<>()).put(r.indicatorId(), r));
        return map;
    }

    private static BigDecimal value(StatRow row) {
        return row == null ? BigDecimal.ZERO : row.value();
    }

    private static BigDecimal summaryValue(StatRow row, String key) {
        if (row == null) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(switch (key) {
            case "entries" -> row.entries();
            case "households" -> row.households();
            case "persons" -> row.persons();
            default -> 0L;
        });
    }

    private String filterLabel(ReportRequest r, Locale locale) {
        List<String> parts = new ArrayList<>();
        if (r.regionCode() != null && !r.regionCode().isBlank()) {
            regions.find(r.regionCode()).ifPresent(x -> parts.add(x.name()));
        }
        if (r.tag() != null && !r.tag().isBlank()) {
            parts.add(dict.label("region_tag", r.tag(), locale));
        }
        if (r.includeSubmitted()) {
            parts.add(msg("report.includesSubmitted", locale));
        }
        return String.join(" · ", parts);
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}

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
import cn.zhutui.ledger.LedgerStatsService;
import cn.zhutui.ledger.StatGroup;
import cn.zhutui.ledger.StatQuery;
import cn.zhutui.ledger.StatRow;
import cn.zhutui.member.Member;
import cn.zhutui.member.MemberService;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgService;
import cn.zhutui.region.Region;
import cn.zhutui.region.RegionLevel;
import cn.zhutui.region.RegionService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** Builds an org's dashboard from the live statistics. */
@Service
public class DashboardService {

    static final List<String> KEY_TAGS = List.of("NATIONAL_KEY", "PROVINCIAL_KEY");

    private final LedgerStatsService stats;
    private final CampaignService campaigns;
    private final OrgService orgs;
    private final MemberService members;
    private final RegionService regions;
    private final ReportService reports;
    private final MessageSource messages;
    private final cn.zhutui.ledger.LedgerService ledger;

    DashboardService(LedgerStatsService stats, CampaignService campaigns, OrgService orgs, MemberService members,
                     RegionService regions, ReportService reports, MessageSource messages, cn.zhutui.ledger.LedgerService ledger) {
        this.stats = stats;
        this.campaigns = campaigns;
        this.orgs = orgs;
        this.members = members;
        this.regions = regions;
        this.reports = reports;
        this.messages = messages;
        this.ledger = ledger;
    }

    public Dashboard dashboard(DataScope scope, ReportRequest r, Long mapIndicatorId, Locale locale) {
        scope.require(Permission.REPORT_VIEW);
        Campaign campaign = campaigns.get(scope, r.campaignId());
        CampaignStructure s = campaigns.structure(campaign.id());
        Org org = orgs.get(scope, r.orgId());
        StatQuery q = reports.query(r, org);

        StatRow total = first(stats.sums(scope, q, StatGroup.TOTAL, 0, 0L), 0L);
        // the period before, or (for a year to date) the same span last year; for a running period, the same days of it
        LocalDate today = ledger.today();
        ReportPeriod previous = r.period().previous() != null ? r.period().previousComparable(today) : r.period().sameLastYearComparable(today);
        StatRow before = first(stats.sums(scope, q.withRange(previous.from(), previous.to()), StatGroup.TOTAL, 0, 0L), 0L);

        // the twelve months up to the period's end, or to this month if the period is still running
        YearMonth last = YearMonth.from(r.period().to());
        YearMonth now = YearMonth.from(ledger.today());
        if (last.isAfter(now)) {
            last = now;
        }
        StatQuery year = q.withRange(last.minusMonths(11).atDay(1), last.atEndOfMonth());
        Map<String, StatRow> byMonth = byGroup(stats.sums(scope, year, StatGroup.MONTH, 0, 0L), 0L);
        List<Dashboard.Point> trend = new ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            String m = last.minusMonths(i).toString();
            // the running month is not a whole month: labelled so, rather than read as a drop
            String label = i == 0 && last.equals(now) && today.getDayOfMonth() < last.lengthOfMonth()
                    ? m + messages.getMessage("dashboard.monthSoFar", new Object[] {today.getDayOfMonth()}, locale) : m;
            trend.add(point(m, label, entries(byMonth.get(m)), null));
        }

        Map<String, StatRow> byType = byGroup(stats.sums(scope, q, StatGroup.TASK_TYPE, 0, 0L), 0L);
        List<Dashboard.Point> areas = new ArrayList<>();
        for (FocusArea area : s.focusAreas()) {
            long n = s.taskTypes(area).stream().mapToLong(t -> entries(byType.get(String.valueOf(t.id())))).sum();
            areas.add(point(String.valueOf(area.id()), area.name(), n, null));
        }

        List<Org> children = reports.children(org);
        Map<String, StatRow> byChild = children.isEmpty() ? Map.of() : byGroup(stats.sums(scope, q, StatGroup.CHILD_UNIT, org.depth(), 0L), 0L);
        Map<String, Long> activeByChild = children.isEmpty() ? Map.of() : stats.members(scope, q, StatGroup.CHILD_UNIT, org.depth());
        List<Dashboard.Point> ranked = children.stream()
                .map(c -> point(String.valueOf(c.id()), c.name(), entries(byChild.get(String.valueOf(c.id()))), null))
                .sorted(Comparator.comparing(Dashboard.Point::value).reversed()).toList();
        cn.zhutui.member.MembersUnder under = members.membersUnder(scope, org.id());
        Map<Long, Long> membersByChild = under.countsByChild();
        List<Dashboard.Point> participation = new ArrayList<>();
        for (Org c : children) {
            long all = membersByChild.getOrDefault(c.id(), 0L);
            long active = activeByChild.getOrDefault(String.valueOf(c.id()), 0L);
            participation.add(new Dashboard.Point(String.valueOf(c.id()), c.name(),
                    all == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(active * 1000 / all, 1), BigDecimal.valueOf(all)));
        }
        participation.sort(Comparator.comparing(Dashboard.Point::value));

        List<Long> everyone = under.ids();
        Set<Long> active = stats.activeMembers(scope, q);
        List<Long> inactive = everyone.stream().filter(id -> !active.contains(id)).toList();
        List<Dashboard.MemberRef> inactiveShown = members.findAll(inactive.stream().limit(30).toList()).stream()
                .map(m -> new Dashboard.MemberRef(m.id(), m.name())).toList();

        Dashboard.MapIndicator mapIndicator = mapIndicator(s, mapIndicatorId, locale);
        Map<String, StatRow> byCounty = byGroup(stats.sums(scope, q, StatGroup.COUNTY, 0, mapIndicator.id()), mapIndicator.id());
        Map<String, String> countyNames = regions.atLevel(RegionLevel.COUNTY, null).stream().collect(Collectors.toMap(Region::code, Region::name));
        List<Dashboard.Point> counties = byCounty.entrySet().stream()
                .map(e -> new Dashboard.Point(e.getKey(), countyNames.getOrDefault(e.getKey(), e.getKey()),
                        mapIndicator.id() == 0 ? BigDecimal.valueOf(e.getValue().entries()) : e.getValue().value(), null))
                .sorted(Comparator.comparing(Dashboard.Point::id)).toList();
        List<String> keyCounties = KEY_TAGS.stream().flatMap(t -> regions.withTag(t).stream()).map(Region::code).distinct().sorted().toList();

        List<Dashboard.MapIndicator> choices = new ArrayList<>();
        choices.add(new Dashboard.MapIndicator(0, msg("report.summary.entries", locale), msg("report.summary.entries.unit", locale)));
        for (TaskType t : s.activeTaskTypes()) {
            s.activeIndicators(t).forEach(i -> choices.add(new Dashboard.MapIndicator(i.id(), t.shortName() + "·" + i.name(), i.unit())));
        }
        return new Dashboard(campaign.id(), campaign.name(), org.id(), org.name(), r.period(), r.period().label(locale),
                total.entries(), before.entries(), total.households(), total.persons(), everyone.size(), everyone.size() - inactive.size(),
                trend, areas, ranked.stream().limit(5).toList(),
                bottom(ranked),
                participation.stream().limit(10).toList(), inactiveShown, inactive.size(), mapIndicator, counties, keyCounties, choices);
    }

    /** The five last of a ranking, the very last first; none if the ranking has only a top. */
    private static List<Dashboard.Point> bottom(List<Dashboard.Point> ranked) {
        if (ranked.size() <= 5) {
            return List.of();
        }
        List<Dashboard.Point> bottom = new ArrayList<>(ranked.subList(Math.max(5, ranked.size() - 5), ranked.size()));
        java.util.Collections.reverse(bottom);
        return bottom;
    }

    private Dashboard.MapIndicator mapIndicator(CampaignStructure s, Long id, Locale locale) {
        if (id != null && id != 0) {
            Indicator i = s.indicator(id).orElse(null);
            if (i != null) {
                return new Dashboard.MapIndicator(i.id(), s.taskType(i.taskTypeId()).map(TaskType::shortName).orElse("") + "·" + i.name(), i.unit());
            }
        }
        return new Dashboard.MapIndicator(0, msg("report.summary.entries", locale), msg("report.summary.entries.unit", locale));
    }

    private static StatRow first(List<StatRow> rows, long indicator) {
        return rows.stream().filter(r -> r.indicatorId() == indicator).findFirst()
                .orElse(new StatRow("total", indicator, BigDecimal.ZERO, 0, 0, 0));
    }

    private static Map<String, StatRow> byGroup(List<StatRow> rows, long indicator) {
        Map<String, StatRow> map = new HashMap<>();
        rows.stream().filter(r -> r.indicatorId() == indicator).forEach(r -> map.put(r.group(), r));
        return map;
    }

    private static long entries(StatRow row) {
        return row == null ? 0 : row.entries();
    }

    private static Dashboard.Point point(String id, String label, long value, BigDecimal second) {
        return new Dashboard.Point(id, label, BigDecimal.valueOf(value), second);
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}

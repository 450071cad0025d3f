package cn.zhutui.ledger;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.Permission;
import cn.zhutui.common.Where;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Sums of the ledger for reports, at any moment: whole months from the facts kept in step with
 * every approval, the days of a range that do not fill a month from the entries themselves. Every
 * read is scoped: the query's org path must lie in the caller's scope (out of it answers "not
 * found", as everywhere), and only roles that read reports may ask.
 */
@Service
public class LedgerStatsService {

    private final JdbcClient jdbc;

    LedgerStatsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Sums by group and indicator. For CHILD_UNIT, parentDepth is the depth of the org the report
     * is about (1 for a root): each unit is counted under its ancestor one level below it.
     */
    public List<StatRow> sums(DataScope scope, StatQuery q, StatGroup group, int parentDepth) {
        return sums(scope, q, group, parentDepth, null);
    }

    /** The same, for one indicator only (0: the entries, households and persons). */
    public List<StatRow> sums(DataScope scope, StatQuery q, StatGroup group, int parentDepth, Long indicatorId) {
        check(scope, q);
        Split split = factsKnow(q) ? Split.of(q) : Split.daysOnly(q);
        List<StatRow> rows = new ArrayList<>();
        if (split.months() != null) {
            rows.addAll(monthSums(split.months(), group, parentDepth, indicatorId));
        }
        for (StatQuery days : split.days()) {
            rows.addAll(dayFactsKnow(q, group) ? dayFactSums(days, group, parentDepth, indicatorId) : entrySums(days, group, parentDepth, indicatorId));
        }
        return split.days().isEmpty() || split.months() == null && split.days().size() == 1 ? rows : merged(rows);
    }

    /**
     * The day facts know units and days only: a range's days are summed from them unless the
     * query filters or groups by what only the entries know (a place, a task type, an org's own).
     */
    private static boolean dayFactsKnow(StatQuery q, StatGroup group) {
        return q.regionPrefix() == null && (q.counties() == null || q.counties().isEmpty()) && q.focusAreaId() == null
                && q.taskTypeId() == null && q.orgPath() == null
                && (group == StatGroup.TOTAL || group == StatGroup.UNIT || group == StatGroup.CHILD_UNIT || group == StatGroup.MONTH);
    }

    /** As factSums, from the day facts of the query's days (summed per unit first, then grouped by org). */
    private List<StatRow> dayFactSums(StatQuery q, StatGroup group, int parentDepth, Long indicatorId) {
        Where w = new Where().and("f.campaign_id = :campaign").param("campaign", q.campaignId())
                .and("f.day BETWEEN :from AND :to").param("from", q.from()).param("to", q.to());
        approved(w, q, "f.approved");
        w.and("f.indicator_id = :indicator", "indicator", indicatorId);
        w.and("f.unit_org_id IN (SELECT id FROM org WHERE path LIKE :unitPath || '%')", "unitPath", q.unitPath());
        String key = group == StatGroup.MONTH ? "to_char(date_trunc('month', f.day), 'YYYY-MM')" : "''";
        return statRows("SELECT " + groupKey(group, "x.fk", parentDepth) + " AS grp, x.indicator_id, sum(x.value) AS value,"
                + " sum(x.entries) AS entries, sum(x.households) AS households, sum(x.persons) AS persons FROM ("
                + " SELECT f.unit_org_id, " + key + " AS fk, f.indicator_id, sum(f.value) AS value, sum(f.entries) AS entries,"
                + " sum(f.households) AS households, sum(f.persons) AS persons FROM ledger_day_fact f" + w.sql() + " GROUP BY 1, 2, 3"
                + ") x JOIN org u ON u.id = x.unit_org_id GROUP BY 1, 2", w);
    }

    /**
     * The sums of whole months: the whole quarters among them from the quarter facts (a third of the
     * rows), the months before and after from the month facts; by month, all from the month facts.
     */
    private List<StatRow> monthSums(StatQuery q, StatGroup group, int parentDepth, Long indicatorId) {
        LocalDate firstQuarter = quarterStart(q.from()).equals(q.from()) ? q.from() : quarterStart(q.from()).plusMonths(3);
        LocalDate lastQuarterEnd = quarterStart(q.to().plusDays(1)).minusDays(1);
        if (group == StatGroup.MONTH || !firstQuarter.isBefore(lastQuarterEnd)) {
            return factSums(q, group, parentDepth, indicatorId, "ledger_fact");
        }
        List<StatRow> rows = new ArrayList<>(factSums(q.withRange(firstQuarter, lastQuarterEnd), group, parentDepth, indicatorId,
                "ledger_quarter_fact"));
        boolean whole = true;
        if (q.from().isBefore(firstQuarter)) {
            rows.addAll(factSums(q.withRange(q.from(), firstQuarter.minusDays(1)), group, parentDepth, indicatorId, "ledger_fact"));
            whole = false;
        }
        if (q.to().isAfter(lastQuarterEnd)) {
            rows.addAll(factSums(q.withRange(lastQuarterEnd.plusDays(1), q.to()), group, parentDepth, indicatorId, "ledger_fact"));
            whole = false;
        }
        return whole ? rows : merged(rows);
    }

    private static LocalDate quarterStart(LocalDate day) {
        return day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
    }

    /** Sums from a facts table: ledger_fact, or ledger_quarter_fact (the same columns, a quarter's first day as its month). */
    private List<StatRow> factSums(StatQuery q, StatGroup group, int parentDepth, Long indicatorId, String table) {
        // facts are summed per unit first, without joins; the few sums are then grouped by org
        Where w = factFilter(q);
        w.and("f.indicator_id = :indicator", "indicator", indicatorId);
        // a small org's report reads only its units' facts; a root's reads them all and keeps its subtree's
        // sums after grouping (cheaper than a semi-join on every fact)
        boolean root = q.unitPath() != null && q.unitPath().chars().filter(c -> c == '/').count() <= 2;
        Where outer = new Where();
        if (root) {
            outer.and("u.path LIKE :unitPath || '%'", "unitPath", q.unitPath());
            w.params().putAll(outer.params());
        } else {
            w.and("f.unit_org_id IN (SELECT id FROM org WHERE path LIKE :unitPath || '%')", "unitPath", q.unitPath());
        }
        return statRows("SELECT " + groupKey(group, outerFactKey(group), parentDepth) + " AS grp, x.indicator_id, sum(x.value) AS value,"
                + " sum(x.entries) AS entries, sum(x.households) AS households, sum(x.persons) AS persons FROM ("
                + " SELECT f.unit_org_id, " + factKey(group) + " AS fk, f.indicator_id, sum(f.value) AS value, sum(f.entries) AS entries,"
                + " sum(f.households) AS households, sum(f.persons) AS persons FROM " + table + " f" + w.sql() + " GROUP BY 1, 2, 3"
                + ") x JOIN org u ON u.id = x.unit_org_id" + outer.sql() + " GROUP BY 1, 2", w);
    }

    private List<StatRow> entrySums(StatQuery q, StatGroup group, int parentDepth, Long indicatorId) {
        Where w = filter(q);
        String key = groupKey(group, entryKey(group), parentDepth);
        String values = indicatorId == null || indicatorId != 0
                ? " SELECT " + key + " AS grp, v.indicator_id, v.value, 0 AS entries, 0 AS households, 0 AS persons"
                + " FROM ledger_entry e JOIN ledger_value v ON v.entry_id = e.id JOIN org u ON u.id = e.unit_org_id"
                + " JOIN task_type t ON t.id = e.task_type_id" + w.sql() + (indicatorId == null ? "" : " AND v.indicator_id = :indicator")
                + (indicatorId == null ? " UNION ALL" : "") : "";
        String entries = indicatorId == null || indicatorId == 0
                ? " SELECT " + key + " AS grp, 0 AS indicator_id, 0 AS value, 1 AS entries, coalesce(e.households, 0) AS households,"
                + " coalesce(e.persons, 0) AS persons"
                + " FROM ledger_entry e JOIN org u ON u.id = e.unit_org_id JOIN task_type t ON t.id = e.task_type_id" + w.sql() : "";
        w.param("indicator", indicatorId);
        return statRows("SELECT grp, indicator_id, sum(value) AS value, sum(entries) AS entries, sum(households) AS households,"
                + " sum(persons) AS persons FROM (" + values + entries + ") x GROUP BY 1, 2", w);
    }

    /**
     * What a statistics table shows: the period's sums by group, the totals of the same span last
     * year and of the period before (null: none), and the members who took part by group (with
     * "total"). Where the facts answer, each comes from its facts; where only the entries do (a
     * township, a village, an org's own entries), all four come from one pass over the entries, as
     * each pass costs as much as the four sums together.
     */
    public TableSums tableSums(DataScope scope, StatQuery q, StatGroup group, int parentDepth, StatQuery lastYear, StatQuery previous) {
        if (factsKnow(q)) {
            return new TableSums(sums(scope, q, group, parentDepth), sums(scope, lastYear, StatGroup.TOTAL, 0),
                    previous == null ? null : sums(scope, previous, StatGroup.TOTAL, 0), members(scope, q, group, parentDepth));
        }
        check(scope, q);
        Where w = new Where().and("e.campaign_id = :campaign").param("campaign", q.campaignId());
        List<StatQuery> spans = previous == null ? List.of(q, lastYear) : List.of(q, lastYear, previous);
        List<String> values = new ArrayList<>();
        List<String> within = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            values.add("(" + i + ", CAST(:from" + i + " AS date), CAST(:to" + i + " AS date))");
            within.add("e.start_date BETWEEN :from" + i + " AND :to" + i);
            w.param("from" + i, spans.get(i).from()).param("to" + i, spans.get(i).to());
        }
        w.and("(" + String.join(" OR ", within) + ")");
        filter(q, w);
        String key = groupKey(group, entryKey(group), parentDepth);
        // a span joined rather than chosen by CASE: the same year last year and the period before can be one range
        String sql = "WITH hits AS MATERIALIZED (SELECT e.id, s.span, " + key + " AS grp, coalesce(e.households, 0) AS households,"
                + " coalesce(e.persons, 0) AS persons FROM ledger_entry e JOIN org u ON u.id = e.unit_org_id"
                + " JOIN task_type t ON t.id = e.task_type_id JOIN (VALUES " + String.join(", ", values) + ") s(span, first, last)"
                + " ON e.start_date BETWEEN s.first AND s.last" + w.sql() + ")"
                + " SELECT h.span, h.grp, v.indicator_id, sum(v.value) AS value, 0 AS entries, 0 AS households, 0 AS persons"
                + " FROM hits h JOIN ledger_value v ON v.entry_id = h.id GROUP BY 1, 2, 3"
                + " UNION ALL SELECT span, grp, 0, 0, count(*), sum(households), sum(persons) FROM hits GROUP BY 1, 2"
                + " UNION ALL SELECT -1, coalesce(h.grp, 'total'), 0, 0, count(DISTINCT m.member_id), 0, 0"
                + " FROM hits h JOIN ledger_entry_member m ON m.entry_id = h.id WHERE h.span = 0 GROUP BY "
                + (group == StatGroup.TOTAL ? "h.grp" : "GROUPING SETS ((h.grp), ())");
        List<List<StatRow>> bySpan = new ArrayList<>();
        spans.forEach(s -> bySpan.add(new ArrayList<>()));
        Map<String, Long> members = new java.util.HashMap<>();
        jdbc.sql(sql).params(w.params()).query(rs -> {
            int span = rs.getInt("span");
            if (span < 0) {
                members.put(rs.getString("grp"), rs.getLong("entries"));
                return;
            }
            bySpan.get(span).add(new StatRow(span == 0 ? rs.getString("grp") : "total", rs.getLong("indicator_id"),
                    plain(rs.getBigDecimal("value")), rs.getLong("entries"), rs.getLong("households"), rs.getLong("persons")));
        });
        members.putIfAbsent("total", 0L);
        return new TableSums(bySpan.get(0), merged(bySpan.get(1)), previous == null ? null : merged(bySpan.get(2)), members);
    }

    /** A statistics table's figures: see {@link #tableSums}. */
    public record TableSums(List<StatRow> sums, List<StatRow> lastYear, List<StatRow> previous, Map<String, Long> members) {
    }

    private List<StatRow> statRows(String sql, Where w) {
        return jdbc.sql(sql).params(w.params())
                .query((rs, i) -> new StatRow(rs.getString("grp"), rs.getLong("indicator_id"),
                        plain(rs.getBigDecimal("value")),
                        rs.getLong("entries"), rs.getLong("households"), rs.getLong("persons")))
                .list();
    }

    /** Without trailing zeros, but 100 stays 100 (not 1E+2) in pages, files and JSON. */
    private static BigDecimal plain(BigDecimal v) {
        if (v == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** Rows of the same group and indicator added up (the months' facts and the days' entries). */
    private static List<StatRow> merged(List<StatRow> rows) {
        Map<String, StatRow> sums = new java.util.LinkedHashMap<>();
        rows.forEach(r -> sums.merge(r.group() + "|" + r.indicatorId(), r, (a, b) -> new StatRow(a.group(), a.indicatorId(),
                a.value().add(b.value()), a.entries() + b.entries(), a.households() + b.households(), a.persons() + b.persons())));
        return List.copyOf(sums.values());
    }

    /**
     * Members who took part (distinct), by group: CHILD_UNIT, UNIT or TOTAL; the key "total" is
     * always there (a member of several groups counts once in it).
     */
    public Map<String, Long> members(DataScope scope, StatQuery q, StatGroup group, int parentDepth) {
        check(scope, q);
        Split split = memberSplit(q);
        boolean oneSource = split.days().isEmpty() || split.months() == null && split.days().size() == 1 && !memberYearsKnow(q);
        if (oneSource) {
            // one source: counted in the database
            Where w = split.months() != null ? memberYears(split.months()) : filter(q);
            String pairs = split.months() != null ? memberYearPairs(group, parentDepth, w) : entryPairs(group, parentDepth, w);
            String grouping = group == StatGroup.TOTAL ? "grp" : "GROUPING SETS ((grp), ())";
            return jdbc.sql("SELECT coalesce(grp, 'total'), count(DISTINCT member_id) FROM (" + pairs + ") d GROUP BY " + grouping)
                    .params(w.params()).query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }
        // whole months from the month bits, the days at either end from the day bits (or the entries): a member counts once
        Map<String, java.util.Set<Long>> byGroup = new java.util.HashMap<>();
        java.util.Set<Long> all = new java.util.HashSet<>();
        org.springframework.jdbc.core.RowCallbackHandler collect = rs -> {
            byGroup.computeIfAbsent(rs.getString(1), k -> new java.util.HashSet<>()).add(rs.getLong(2));
            all.add(rs.getLong(2));
        };
        forEachMemberPair(split, group, parentDepth, collect);
        Map<String, Long> counts = new java.util.HashMap<>();
        byGroup.forEach((g, members) -> counts.put(g, (long) members.size()));
        counts.put("total", (long) all.size());
        return counts;
    }

    private static String memberYearPairs(StatGroup group, int parentDepth, Where w) {
        return "SELECT DISTINCT " + groupKey(group, "''", parentDepth) + " AS grp, my.member_id"
                + " FROM ledger_member_year my JOIN org u ON u.id = my.unit_org_id" + w.sql();
    }

    private static String entryPairs(StatGroup group, int parentDepth, Where w) {
        return "SELECT DISTINCT " + groupKey(group, entryKey(group), parentDepth) + " AS grp, m.member_id"
                + " FROM ledger_entry e JOIN ledger_entry_member m ON m.entry_id = e.id JOIN org u ON u.id = e.unit_org_id"
                + " JOIN task_type t ON t.id = e.task_type_id" + w.sql();
    }

    /** The members with the most entries in the range, with their counts, most first. */
    public List<Map.Entry<Long, Long>> topMembers(DataScope scope, StatQuery q, int limit) {
        check(scope, q);
        if (q.orgPath() != null) {
            Where e = filter(q);
            return jdbc.sql("SELECT m.member_id, count(*) AS n FROM ledger_entry e JOIN ledger_entry_member m ON m.entry_id = e.id"
                            + " JOIN org u ON u.id = e.unit_org_id JOIN task_type t ON t.id = e.task_type_id" + e.sql()
                            + " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT :limit")
                    .params(e.params()).param("limit", limit).query((rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2))).list();
        }
        Where w = new Where().and("mf.campaign_id = :campaign").param("campaign", q.campaignId())
                .and("mf.month BETWEEN :from AND :to").param("from", q.from().withDayOfMonth(1)).param("to", q.to());
        approved(w, q, "mf.approved");
        w.and("u.path LIKE :unitPath || '%'", "unitPath", q.unitPath());
        return jdbc.sql("SELECT mf.member_id, sum(mf.entries) AS n FROM ledger_member_fact mf JOIN org u ON u.id = mf.unit_org_id"
                        + w.sql() + " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT :limit")
                .params(w.params()).param("limit", limit)
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2))).list();
    }

    /**
     * The members who recorded something in the range, by group (CHILD_UNIT, UNIT or TOTAL): the
     * counts by group and the distinct members overall from one read, for a page that needs both.
     */
    public Map<String, java.util.Set<Long>> activeMembersBy(DataScope scope, StatQuery q, StatGroup group, int parentDepth) {
        check(scope, q);
        Map<String, java.util.Set<Long>> byGroup = new java.util.HashMap<>();
        forEachMemberPair(memberSplit(q), group, parentDepth,
                rs -> byGroup.computeIfAbsent(rs.getString(1), k -> new java.util.HashSet<>()).add(rs.getLong(2)));
        return byGroup;
    }

    /** Ids of the members who recorded something in the range (under the query's org). */
    public java.util.Set<Long> activeMembers(DataScope scope, StatQuery q) {
        check(scope, q);
        java.util.Set<Long> active = new java.util.HashSet<>();
        forEachMemberPair(memberSplit(q), StatGroup.TOTAL, 0, rs -> active.add(rs.getLong(2)));
        return active;
    }

    /** Each (group, member) pair of the split's months (from the month bits) and days (from the entries). */
    private void forEachMemberPair(Split split, StatGroup group, int parentDepth, org.springframework.jdbc.core.RowCallbackHandler handler) {
        if (split.months() != null) {
            Where w = memberYears(split.months());
            jdbc.sql(memberYearPairs(group, parentDepth, w)).params(w.params()).query(handler);
        }
        for (StatQuery days : split.days()) {
            if (memberYearsKnow(days)) {
                // the day bits are a month's: a run of days is read month by month
                for (LocalDate start = days.from(); !start.isAfter(days.to()); start = start.withDayOfMonth(1).plusMonths(1)) {
                    LocalDate end = start.withDayOfMonth(start.lengthOfMonth());
                    Where w = memberDays(days.withRange(start, end.isAfter(days.to()) ? days.to() : end));
                    jdbc.sql(memberDayPairs(group, parentDepth, w)).params(w.params()).query(handler);
                }
            } else {
                Where w = filter(days);
                jdbc.sql(entryPairs(group, parentDepth, w)).params(w.params()).query(handler);
            }
        }
    }

    /** The member months of a run of days within one month, with a day of it among their day bits. */
    private static Where memberDays(StatQuery q) {
        int mask = 0;
        for (LocalDate d = q.from(); !d.isAfter(q.to()); d = d.plusDays(1)) {
            mask |= 1 << (d.getDayOfMonth() - 1);
        }
        Where w = new Where().and("mf.campaign_id = :campaign").param("campaign", q.campaignId())
                .and("mf.month = :month").param("month", q.from().withDayOfMonth(1))
                .and("mf.days & :days <> 0").param("days", mask);
        approved(w, q, "mf.approved");
        w.and("u.path LIKE :unitPath || '%'", "unitPath", q.unitPath());
        return w;
    }

    private static String memberDayPairs(StatGroup group, int parentDepth, Where w) {
        return "SELECT DISTINCT " + groupKey(group, "''", parentDepth) + " AS grp, mf.member_id"
                + " FROM ledger_member_fact mf JOIN org u ON u.id = mf.unit_org_id" + w.sql();
    }

    private static Split memberSplit(StatQuery q) {
        return memberYearsKnow(q) ? Split.of(q) : Split.daysOnly(q);
    }

    /** A report reader asking under an org of their scope; the system anywhere. */
    private static void check(DataScope scope, StatQuery q) {
        scope.require(Permission.REPORT_VIEW);
        if (!scope.isSystem() && (q.scopePath() == null || !scope.coversOrgPath(q.scopePath()))) {
            throw new NotFoundException("org", q.scopePath());
        }
    }

    /** The facts know counties and units, not townships, villages or the org of an entry: those sum the entries. */
    private static boolean factsKnow(StatQuery q) {
        return (q.regionPrefix() == null || q.regionPrefix().length() <= 6) && q.orgPath() == null;
    }

    /** The month bits know committees, months and years only: finer filters need the entries. */
    private static boolean memberYearsKnow(StatQuery q) {
        return q.regionPrefix() == null && (q.counties() == null || q.counties().isEmpty()) && q.focusAreaId() == null
                && q.taskTypeId() == null && q.orgPath() == null;
    }

    /**
     * A range cut into its whole months (from the facts; null if none) and the days before and
     * after them (from the entries): 5 January to 20 March is February, 5–31 January and 1–20 March.
     */
    record Split(StatQuery months, List<StatQuery> days) {

        static Split of(StatQuery q) {
            LocalDate first = q.from().getDayOfMonth() == 1 ? q.from() : q.from().withDayOfMonth(1).plusMonths(1);
            LocalDate last = q.to().plusDays(1).getDayOfMonth() == 1 ? q.to() : q.to().withDayOfMonth(1).minusDays(1);
            if (first.isAfter(last)) {
                return daysOnly(q);
            }
            List<StatQuery> days = new ArrayList<>();
            if (q.from().isBefore(first)) {
                days.add(q.withRange(q.from(), first.minusDays(1)));
            }
            if (q.to().isAfter(last)) {
                days.add(q.withRange(last.plusDays(1), q.to()));
            }
            return new Split(q.withRange(first, last), days);
        }

        static Split daysOnly(StatQuery q) {
            return new Split(null, List.of(q));
        }
    }

    /** The rows of ledger_member_year with a month of the range: one (year, month mask) condition per year. */
    private static Where memberYears(StatQuery q) {
        Where w = new Where().and("my.campaign_id = :campaign").param("campaign", q.campaignId());
        approved(w, q, "my.approved");
        List<String> years = new java.util.ArrayList<>();
        for (int y = q.from().getYear(); y <= q.to().getYear(); y++) {
            int first = y == q.from().getYear() ? q.from().getMonthValue() : 1;
            int last = y == q.to().getYear() ? q.to().getMonthValue() : 12;
            int mask = ((1 << last) - 1) & ~((1 << (first - 1)) - 1);
            years.add("(my.year = :y" + y + " AND my.months & :m" + y + " <> 0)");
            w.param("y" + y, y).param("m" + y, mask);
        }
        w.and("(" + String.join(" OR ", years) + ")");
        w.and("u.path LIKE :unitPath || '%'", "unitPath", q.unitPath());
        return w;
    }

    /** The facts of the query's range and filters; its org is the caller's to join (see sums). */
    private static Where factFilter(StatQuery q) {
        Where w = new Where().and("f.campaign_id = :campaign").param("campaign", q.campaignId())
                .and("f.month BETWEEN :from AND :to").param("from", q.from()).param("to", q.to());
        approved(w, q, "f.approved");
        w.and("f.county_code LIKE :region || '%'", "region", q.regionPrefix() == null ? null : left6(q.regionPrefix()));
        w.and("f.county_code IN (:counties)", "counties", q.counties());
        w.and("f.task_type_id IN (SELECT id FROM task_type WHERE focus_area_id = :focusArea)", "focusArea", q.focusAreaId());
        w.and("f.task_type_id = :taskType", "taskType", q.taskTypeId());
        return w;
    }

    /** The entries of the query, joined as e (entry), u (its unit) and t (its task type). */
    private static Where filter(StatQuery q) {
        return filter(q, new Where().and("e.campaign_id = :campaign").param("campaign", q.campaignId())
                .and("e.start_date BETWEEN :from AND :to").param("from", q.from()).param("to", q.to()));
    }

    /** The query's filters but its dates, added to a Where that has the campaign and the dates. */
    private static Where filter(StatQuery q, Where w) {
        w.and(q.includeSubmitted() ? "e.status IN ('APPROVED', 'SUBMITTED')" : "e.status = 'APPROVED'");
        w.and("e.region_code LIKE :region || '%'", "region", q.regionPrefix());
        w.and("left(e.region_code, 6) IN (:counties)", "counties", q.counties());
        w.and("u.path LIKE :unitPath || '%'", "unitPath", q.unitPath());
        w.and("t.focus_area_id = :focusArea", "focusArea", q.focusAreaId());
        w.and("e.task_type_id = :taskType", "taskType", q.taskTypeId());
        w.and("e.org_id IN (SELECT id FROM org WHERE path LIKE :orgPath || '%')", "orgPath", q.orgPath());
        return w;
    }

    private static void approved(Where w, StatQuery q, String column) {
        if (!q.includeSubmitted()) {
            w.and(column);
        }
    }

    private static String left6(String prefix) {
        return prefix.length() > 6 ? prefix.substring(0, 6) : prefix;
    }

    /**
     * The SQL of a group key: org groups from u (the unit's org), the others from the given
     * column expression. Column names are fixed, only the depth (a number) is formatted in.
     */
    private static String groupKey(StatGroup group, String column, int parentDepth) {
        return switch (group) {
            case TOTAL -> "'total'";
            case UNIT -> "u.id::text";
            case CHILD_UNIT -> "coalesce(nullif(split_part(u.path, '/', " + (parentDepth + 2) + "), ''), split_part(u.path, '/', " + (parentDepth + 1) + "))";
            default -> column;
        };
    }

    /** A fact's own part of a group key, as summed per unit (0 for the org groups, which come from the unit). */
    private static String factKey(StatGroup group) {
        return switch (group) {
            case COUNTY, PREFECTURE -> "f.county_code";
            case TASK_TYPE -> "f.task_type_id";
            case MONTH -> "f.month";
            default -> "0";
        };
    }

    /** The group key of the sums per unit, formatted once per sum rather than once per fact. */
    private static String outerFactKey(StatGroup group) {
        return switch (group) {
            case PREFECTURE -> "left(x.fk, 4)";
            case TASK_TYPE -> "x.fk::text";
            case MONTH -> "to_char(x.fk, 'YYYY-MM')";
            default -> "x.fk";
        };
    }

    private static String entryKey(StatGroup group) {
        return switch (group) {
            case COUNTY -> "left(e.region_code, 6)";
            case PREFECTURE -> "left(e.region_code, 4)";
            case TASK_TYPE -> "e.task_type_id::text";
            case MONTH -> "to_char(e.start_date, 'YYYY-MM')";
            default -> "''";
        };
    }
}

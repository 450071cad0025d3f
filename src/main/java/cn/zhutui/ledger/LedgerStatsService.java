package cn.zhutui.ledger;

import cn.zhutui.common.Where;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Sums of the ledger for reports, at any moment: from the facts kept in step with every approval
 * when the range is whole months, or from the entries themselves for other ranges. Scope is the
 * caller's to apply (the report asks only under an org the user may see).
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
    public List<StatRow> sums(StatQuery q, StatGroup group, int parentDepth) {
        return sums(q, group, parentDepth, null);
    }

    /** The same, for one indicator only (0: the entries, households and persons). */
    public List<StatRow> sums(StatQuery q, StatGroup group, int parentDepth, Long indicatorId) {
        String sql;
        Where w;
        if (q.monthAligned()) {
            // facts are summed per unit first, without joins; the few sums are then grouped by org
            w = factFilter(q);
            w.and("f.indicator_id = :indicator", "indicator", indicatorId);
            Where outer = new Where().and("u.path LIKE :unitPath || '%'", "unitPath", q.unitPath());
            w.params().putAll(outer.params());
            sql = "SELECT " + groupKey(group, outerFactKey(group), parentDepth) + " AS grp, x.indicator_id, sum(x.value) AS value, sum(x.entries) AS entries,"
                    + " sum(x.households) AS households, sum(x.persons) AS persons FROM ("
                    + " SELECT f.unit_org_id, " + factKey(group) + " AS fk, f.indicator_id, sum(f.value) AS value, sum(f.entries) AS entries,"
                    + " sum(f.households) AS households, sum(f.persons) AS persons FROM ledger_fact f" + w.sql() + " GROUP BY 1, 2, 3"
                    + ") x JOIN org u ON u.id = x.unit_org_id" + outer.sql() + " GROUP BY 1, 2";
        } else {
            w = filter(q);
            String key = groupKey(group, entryKey(group), parentDepth);
            String values = indicatorId == null || indicatorId != 0
                    ? " SELECT " + key + " AS grp, v.indicator_id, v.value, 0 AS entries, 0 AS households, 0 AS persons"
                    + " FROM ledger_entry e JOIN ledger_value v ON v.entry_id = e.id JOIN org u ON u.id = e.unit_org_id"
                    + " JOIN task_type t ON t.id = e.task_type_id" + w.sql() + (indicatorId == null ? "" : " AND v.indicator_id = :indicator")
                    + (indicatorId == null ? " UNION ALL" : "") : "";
            String entries = indicatorId == null || indicatorId == 0
                    ? " SELECT " + key + ", 0, 0, 1, coalesce(e.households, 0), coalesce(e.persons, 0)"
                    + " FROM ledger_entry e JOIN org u ON u.id = e.unit_org_id JOIN task_type t ON t.id = e.task_type_id" + w.sql() : "";
            w.param("indicator", indicatorId);
            sql = "SELECT grp, indicator_id, sum(value) AS value, sum(entries) AS entries, sum(households) AS households, sum(persons) AS persons FROM ("
                    + values + entries + ") x GROUP BY 1, 2";
        }
        return jdbc.sql(sql).params(w.params())
                .query((rs, i) -> new StatRow(rs.getString("grp"), rs.getLong("indicator_id"),
                        rs.getBigDecimal("value") == null ? BigDecimal.ZERO : rs.getBigDecimal("value").stripTrailingZeros(),
                        rs.getLong("entries"), rs.getLong("households"), rs.getLong("persons")))
                .list();
    }

    /**
     * Members who took part (distinct), by group: CHILD_UNIT, UNIT or TOTAL; the key "total" is
     * always there (a member of several groups counts once in it).
     */
    public Map<String, Long> members(StatQuery q, StatGroup group, int parentDepth) {
        String pairs;
        Where w;
        if (memberYearsAnswer(q)) {
            w = memberYears(q);
            pairs = "SELECT " + groupKey(group, "''", parentDepth) + " AS grp, my.member_id"
                    + " FROM ledger_member_year my JOIN org u ON u.id = my.unit_org_id" + w.sql();
        } else {
            w = filter(q);
            pairs = "SELECT " + groupKey(group, entryKey(group), parentDepth) + " AS grp, m.member_id"
                    + " FROM ledger_entry e JOIN ledger_entry_member m ON m.entry_id = e.id JOIN org u ON u.id = e.unit_org_id"
                    + " JOIN task_type t ON t.id = e.task_type_id" + w.sql();
        }
        String grouping = group == StatGroup.TOTAL ? "grp" : "GROUPING SETS ((grp), ())";
        return jdbc.sql("SELECT coalesce(grp, 'total'), count(DISTINCT member_id) FROM (" + pairs + ") d GROUP BY " + grouping)
                .params(w.params()).query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The members with the most entries in the range, with their counts, most first. */
    public List<Map.Entry<Long, Long>> topMembers(StatQuery q, int limit) {
        Where w = new Where().and("mf.campaign_id = :campaign").param("campaign", q.campaignId())
                .and("mf.month BETWEEN :from AND :to").param("from", q.from().withDayOfMonth(1)).param("to", q.to());
        approved(w, q, "mf.approved");
        w.and("u.path LIKE :unitPath || '%'", "unitPath", q.unitPath());
        return jdbc.sql("SELECT mf.member_id, sum(mf.entries) AS n FROM ledger_member_fact mf JOIN org u ON u.id = mf.unit_org_id"
                        + w.sql() + " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT :limit")
                .params(w.params()).param("limit", limit)
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2))).list();
    }

    /** Ids of the members who recorded something in the range (under the query's org). */
    public java.util.Set<Long> activeMembers(StatQuery q) {
        if (memberYearsAnswer(q)) {
            Where w = memberYears(q);
            return new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT my.member_id FROM ledger_member_year my JOIN org u ON u.id = my.unit_org_id"
                    + w.sql()).params(w.params()).query(Long.class).list());
        }
        Where w = filter(q);
        return new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT m.member_id FROM ledger_entry e JOIN ledger_entry_member m ON m.entry_id = e.id"
                + " JOIN org u ON u.id = e.unit_org_id JOIN task_type t ON t.id = e.task_type_id" + w.sql()).params(w.params())
                .query(Long.class).list());
    }

    /** The month bits know committees, months and years only: finer filters sum the entries. */
    private static boolean memberYearsAnswer(StatQuery q) {
        return q.monthAligned() && q.regionPrefix() == null && (q.counties() == null || q.counties().isEmpty())
                && q.focusAreaId() == null && q.taskTypeId() == null;
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
        Where w = new Where().and("e.campaign_id = :campaign").param("campaign", q.campaignId())
                .and("e.start_date BETWEEN :from AND :to").param("from", q.from()).param("to", q.to());
        w.and(q.includeSubmitted() ? "e.status IN ('APPROVED', 'SUBMITTED')" : "e.status = 'APPROVED'");
        w.and("e.region_code LIKE :region || '%'", "region", q.regionPrefix());
        w.and("left(e.region_code, 6) IN (:counties)", "counties", q.counties());
        w.and("u.path LIKE :unitPath || '%'", "unitPath", q.unitPath());
        w.and("t.focus_area_id = :focusArea", "focusArea", q.focusAreaId());
        w.and("e.task_type_id = :taskType", "taskType", q.taskTypeId());
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

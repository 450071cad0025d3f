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
        boolean facts = q.monthAligned();
        Where w = filter(q, facts);
        String key = groupKey(group, facts, parentDepth);
        String sql;
        if (facts) {
            sql = "SELECT " + key + " AS grp, f.indicator_id, sum(f.value) AS value, sum(f.entries) AS entries,"
                    + " sum(f.households) AS households, sum(f.persons) AS persons"
                    + " FROM ledger_fact f JOIN org u ON u.id = f.unit_org_id JOIN task_type t ON t.id = f.task_type_id"
                    + w.sql() + " GROUP BY 1, 2";
        } else {
            sql = "SELECT grp, indicator_id, sum(value) AS value, sum(entries) AS entries, sum(households) AS households, sum(persons) AS persons FROM ("
                    + " SELECT " + key + " AS grp, v.indicator_id, v.value, 0 AS entries, 0 AS households, 0 AS persons"
                    + " FROM ledger_entry e JOIN ledger_value v ON v.entry_id = e.id JOIN org u ON u.id = e.unit_org_id"
                    + " JOIN task_type t ON t.id = e.task_type_id" + w.sql()
                    + " UNION ALL SELECT " + key + ", 0, 0, 1, coalesce(e.households, 0), coalesce(e.persons, 0)"
                    + " FROM ledger_entry e JOIN org u ON u.id = e.unit_org_id JOIN task_type t ON t.id = e.task_type_id" + w.sql()
                    + ") x GROUP BY 1, 2";
        }
        return jdbc.sql(sql).params(w.params())
                .query((rs, i) -> new StatRow(rs.getString("grp"), rs.getLong("indicator_id"),
                        rs.getBigDecimal("value") == null ? BigDecimal.ZERO : rs.getBigDecimal("value").stripTrailingZeros(),
                        rs.getLong("entries"), rs.getLong("households"), rs.getLong("persons")))
                .list();
    }

    /** Members who took part (distinct), by group: CHILD_UNIT, UNIT or TOTAL. */
    public Map<String, Long> members(StatQuery q, StatGroup group, int parentDepth) {
        String key = groupKey(group, true, parentDepth);
        String sql;
        Where w;
        // the member facts know committees and months only; finer filters sum the entries
        boolean facts = q.monthAligned() && q.regionPrefix() == null && (q.counties() == null || q.counties().isEmpty())
                && q.focusAreaId() == null && q.taskTypeId() == null;
        if (facts) {
            w = new Where().and("mf.campaign_id = :campaign").param("campaign", q.campaignId())
                    .and("mf.month BETWEEN :from AND :to").param("from", q.from()).param("to", q.to());
            approved(w, q, "mf.approved");
            w.and("u.path LIKE :unitPath || '%'", "unitPath", q.unitPath());
            sql = "SELECT " + key + " AS grp, count(DISTINCT mf.member_id) FROM ledger_member_fact mf JOIN org u ON u.id = mf.unit_org_id"
                    + w.sql() + " GROUP BY 1";
        } else {
            w = filter(q, false);
            sql = "SELECT " + groupKey(group, false, parentDepth) + " AS grp, count(DISTINCT m.member_id)"
                    + " FROM ledger_entry e JOIN ledger_entry_member m ON m.entry_id = e.id JOIN org u ON u.id = e.unit_org_id"
                    + " JOIN task_type t ON t.id = e.task_type_id" + w.sql() + " GROUP BY 1";
        }
        return jdbc.sql(sql).params(w.params()).query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
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

    /** Ids of the members (of the given ones) who recorded something in the range. */
    public java.util.Set<Long> activeMembers(StatQuery q) {
        Where w = new Where().and("mf.campaign_id = :campaign").param("campaign", q.campaignId())
                .and("mf.month BETWEEN :from AND :to").param("from", q.from().withDayOfMonth(1)).param("to", q.to());
        approved(w, q, "mf.approved");
        w.and("u.path LIKE :unitPath || '%'", "unitPath", q.unitPath());
        return new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT mf.member_id FROM ledger_member_fact mf JOIN org u ON u.id = mf.unit_org_id" + w.sql())
                .params(w.params()).query(Long.class).list());
    }

    private static Where filter(StatQuery q, boolean facts) {
        String p = facts ? "f." : "e.";
        Where w = new Where().and(p + "campaign_id = :campaign").param("campaign", q.campaignId());
        if (facts) {
            w.and("f.month BETWEEN :from AND :to").param("from", q.from()).param("to", q.to());
            approved(w, q, "f.approved");
            w.and("f.county_code LIKE :region || '%'", "region", q.regionPrefix() == null ? null : left6(q.regionPrefix()));
            w.and("f.county_code IN (:counties)", "counties", q.counties());
        } else {
            w.and("e.start_date BETWEEN :from AND :to").param("from", q.from()).param("to", q.to());
            w.and(q.includeSubmitted() ? "e.status IN ('APPROVED', 'SUBMITTED')" : "e.status = 'APPROVED'");
            w.and("e.region_code LIKE :region || '%'", "region", q.regionPrefix());
            w.and("left(e.region_code, 6) IN (:counties)", "counties", q.counties());
        }
        w.and("u.path LIKE :unitPath || '%'", "unitPath", q.unitPath());
        w.and("t.focus_area_id = :focusArea", "focusArea", q.focusAreaId());
        w.and(p + "task_type_id = :taskType", "taskType", q.taskTypeId());
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

    /** The SQL of a group key; column names are fixed, only the depth (a number) is formatted in. */
    private static String groupKey(StatGroup group, boolean facts, int parentDepth) {
        String p = facts ? "f." : "e.";
        return switch (group) {
            case TOTAL -> "'total'";
            case UNIT -> "u.id::text";
            case CHILD_UNIT -> "coalesce(nullif(split_part(u.path, '/', " + (parentDepth + 2) + "), ''), split_part(u.path, '/', " + (parentDepth + 1) + "))";
            case COUNTY -> facts ? "f.county_code" : "left(e.region_code, 6)";
            case PREFECTURE -> facts ? "left(f.county_code, 4)" : "left(e.region_code, 4)";
            case TASK_TYPE -> p + "task_type_id::text";
            case MONTH -> facts ? "to_char(f.month, 'YYYY-MM')" : "to_char(e.start_date, 'YYYY-MM')";
        };
    }
}

package cn.zhutui.monitor.internal;

import cn.zhutui.common.Where;
import cn.zhutui.monitor.MonitorCase;
import cn.zhutui.monitor.MonitorKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Keeps the monitoring figures in step, in the same transaction as the change that causes them
 * (symmetric bookkeeping, as the ledger's facts): a case's step change takes its contribution out
 * of the stock row it leaves and puts it into the row it enters; events (a clue, an opening, an
 * inclusion, a decision, an elimination, a reopening) add to their month's flow. Rows are written
 * in key order in one statement, so two transactions never wait on each other in a circle.
 */
@Repository
public class MonitorFacts {

    private final JdbcClient jdbc;

    MonitorFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A case's share of the stock: one household and its persons, under its township, kind, main cause and stage. */
    record Key(String township, String kind, String reason, String stage) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = township.compareTo(o.township);
            c = c != 0 ? c : kind.compareTo(o.kind);
            c = c != 0 ? c : reason.compareTo(o.reason);
            return c != 0 ? c : stage.compareTo(o.stage);
        }
    }

    /** A change of the stock, built up and written at once. */
    public static final class Stock {
        private final Map<Key, long[]> deltas = new TreeMap<>();

        /** Adds (sign +1) or takes back (−1) a case as it stands. */
        public Stock add(MonitorCase c, int sign) {
            Key k = new Key(c.townshipCode(), kindCode(c.kind()), c.mainReason().name(), c.stage().name());
            long[] d = deltas.computeIfAbsent(k, x -> new long[2]);
            d[0] += sign;
            d[1] += (long) sign * c.persons();
            return this;
        }

        /** Moves a case's contribution from how it stood to how it stands. */
        public Stock move(MonitorCase before, MonitorCase after) {
            return add(before, -1).add(after, +1);
        }

        boolean empty() {
            return deltas.values().stream().allMatch(d -> d[0] == 0 && d[1] == 0);
        }
    }

    public void write(Stock stock) {
        if (stock.empty()) {
            return;
        }
        List<String> t = new ArrayList<>();
        List<String> k = new ArrayList<>();
        List<String> r = new ArrayList<>();
        List<String> s = new ArrayList<>();
        List<Long> h = new ArrayList<>();
        List<Long> p = new ArrayList<>();
        stock.deltas.forEach((key, d) -> {
            if (d[0] != 0 || d[1] != 0) {
                t.add(key.township());
                k.add(key.kind());
                r.add(key.reason());
                s.add(key.stage());
                h.add(d[0]);
                p.add(d[1]);
            }
        });
        jdbc.sql("""
                        INSERT INTO monitor_fact (township_code, kind, reason, stage, households, persons)
                        SELECT * FROM unnest(CAST(:t AS varchar[]), CAST(:k AS varchar[]), CAST(:r AS varchar[]), CAST(:s AS varchar[]),
                                             CAST(:h AS bigint[]), CAST(:p AS bigint[]))
                        ON CONFLICT (township_code, kind, reason, stage)
                        DO UPDATE SET households = monitor_fact.households + EXCLUDED.households, persons = monitor_fact.persons + EXCLUDED.persons""")
                .param("t", t.toArray(new String[0])).param("k", k.toArray(new String[0])).param("r", r.toArray(new String[0]))
                .param("s", s.toArray(new String[0])).param("h", h.toArray(new Long[0])).param("p", p.toArray(new Long[0])).update();
    }

    /** The flow's measures (columns of monitor_flow). */
    public enum Event {
        CLUES("clues", null),
        OPENED("opened", null),
        INCLUDED("included", "included_persons"),
        DECIDED("decided", null),
        DECIDED_LATE("decided_late", null),
        REJECTED("rejected", null),
        ELIMINATED("eliminated", "eliminated_persons"),
        REOPENED("reopened", "reopened_persons");

        private final String column;
        private final String personsColumn;

        Event(String column, String personsColumn) {
            this.column = column;
            this.personsColumn = personsColumn;
        }
    }

    record FlowKey(LocalDate month, String township, String kind) implements Comparable<FlowKey> {
        @Override
        public int compareTo(FlowKey o) {
            int c = month.compareTo(o.month);
            c = c != 0 ? c : township.compareTo(o.township);
            return c != 0 ? c : kind.compareTo(o.kind);
        }
    }

    /** Events of one or many cases, built up and written at once. */
    public static final class Flow {
        private final Map<FlowKey, long[]> deltas = new TreeMap<>();

        /** An event of a case on a day: counts one (and the case's persons, where the event counts them). */
        public Flow add(Event e, MonitorCase c, LocalDate on) {
            return add(e, c.townshipCode(), c.kind(), on, 1, c.persons());
        }

        public Flow add(Event e, String townshipCode, MonitorKind kind, LocalDate on, long count, long persons) {
            long[] d = deltas.computeIfAbsent(new FlowKey(on.withDayOfMonth(1), townshipCode, kindCode(kind)), x -> new long[Event.values().length * 2]);
            d[e.ordinal() * 2] += count;
            d[e.ordinal() * 2 + 1] += persons;
            return this;
        }
    }

    public void write(Flow flow) {
        for (Map.Entry<FlowKey, long[]> entry : flow.deltas.entrySet()) {
            StringBuilder cols = new StringBuilder();
            StringBuilder vals = new StringBuilder();
            StringBuilder sets = new StringBuilder();
            Map<String, Object> params = new java.util.HashMap<>();
            long[] d = entry.getValue();
            for (Event e : Event.values()) {
                long n = d[e.ordinal() * 2];
                if (n == 0) {
                    continue;
                }
                append(cols, vals, sets, params, e.column, n);
                if (e.personsColumn != null) {
                    append(cols, vals, sets, params, e.personsColumn, d[e.ordinal() * 2 + 1]);
                }
            }
            if (cols.isEmpty()) {
                continue;
            }
            jdbc.sql("INSERT INTO monitor_flow (month, township_code, kind" + cols + ") VALUES (:m, :t, :k" + vals + ")"
                            + " ON CONFLICT (month, township_code, kind) DO UPDATE SET " + sets.substring(2))
                    .params(params).param("m", entry.getKey().month()).param("t", entry.getKey().township()).param("k", entry.getKey().kind())
                    .update();
        }
    }

    private static void append(StringBuilder cols, StringBuilder vals, StringBuilder sets, Map<String, Object> params, String column, long n) {
        cols.append(", ").append(column);
        vals.append(", :").append(column);
        sets.append(", ").append(column).append(" = monitor_flow.").append(column).append(" + EXCLUDED.").append(column);
        params.put(column, n);
    }

    static String kindCode(MonitorKind kind) {
        return kind == null ? "" : kind.name();
    }

    // ---------------------------------------------------------------- reading

    /** A stock row summed over a grouping: the key (region code, kind, reason or stage) and its households and persons. */
    public record StockRow(String key, String kind, String stage, long households, long persons) {
    }

    /**
     * The stock under a region prefix grouped by the first {@code keyLength} characters of the
     * township code (2 province, 4 prefecture, 6 county, 9 township), or by "reason", with kind and stage.
     */
    public List<StockRow> stock(String regionPrefix, String groupBy, int keyLength) {
        String key = "reason".equals(groupBy) ? "reason" : "left(township_code, " + keyLength + ")";
        Where w = new Where().and("township_code LIKE :prefix || '%'").param("prefix", regionPrefix == null ? "" : regionPrefix);
        return jdbc.sql("SELECT " + key + " AS k, kind, stage, sum(households), sum(persons) FROM monitor_fact" + w.sql()
                        + " GROUP BY 1, 2, 3 HAVING sum(households) <> 0 OR sum(persons) <> 0 ORDER BY 1, 2, 3")
                .params(w.params())
                .query((rs, i) -> new StockRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5))).list();
    }

    /** A flow row summed over a region grouping and a range of months: each measure, and the cumulative ones up to the end. */
    public record FlowRow(String key, String kind, long clues, long opened, long included, long includedPersons, long decided,
                          long decidedLate, long rejected, long eliminated, long eliminatedPersons, long reopened, long reopenedPersons,
                          long includedToDate, long includedPersonsToDate, long eliminatedToDate, long eliminatedPersonsToDate) {
    }

    /**
     * The flows of [from, to] (first days of months) under a region prefix, by region key and kind,
     * with the totals from the beginning to {@code to} (累计) beside them.
     */
    public List<FlowRow> flows(String regionPrefix, int keyLength, LocalDate from, LocalDate to) {
        Where w = new Where().and("township_code LIKE :prefix || '%'").param("prefix", regionPrefix == null ? "" : regionPrefix)
                .and("month <= :to").param("to", to).param("from", from);
        return jdbc.sql("SELECT left(township_code, " + keyLength + ") AS k, kind, " + """
                               sum(clues) FILTER (WHERE month >= :from), sum(opened) FILTER (WHERE month >= :from),
                               sum(included) FILTER (WHERE month >= :from), sum(included_persons) FILTER (WHERE month >= :from),
                               sum(decided) FILTER (WHERE month >= :from), sum(decided_late) FILTER (WHERE month >= :from),
                               sum(rejected) FILTER (WHERE month >= :from), sum(eliminated) FILTER (WHERE month >= :from),
                               sum(eliminated_persons) FILTER (WHERE month >= :from), sum(reopened) FILTER (WHERE month >= :from),
                               sum(reopened_persons) FILTER (WHERE month >= :from),
                               sum(included), sum(included_persons), sum(eliminated) - sum(reopened), sum(eliminated_persons) - sum(reopened_persons)
                          FROM monitor_flow""" + w.sql() + " GROUP BY 1, 2 ORDER BY 1, 2")
                .params(w.params())
                .query((rs, i) -> new FlowRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13),
                        rs.getLong(14), rs.getLong(15), rs.getLong(16), rs.getLong(17))).list();
    }

    /** Cases still being identified whose clock ran out, by region key: live, from the clock's index. */
    public Map<String, Long> overdue(String regionPrefix, int keyLength, LocalDate today) {
        Map<String, Long> map = new TreeMap<>();
        jdbc.sql("SELECT left(region_code, " + keyLength + "), count(*) FROM monitor_case"
                        + " WHERE stage IN ('CLUE', 'VILLAGE', 'NOTICE', 'TOWNSHIP', 'COUNTY') AND deadline < :today"
                        + " AND region_code LIKE :prefix || '%' GROUP BY 1")
                .param("today", today).param("prefix", regionPrefix == null ? "" : regionPrefix)
                .query((rs, i) -> map.put(rs.getString(1), rs.getLong(2))).list();
        return map;
    }

    /** The stock recomputed from the cases themselves (what the facts must equal): for checks and tests. */
    public List<StockRow> stockFromCases(String regionPrefix) {
        return jdbc.sql("""
                        SELECT township_code, kind, stage, count(*), sum(persons) FROM monitor_case WHERE region_code LIKE :p || '%'
                         GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""")
                .param("p", regionPrefix)
                .query((rs, i) -> new StockRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5))).list();
    }

    static <T> List<T> list(Collection<T> c) {
        return new ArrayList<>(c);
    }
}

package cn.zhutui.pairing.internal;

import cn.zhutui.pairing.PairingKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Keeps the pairing figures in step, in the same transaction as the change that causes them: a
 * change takes a record's old contribution out of the facts and puts its new one in (symmetric
 * bookkeeping, as the ledger's facts). Pairings count +1 in pairings_started at their first month
 * and in pairings_ended at their last; households likewise, as the union of their household
 * pairings' months per committee (rows of kind HOUSEHOLDS), so a household paired twice counts
 * once; visits add their counts to the month they were made.
 */
@Repository
public class PairingFacts {

    /** The first key of the advisory locks on a household's cover (the second is the household id). */
    private static final int COVER_LOCK = 0x7a7068;
    public static final String HOUSEHOLDS = "HOUSEHOLDS";

    private final JdbcClient jdbc;

    PairingFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds (sign +1) or takes back (−1) these pairings' starts and ends. */
    public void pairings(Collection<Long> ids, int sign) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO pairing_fact (month, unit_org_id, county_code, kind, pairings_started)
                        SELECT date_trunc('month', start_date)::date, unit_org_id, left(region_code, 6), kind, :sign * count(*)
                          FROM pairing WHERE id IN (:ids) GROUP BY 1, 2, 3, 4
                        ON CONFLICT (month, unit_org_id, county_code, kind)
                        DO UPDATE SET pairings_started = pairing_fact.pairings_started + EXCLUDED.pairings_started""")
                .param("ids", ids).param("sign", sign).update();
        jdbc.sql("""
                        INSERT INTO pairing_fact (month, unit_org_id, county_code, kind, pairings_ended)
                        SELECT date_trunc('month', end_date)::date, unit_org_id, left(region_code, 6), kind, :sign * count(*)
                          FROM pairing WHERE id IN (:ids) AND end_date IS NOT NULL GROUP BY 1, 2, 3, 4
                        ON CONFLICT (month, unit_org_id, county_code, kind)
                        DO UPDATE SET pairings_ended = pairing_fact.pairings_ended + EXCLUDED.pairings_ended""")
                .param("ids", ids).param("sign", sign).update();
    }

    /** Adds or takes back these visits' counts. */
    public void visits(Collection<Long> visitIds, int sign) {
        if (visitIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO pairing_fact (month, unit_org_id, county_code, kind, visits, problems_found, problems_solved, funds, projects)
                        SELECT date_trunc('month', v.visit_date)::date, p.unit_org_id, left(p.region_code, 6), p.kind, :sign * count(*),
                               :sign * sum(v.problems_found), :sign * sum(v.problems_solved), :sign * sum(v.funds), :sign * sum(v.projects)
                          FROM pairing_visit v JOIN pairing p ON p.id = v.pairing_id
                         WHERE v.id IN (:ids) GROUP BY 1, 2, 3, 4
                        ON CONFLICT (month, unit_org_id, county_code, kind)
                        DO UPDATE SET visits = pairing_fact.visits + EXCLUDED.visits,
                                      problems_found = pairing_fact.problems_found + EXCLUDED.problems_found,
                                      problems_solved = pairing_fact.problems_solved + EXCLUDED.problems_solved,
                                      funds = pairing_fact.funds + EXCLUDED.funds,
                                      projects = pairing_fact.projects + EXCLUDED.projects""")
                .param("ids", visitIds).param("sign", sign).update();
    }

    /** The visits of these pairings (to take back and put in again when a pairing's unit changes). */
    public List<Long> visitIdsOf(Collection<Long> pairingIds) {
        if (pairingIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id FROM pairing_visit WHERE pairing_id IN (:ids)").param("ids", pairingIds).query(Long.class).list();
    }

    private record Span(long unit, String county, LocalDate from, LocalDate to) {
    }

    /**
     * Recomputes which months each of these households is covered, per committee, after a change
     * of its household pairings: its old cover leaves the facts and the new one joins them. One
     * household at a time across transactions (an advisory lock per household, taken in id order).
     */
    public void households(Collection<Long> householdIds) {
        List<Long> ids = new ArrayList<>(new TreeSet<>(householdIds));
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("SELECT count(pg_advisory_xact_lock(" + COVER_LOCK + ", (h % 2147483647)::int)) FROM (SELECT unnest(CAST(:ids AS bigint[])) AS h ORDER BY 1) l")
                .param("ids", ids.toArray(new Long[0])).query(Long.class).single();
        // take the old cover back
        jdbc.sql("""
                        INSERT INTO pairing_fact (month, unit_org_id, county_code, kind, households_started)
                        SELECT from_month, unit_org_id, county_code, 'HOUSEHOLDS', -count(*) FROM pairing_household_cover
                         WHERE household_id IN (:ids) GROUP BY 1, 2, 3
                        ON CONFLICT (month, unit_org_id, county_code, kind)
                        DO UPDATE SET households_started = pairing_fact.households_started + EXCLUDED.households_started""")
                .param("ids", ids).update();
        jdbc.sql("""
                        INSERT INTO pairing_fact (month, unit_org_id, county_code, kind, households_ended)
                        SELECT to_month, unit_org_id, county_code, 'HOUSEHOLDS', -count(*) FROM pairing_household_cover
                         WHERE household_id IN (:ids) AND to_month IS NOT NULL GROUP BY 1, 2, 3
                        ON CONFLICT (month, unit_org_id, county_code, kind)
                        DO UPDATE SET households_ended = pairing_fact.households_ended + EXCLUDED.households_ended""")
                .param("ids", ids).update();
        jdbc.sql("DELETE FROM pairing_household_cover WHERE household_id IN (:ids)").param("ids", ids).update();
        // the new cover: the union of each household's pairing months, per committee
        Map<Long, List<Span>> spans = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT household_id, unit_org_id, left(region_code, 6), date_trunc('month', start_date)::date,
                               date_trunc('month', end_date)::date
                          FROM pairing WHERE household_id IN (:ids) AND kind IN (:kinds)""")
                .param("ids", ids).param("kinds", PairingKind.HOUSEHOLDS.stream().map(Enum::name).toList())
                .query((rs, i) -> spans.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Span(rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)))).list();
        spans.forEach((household, list) -> {
            list.sort(Comparator.comparingLong(Span::unit).thenComparing(Span::from));
            Span open = null;
            for (Span s : list) {
                if (open != null && open.unit() == s.unit() && (open.to() == null || !s.from().isAfter(open.to().plusMonths(1)))) {
                    LocalDate to = open.to() == null || s.to() == null ? null : (s.to().isAfter(open.to()) ? s.to() : open.to());
                    open = new Span(open.unit(), open.county(), open.from(), to);
                } else {
                    if (open != null) {
                        cover(household, open);
                    }
                    open = s;
                }
            }
            if (open != null) {
                cover(household, open);
            }
        });
    }

    private void cover(long household, Span s) {
        jdbc.sql("INSERT INTO pairing_household_cover (household_id, unit_org_id, county_code, from_month, to_month) VALUES (:h, :u, :c, :f, :t)")
                .param("h", household).param("u", s.unit()).param("c", s.county()).param("f", s.from()).param("t", s.to()).update();
        jdbc.sql("""
                        INSERT INTO pairing_fact (month, unit_org_id, county_code, kind, households_started) VALUES (:m, :u, :c, 'HOUSEHOLDS', 1)
                        ON CONFLICT (month, unit_org_id, county_code, kind)
                        DO UPDATE SET households_started = pairing_fact.households_started + 1""")
                .param("m", s.from()).param("u", s.unit()).param("c", s.county()).update();
        if (s.to() != null) {
            jdbc.sql("""
                            INSERT INTO pairing_fact (month, unit_org_id, county_code, kind, households_ended) VALUES (:m, :u, :c, 'HOUSEHOLDS', 1)
                            ON CONFLICT (month, unit_org_id, county_code, kind)
                            DO UPDATE SET households_ended = pairing_fact.households_ended + 1""")
                    .param("m", s.to()).param("u", s.unit()).param("c", s.county()).update();
        }
    }

    /** A figure row read from the facts. */
    public record Figures(String key, long pairings, long households, long visits, long problemsFound, long problemsSolved,
                          java.math.BigDecimal funds, long projects) {
    }

    /**
     * The figures of a period [from, to] (whole months) grouped by unit, county or kind, for the
     * units under an org path and targets under a region prefix: pairings and households in effect
     * at some time in it, and the visits made in it.
     *
     * @param groupBy "unit", "county" or "kind" (fixed strings of the code, never user input)
     */
    public List<Figures> figures(String orgPath, String regionPrefix, Collection<String> kinds, LocalDate from, LocalDate to, String groupBy) {
        String key = switch (groupBy) {
            case "county" -> "f.county_code";
            case "kind" -> "f.kind";
            default -> "f.unit_org_id::text";
        };
        cn.zhutui.common.Where w = new cn.zhutui.common.Where().and("o.path LIKE :path || '%'").param("path", orgPath);
        w.and("f.county_code LIKE :region || '%'", "region", regionPrefix);
        w.and("f.month <= :to").param("to", to).param("from", from);
        if (kinds != null && !kinds.isEmpty()) {
            List<String> all = new ArrayList<>(kinds);
            if (PairingKind.HOUSEHOLDS.stream().anyMatch(k -> kinds.contains(k.name()))) {
                all.add(HOUSEHOLDS);
            }
            w.and("f.kind IN (:kinds)").param("kinds", all);
        }
        return jdbc.sql("SELECT " + key + " " + """
                         AS k,
                               coalesce(sum(f.pairings_started), 0) - coalesce(sum(f.pairings_ended) FILTER (WHERE f.month < :from), 0),
                               coalesce(sum(f.households_started), 0) - coalesce(sum(f.households_ended) FILTER (WHERE f.month < :from), 0),
                               coalesce(sum(f.visits) FILTER (WHERE f.month >= :from), 0),
                               coalesce(sum(f.problems_found) FILTER (WHERE f.month >= :from), 0),
                               coalesce(sum(f.problems_solved) FILTER (WHERE f.month >= :from), 0),
                               coalesce(sum(f.funds) FILTER (WHERE f.month >= :from), 0),
                               coalesce(sum(f.projects) FILTER (WHERE f.month >= :from), 0)
                          FROM pairing_fact f JOIN org o ON o.id = f.unit_org_id""" + w.sql() + " GROUP BY 1 ORDER BY 1")
                .params(w.params())
                .query((rs, i) -> new Figures(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        rs.getBigDecimal(7), rs.getLong(8))).list();
    }
}

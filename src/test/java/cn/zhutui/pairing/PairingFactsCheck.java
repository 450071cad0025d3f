package cn.zhutui.pairing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The pairing figures kept in step, compared with a fresh aggregation of the pairings and visits
 * themselves (the household cover recomputed as islands of months in SQL). Zero differences means
 * every figure reads the truth.
 */
@Component
public class PairingFactsCheck {

    private final JdbcClient jdbc;

    PairingFactsCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long differences() {
        return diff("""
                        SELECT month, unit_org_id, county_code, kind, sum(st)::int, sum(en)::int FROM (
                          SELECT date_trunc('month', start_date)::date AS month, unit_org_id, left(region_code, 6) AS county_code, kind,
                                 1 AS st, 0 AS en FROM pairing
                          UNION ALL
                          SELECT date_trunc('month', end_date)::date, unit_org_id, left(region_code, 6), kind, 0, 1 FROM pairing
                           WHERE end_date IS NOT NULL) x GROUP BY 1, 2, 3, 4""",
                "SELECT month, unit_org_id, county_code, kind, pairings_started, pairings_ended FROM pairing_fact"
                        + " WHERE kind <> 'HOUSEHOLDS' AND (pairings_started <> 0 OR pairings_ended <> 0)")
                + diff("""
                        SELECT date_trunc('month', v.visit_date)::date, p.unit_org_id, left(p.region_code, 6), p.kind, count(*)::int,
                               sum(v.problems_found)::int, sum(v.problems_solved)::int, sum(v.funds), sum(v.projects)::int
                          FROM pairing_visit v JOIN pairing p ON p.id = v.pairing_id GROUP BY 1, 2, 3, 4""",
                "SELECT month, unit_org_id, county_code, kind, visits, problems_found, problems_solved, funds, projects FROM pairing_fact"
                        + " WHERE kind <> 'HOUSEHOLDS' AND visits <> 0")
                + diff(ISLANDS, "SELECT household_id, unit_org_id, county_code, from_month, to_month FROM pairing_household_cover")
                + diff("""
                        SELECT month, unit_org_id, county_code, sum(st)::int, sum(en)::int FROM (
                          SELECT from_month AS month, unit_org_id, county_code, 1 AS st, 0 AS en FROM pairing_household_cover
                          UNION ALL
                          SELECT to_month, unit_org_id, county_code, 0, 1 FROM pairing_household_cover WHERE to_month IS NOT NULL) x
                         GROUP BY 1, 2, 3""",
                "SELECT month, unit_org_id, county_code, households_started, households_ended FROM pairing_fact"
                        + " WHERE kind = 'HOUSEHOLDS' AND (households_started <> 0 OR households_ended <> 0)");
    }

    /** The months each household is covered per committee: islands of overlapping or adjacent pairing months. */
    private static final String ISLANDS = """
            WITH s AS (
              SELECT household_id AS h, unit_org_id AS u, left(region_code, 6) AS c, date_trunc('month', start_date)::date AS f,
                     coalesce(date_trunc('month', end_date)::date, 'infinity'::date) AS t
                FROM pairing WHERE kind IN ('MEMBER_HOUSEHOLD', 'CADRE_HOUSEHOLD')),
            m AS (SELECT *, max(t) OVER (PARTITION BY h, u ORDER BY f, t ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev FROM s),
            g AS (SELECT *, sum(CASE WHEN prev IS NULL OR f > prev + 31 THEN 1 ELSE 0 END)
                              OVER (PARTITION BY h, u ORDER BY f, t ROWS UNBOUNDED PRECEDING) AS grp FROM m)
            SELECT h, u, min(c), min(f), nullif(max(t), 'infinity'::date) FROM g GROUP BY h, u, grp""";

    private long diff(String fresh, String kept) {
        return jdbc.sql("SELECT count(*) FROM ((" + fresh + ") EXCEPT (" + kept + ")) d").query(Long.class).single()
                + jdbc.sql("SELECT count(*) FROM ((" + kept + ") EXCEPT (" + fresh + ")) d").query(Long.class).single();
    }
}

package cn.zhutui.support;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The statistics kept in step with the ledger, compared with a fresh aggregation of the entries
 * themselves: the sums, the entry counts and the month bits of who took part. Zero differences
 * means every report reads the truth.
 */
@Component
public class FactsCheck {

    private final JdbcClient jdbc;

    FactsCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Rows of the facts that differ from the entries (sums). */
    public long valueDifferences() {
        String fresh = """
                SELECT e.campaign_id, date_trunc('month', e.start_date)::date AS month, e.unit_org_id, left(e.region_code, 6) AS county,
                       e.task_type_id, v.indicator_id, e.status = 'APPROVED' AS approved, sum(v.value) AS value
                  FROM ledger_entry e JOIN ledger_value v ON v.entry_id = e.id
                 WHERE e.status IN ('SUBMITTED', 'APPROVED')
                 GROUP BY 1, 2, 3, 4, 5, 6, 7""";
        String kept = """
                SELECT campaign_id, month, unit_org_id, county_code, task_type_id, indicator_id, approved, value
                  FROM ledger_fact WHERE indicator_id <> 0 AND value <> 0""";
        return jdbc.sql("SELECT count(*) FROM ((" + fresh + ") EXCEPT (" + kept + ")) d").query(Long.class).single()
                + jdbc.sql("SELECT count(*) FROM ((" + kept + ") EXCEPT (" + fresh + ")) d").query(Long.class).single();
    }

    /** Rows of the entry counts that differ. */
    public long entryDifferences() {
        String fresh = """
                SELECT e.campaign_id, date_trunc('month', e.start_date)::date, e.unit_org_id, left(e.region_code, 6), e.task_type_id,
                       e.status = 'APPROVED', count(*)::bigint FROM ledger_entry e WHERE e.status IN ('SUBMITTED', 'APPROVED') GROUP BY 1, 2, 3, 4, 5, 6""";
        String kept = """
                SELECT campaign_id, month, unit_org_id, county_code, task_type_id, approved, entries FROM ledger_fact
                 WHERE indicator_id = 0 AND entries <> 0""";
        return jdbc.sql("SELECT count(*) FROM ((" + fresh + ") EXCEPT (" + kept + ")) d").query(Long.class).single()
                + jdbc.sql("SELECT count(*) FROM ((" + kept + ") EXCEPT (" + fresh + ")) d").query(Long.class).single();
    }

    /** Rows of the member month bits that differ. */
    public long memberYearDifferences() {
        String fresh = """
                SELECT e.campaign_id, extract(year FROM e.start_date)::int, e.status = 'APPROVED', e.unit_org_id, m.member_id,
                       bit_or(1 << (extract(month FROM e.start_date)::int - 1))
                  FROM ledger_entry e JOIN ledger_entry_member m ON m.entry_id = e.id
                 WHERE e.status IN ('SUBMITTED', 'APPROVED') GROUP BY 1, 2, 3, 4, 5""";
        String kept = "SELECT campaign_id, year, approved, unit_org_id, member_id, months FROM ledger_member_year";
        return jdbc.sql("SELECT count(*) FROM ((" + fresh + ") EXCEPT (" + kept + ")) d").query(Long.class).single()
                + jdbc.sql("SELECT count(*) FROM ((" + kept + ") EXCEPT (" + fresh + ")) d").query(Long.class).single();
    }

    /** Rows of the quarter facts that differ from their months' facts (sums and entry counts). */
    public long quarterDifferences() {
        String fromMonths = """
                SELECT campaign_id, date_trunc('quarter', month)::date, unit_org_id, county_code, task_type_id, indicator_id, approved,
                       sum(value), sum(entries), sum(households), sum(persons)
                  FROM ledger_fact GROUP BY 1, 2, 3, 4, 5, 6, 7
                HAVING sum(value) <> 0 OR sum(entries) <> 0 OR sum(households) <> 0 OR sum(persons) <> 0""";
        String kept = """
                SELECT campaign_id, month, unit_org_id, county_code, task_type_id, indicator_id, approved, value, entries, households, persons
                  FROM ledger_quarter_fact WHERE value <> 0 OR entries <> 0 OR households <> 0 OR persons <> 0""";
        return jdbc.sql("SELECT count(*) FROM ((" + fromMonths + ") EXCEPT (" + kept + ")) d").query(Long.class).single()
                + jdbc.sql("SELECT count(*) FROM ((" + kept + ") EXCEPT (" + fromMonths + ")) d").query(Long.class).single();
    }

    /** Rows of the day facts (sums and entry counts) that differ. */
    public long dayDifferences() {
        String fresh = """
                SELECT e.campaign_id, e.start_date, e.status = 'APPROVED', e.unit_org_id, v.indicator_id, sum(v.value), 0::bigint, 0::bigint, 0::bigint
                  FROM ledger_entry e JOIN ledger_value v ON v.entry_id = e.id WHERE e.status IN ('SUBMITTED', 'APPROVED') GROUP BY 1, 2, 3, 4, 5
                UNION ALL
                SELECT e.campaign_id, e.start_date, e.status = 'APPROVED', e.unit_org_id, 0, 0, count(*), coalesce(sum(e.households), 0),
                       coalesce(sum(e.persons), 0)
                  FROM ledger_entry e WHERE e.status IN ('SUBMITTED', 'APPROVED') GROUP BY 1, 2, 3, 4""";
        String kept = """
                SELECT campaign_id, day, approved, unit_org_id, indicator_id, value, entries, households, persons FROM ledger_day_fact
                 WHERE (indicator_id <> 0 AND value <> 0) OR (indicator_id = 0 AND entries <> 0)""";
        return jdbc.sql("SELECT count(*) FROM ((" + fresh + ") EXCEPT (" + kept + ")) d").query(Long.class).single()
                + jdbc.sql("SELECT count(*) FROM ((" + kept + ") EXCEPT (" + fresh + ")) d").query(Long.class).single();
    }

    /** Rows of the members' months (entry counts and day bits) that differ. */
    public long memberDayDifferences() {
        String fresh = """
                SELECT e.campaign_id, date_trunc('month', e.start_date)::date, e.unit_org_id, m.member_id, e.status = 'APPROVED',
                       count(*)::int, bit_or(1 << (extract(day FROM e.start_date)::int - 1))
                  FROM ledger_entry e JOIN ledger_entry_member m ON m.entry_id = e.id
                 WHERE e.status IN ('SUBMITTED', 'APPROVED') GROUP BY 1, 2, 3, 4, 5""";
        String kept = "SELECT campaign_id, month, unit_org_id, member_id, approved, entries, days FROM ledger_member_fact WHERE entries > 0";
        return jdbc.sql("SELECT count(*) FROM ((" + fresh + ") EXCEPT (" + kept + ")) d").query(Long.class).single()
                + jdbc.sql("SELECT count(*) FROM ((" + kept + ") EXCEPT (" + fresh + ")) d").query(Long.class).single();
    }

    public long allDifferences() {
        return valueDifferences() + entryDifferences() + memberYearDifferences() + dayDifferences() + memberDayDifferences()
                + quarterDifferences();
    }
}

package cn.zhutui.ledger.internal;

import cn.zhutui.ledger.EntryStatus;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Keeps the statistics facts in step with the ledger: each change of status adds the entries'
 * figures to, or takes them from, the submitted or approved sums — in the same transaction, so a
 * report is right the moment an approval commits.
 */
@Repository
public class LedgerFacts {

    /** The first key of the advisory locks on ledger_member_year rows (the second is the row's hash). */
    private static final int MEMBER_YEAR_LOCK = 0x7a746d79;

    private final JdbcClient jdbc;

    LedgerFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Entries moved from one status to another: their figures leave one sum and join the other. */
    public void moved(Collection<Long> ids, EntryStatus from, EntryStatus to) {
        if (counted(from)) {
            add(ids, from == EntryStatus.APPROVED, -1);
        }
        if (counted(to)) {
            add(ids, to == EntryStatus.APPROVED, 1);
        }
    }

    /** Only submitted and approved entries count; drafts and returned ones do not. */
    public static boolean counted(EntryStatus status) {
        return status == EntryStatus.SUBMITTED || status == EntryStatus.APPROVED;
    }

    /**
     * The month, quarter and day sums, of the figures and of the entries, added in one statement
     * (six distinct keys): each write pays one round trip for all the facts it changes.
     */
    private static final String SUMS = "WITH " + periodSums("month", "ledger_fact") + ",\n"
            + "-- the same sums per quarter, for the tables of quarters and years\n" + periodSums("quarter", "ledger_quarter_fact") + ",\n"
            + """
            -- the same sums per day and unit, for the days of a range that do not fill a month
            day_values AS (
                INSERT INTO ledger_day_fact (campaign_id, day, approved, unit_org_id, indicator_id, value)
                SELECT e.campaign_id, e.start_date, :approved, e.unit_org_id, v.indicator_id, :sign * sum(v.value)
                  FROM ledger_entry e JOIN ledger_value v ON v.entry_id = e.id
                 WHERE e.id IN (:ids)
                 GROUP BY 1, 2, 3, 4, 5
                ON CONFLICT (campaign_id, day, approved, unit_org_id, indicator_id)
                DO UPDATE SET value = ledger_day_fact.value + EXCLUDED.value),
            day_entries AS (
                INSERT INTO ledger_day_fact (campaign_id, day, approved, unit_org_id, indicator_id, entries, households, persons)
                SELECT e.campaign_id, e.start_date, :approved, e.unit_org_id, 0, :sign * count(*),
                       :sign * coalesce(sum(e.households), 0), :sign * coalesce(sum(e.persons), 0)
                  FROM ledger_entry e
                 WHERE e.id IN (:ids)
                 GROUP BY 1, 2, 3, 4
                ON CONFLICT (campaign_id, day, approved, unit_org_id, indicator_id)
                DO UPDATE SET entries = ledger_day_fact.entries + EXCLUDED.entries,
                              households = ledger_day_fact.households + EXCLUDED.households,
                              persons = ledger_day_fact.persons + EXCLUDED.persons)
            SELECT 1""";

    /** A period's facts (ledger_fact by month, ledger_quarter_fact by quarter: the same columns) as two CTEs. */
    private static String periodSums(String unit, String table) {
        return """
                %1$s_values AS (
                    INSERT INTO %2$s (campaign_id, month, unit_org_id, county_code, task_type_id, indicator_id, approved, value)
                    SELECT e.campaign_id, date_trunc('%1$s', e.start_date)::date, e.unit_org_id, left(e.region_code, 6),
                           e.task_type_id, v.indicator_id, :approved, :sign * sum(v.value)
                      FROM ledger_entry e JOIN ledger_value v ON v.entry_id = e.id
                     WHERE e.id IN (:ids)
                     GROUP BY 1, 2, 3, 4, 5, 6
                    ON CONFLICT (campaign_id, month, unit_org_id, county_code, task_type_id, indicator_id, approved)
                    DO UPDATE SET value = %2$s.value + EXCLUDED.value),
                %1$s_entries AS (
                    INSERT INTO %2$s (campaign_id, month, unit_org_id, county_code, task_type_id, indicator_id, approved,
                                      entries, households, persons)
                    SELECT e.campaign_id, date_trunc('%1$s', e.start_date)::date, e.unit_org_id, left(e.region_code, 6),
                           e.task_type_id, 0, :approved, :sign * count(*), :sign * coalesce(sum(e.households), 0),
                           :sign * coalesce(sum(e.persons), 0)
                      FROM ledger_entry e
                     WHERE e.id IN (:ids)
                     GROUP BY 1, 2, 3, 4, 5
                    ON CONFLICT (campaign_id, month, unit_org_id, county_code, task_type_id, indicator_id, approved)
                    DO UPDATE SET entries = %2$s.entries + EXCLUDED.entries,
                                  households = %2$s.households + EXCLUDED.households,
                                  persons = %2$s.persons + EXCLUDED.persons)""".formatted(unit, table);
    }

    private void add(Collection<Long> all, boolean approved, int sign) {
        List<Long> list = List.copyOf(all);
        for (int i = 0; i < list.size(); i += 5000) {
            List<Long> ids = list.subList(i, Math.min(list.size(), i + 5000));
            jdbc.sql(SUMS)
                    .param("ids", ids).param("approved", approved).param("sign", sign).query(Integer.class).list();
            // a member's month: how many entries, and on which days (bits); a day leaves the bits
            // only when none of the member's other entries of that month falls on it
            jdbc.sql("""
                            INSERT INTO ledger_member_fact (campaign_id, month, unit_org_id, member_id, approved, entries, days)
                            SELECT e.campaign_id, date_trunc('month', e.start_date)::date, e.unit_org_id, m.member_id, :approved,
                                   :sign * count(*), CASE WHEN :sign > 0 THEN bit_or(1 << (extract(day FROM e.start_date)::int - 1)) ELSE 0 END
                              FROM ledger_entry e JOIN ledger_entry_member m ON m.entry_id = e.id
                             WHERE e.id IN (:ids)
                             GROUP BY 1, 2, 3, 4
                            ON CONFLICT (campaign_id, month, unit_org_id, member_id, approved)
                            DO UPDATE SET entries = ledger_member_fact.entries + EXCLUDED.entries,
                                          days = ledger_member_fact.days | EXCLUDED.days""")
                    .param("ids", ids).param("approved", approved).param("sign", sign).update();
            if (sign > 0) {
                // a month joins the bits: or'ed in (a concurrent removal recomputes under its row locks and sees this once committed)
                jdbc.sql("""
                                INSERT INTO ledger_member_year (campaign_id, year, approved, unit_org_id, member_id, months)
                                SELECT e.campaign_id, extract(year FROM e.start_date)::int, :approved, e.unit_org_id, m.member_id,
                                       bit_or(1 << (extract(month FROM e.start_date)::int - 1))
                                  FROM ledger_entry e JOIN ledger_entry_member m ON m.entry_id = e.id
                                 WHERE e.id IN (:ids)
                                 GROUP BY 1, 2, 3, 4, 5
                                ON CONFLICT (campaign_id, year, approved, unit_org_id, member_id)
                                DO UPDATE SET months = ledger_member_year.months | EXCLUDED.months""")
                        .param("ids", ids).param("approved", approved).update();
                continue;
            }
            // a member with no entries left in a month no longer counts as having taken part
            jdbc.sql("""
                            DELETE FROM ledger_member_fact f
                             USING ledger_entry e JOIN ledger_entry_member m ON m.entry_id = e.id
                             WHERE e.id IN (:ids) AND f.campaign_id = e.campaign_id
                               AND f.month = date_trunc('month', e.start_date)::date AND f.unit_org_id = e.unit_org_id
                               AND f.member_id = m.member_id AND f.approved = :approved AND f.entries <= 0""")
                    .param("ids", ids).param("approved", approved).update();
            // the days of the months they left, from the other entries of each member there
            jdbc.sql("""
                            UPDATE ledger_member_fact f
                               SET days = (SELECT coalesce(bit_or(1 << (extract(day FROM o.start_date)::int - 1)), 0)
                                             FROM ledger_entry o JOIN ledger_entry_member om ON om.entry_id = o.id
                                            WHERE om.member_id = f.member_id AND o.campaign_id = f.campaign_id
                                              AND o.unit_org_id = f.unit_org_id AND o.id NOT IN (:ids)
                                              AND o.start_date >= f.month AND o.start_date < f.month + interval '1 month'
                                              AND o.status = CASE WHEN f.approved THEN 'APPROVED' ELSE 'SUBMITTED' END)
                              FROM ledger_entry e JOIN ledger_entry_member m ON m.entry_id = e.id
                             WHERE e.id IN (:ids) AND f.campaign_id = e.campaign_id
                               AND f.month = date_trunc('month', e.start_date)::date AND f.unit_org_id = e.unit_org_id
                               AND f.member_id = m.member_id AND f.approved = :approved""")
                    .param("ids", ids).param("approved", approved).update();
            refreshMemberYears(ids, approved);
        }
    }

    /**
     * Recomputes the month bits of the members, committees and years these entries touch, under
     * a lock per row so concurrent moves of the same member (in other months) are serialised.
     */
    private void refreshMemberYears(List<Long> ids, boolean approved) {
        String keys = """
                (SELECT DISTINCT e.campaign_id, extract(year FROM e.start_date)::int AS yr, e.unit_org_id, m.member_id
                   FROM ledger_entry e JOIN ledger_entry_member m ON m.entry_id = e.id WHERE e.id IN (:ids))""";
        // One member-year at a time across transactions, taken in one global order (no deadlock):
        // the statements below then read what an earlier holder committed, and a concurrent move
        // of the same member in another month cannot overwrite this one's bits with a stale mask.
        jdbc.sql("SELECT count(pg_advisory_xact_lock(" + MEMBER_YEAR_LOCK + ", h)) FROM (SELECT DISTINCT hashtext(concat_ws(':', k.campaign_id,"
                        + " k.yr, :approved, k.unit_org_id, k.member_id)) AS h FROM " + keys + " k ORDER BY 1) locks")
                .param("ids", ids).param("approved", approved).query(Long.class).single();
        jdbc.sql("DELETE FROM ledger_member_year y USING " + keys + """
                         k WHERE y.campaign_id = k.campaign_id AND y.year = k.yr AND y.unit_org_id = k.unit_org_id
                          AND y.member_id = k.member_id AND y.approved = :approved""")
                .param("ids", ids).param("approved", approved).update();
        jdbc.sql("""
                        INSERT INTO ledger_member_year (campaign_id, year, approved, unit_org_id, member_id, months)
                        SELECT mf.campaign_id, k.yr, mf.approved, mf.unit_org_id, mf.member_id,
                               bit_or(1 << (extract(month FROM mf.month)::int - 1))
                          FROM ledger_member_fact mf JOIN """ + keys + """
                         k ON mf.campaign_id = k.campaign_id AND mf.unit_org_id = k.unit_org_id AND mf.member_id = k.member_id
                           AND mf.month >= make_date(k.yr, 1, 1) AND mf.month < make_date(k.yr + 1, 1, 1)
                         WHERE mf.approved = :approved AND mf.entries > 0
                         GROUP BY 1, 2, 3, 4, 5
                        ON CONFLICT (campaign_id, year, approved, unit_org_id, member_id) DO UPDATE SET months = EXCLUDED.months""")
                .param("ids", ids).param("approved", approved).update();
    }
}

-- The statistics table of an org for any range of days, in one statement: the whole months from
-- the facts, the days before and after them from the entries, for the range and for the same days
-- last year and the range before; members who took part counted once across both sources.
-- Each span s (now, ly = last year, pv = previous) is :sMonthsFrom–:sMonthsTo (first days of
-- months; an empty span when from > to) and two runs of days :sDays1From–:sDays1To, :sDays2From–:sDays2To.
WITH units AS (SELECT u.id, coalesce(nullif(split_part(u.path, '/', :depth + 2), ''), split_part(u.path, '/', :depth + 1)) AS grp
                 FROM org u WHERE u.path LIKE :path || '%'),
month_facts AS (
    SELECT x.*, un.grp
      FROM (SELECT f.unit_org_id, f.indicator_id,
                   CASE WHEN f.month BETWEEN :nowMonthsFrom AND :nowMonthsTo THEN 'now'
                        WHEN f.month BETWEEN :lyMonthsFrom AND :lyMonthsTo THEN 'ly' ELSE 'pv' END AS span,
                   sum(f.value) AS value, sum(f.entries) AS entries, sum(f.households) AS households, sum(f.persons) AS persons
              FROM ledger_fact f
             WHERE f.campaign_id = :campaign AND f.approved
               AND (f.month BETWEEN :nowMonthsFrom AND :nowMonthsTo OR f.month BETWEEN :lyMonthsFrom AND :lyMonthsTo
                    OR f.month BETWEEN :pvMonthsFrom AND :pvMonthsTo)
             GROUP BY 1, 2, 3) x
      JOIN units un ON un.id = x.unit_org_id),
day_entries AS (
    SELECT e.id, e.households, e.persons, un.grp,
           CASE WHEN e.start_date BETWEEN :nowDays1From AND :nowDays1To OR e.start_date BETWEEN :nowDays2From AND :nowDays2To THEN 'now'
                WHEN e.start_date BETWEEN :lyDays1From AND :lyDays1To OR e.start_date BETWEEN :lyDays2From AND :lyDays2To THEN 'ly'
                ELSE 'pv' END AS span
      FROM ledger_entry e JOIN units un ON un.id = e.unit_org_id
     WHERE e.campaign_id = :campaign AND e.status = 'APPROVED'
       AND (e.start_date BETWEEN :nowDays1From AND :nowDays1To OR e.start_date BETWEEN :nowDays2From AND :nowDays2To
            OR e.start_date BETWEEN :lyDays1From AND :lyDays1To OR e.start_date BETWEEN :lyDays2From AND :lyDays2To
            OR e.start_date BETWEEN :pvDays1From AND :pvDays1To OR e.start_date BETWEEN :pvDays2From AND :pvDays2To)),
day_sums AS (
    SELECT d.grp, d.span, v.indicator_id, sum(v.value) AS value, 0 AS entries, 0 AS households, 0 AS persons
      FROM day_entries d JOIN ledger_value v ON v.entry_id = d.id GROUP BY 1, 2, 3
    UNION ALL
    SELECT grp, span, 0, 0, count(*), sum(coalesce(households, 0)), sum(coalesce(persons, 0)) FROM day_entries GROUP BY 1, 2),
all_sums AS (
    SELECT grp, span, indicator_id, value, entries, households, persons FROM month_facts
    UNION ALL SELECT * FROM day_sums),
sums AS (SELECT grp, indicator_id, sum(value) AS value, sum(entries) AS entries, sum(households) AS households, sum(persons) AS persons
           FROM all_sums WHERE span = 'now' GROUP BY GROUPING SETS ((grp, indicator_id), (indicator_id))),
comparisons AS (SELECT indicator_id, sum(value) FILTER (WHERE span = 'ly') AS last_year_value,
                       sum(entries) FILTER (WHERE span = 'ly') AS last_year_entries,
                       sum(value) FILTER (WHERE span = 'pv') AS previous_value, sum(entries) FILTER (WHERE span = 'pv') AS previous_entries
                  FROM all_sums WHERE span <> 'now' GROUP BY 1),
pairs AS (
    SELECT un.grp, my.member_id
      FROM ledger_member_year my JOIN units un ON un.id = my.unit_org_id
     WHERE my.campaign_id = :campaign AND my.approved AND my.year = :year AND my.months & :mask <> 0
    UNION
    SELECT d.grp, m.member_id FROM day_entries d JOIN ledger_entry_member m ON m.entry_id = d.id WHERE d.span = 'now'),
members AS (SELECT grp, count(*) AS members FROM pairs GROUP BY 1 UNION ALL SELECT NULL, count(DISTINCT member_id) FROM pairs)
SELECT s.*, c.last_year_value, c.last_year_entries, c.previous_value, c.previous_entries, m.members
  FROM sums s
  LEFT JOIN comparisons c ON s.grp IS NULL AND c.indicator_id = s.indicator_id
  LEFT JOIN members m ON m.grp IS NOT DISTINCT FROM s.grp AND s.indicator_id = 0

-- The statistics table of an org for any range of days, in one statement: the whole months from
-- the monthly facts, the days before and after them from the day facts, for the range, the same
-- days last year and the range before; members who took part from the month bits and, for the
-- days, the day bits of the members' months, each counted once.
-- Each span s (now, ly = last year, pv = previous) is :sMonthsFrom–:sMonthsTo (an empty span when
-- from > to) and two runs of days :sDays1From–:sDays1To, :sDays2From–:sDays2To.
WITH units AS (SELECT u.id, coalesce(nullif(split_part(u.path, '/', :depth + 2), ''), split_part(u.path, '/', :depth + 1)) AS grp
                 FROM org u WHERE u.path LIKE :path || '%'),
month_sums AS (
    SELECT f.unit_org_id, f.indicator_id,
           CASE WHEN f.month BETWEEN :nowMonthsFrom AND :nowMonthsTo THEN 'now'
                WHEN f.month BETWEEN :lyMonthsFrom AND :lyMonthsTo THEN 'ly' ELSE 'pv' END AS span,
           sum(f.value) AS value, sum(f.entries) AS entries, sum(f.households) AS households, sum(f.persons) AS persons
      FROM ledger_fact f
     WHERE f.campaign_id = :campaign AND f.approved
       AND (f.month BETWEEN :nowMonthsFrom AND :nowMonthsTo OR f.month BETWEEN :lyMonthsFrom AND :lyMonthsTo
            OR f.month BETWEEN :pvMonthsFrom AND :pvMonthsTo)
     GROUP BY 1, 2, 3),
day_sums AS (
    SELECT f.unit_org_id, f.indicator_id,
           CASE WHEN f.day BETWEEN :nowDays1From AND :nowDays1To OR f.day BETWEEN :nowDays2From AND :nowDays2To THEN 'now'
                WHEN f.day BETWEEN :lyDays1From AND :lyDays1To OR f.day BETWEEN :lyDays2From AND :lyDays2To THEN 'ly' ELSE 'pv' END AS span,
           sum(f.value) AS value, sum(f.entries) AS entries, sum(f.households) AS households, sum(f.persons) AS persons
      FROM ledger_day_fact f
     WHERE f.campaign_id = :campaign AND f.approved
       AND (f.day BETWEEN :nowDays1From AND :nowDays1To OR f.day BETWEEN :nowDays2From AND :nowDays2To
            OR f.day BETWEEN :lyDays1From AND :lyDays1To OR f.day BETWEEN :lyDays2From AND :lyDays2To
            OR f.day BETWEEN :pvDays1From AND :pvDays1To OR f.day BETWEEN :pvDays2From AND :pvDays2To)
     GROUP BY 1, 2, 3),
all_sums AS (
    SELECT un.grp, x.span, x.indicator_id, sum(x.value) AS value, sum(x.entries) AS entries, sum(x.households) AS households,
           sum(x.persons) AS persons
      FROM (SELECT * FROM month_sums UNION ALL SELECT * FROM day_sums) x JOIN units un ON un.id = x.unit_org_id
     GROUP BY 1, 2, 3),
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
    SELECT un.grp, mf.member_id
      FROM ledger_member_fact mf JOIN units un ON un.id = mf.unit_org_id
     WHERE mf.campaign_id = :campaign AND mf.approved
       AND ((mf.month = :nowDays1Month AND mf.days & :nowDays1Mask <> 0) OR (mf.month = :nowDays2Month AND mf.days & :nowDays2Mask <> 0))),
members AS (SELECT grp, count(*) AS members FROM pairs GROUP BY 1 UNION ALL SELECT NULL, count(DISTINCT member_id) FROM pairs)
SELECT s.*, c.last_year_value, c.last_year_entries, c.previous_value, c.previous_entries, m.members
  FROM sums s
  LEFT JOIN comparisons c ON s.grp IS NULL AND c.indicator_id = s.indicator_id
  LEFT JOIN members m ON m.grp IS NOT DISTINCT FROM s.grp AND s.indicator_id = 0

-- The statistics table of an org for the places under a township (or village), in one statement:
-- the facts know counties only, so every figure is summed from the entries of the period, the same
-- period last year and the period before; with the members who took part.
WITH units AS (SELECT u.id, coalesce(nullif(split_part(u.path, '/', :depth + 2), ''), split_part(u.path, '/', :depth + 1)) AS grp
                 FROM org u WHERE u.path LIKE :path || '%'),
hits AS (
    SELECT e.id, e.households, e.persons, un.grp,
           CASE WHEN e.start_date BETWEEN :fromDate AND :toDate THEN 'now'
                WHEN e.start_date BETWEEN :lastYearFrom AND :lastYearTo THEN 'ly' ELSE 'pv' END AS span
      FROM ledger_entry e JOIN units un ON un.id = e.unit_org_id
     WHERE e.campaign_id = :campaign AND e.status = 'APPROVED' AND e.region_code LIKE :region || '%'
       AND (e.start_date BETWEEN :fromDate AND :toDate OR e.start_date BETWEEN :lastYearFrom AND :lastYearTo
            OR e.start_date BETWEEN :previousFrom AND :previousTo)),
all_sums AS (
    SELECT h.grp, h.span, v.indicator_id, sum(v.value) AS value, 0 AS entries, 0 AS households, 0 AS persons
      FROM hits h JOIN ledger_value v ON v.entry_id = h.id GROUP BY 1, 2, 3
    UNION ALL
    SELECT grp, span, 0, 0, count(*), sum(coalesce(households, 0)), sum(coalesce(persons, 0)) FROM hits GROUP BY 1, 2),
sums AS (SELECT grp, indicator_id, sum(value) AS value, sum(entries) AS entries, sum(households) AS households, sum(persons) AS persons
           FROM all_sums WHERE span = 'now' GROUP BY GROUPING SETS ((grp, indicator_id), (indicator_id))),
comparisons AS (SELECT indicator_id, sum(value) FILTER (WHERE span = 'ly') AS last_year_value,
                       sum(entries) FILTER (WHERE span = 'ly') AS last_year_entries,
                       sum(value) FILTER (WHERE span = 'pv') AS previous_value, sum(entries) FILTER (WHERE span = 'pv') AS previous_entries
                  FROM all_sums WHERE span <> 'now' GROUP BY 1),
pairs AS (SELECT DISTINCT h.grp, m.member_id FROM hits h JOIN ledger_entry_member m ON m.entry_id = h.id WHERE h.span = 'now'),
members AS (SELECT grp, count(*) AS members FROM pairs GROUP BY 1 UNION ALL SELECT NULL, count(DISTINCT member_id) FROM pairs)
SELECT s.*, c.last_year_value, c.last_year_entries, c.previous_value, c.previous_entries, m.members
  FROM sums s
  LEFT JOIN comparisons c ON s.grp IS NULL AND c.indicator_id = s.indicator_id
  LEFT JOIN members m ON m.grp IS NOT DISTINCT FROM s.grp AND s.indicator_id = 0

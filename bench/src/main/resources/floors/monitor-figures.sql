-- A region's monitoring figures as the page computes them, in one statement: the stock by the
-- regions one level down (kind and stage) and by main cause, the cases past their clock (live), and
-- the flow of the period (months from :fromMonth to :toMonth) with the totals up to its end.
WITH s AS (
    SELECT left(township_code, :keyLength) AS k, kind, stage, sum(households) AS h, sum(persons) AS p
      FROM monitor_fact WHERE township_code LIKE :prefix || '%'
     GROUP BY 1, 2, 3 HAVING sum(households) <> 0 OR sum(persons) <> 0),
r AS (
    SELECT reason AS k, kind, stage, sum(households) AS h, sum(persons) AS p
      FROM monitor_fact WHERE township_code LIKE :prefix || '%'
     GROUP BY 1, 2, 3 HAVING sum(households) <> 0 OR sum(persons) <> 0),
o AS (
    SELECT left(region_code, :keyLength) AS k, count(*) AS h
      FROM monitor_case
     WHERE stage IN ('CLUE', 'VILLAGE', 'NOTICE', 'TOWNSHIP', 'COUNTY') AND deadline < CAST(:today AS date) AND region_code LIKE :prefix || '%'
     GROUP BY 1),
f AS (
    SELECT left(township_code, :keyLength) AS k, kind,
           sum(clues) FILTER (WHERE month >= CAST(:fromMonth AS date)) AS clues,
           sum(included) FILTER (WHERE month >= CAST(:fromMonth AS date)) AS included,
           sum(decided) FILTER (WHERE month >= CAST(:fromMonth AS date)) AS decided,
           sum(decided_late) FILTER (WHERE month >= CAST(:fromMonth AS date)) AS late,
           sum(eliminated) FILTER (WHERE month >= CAST(:fromMonth AS date)) AS eliminated,
           sum(included) AS included_to_date, sum(eliminated) - sum(reopened) AS eliminated_to_date
      FROM monitor_flow
     WHERE township_code LIKE :prefix || '%' AND month <= CAST(:toMonth AS date)
     GROUP BY 1, 2)
SELECT 'stock' AS part, k, kind, stage, h, p, NULL::bigint AS a, NULL::bigint AS b, NULL::bigint AS c FROM s
UNION ALL
SELECT 'reason', k, kind, stage, h, p, NULL, NULL, NULL FROM r
UNION ALL
SELECT 'overdue', k, NULL, NULL, h, NULL, NULL, NULL, NULL FROM o
UNION ALL
SELECT 'flow', k, kind, NULL, clues, included, decided, late, eliminated FROM f
UNION ALL
SELECT 'to date', k, kind, NULL, included_to_date, eliminated_to_date, NULL, NULL, NULL FROM f

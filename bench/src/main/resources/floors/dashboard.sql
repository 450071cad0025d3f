-- The dashboard of an org in one statement: entries, households and persons of the period and the
-- period before, twelve months of entries, entries by focus area, by unit below (top and bottom),
-- by county for the map, members under the org and those who took part (by unit below), and the
-- first thirty who did not. Rows are (kind, key, value, second) as the page uses them.
-- :path and :depth are the org's (a literal path lets the planner see how many orgs lie below it).
WITH units AS (SELECT u.id, coalesce(nullif(split_part(u.path, '/', :depth + 2), ''), split_part(u.path, '/', :depth + 1)) AS grp
                 FROM org u WHERE u.path LIKE :path || '%'),
facts AS (
    SELECT x.*, un.grp
      FROM (SELECT f.month, f.unit_org_id, f.county_code, f.task_type_id, sum(f.entries) AS entries,
                   sum(f.households) AS households, sum(f.persons) AS persons
              FROM ledger_fact f
             WHERE f.campaign_id = :campaign AND f.indicator_id = 0 AND f.approved
               AND f.month BETWEEN least(:trendFrom, :previousFrom) AND greatest(:trendTo, :toMonth)
             GROUP BY 1, 2, 3, 4) x
      JOIN units un ON un.id = x.unit_org_id),
now AS (SELECT * FROM facts WHERE month BETWEEN :fromMonth AND :toMonth),
active AS (
    SELECT un.grp, my.member_id
      FROM ledger_member_year my JOIN units un ON un.id = my.unit_org_id
     WHERE my.campaign_id = :campaign AND my.year = :year AND my.approved AND my.months & :mask <> 0
     GROUP BY 1, 2),
everyone AS (
    SELECT un.grp, mo.member_id
      FROM member_org mo JOIN units un ON un.id = mo.org_id JOIN member m ON m.id = mo.member_id
     WHERE m.active
     GROUP BY 1, 2),
inactive AS (SELECT member_id FROM everyone EXCEPT SELECT member_id FROM active)
SELECT 'kpi', 'entries', sum(entries), sum(households) FROM now
UNION ALL SELECT 'kpi', 'persons', sum(persons), NULL FROM now
UNION ALL SELECT 'kpi', 'before', sum(entries), NULL FROM facts WHERE month BETWEEN :previousFrom AND :previousTo
UNION ALL SELECT 'trend', to_char(month, 'YYYY-MM'), sum(entries), NULL FROM facts WHERE month BETWEEN :trendFrom AND :trendTo GROUP BY 2
UNION ALL SELECT 'area', t.focus_area_id::text, sum(n.entries), NULL FROM now n JOIN task_type t ON t.id = n.task_type_id GROUP BY 2
UNION ALL SELECT 'unit', grp, sum(entries), NULL FROM now GROUP BY 2
UNION ALL SELECT 'county', county_code, sum(entries), NULL FROM now GROUP BY 2
UNION ALL SELECT 'members', e.grp, count(*), count(a.member_id) FROM everyone e LEFT JOIN active a USING (grp, member_id) GROUP BY 2
UNION ALL SELECT 'participation', 'total', count(DISTINCT member_id), NULL FROM everyone
UNION ALL SELECT 'participation', 'inactive', count(*), NULL FROM inactive
UNION ALL (SELECT 'inactive', m.name, m.id, NULL FROM member m JOIN inactive i ON i.member_id = m.id ORDER BY m.id LIMIT 30)

-- The statistics table of an org in one statement, from the facts: each unit below it (and the
-- total) by indicator for the period, the totals of the same period last year and of the period
-- before, and the distinct members who took part. The same figures the page shows (approved).
-- :path and :depth are the org's (a literal path lets the planner see how many orgs lie below it).
-- The benchmark's spans are whole quarters (a quarter, a year to its end, the quarter before): they
-- are read from the quarter facts (V66), as the page reads them.
WITH units AS (SELECT u.id, coalesce(nullif(split_part(u.path, '/', :depth + 2), ''), split_part(u.path, '/', :depth + 1)) AS grp
                 FROM org u WHERE u.path LIKE :path || '%'),
now AS (SELECT f.unit_org_id, f.indicator_id, sum(f.value) AS value, sum(f.entries) AS entries,
               sum(f.households) AS households, sum(f.persons) AS persons
          FROM ledger_quarter_fact f
         WHERE f.campaign_id = :campaign AND f.month BETWEEN :fromMonth AND :toMonth AND f.approved
         GROUP BY 1, 2),
last_year AS (SELECT x.indicator_id, sum(x.value) AS value, sum(x.entries) AS entries
                FROM (SELECT f.unit_org_id, f.indicator_id, sum(f.value) AS value, sum(f.entries) AS entries
                        FROM ledger_quarter_fact f
                       WHERE f.campaign_id = :campaign AND f.month BETWEEN :lastYearFrom AND :lastYearTo AND f.approved
                       GROUP BY 1, 2) x
                JOIN units un ON un.id = x.unit_org_id
               GROUP BY 1),
previous AS (SELECT x.indicator_id, sum(x.value) AS value, sum(x.entries) AS entries
               FROM (SELECT f.unit_org_id, f.indicator_id, sum(f.value) AS value, sum(f.entries) AS entries
                       FROM ledger_quarter_fact f
                      WHERE f.campaign_id = :campaign AND f.month BETWEEN :previousFrom AND :previousTo AND f.approved
                      GROUP BY 1, 2) x
               JOIN units un ON un.id = x.unit_org_id
              GROUP BY 1),
sums AS (SELECT un.grp, n.indicator_id, sum(n.value) AS value, sum(n.entries) AS entries, sum(n.households) AS households,
                sum(n.persons) AS persons
           FROM now n JOIN units un ON un.id = n.unit_org_id
          GROUP BY GROUPING SETS ((un.grp, n.indicator_id), (n.indicator_id))),
pairs AS (SELECT un.grp, my.member_id
            FROM ledger_member_year my JOIN units un ON un.id = my.unit_org_id
           WHERE my.campaign_id = :campaign AND my.year = :year AND my.approved AND my.months & :mask <> 0
           GROUP BY 1, 2),
members AS (SELECT grp, count(*) AS members FROM pairs GROUP BY 1
            UNION ALL SELECT NULL, count(DISTINCT member_id) FROM pairs)
SELECT s.grp, s.indicator_id, s.value, s.entries, s.households, s.persons,
       ly.value AS last_year_value, ly.entries AS last_year_entries, pv.value AS previous_value, pv.entries AS previous_entries,
       m.members
  FROM sums s
  LEFT JOIN last_year ly ON s.grp IS NULL AND ly.indicator_id = s.indicator_id
  LEFT JOIN previous pv ON s.grp IS NULL AND pv.indicator_id = s.indicator_id
  LEFT JOIN members m ON m.grp IS NOT DISTINCT FROM s.grp AND s.indicator_id = 0

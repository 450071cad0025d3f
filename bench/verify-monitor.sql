-- Checks the monitoring data of the whole database (the demo's cases, those bench/generate-monitor.sql
-- made, any the app made since) and its figures: every "bad" count must be 0.
--   psql -X -f bench/verify-monitor.sql
\pset pager off
\timing on

-- The stock kept in step equals a fresh count of the cases (the tests' MonitorFactsCheck).
WITH fresh AS (SELECT township_code, kind, main_reason, stage, count(*)::bigint, sum(persons)::bigint FROM monitor_case GROUP BY 1, 2, 3, 4),
kept AS (SELECT township_code, kind, reason, stage, households, persons FROM monitor_fact WHERE households <> 0 OR persons <> 0)
SELECT 'stock (monitor_fact) = the cases recounted' AS "check",
       (SELECT count(*) FROM (TABLE fresh EXCEPT TABLE kept) a) + (SELECT count(*) FROM (TABLE kept EXCEPT TABLE fresh) b) AS bad;

-- The flow kept in step equals the events recounted from the records, each in its month and with
-- the kind the case had then (none before the home visit; a clue after it counts under the case's
-- kind): clues, openings (first clues), the county's decisions (late: after the deadline),
-- inclusions, rejections (the closing day), eliminations (the county's agreed elimination reviews).
WITH ev AS (
    SELECT date_trunc('month', l.reported_on)::date AS month, c.township_code AS t,
           CASE WHEN l.opened_case OR c.visited_on IS NULL OR l.reported_on < c.visited_on THEN '' ELSE c.kind END AS k,
           1 AS clues, 0 AS opened, 0 AS decided, 0 AS late, 0 AS included, 0 AS included_persons, 0 AS rejected, 0 AS eliminated,
           0 AS eliminated_persons
      FROM monitor_clue l JOIN monitor_case c ON c.id = l.case_id
    UNION ALL
    SELECT date_trunc('month', first_clue_on)::date, township_code, '', 0, 1, 0, 0, 0, 0, 0, 0, 0 FROM monitor_case
    UNION ALL
    SELECT date_trunc('month', r.decided_on)::date, c.township_code, c.kind, 0, 0, 1, (r.decided_on > c.deadline)::int, r.agreed::int,
           CASE WHEN r.agreed THEN c.persons ELSE 0 END, 0, 0, 0
      FROM monitor_review r JOIN monitor_case c ON c.id = r.case_id WHERE r.purpose = 'IDENTIFY' AND r.level = 'COUNTY'
    UNION ALL
    SELECT date_trunc('month', closed_on)::date, township_code, kind, 0, 0, 0, 0, 0, 0, 1, 0, 0 FROM monitor_case WHERE stage = 'REJECTED'
    UNION ALL
    SELECT date_trunc('month', r.decided_on)::date, c.township_code, c.kind, 0, 0, 0, 0, 0, 0, 0, 1, c.persons
      FROM monitor_review r JOIN monitor_case c ON c.id = r.case_id WHERE r.purpose = 'ELIMINATE' AND r.level = 'COUNTY' AND r.agreed),
fresh AS (
    SELECT month, t, k, sum(clues)::bigint, sum(opened)::bigint, sum(decided)::bigint, sum(late)::bigint, sum(included)::bigint,
           sum(included_persons)::bigint, sum(rejected)::bigint, sum(eliminated)::bigint, sum(eliminated_persons)::bigint
      FROM ev GROUP BY 1, 2, 3),
kept AS (
    SELECT month, township_code, kind, clues, opened, decided, decided_late, included, included_persons, rejected, eliminated, eliminated_persons
      FROM monitor_flow
     WHERE clues <> 0 OR opened <> 0 OR decided <> 0 OR decided_late <> 0 OR included <> 0 OR included_persons <> 0 OR rejected <> 0
        OR eliminated <> 0 OR eliminated_persons <> 0)
SELECT 'flow (monitor_flow) = the events recounted, month by month' AS "check",
       (SELECT count(*) FROM (TABLE fresh EXCEPT TABLE kept) a) + (SELECT count(*) FROM (TABLE kept EXCEPT TABLE fresh) b) AS bad;

-- Reopenings keep no day of their own on the case: their totals by township and kind.
WITH fresh AS (SELECT township_code, kind, sum(reopened)::bigint, sum(reopened * persons)::bigint FROM monitor_case WHERE reopened > 0 GROUP BY 1, 2),
kept AS (SELECT township_code, kind, sum(reopened)::bigint, sum(reopened_persons)::bigint FROM monitor_flow GROUP BY 1, 2
          HAVING sum(reopened) <> 0 OR sum(reopened_persons) <> 0)
SELECT 'reopenings (monitor_flow) = the cases'' reopened counts' AS "check",
       (SELECT count(*) FROM (TABLE fresh EXCEPT TABLE kept) a) + (SELECT count(*) FROM (TABLE kept EXCEPT TABLE fresh) b) AS bad;

-- The cases themselves.
SELECT 'households with two open cases' AS "check", count(*) AS bad
  FROM (SELECT household_id FROM monitor_case WHERE stage NOT IN ('ELIMINATED', 'REJECTED') GROUP BY 1 HAVING count(*) > 1) x;
SELECT 'cases whose place is not their household''s, or whose township / county codes are not its prefixes' AS "check", count(*) AS bad
  FROM monitor_case c JOIN household h ON h.id = c.household_id
 WHERE c.region_code <> h.region_code OR c.township_code <> left(c.region_code, 9) OR c.county_code <> left(c.region_code, 6);
SELECT 'cases whose deadline is not 15 days after the first clue' AS "check", count(*) AS bad
  FROM monitor_case WHERE deadline <> first_clue_on + 15;
SELECT 'cases without exactly one clue that opened them, on the day of the first clue' AS "check", count(*) AS bad
  FROM monitor_case c
 WHERE (SELECT count(*) FROM monitor_clue l WHERE l.case_id = c.id AND l.opened_case) <> 1
    OR (SELECT min(l.reported_on) FROM monitor_clue l WHERE l.case_id = c.id) <> c.first_clue_on
    OR EXISTS (SELECT 1 FROM monitor_clue l WHERE l.case_id = c.id AND l.household_id <> c.household_id);
SELECT 'cases whose fields do not fit their stage' AS "check", count(*) AS bad
  FROM monitor_case
 WHERE (stage = 'CLUE' AND (visited_on IS NOT NULL OR kind <> ''))
    OR (stage NOT IN ('CLUE', 'REJECTED') AND (visited_on IS NULL OR consent_on IS NULL OR kind = ''))
    OR (stage IN ('NOTICE', 'ELIM_NOTICE') AND notice_id IS NULL)
    OR ((stage IN ('MONITORED', 'ELIM_VILLAGE', 'ELIM_NOTICE', 'ELIM_COUNTY', 'ELIMINATED')) <> (included_on IS NOT NULL))
    OR (stage = 'ELIMINATED' AND notice_id IS NOT NULL)
    OR ((stage = 'ELIMINATED') <> (eliminated_on IS NOT NULL))
    OR ((stage = 'REJECTED') <> (closed_on IS NOT NULL))
    OR (stage IN ('ELIM_VILLAGE', 'ELIM_NOTICE', 'ELIM_COUNTY', 'ELIMINATED') AND elim_proposed_on IS NULL)
    OR (reopened > 0 AND stage <> 'MONITORED' AND stage NOT IN ('ELIM_VILLAGE', 'ELIM_NOTICE', 'ELIM_COUNTY', 'ELIMINATED'))
    OR persons < 1;
SELECT 'steps out of order (visit, reviews, decision, proposal, elimination; notices of five days or more)' AS "check", count(*) AS bad
  FROM monitor_case c
 WHERE c.visited_on < c.first_clue_on
    OR c.included_on < c.visited_on
    OR c.eliminated_on < c.elim_proposed_on
    OR c.elim_proposed_on < c.included_on
    OR EXISTS (SELECT 1 FROM monitor_review r WHERE r.case_id = c.id AND r.purpose = 'IDENTIFY' AND r.level = 'VILLAGE' AND r.decided_on < c.visited_on)
    OR EXISTS (SELECT 1 FROM monitor_review r JOIN monitor_notice n ON n.id = r.notice_id
                WHERE r.case_id = c.id AND (n.start_on < r.decided_on OR n.end_on < n.start_on + 4 OR n.village_code <> c.region_code
                                            OR n.purpose <> r.purpose))
    OR EXISTS (SELECT 1 FROM monitor_review t JOIN monitor_review v ON v.case_id = t.case_id AND v.purpose = t.purpose AND v.level = 'VILLAGE'
                 JOIN monitor_notice n ON n.id = v.notice_id
                WHERE t.case_id = c.id AND t.level = 'TOWNSHIP' AND t.decided_on <= n.end_on AND v.id = (SELECT max(id) FROM monitor_review x
                      WHERE x.case_id = t.case_id AND x.purpose = t.purpose AND x.level = 'VILLAGE' AND x.id < t.id))
    OR EXISTS (SELECT 1 FROM monitor_review k JOIN monitor_review t ON t.case_id = k.case_id AND t.purpose = k.purpose AND t.level = 'TOWNSHIP'
                WHERE k.case_id = c.id AND k.level = 'COUNTY' AND k.decided_on < t.decided_on AND t.id < k.id);
SELECT 'dates in the future' AS "check", count(*) AS bad
  FROM monitor_case
 WHERE greatest(first_clue_on, visited_on, decided_on, included_on, eliminated_on, closed_on, elim_proposed_on) > (now() AT TIME ZONE 'Asia/Shanghai')::date;
SELECT 'included cases without a plan (generated ones)' AS "check", count(*) AS bad
  FROM monitor_case c JOIN household h ON h.id = c.household_id
 WHERE h.address = 'bench-monitor' AND c.included_on IS NOT NULL AND NOT EXISTS (SELECT 1 FROM monitor_measure m WHERE m.case_id = c.id);
SELECT 'proposed eliminations the app would have refused (generated ones: no labour, no follow-up, the last one insecure, not six months stable above the line)' AS "check",
       count(*) AS bad
  FROM monitor_case c JOIN household h ON h.id = c.household_id
 WHERE h.address = 'bench-monitor' AND c.elim_proposed_on IS NOT NULL
   AND (c.has_labour IS FALSE
        OR NOT EXISTS (SELECT 1 FROM monitor_followup f WHERE f.case_id = c.id AND f.visited_on < c.elim_proposed_on)
        OR EXISTS (SELECT 1 FROM (SELECT * FROM monitor_followup f WHERE f.case_id = c.id AND f.visited_on < c.elim_proposed_on
                                   ORDER BY f.visited_on DESC, f.id DESC LIMIT 1) last
                    WHERE NOT (last.rigid_costs_solved AND last.school_ok AND last.medical_ok AND last.housing_ok AND last.water_ok))
        -- the unbroken run above the line up to the proposal must have begun six months before it
        OR NOT EXISTS (SELECT 1 FROM monitor_followup f WHERE f.case_id = c.id AND f.visited_on <= c.elim_proposed_on - interval '6 months'
                          AND NOT EXISTS (SELECT 1 FROM monitor_followup g WHERE g.case_id = c.id AND g.visited_on >= f.visited_on
                                             AND g.visited_on < c.elim_proposed_on
                                             AND g.income_per_head <= coalesce((SELECT per_head FROM monitor_line WHERE province_code = '53'
                                                 AND year <= extract(year FROM g.visited_on) ORDER BY year DESC LIMIT 1), 1e12))));
SELECT 'automatic clues whose figure is not under their line, or (generated ones) not the household''s income of that year' AS "check", count(*) AS bad
  FROM monitor_clue l JOIN household h ON h.id = l.household_id
  LEFT JOIN household_income i ON i.household_id = l.household_id AND i.year = l.rule_year
 WHERE l.rule = 'INCOME_BELOW_LINE' AND (l.figure >= l.line OR (h.address = 'bench-monitor' AND i.per_head IS DISTINCT FROM l.figure));

-- The registry: what the nightly check would raise on generated households, heads, ID numbers.
SELECT 'generated households under the line in 2024 or 2025 without their automatic clue (the nightly check would raise one)' AS "check",
       count(*) AS bad
  FROM household_income i JOIN household h ON h.id = i.household_id
 WHERE h.address = 'bench-monitor' AND i.year IN (2024, 2025)
   AND i.per_head < (SELECT per_head FROM monitor_line WHERE province_code = '53' AND year <= i.year ORDER BY year DESC LIMIT 1)
   AND NOT EXISTS (SELECT 1 FROM monitor_clue l WHERE l.household_id = i.household_id AND l.rule = 'INCOME_BELOW_LINE' AND l.rule_year = i.year);
WITH heads AS (SELECT household_id, count(*) AS n, min(person_id) AS head FROM household_membership
                WHERE relation = 'HEAD' AND left_on IS NULL GROUP BY 1)
SELECT 'households without one head now, or (generated ones) whose head is not that person' AS "check", count(*) AS bad
  FROM household h LEFT JOIN heads x ON x.household_id = h.id
 WHERE h.status = 'ACTIVE' AND (coalesce(x.n, 0) <> 1 OR (h.address = 'bench-monitor' AND h.head_person_id IS DISTINCT FROM x.head));
SELECT 'generated cases whose persons are not the household''s people now' AS "check", count(*) AS bad
  FROM monitor_case c JOIN household h ON h.id = c.household_id
 WHERE h.address = 'bench-monitor'
   AND c.persons <> (SELECT count(*) FROM household_membership m WHERE m.household_id = c.household_id AND m.left_on IS NULL);
SELECT 'generated people without an ID number, or not ciphertext and keyed hash of the app''s layout' AS "check", count(*) AS bad
  FROM household_person p JOIN household_membership m ON m.person_id = p.id JOIN household h ON h.id = m.household_id
 WHERE h.address = 'bench-monitor'
   AND (p.id_hash IS NULL OR length(p.id_hash) <> 32 OR length(p.id_cipher) <> 1 + 12 + 18 + 16 OR get_byte(p.id_cipher, 0) <> 1);
SELECT 'ID numbers held by two people' AS "check", count(*) AS bad
  FROM (SELECT id_hash FROM household_person WHERE id_hash IS NOT NULL GROUP BY 1 HAVING count(*) > 1) x;

-- What there is.
\timing off
SELECT stage, count(*) AS cases, sum(persons) AS persons,
       count(*) FILTER (WHERE stage IN ('CLUE', 'VILLAGE', 'NOTICE', 'TOWNSHIP', 'COUNTY') AND deadline < (now() AT TIME ZONE 'Asia/Shanghai')::date) AS overdue
  FROM monitor_case GROUP BY 1 ORDER BY 2 DESC;
SELECT channel, count(*) AS clues FROM monitor_clue GROUP BY 1 ORDER BY 2 DESC;
SELECT (SELECT count(*) FROM household WHERE address = 'bench-monitor') AS generated_households,
       (SELECT count(*) FROM household) AS households, (SELECT count(*) FROM household_person) AS people,
       (SELECT count(*) FROM monitor_case) AS cases, (SELECT count(*) FROM monitor_fact) AS stock_rows, (SELECT count(*) FROM monitor_flow) AS flow_rows;

-- Checks of a database made by bench/generate.sql (generated entries are those without import_key;
-- the demo's own entries came in through the import path). Every query prints a count of bad rows (0 is
-- right) or a comparison. psql -X -f bench/verify.sql
\pset pager off
\timing on
SET work_mem = '256MB';

\echo '-- orgs: path = parent.path || id || /, and sibling names unique'
SELECT count(*) AS bad_paths
  FROM org o LEFT JOIN org p ON p.id = o.parent_id
 WHERE o.path <> coalesce(p.path, '/') || o.id || '/';
SELECT count(*) AS duplicate_sibling_names
  FROM (SELECT coalesce(parent_id, 0), name FROM org GROUP BY 1, 2 HAVING count(*) > 1) x;
SELECT count(*) AS orgs_region_missing FROM org o WHERE o.region_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM region r WHERE r.code = o.region_code);

\echo '-- members: phones unique and 199 + 8 digits, dictionary codes exist, one main membership each'
SELECT count(*) AS duplicate_phones FROM (SELECT phone FROM member GROUP BY 1 HAVING count(*) > 1) x;
SELECT count(*) AS bad_phones FROM member WHERE phone !~ '^199[0-9]{8}$';
SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM dict_item d WHERE d.type_code = 'sector' AND d.code = m.sector)) AS bad_sector,
       count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM dict_item d WHERE d.type_code = 'ethnicity' AND d.code = m.ethnicity)) AS bad_ethnicity,
       count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM dict_item d WHERE d.type_code = 'party' AND d.code = m.party)) AS bad_party
  FROM member m;
SELECT count(*) AS members_without_exactly_one_main
  FROM member m WHERE (SELECT count(*) FROM member_org mo WHERE mo.member_id = m.id AND mo.main) <> 1;

\echo '-- (a) unit_org_id is a COMMITTEE whose path prefixes the org path, and the nearest one'
SELECT count(*) AS bad_units
  FROM (SELECT DISTINCT org_id, unit_org_id FROM ledger_entry) e
  JOIN org o ON o.id = e.org_id
  JOIN org u ON u.id = e.unit_org_id
 WHERE u.kind <> 'COMMITTEE' OR o.path NOT LIKE u.path || '%'
    OR EXISTS (SELECT 1 FROM org c WHERE c.kind = 'COMMITTEE' AND o.path LIKE c.path || '%' AND length(c.path) > length(u.path));

\echo '-- (b) region codes exist, are villages, and lie in the unit county / the org region'
SELECT count(*) AS missing_regions FROM ledger_entry e WHERE NOT EXISTS (SELECT 1 FROM region r WHERE r.code = e.region_code);
SELECT count(*) AS misplaced_entries
  FROM ledger_entry e
  JOIN org o ON o.id = e.org_id
  JOIN org u ON u.id = e.unit_org_id
  JOIN region r ON r.code = e.region_code
  JOIN region s ON s.code = CASE WHEN u.level = 'COUNTY' THEN u.region_code ELSE o.region_code END
 WHERE e.import_key IS NULL AND (r.level <> 5 OR r.path NOT LIKE s.path || '%');

\echo '-- entries: one member from the unit, one value per indicator within range, work_key as the app makes it'
SELECT count(*) AS entries_without_one_member
  FROM ledger_entry e WHERE e.import_key IS NULL AND (SELECT count(*) FROM ledger_entry_member m WHERE m.entry_id = e.id) <> 1;
SELECT count(*) AS members_outside_unit
  FROM ledger_entry e
  JOIN ledger_entry_member lm ON lm.entry_id = e.id
  JOIN member_org mo ON mo.member_id = lm.member_id AND mo.main
  JOIN org mainorg ON mainorg.id = mo.org_id
  JOIN org u ON u.id = e.unit_org_id
 WHERE e.import_key IS NULL AND mainorg.path NOT LIKE u.path || '%';
SELECT count(*) AS entries_with_wrong_value_count
  FROM (SELECT e.id, e.task_type_id, count(v.indicator_id) AS n
          FROM ledger_entry e LEFT JOIN ledger_value v ON v.entry_id = e.id
         WHERE e.import_key IS NULL GROUP BY 1, 2) x
  JOIN (SELECT task_type_id, count(*) AS n FROM indicator WHERE NOT retired GROUP BY 1) i USING (task_type_id)
 WHERE x.n <> i.n;
SELECT count(*) AS values_out_of_range
  FROM ledger_value v JOIN indicator i ON i.id = v.indicator_id JOIN ledger_entry e ON e.id = v.entry_id
 WHERE e.import_key IS NULL AND (v.value < i.min_value OR v.value > i.max_value
    OR (NOT i.decimals AND (v.value <> trunc(v.value) OR v.value NOT BETWEEN 1 AND 10))
    OR (i.decimals AND (v.value <> round(v.value, 1) OR v.value NOT BETWEEN 0.1 AND 80)));
SELECT count(*) AS sample, count(*) FILTER (WHERE e.work_key = md5(e.task_type_id || '|' || e.start_date || '|' || e.region_code ||
         coalesce((SELECT string_agg('|' || v.indicator_id || '=' || trim_scale(v.value), '' ORDER BY v.indicator_id)
                     FROM ledger_value v WHERE v.entry_id = e.id), ''))) AS work_key_ok
  FROM ledger_entry e TABLESAMPLE SYSTEM (0.2);
SELECT min(start_date), max(start_date), count(*) FILTER (WHERE start_date <> end_date) AS start_ne_end,
       count(*) FILTER (WHERE status <> 'DRAFT' AND submitted_at IS NULL) AS unsubmitted,
       count(*) FILTER (WHERE status IN ('APPROVED', 'RETURNED') AND (reviewed_at IS NULL OR reviewed_by IS NULL)) AS unreviewed,
       count(*) FILTER (WHERE status = 'RETURNED' AND return_reason IS NULL) AS returned_without_reason,
       count(*) FILTER (WHERE households NOT BETWEEN 1 AND 30 OR persons NOT BETWEEN 1 AND 100) AS bad_counts
  FROM ledger_entry WHERE import_key IS NULL;

\echo '-- (c) facts = a fresh aggregation (full comparison both ways)'
CREATE TEMP TABLE fresh_fact AS
SELECT e.campaign_id, date_trunc('month', e.start_date)::date AS month, e.unit_org_id, left(e.region_code, 6) AS county_code, e.task_type_id,
       v.indicator_id, e.status = 'APPROVED' AS approved, sum(v.value)::numeric(20,4) AS value, 0::bigint AS entries, 0::bigint AS households, 0::bigint AS persons
  FROM ledger_entry e JOIN ledger_value v ON v.entry_id = e.id
 WHERE e.status IN ('SUBMITTED', 'APPROVED')
 GROUP BY 1, 2, 3, 4, 5, 6, 7
UNION ALL
SELECT e.campaign_id, date_trunc('month', e.start_date)::date, e.unit_org_id, left(e.region_code, 6), e.task_type_id,
       0, e.status = 'APPROVED', 0, count(*), coalesce(sum(e.households), 0), coalesce(sum(e.persons), 0)
  FROM ledger_entry e
 WHERE e.status IN ('SUBMITTED', 'APPROVED')
 GROUP BY 1, 2, 3, 4, 5, 6, 7;
SELECT (SELECT count(*) FROM (TABLE fresh_fact EXCEPT ALL SELECT campaign_id, month, unit_org_id, county_code, task_type_id, indicator_id, approved, value, entries, households, persons FROM ledger_fact) a) AS fresh_not_in_facts,
       (SELECT count(*) FROM (SELECT campaign_id, month, unit_org_id, county_code, task_type_id, indicator_id, approved, value, entries, households, persons FROM ledger_fact EXCEPT ALL TABLE fresh_fact) b) AS facts_not_in_fresh;
SELECT (SELECT count(*) FROM (
          SELECT e.campaign_id, date_trunc('month', e.start_date)::date, e.unit_org_id, m.member_id, e.status = 'APPROVED', count(*)::int
            FROM ledger_entry e JOIN ledger_entry_member m ON m.entry_id = e.id
           WHERE e.status IN ('SUBMITTED', 'APPROVED') GROUP BY 1, 2, 3, 4, 5
          EXCEPT ALL SELECT campaign_id, month, unit_org_id, member_id, approved, entries FROM ledger_member_fact) a) AS fresh_member_not_in_facts,
       (SELECT count(*) FROM ledger_member_fact) - (SELECT count(*) FROM (
          SELECT DISTINCT e.campaign_id, date_trunc('month', e.start_date)::date, e.unit_org_id, m.member_id, e.status = 'APPROVED'
            FROM ledger_entry e JOIN ledger_entry_member m ON m.entry_id = e.id
           WHERE e.status IN ('SUBMITTED', 'APPROVED')) b) AS member_fact_row_difference;

SELECT (SELECT count(*) FROM (
          SELECT campaign_id, extract(year FROM month)::int, approved, unit_org_id, member_id,
                 bit_or(1 << (extract(month FROM month)::int - 1))
            FROM ledger_member_fact WHERE entries > 0 GROUP BY 1, 2, 3, 4, 5
          EXCEPT ALL SELECT campaign_id, year, approved, unit_org_id, member_id, months FROM ledger_member_year) a) AS fresh_member_year_missing,
       (SELECT count(*) FROM ledger_member_year) - (SELECT count(*) FROM (
          SELECT DISTINCT campaign_id, extract(year FROM month)::int, approved, unit_org_id, member_id
            FROM ledger_member_fact WHERE entries > 0) b) AS member_year_row_difference;

\echo '-- (c) spot checks: one indicator / one unit, approved, facts vs ledger'
SELECT i.id AS indicator_id, i.name,
       (SELECT sum(f.value) FROM ledger_fact f WHERE f.indicator_id = i.id AND f.approved) AS fact_sum,
       (SELECT sum(v.value) FROM ledger_value v JOIN ledger_entry e ON e.id = v.entry_id
         WHERE v.indicator_id = i.id AND e.status = 'APPROVED') AS ledger_sum
  FROM indicator i WHERE i.id IN (4, 8, 13);
SELECT (SELECT sum(entries) FROM ledger_fact WHERE indicator_id = 0 AND approved) AS fact_approved_entries,
       (SELECT count(*) FROM ledger_entry WHERE status = 'APPROVED') AS approved_entries,
       (SELECT sum(persons) FROM ledger_fact WHERE indicator_id = 0 AND NOT approved) AS fact_submitted_persons,
       (SELECT sum(persons) FROM ledger_entry WHERE status = 'SUBMITTED') AS submitted_persons;
SELECT u.name AS unit, f.month, f.fact_value, l.ledger_value
  FROM (SELECT unit_org_id, month, sum(value) AS fact_value FROM ledger_fact
         WHERE unit_org_id = (SELECT id FROM org WHERE name LIKE '禄劝%政协' AND kind = 'COMMITTEE') AND month = date '2024-06-01' AND approved
         GROUP BY 1, 2) f
  JOIN org u ON u.id = f.unit_org_id
  CROSS JOIN LATERAL (SELECT sum(v.value) AS ledger_value FROM ledger_entry e JOIN ledger_value v ON v.entry_id = e.id
                       WHERE e.unit_org_id = f.unit_org_id AND e.status = 'APPROVED'
                         AND e.start_date >= f.month AND e.start_date < f.month + interval '1 month') l;

\echo '-- indexes of the ledger tables (compare with V9)'
SELECT indexdef FROM pg_indexes WHERE tablename IN ('ledger_entry', 'ledger_value', 'ledger_entry_member') ORDER BY indexname;
SELECT relname, reloptions FROM pg_class WHERE relname IN ('ledger_entry', 'ledger_value', 'ledger_entry_member');

-- Checks the pairing figures against a fresh aggregation of the pairings and visits (the same
-- comparison as the tests' PairingFactsCheck): every count must be 0.
\pset pager off
WITH fresh AS (
  SELECT month, unit_org_id, county_code, kind, sum(st)::int AS s, sum(en)::int AS e FROM (
    SELECT date_trunc('month', start_date)::date AS month, unit_org_id, left(region_code, 6) AS county_code, kind, 1 AS st, 0 AS en FROM pairing
    UNION ALL
    SELECT date_trunc('month', end_date)::date, unit_org_id, left(region_code, 6), kind, 0, 1 FROM pairing WHERE end_date IS NOT NULL) x
  GROUP BY 1, 2, 3, 4),
kept AS (SELECT month, unit_org_id, county_code, kind, pairings_started, pairings_ended FROM pairing_fact
          WHERE kind <> 'HOUSEHOLDS' AND (pairings_started <> 0 OR pairings_ended <> 0))
SELECT 'pairings' AS figures, (SELECT count(*) FROM (TABLE fresh EXCEPT TABLE kept) a) + (SELECT count(*) FROM (TABLE kept EXCEPT TABLE fresh) b) AS bad;
WITH fresh AS (
  SELECT date_trunc('month', v.visit_date)::date, p.unit_org_id, left(p.region_code, 6), p.kind, count(*)::int, sum(v.problems_found)::int,
         sum(v.problems_solved)::int, sum(v.funds), sum(v.projects)::int
    FROM pairing_visit v JOIN pairing p ON p.id = v.pairing_id GROUP BY 1, 2, 3, 4),
kept AS (SELECT month, unit_org_id, county_code, kind, visits, problems_found, problems_solved, funds, projects FROM pairing_fact
          WHERE kind <> 'HOUSEHOLDS' AND visits <> 0)
SELECT 'visits' AS figures, (SELECT count(*) FROM (TABLE fresh EXCEPT TABLE kept) a) + (SELECT count(*) FROM (TABLE kept EXCEPT TABLE fresh) b) AS bad;
WITH fresh AS (
  SELECT month, unit_org_id, county_code, sum(st)::int, sum(en)::int FROM (
    SELECT from_month AS month, unit_org_id, county_code, 1 AS st, 0 AS en FROM pairing_household_cover
    UNION ALL
    SELECT to_month, unit_org_id, county_code, 0, 1 FROM pairing_household_cover WHERE to_month IS NOT NULL) x GROUP BY 1, 2, 3),
kept AS (SELECT month, unit_org_id, county_code, households_started, households_ended FROM pairing_fact
          WHERE kind = 'HOUSEHOLDS' AND (households_started <> 0 OR households_ended <> 0))
SELECT 'households' AS figures, (SELECT count(*) FROM (TABLE fresh EXCEPT TABLE kept) a) + (SELECT count(*) FROM (TABLE kept EXCEPT TABLE fresh) b) AS bad;
SELECT 'memberships without one head now' AS check, count(*) AS bad FROM household h
 WHERE h.status = 'ACTIVE' AND (SELECT count(*) FROM household_membership m WHERE m.household_id = h.id AND m.relation = 'HEAD' AND m.left_on IS NULL) <> 1;

-- Zhutui benchmark data for 三联三促 at province scale: for every active member (the ~30,000 of
-- bench/generate.sql, or the demo's ~600) :per_member households in a village of the member's
-- county (a 脱贫户 and a 示范户 with their families), a member↔household pairing for each (started
-- in 2023, one in ten ended since), three org↔village pairings per county committee; a visit in
-- most quarters of each pairing from 2023 to 2025 with its counts, the one who went, the
-- "四个有" of 2025 and duties ticked with visits as evidence; then the figures and the household
-- cover rebuilt set-based exactly as the app keeps them (checked by bench/verify-pairing.sql).
--
-- Generated households carry no ID number and no phone: those are encrypted with the app's key,
-- which the database never sees. The registry's scale is what is measured (lists, compliance,
-- figures); lookups by ID number are covered by the tests.
--
-- Run once, after bench/generate.sql (or on a demo database):
--   psql -v ON_ERROR_STOP=1 -f bench/generate-pairing.sql
-- Optional variables: -v per_member=2 -v visit_rate=0.85 -v seed=0.2027

\set ON_ERROR_STOP 1
\pset pager off
\if :{?per_member}
\else
  \set per_member 2
\endif
\if :{?visit_rate}
\else
  \set visit_rate 0.85
\endif
\if :{?seed}
\else
  \set seed 0.2027
\endif

SET synchronous_commit = off;
SET client_min_messages = warning;
SET work_mem = '256MB';
SET maintenance_work_mem = '1GB';
SET TimeZone = 'UTC';
SELECT setseed(:seed);
\timing on

\echo '== 0. Checks'
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pairing WHERE note = 'bench') THEN
        RAISE EXCEPTION 'this database already holds generated pairings: start again from a fresh one';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM app_user WHERE username = 'province.staff') THEN
        RAISE EXCEPTION 'no demo users: start the app once on an empty data dir with the demo profile';
    END IF;
END $$;
SELECT id AS staff FROM app_user WHERE username = 'province.staff' \gset

-- villages by county, and counties by the prefix of a prefecture or the province
CREATE TEMP TABLE county_villages AS
SELECT left(code, 6) AS county, array_agg(code ORDER BY code) AS villages FROM region WHERE level = 5 GROUP BY 1;
CREATE TEMP TABLE prefix_counties AS
SELECT p AS prefix, array_agg(county ORDER BY county) AS counties
  FROM (SELECT left(county, 2) AS p, county FROM county_villages UNION ALL SELECT left(county, 4), county FROM county_villages) x GROUP BY 1;

-- each active member: the unit (nearest committee) of their main org, and a county of its region
CREATE TEMP TABLE bench_member AS
SELECT m.id AS member_id, mo.org_id, u.id AS unit_id,
       CASE WHEN length(coalesce(u.region_code, '53')) >= 6 THEN left(u.region_code, 6)
            ELSE (SELECT pc.counties[1 + floor(random() * array_length(pc.counties, 1))::int]
                    FROM prefix_counties pc WHERE pc.prefix = coalesce(u.region_code, '53')) END AS county
  FROM member m
  JOIN member_org mo ON mo.member_id = m.id AND mo.main
  JOIN org o ON o.id = mo.org_id
  JOIN LATERAL (SELECT c.id, c.region_code FROM org c WHERE c.kind = 'COMMITTEE' AND o.path LIKE c.path || '%'
                 ORDER BY length(c.path) DESC LIMIT 1) u ON true
 WHERE m.active;
DELETE FROM bench_member WHERE county IS NULL OR county NOT IN (SELECT county FROM county_villages);
SELECT count(*) AS members FROM bench_member;

\echo '== 1. Households, their people, income'
CREATE TEMP TABLE bench_household AS
SELECT nextval('household_id_seq') AS id, bm.member_id, bm.org_id, bm.unit_id, n AS nth,
       cv.villages[1 + floor(random() * array_length(cv.villages, 1))::int] AS village,
       nextval('household_person_id_seq') AS head_id,
       date '1950-01-01' + (random() * 13000)::int AS head_born,
       date '2016-01-01' + (random() * 1500)::int AS registered
  FROM bench_member bm JOIN county_villages cv ON cv.county = bm.county, generate_series(1, :per_member) n;

INSERT INTO household_person (id, name, gender, birth_date, labour, health, schooling)
SELECT head_id, substr('李王张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗', 1 + (id % 20)::int, 1)
         || substr('春华建国秀英德福玉兰志远海燕文斌红梅永平桂芳', 1 + (id % 24)::int, 2),
       CASE WHEN id % 2 = 0 THEN 'M' ELSE 'F' END, head_born, 'ORDINARY', CASE WHEN id % 5 = 0 THEN 'CHRONIC' ELSE 'HEALTHY' END, 'JUNIOR'
  FROM bench_household;
INSERT INTO household (id, region_code, address, head_person_id, tags, created_by, created_at)
SELECT id, village, 'bench', head_id,
       CASE WHEN nth % 2 = 1 THEN ARRAY['TUOPIN']::varchar(20)[] ELSE ARRAY['SHIFAN', 'YIBAN']::varchar(20)[] END, :staff, registered
  FROM bench_household;
INSERT INTO household_membership (household_id, person_id, relation, joined_on, created_by)
SELECT id, head_id, 'HEAD', registered, :staff FROM bench_household;
-- two to four others each
WITH others AS (
    SELECT h.id AS household_id, h.registered, h.head_born, k, nextval('household_person_id_seq') AS person_id
      FROM bench_household h, generate_series(1, 2 + (h.id % 3)::int) k),
people AS (
    INSERT INTO household_person (id, name, gender, birth_date, labour, health, schooling)
    SELECT person_id, '家人' || k, CASE WHEN k % 2 = 0 THEN 'M' ELSE 'F' END,
           CASE WHEN k = 1 THEN head_born + 700 ELSE head_born + 8000 + k * 600 END,
           CASE WHEN k = 1 THEN 'ORDINARY' ELSE 'NONE' END, 'HEALTHY', CASE WHEN k = 1 THEN 'PRIMARY' ELSE 'IN_SCHOOL' END
      FROM others RETURNING id)
INSERT INTO household_membership (household_id, person_id, relation, joined_on, created_by)
SELECT household_id, person_id, CASE WHEN k = 1 THEN 'SPOUSE' ELSE 'CHILD' END, registered, :staff FROM others;
INSERT INTO household_income (household_id, year, per_head)
SELECT id, y, 7500 + (random() * 9000)::int FROM bench_household, generate_series(2023, 2025) y;

\echo '== 2. Pairings'
CREATE TEMP TABLE bench_pairing AS
SELECT nextval('pairing_id_seq') AS id, h.id AS household_id, h.member_id, h.org_id, h.unit_id, h.village,
       date '2023-01-01' + (random() * 300)::int AS start_date, random() < 0.1 AS ends
  FROM bench_household h;
INSERT INTO pairing (id, kind, org_id, unit_org_id, member_id, household_id, region_code, start_date, end_date, end_reason, note, created_by)
SELECT id, 'MEMBER_HOUSEHOLD', org_id, unit_id, member_id, household_id, village, start_date,
       CASE WHEN ends THEN date '2024-01-01' + (random() * 700)::int END, CASE WHEN ends THEN '工作调整' END, 'bench', :staff
  FROM bench_pairing;
-- three villages per county committee
INSERT INTO pairing (kind, org_id, unit_org_id, helper_org_id, region_code, start_date, note, created_by)
SELECT 'ORG_VILLAGE', o.id, o.id, o.id, cv.villages[1 + ((o.id * 7 + k * 13) % array_length(cv.villages, 1))::int], date '2023-02-01', 'bench', :staff
  FROM org o JOIN county_villages cv ON cv.county = o.region_code, generate_series(1, 3) k
 WHERE o.kind = 'COMMITTEE' AND o.level = 'COUNTY';

\echo '== 3. Visits, who went, duties and the four haves'
CREATE TEMP TABLE bench_visit AS
SELECT nextval('pairing_visit_id_seq') AS id, p.id AS pairing_id, p.kind, p.member_id,
       greatest(qs.q, p.start_date) + (random() * (least(qs.q_end, coalesce(p.end_date, date '2025-12-31')) - greatest(qs.q, p.start_date)))::int
           AS visit_date,
       (random() * 3)::int AS found
  FROM pairing p,
       (SELECT d::date AS q, (d + interval '3 months' - interval '1 day')::date AS q_end
          FROM generate_series(date '2023-01-01', date '2025-10-01', interval '3 months') d) qs
 WHERE p.note = 'bench' AND random() < :visit_rate AND p.start_date <= qs.q_end AND (p.end_date IS NULL OR p.end_date >= qs.q);
INSERT INTO pairing_visit (id, pairing_id, visit_date, notes, problems_found, problems_solved, funds, projects, source, recorded_at, created_by, created_at)
SELECT id, pairing_id, visit_date, '入户了解生产生活情况', found, (random() * found)::int,
       CASE WHEN random() < 0.25 THEN round((0.5 + random() * 19.5)::numeric, 1) ELSE 0 END, CASE WHEN random() < 0.1 THEN 1 ELSE 0 END,
       'MOBILE', visit_date + time '02:00', :staff, visit_date + time '08:00'
  FROM bench_visit;
INSERT INTO pairing_visit_person (visit_id, member_id, name)
SELECT v.id, v.member_id, m.name FROM bench_visit v JOIN member m ON m.id = v.member_id;
INSERT INTO pairing_visit_person (visit_id, user_id, name)
SELECT id, :staff, '工作人员' FROM bench_visit WHERE member_id IS NULL;
-- a third of the household visits tick one of the quarter's duties, the visit as evidence
INSERT INTO pairing_duty_record (pairing_id, item_id, period, evidence, visit_id, created_by)
SELECT v.pairing_id, i.id, extract(year FROM v.visit_date) || 'Q' || extract(quarter FROM v.visit_date), 'VISIT', v.id, :staff
  FROM bench_visit v
  JOIN pairing_duty_template t ON t.kind = 'MEMBER_HOUSEHOLD' AND t.org_id IS NULL
  JOIN pairing_duty_item i ON i.template_id = t.id AND i.sort = 2 + (v.id % 5)::int
 WHERE v.kind = 'MEMBER_HOUSEHOLD' AND random() < 0.33;
INSERT INTO household_goal (household_id, period, income, environment, spirit, security)
SELECT h.id, '2025Q' || q, CASE WHEN random() < 0.1 THEN 'PARTLY' ELSE 'MET' END, CASE WHEN random() < 0.15 THEN 'PARTLY' ELSE 'MET' END,
       'MET', CASE WHEN random() < 0.05 THEN 'NOT_MET' ELSE 'MET' END
  FROM bench_household h, generate_series(1, 4) q;

\echo '== 4. The figures and the household cover, rebuilt as the app keeps them'
TRUNCATE pairing_fact, pairing_household_cover;
INSERT INTO pairing_household_cover (household_id, unit_org_id, county_code, from_month, to_month)
WITH s AS (
  SELECT household_id AS h, unit_org_id AS u, left(region_code, 6) AS c, date_trunc('month', start_date)::date AS f,
         coalesce(date_trunc('month', end_date)::date, 'infinity'::date) AS t
    FROM pairing WHERE kind IN ('MEMBER_HOUSEHOLD', 'CADRE_HOUSEHOLD')),
m AS (SELECT *, max(t) OVER (PARTITION BY h, u ORDER BY f, t ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev FROM s),
g AS (SELECT *, sum(CASE WHEN prev IS NULL OR f > prev + 31 THEN 1 ELSE 0 END)
                  OVER (PARTITION BY h, u ORDER BY f, t ROWS UNBOUNDED PRECEDING) AS grp FROM m)
SELECT h, u, min(c), min(f), nullif(max(t), 'infinity'::date) FROM g GROUP BY h, u, grp;
INSERT INTO pairing_fact (month, unit_org_id, county_code, kind, pairings_started, pairings_ended)
SELECT month, unit_org_id, county_code, kind, sum(st), sum(en) FROM (
  SELECT date_trunc('month', start_date)::date AS month, unit_org_id, left(region_code, 6) AS county_code, kind, 1 AS st, 0 AS en FROM pairing
  UNION ALL
  SELECT date_trunc('month', end_date)::date, unit_org_id, left(region_code, 6), kind, 0, 1 FROM pairing WHERE end_date IS NOT NULL) x
 GROUP BY 1, 2, 3, 4;
INSERT INTO pairing_fact (month, unit_org_id, county_code, kind, visits, problems_found, problems_solved, funds, projects)
SELECT date_trunc('month', v.visit_date)::date, p.unit_org_id, left(p.region_code, 6), p.kind, count(*), sum(v.problems_found),
       sum(v.problems_solved), sum(v.funds), sum(v.projects)
  FROM pairing_visit v JOIN pairing p ON p.id = v.pairing_id GROUP BY 1, 2, 3, 4
ON CONFLICT (month, unit_org_id, county_code, kind) DO UPDATE SET visits = EXCLUDED.visits, problems_found = EXCLUDED.problems_found,
    problems_solved = EXCLUDED.problems_solved, funds = EXCLUDED.funds, projects = EXCLUDED.projects;
INSERT INTO pairing_fact (month, unit_org_id, county_code, kind, households_started, households_ended)
SELECT month, unit_org_id, county_code, 'HOUSEHOLDS', sum(st), sum(en) FROM (
  SELECT from_month AS month, unit_org_id, county_code, 1 AS st, 0 AS en FROM pairing_household_cover
  UNION ALL
  SELECT to_month, unit_org_id, county_code, 0, 1 FROM pairing_household_cover WHERE to_month IS NOT NULL) x
 GROUP BY 1, 2, 3;

\echo '== 5. Statistics'
VACUUM (ANALYZE) household, household_person, household_membership, household_income, household_goal, pairing, pairing_visit,
    pairing_visit_person, pairing_duty_record, pairing_fact, pairing_household_cover;
SELECT (SELECT count(*) FROM household) AS households, (SELECT count(*) FROM household_person) AS persons,
       (SELECT count(*) FROM pairing) AS pairings, (SELECT count(*) FROM pairing_visit) AS visits,
       (SELECT count(*) FROM pairing_duty_record) AS duty_records, (SELECT count(*) FROM pairing_fact) AS facts;

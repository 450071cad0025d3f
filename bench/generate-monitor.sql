-- Zhutui benchmark data for return-to-poverty monitoring (防止返贫动态监测) at province scale: the
-- household registry of Yunnan's ~2,000,000 脱贫户 and monitored households, spread over the real
-- villages of the region table, every person with a valid ID number (the county's code, a birth
-- date that fits the person, the check digit) encrypted and hashed with the app's own key; and
-- about one household in ten with a monitoring case in a realistic mix of stages — clues still
-- waiting for the home visit (some past their 15-day clock), cases on the village notice or before
-- the county, households monitored with their plans and follow-ups, eliminations under review and
-- done, a few reopened, rejected clues — with the clues, reviews and village notices the schema
-- keeps; then the figures (monitor_fact, monitor_flow) kept in step exactly as the app's
-- MonitorFacts keeps them. bench/verify-monitor.sql checks the result.
--
-- Set-based and server-side, like bench/generate.sql: every table is an INSERT … SELECT from
-- staged rows. One step is not SQL: the ID numbers are encrypted (AES-256-GCM, which pgcrypto does
-- not have) and hashed by cn.zhutui.bench.MonitorPersons (in bench/target/benchmarks.jar, run by
-- psql's \!), which reads the app's key file, checks it against the database's key fingerprint and
-- copies the people into household_person. The clear numbers never reach the database.
--
-- Run once, with the app's database running (a demo database, or one bench/generate.sql and
-- bench/generate-pairing.sql have filled), from the repository root, after building the benchmarks:
--   ./mvnw -B -q -f bench/pom.xml -DskipTests package
--   PGHOST=localhost PGPORT=55432 PGUSER=postgres psql -X -v ON_ERROR_STOP=1 -v key=data/pii.key -f bench/generate-monitor.sql
-- Variables: key (the app's pii.key: beside its files directory, data/pii.key when started from the
-- repository root without zhutui.files.dir; or the base64 key of zhutui.pii.key), households
-- (2000000), case_rate (0.10), from (2024-01-01: the first clues; the income lines of V67 start in
-- 2024), seed (0.2028), jar (bench/target/benchmarks.jar).
--
-- Generated rows are recognisable: households have address 'bench-monitor' (their people,
-- memberships, incomes, cases, and the cases' clues, reviews, measures and follow-ups hang on
-- them), village notices have place 'bench-monitor'. No audit rows, stored files (consent scans),
-- screening batches (department clues keep file and row, without a batch, as the demo's does),
-- employment records or pairing visits are made.
--
-- For speed the load runs with session_replication_role = replica (no per-row foreign-key
-- triggers: the keys of the generated rows are checked set-based afterwards) and without the
-- secondary indexes of household, household_person and household_membership (recreated from their
-- own definitions at the end, the unique ones checking what they guard). If the script stops
-- half-way, start again from a fresh copy of the database.

\set ON_ERROR_STOP 1
\pset pager off
\if :{?households}
\else
  \set households 2000000
\endif
\if :{?case_rate}
\else
  \set case_rate 0.10
\endif
\if :{?from}
\else
  \set from 2024-01-01
\endif
\if :{?seed}
\else
  \set seed 0.2028
\endif
\if :{?key}
\else
  \set key data/pii.key
\endif
\if :{?jar}
\else
  \set jar bench/target/benchmarks.jar
\endif

SET synchronous_commit = off;
SET client_min_messages = warning;
SET work_mem = '256MB';
SET maintenance_work_mem = '1GB';
SET TimeZone = 'UTC';
SELECT setseed(:seed);

SELECT extract(epoch FROM clock_timestamp()) AS t_start \gset
\timing on

-- ---------------------------------------------------------------------------------------------
\echo
\echo '== 0. Checks and context'
-- ---------------------------------------------------------------------------------------------
SELECT extract(epoch FROM clock_timestamp()) AS t_step \gset

DROP TABLE IF EXISTS bench_monitor_person;

CREATE TEMP TABLE bm_ctx AS
SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS today,
       CAST(:'from' AS date) AS t0,
       CAST(:households AS bigint) AS households,
       CAST(:case_rate AS float8) AS case_rate,
       (SELECT id FROM app_user WHERE username = 'province.staff') AS province_user,
       (SELECT id FROM app_user WHERE username = 'kunming.staff') AS kunming_user,
       (SELECT id FROM app_user WHERE username = 'luquan.staff') AS luquan_user,
       (SELECT id FROM app_user WHERE username = 'wuding.staff') AS wuding_user,
       (SELECT id FROM app_user WHERE username = 'cadre.demo') AS cadre_user,
       ARRAY['ILLNESS', 'DISABILITY', 'SCHOOLING', 'DISASTER', 'ACCIDENT', 'INDUSTRY', 'EMPLOYMENT', 'LABOUR', 'HOUSING', 'WATER', 'OTHER'] AS reasons,
       -- the department whose screening finds each risk first
       ARRAY['MEDICAL_INSURANCE', 'DISABLED', 'EDUCATION', 'EMERGENCY', 'HEALTH', 'AGRICULTURE', 'HUMAN_RESOURCES', 'CIVIL_AFFAIRS',
             'HOUSING', 'WATER', 'CIVIL_AFFAIRS'] AS departments,
       -- the first measure of a plan for each risk
       ARRAY['MEDICAL', 'RELIEF', 'EDUCATION', 'RELIEF', 'MEDICAL', 'INDUSTRY', 'EMPLOYMENT', 'DIBAO', 'HOUSING', 'WATER', 'OTHER'] AS measures,
       ARRAY['家庭成员患病住院，自付医疗费用较高', '家庭成员新办残疾证，生活和就业受影响', '子女就读高中和大学，教育支出大',
             '暴雨冲毁承包地和圈舍，损失较大', '户主务工时受伤，短期内无法劳动', '种植的经济作物遭遇冻害，收入大幅减少',
             '外出务工返乡后未再就业，收入下降', '家庭主要劳动力年老体弱，缺乏劳动能力', '房屋墙体开裂，雨季有倒塌风险',
             '入户自来水管损坏，饮水困难', '家庭收支出现较大变化，存在返贫风险'] AS descriptions,
       ARRAY['张文华、李春梅', '王建国、杨丽', '李志强、普永华', '赵明、罗春燕', '段建平、和丽萍', '字学军、者玉兰'] AS visitors;

DO $$
DECLARE c record;
BEGIN
    SELECT * INTO c FROM bm_ctx;
    IF EXISTS (SELECT 1 FROM household WHERE address = 'bench-monitor') THEN
        RAISE EXCEPTION 'this database already holds generated monitoring data: start again from a fresh one';
    END IF;
    IF c.province_user IS NULL OR c.kunming_user IS NULL OR c.luquan_user IS NULL OR c.wuding_user IS NULL OR c.cadre_user IS NULL THEN
        RAISE EXCEPTION 'no demo users: start the app once on an empty data dir with the demo profile';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pii_key_check) THEN
        RAISE EXCEPTION 'no personal-data key yet: start the app once on this database';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM monitor_line WHERE province_code = '53') THEN
        RAISE EXCEPTION 'no income line for Yunnan (monitor_line)';
    END IF;
    IF c.today - c.t0 < 520 THEN
        RAISE EXCEPTION 'from (%) must be at least 520 days before today (%): eliminated cases need time', c.t0, c.today;
    END IF;
    IF c.households < 1000 THEN
        RAISE EXCEPTION 'households must be at least 1000';
    END IF;
END $$;

-- who records and decides where: the demo's users of Luquan (the cadre in 屏山街道), Wuding and
-- Kunming, the province's staff everywhere else (made with the ids written in, so it is inlined)
SELECT format($f$CREATE FUNCTION pg_temp.bm_user(region text, county_level boolean) RETURNS bigint LANGUAGE sql IMMUTABLE AS $b$
    SELECT CASE WHEN NOT county_level AND region LIKE '530128001%%' THEN CAST(%s AS bigint)
                WHEN region LIKE '530128%%' THEN CAST(%s AS bigint)
                WHEN region LIKE '532329%%' THEN CAST(%s AS bigint)
                WHEN region LIKE '5301%%' THEN CAST(%s AS bigint)
                ELSE CAST(%s AS bigint) END
$b$$f$, cadre_user, luquan_user, wuding_user, kunming_user, province_user) FROM bm_ctx
\gexec
-- the income line in force in a year (the latest set for it or before), as IncomeLines reads it
CREATE FUNCTION pg_temp.bm_line(y int) RETURNS numeric LANGUAGE sql STABLE AS $$
    SELECT per_head FROM monitor_line WHERE province_code = '53' AND year <= y ORDER BY year DESC LIMIT 1
$$;
-- a name from the pools: a surname and one or two given characters
CREATE FUNCTION pg_temp.bm_name(s int, g1 int, g2 int, two boolean) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT substr('李王张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤普者字鲁施和', 1 + s % 105, 1)
           || substr('国华建军平文明永春玉秀英兰芳红梅丽云海林志强伟刚勇荣福贵财发顺德成学光金凤琼珍霞燕飞艳婷娟萍桂花翠莲家兴祥庆富有应开元正忠', 1 + g1 % 61, 1)
           || CASE WHEN two THEN substr('国华建军平文明永春玉秀英兰芳红梅丽云海林志强伟刚勇荣福贵财发顺德成学光金凤琼珍霞燕飞艳婷娟萍桂花翠莲家兴祥庆富有应开元正忠', 1 + g2 % 61, 1)
                   ELSE '' END
$$;

SELECT today, t0, households, case_rate FROM bm_ctx;
SELECT format('%s s', round(extract(epoch FROM clock_timestamp()) - :t_step, 1)) AS "step 0 took";

-- ---------------------------------------------------------------------------------------------
\echo
\echo '== 1. Households (staged): spread over the villages, more in villages than in urban communities'
-- ---------------------------------------------------------------------------------------------
SELECT extract(epoch FROM clock_timestamp()) AS t_step \gset

-- a village's weight: 1 for a village committee, 0.25 for an urban community, ±40% at random
CREATE TEMP TABLE bm_village AS
SELECT code, left(code, 6) AS county, left(code, 9) AS township,
       CASE WHEN name LIKE '%村民委员会' OR name LIKE '%村委会' THEN 1.0 ELSE 0.25 END * (0.6 + 0.8 * random()) AS w
  FROM region WHERE level = 5 AND code LIKE '53%';
CREATE TEMP TABLE bm_vcount AS
SELECT code, county, township, round((SELECT households FROM bm_ctx) * w / sum(w) OVER ())::int AS n
  FROM bm_village ORDER BY code;

-- the household's size (mean ~3.7), its tags, registration (建档立卡 2014–2016 for 脱贫户), its head,
-- its income per head of 2024, whether it has a monitoring case (and an earlier one)
CREATE TEMP TABLE bm_household AS
WITH g AS MATERIALIZED (
    SELECT v.code AS village, v.county, v.township, random() AS r_size, random() AS r_tag, random() AS r_banqian,
           random() AS r_shifan, random() AS r_past, random() AS r_reg, random() AS r_born, random() AS r_gender,
           random() AS r_sur, random() AS r_inc, random() AS r_case, random() AS r_two, random() AS r_g1, random() AS r_g2,
           random() AS r_g3
      FROM bm_vcount v, generate_series(1, v.n) g)
SELECT nextval('household_id_seq') AS id, village, county, township,
       CASE WHEN r_size < 0.08 THEN 1 WHEN r_size < 0.23 THEN 2 WHEN r_size < 0.45 THEN 3 WHEN r_size < 0.72 THEN 4
            WHEN r_size < 0.90 THEN 5 WHEN r_size < 0.97 THEN 6 ELSE 7 END AS size,
       r_past < 0.04 AS past,
       r_tag < 0.88 AS tuopin,
       r_tag < 0.88 AND r_banqian < 0.09 AS banqian,
       r_shifan < 0.03 AS shifan,
       CASE WHEN r_tag < 0.88 THEN date '2014-10-01' + floor(r_reg * 820)::int ELSE date '2019-06-01' + floor(r_reg * 900)::int END AS registered,
       date '1945-01-01' + floor(r_born * 17000)::int AS head_born,
       CASE WHEN r_gender < 0.8 THEN 'M' ELSE 'F' END AS head_gender,
       floor(r_sur * 105)::int AS surname,
       floor(r_g1 * 61)::int AS g1, floor(r_g2 * 61)::int AS g2, r_g3 < 0.7 AS two_chars,
       round((9000 + 16000 * r_inc * r_inc)::numeric, 0) AS income_2024,
       r_case < (SELECT case_rate FROM bm_ctx) AS has_case,
       r_case < (SELECT case_rate FROM bm_ctx) AND r_two < 0.07 AS two_cases
  FROM g;
ANALYZE bm_household;

SELECT count(*) AS households, sum(size) AS people_now, count(*) FILTER (WHERE past) AS with_a_past_member,
       count(*) FILTER (WHERE has_case) AS with_a_case FROM bm_household;
SELECT format('%s s', round(extract(epoch FROM clock_timestamp()) - :t_step, 1)) AS "step 1 took";

-- ---------------------------------------------------------------------------------------------
\echo
\echo '== 2. People (staged): relation, birth date, gender, name, labour, health, schooling, the sequence of their ID number'
-- ---------------------------------------------------------------------------------------------
SELECT extract(epoch FROM clock_timestamp()) AS t_step \gset

-- k = 1 the head, 2 mostly the spouse, then children (a child-in-law and a grandchild in the
-- largest), a parent in some households of five; k = size + 1 a parent who died (left) where past.
-- The ID number's sequence (positions 15–17) numbers the people of a county born on one day,
-- odd for men and even for women, from 1 (at most 399: MonitorPersons moves a number the database
-- already had 400 on, and 901–999 are left for numbers nobody has); MonitorPersons makes the number.
CREATE UNLOGGED TABLE bench_monitor_person AS
WITH g AS MATERIALIZED (
    SELECT h.id AS household_id, h.county, h.size, h.past, h.registered, h.head_born, h.head_gender, h.surname, h.g1, h.g2, h.two_chars, k,
           random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6, random() AS r7,
           random() AS r8, random() AS r9, random() AS r10
      FROM bm_household h, generate_series(1, h.size + h.past::int) k),
rel AS (
    SELECT g.*,
           CASE WHEN k = 1 THEN 'HEAD'
                WHEN k > size THEN 'PARENT'
                WHEN k = 2 AND r1 < 0.9 THEN 'SPOUSE'
                WHEN size >= 6 AND k = size THEN 'GRANDCHILD'
                WHEN size >= 6 AND k = size - 1 THEN 'CHILD_IN_LAW'
                WHEN size = 5 AND k = 5 AND r1 < 0.35 THEN 'PARENT'
                ELSE 'CHILD' END AS relation
      FROM g),
born AS (
    SELECT rel.*,
           least(CASE relation
                     WHEN 'HEAD' THEN head_born
                     WHEN 'SPOUSE' THEN head_born + floor(r2 * 3650)::int - 1825
                     WHEN 'CHILD' THEN head_born + 7300 + (k - 2) * 700 + floor(r2 * 2500)::int
                     WHEN 'CHILD_IN_LAW' THEN head_born + 7700 + floor(r2 * 2500)::int
                     WHEN 'GRANDCHILD' THEN head_born + 16500 + floor(r2 * 4000)::int
                     ELSE greatest(date '1915-01-01', head_born - 7300 - floor(r2 * 3650)::int) END,
                 (SELECT today FROM bm_ctx) - 30 - floor(r9 * 300)::int) AS birth_date,
           CASE relation
               WHEN 'HEAD' THEN head_gender
               WHEN 'SPOUSE' THEN CASE WHEN head_gender = 'M' THEN 'F' ELSE 'M' END
               WHEN 'CHILD_IN_LAW' THEN CASE WHEN r3 < 0.7 THEN 'F' ELSE 'M' END
               ELSE CASE WHEN r3 < 0.52 THEN 'M' ELSE 'F' END END AS gender
      FROM rel),
person AS (
    SELECT born.*, nextval('household_person_id_seq') AS id,
           extract(year FROM age((SELECT today FROM bm_ctx), birth_date))::int AS years,
           CASE WHEN relation IN ('HEAD', 'CHILD', 'GRANDCHILD') OR (relation = 'PARENT' AND gender = 'M') THEN surname
                ELSE floor(r4 * 105)::int END AS sur
      FROM born)
SELECT id, household_id, k, relation, county, birth_date, gender,
       (2 * (row_number() OVER (PARTITION BY county, birth_date, gender ORDER BY id) - 1) + CASE WHEN gender = 'M' THEN 1 ELSE 2 END)::int AS seq,
       CASE WHEN k = 1 THEN pg_temp.bm_name(sur, g1, g2, two_chars)
            ELSE pg_temp.bm_name(sur, floor(r5 * 61)::int, floor(r6 * 61)::int, r7 < 0.7) END AS name,
       CASE WHEN years < 16 THEN 'NONE'
            WHEN years < 60 THEN CASE WHEN r8 < 0.15 THEN 'SKILLED' WHEN r8 < 0.85 THEN 'ORDINARY' ELSE 'WEAK' END
            WHEN years < 70 THEN CASE WHEN r8 < 0.2 THEN 'ORDINARY' WHEN r8 < 0.8 THEN 'WEAK' ELSE 'LOST' END
            ELSE CASE WHEN r8 < 0.5 THEN 'WEAK' ELSE 'LOST' END END AS labour,
       CASE WHEN r10 < 0.80 THEN 'HEALTHY' WHEN r10 < 0.92 THEN 'CHRONIC' WHEN r10 < 0.96 THEN 'SERIOUS' ELSE 'DISABLED' END AS health,
       CASE WHEN years < 6 THEN 'PRESCHOOL'
            WHEN years < 19 THEN 'IN_SCHOOL'
            WHEN extract(year FROM birth_date) < 1960 THEN CASE WHEN r9 < 0.4 THEN 'ILLITERATE' ELSE 'PRIMARY' END
            WHEN extract(year FROM birth_date) < 1980 THEN CASE WHEN r9 < 0.45 THEN 'PRIMARY' WHEN r9 < 0.9 THEN 'JUNIOR' ELSE 'SENIOR' END
            ELSE CASE WHEN r9 < 0.55 THEN 'JUNIOR' WHEN r9 < 0.85 THEN 'SENIOR' ELSE 'COLLEGE' END END AS schooling,
       greatest(registered, birth_date) AS joined_on,
       CASE WHEN k > size THEN registered + 100 + floor(r3 * ((SELECT today FROM bm_ctx) - registered - 130))::int END AS left_on,
       (registered + time '10:00') AT TIME ZONE 'Asia/Shanghai' AS created_at
  FROM person
 ORDER BY id;
ANALYZE bench_monitor_person;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM bench_monitor_person WHERE seq > 399) THEN
        RAISE EXCEPTION 'too many people born on one day in one county for a three-digit sequence';
    END IF;
END $$;
SELECT relation, count(*) FROM bench_monitor_person GROUP BY 1 ORDER BY 2 DESC;
SELECT format('%s s', round(extract(epoch FROM clock_timestamp()) - :t_step, 1)) AS "step 2 took";

-- ---------------------------------------------------------------------------------------------
\echo
\echo '== 3. People stored with their encrypted and hashed ID numbers (MonitorPersons, the app''s key)'
-- ---------------------------------------------------------------------------------------------
SELECT extract(epoch FROM clock_timestamp()) AS t_step \gset

-- Bulk-load mode: the registry's secondary indexes (also the unique ones: made again at the end,
-- they check what they guard) are dropped for the load, autovacuum is off for its tables.
ALTER TABLE household SET (autovacuum_enabled = false);
ALTER TABLE household_person SET (autovacuum_enabled = false);
ALTER TABLE household_membership SET (autovacuum_enabled = false);
ALTER TABLE household_income SET (autovacuum_enabled = false);
CREATE TEMP TABLE bm_index AS
SELECT i.indexname, i.indexdef
  FROM pg_indexes i
  JOIN pg_class c ON c.relname = i.indexname
  JOIN pg_index x ON x.indexrelid = c.oid
 WHERE i.schemaname = current_schema()
   AND i.tablename IN ('household', 'household_person', 'household_membership')
   AND NOT x.indisprimary
   AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid);
SELECT string_agg(indexname, ', ' ORDER BY indexname) AS "dropped for the load" FROM bm_index;
DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT indexname FROM bm_index LOOP
        EXECUTE format('DROP INDEX %I', r.indexname);
    END LOOP;
END $$;

-- psql does not interpolate variables into \!: they go through the environment
SELECT format('jdbc:postgresql://%s:%s/%s?user=%s', CASE WHEN :'HOST' = '' OR :'HOST' LIKE '/%' THEN 'localhost' ELSE :'HOST' END,
              :'PORT', :'DBNAME', :'USER') AS bm_jdbc \gset
\setenv BENCH_MONITOR_JDBC :bm_jdbc
\setenv BENCH_MONITOR_KEY :key
\setenv BENCH_MONITOR_JAR :jar
\! java -Xmx1g -cp "$BENCH_MONITOR_JAR" cn.zhutui.bench.MonitorPersons "$BENCH_MONITOR_JDBC" "$BENCH_MONITOR_KEY"

DO $$
BEGIN
    IF (SELECT count(*) FROM household_person p JOIN bench_monitor_person b ON b.id = p.id) <> (SELECT count(*) FROM bench_monitor_person) THEN
        RAISE EXCEPTION 'the people were not stored (see MonitorPersons above): build the benchmarks (./mvnw -f bench/pom.xml package) and give -v key=<the app''s pii.key>';
    END IF;
END $$;
SELECT count(*) AS people, count(*) FILTER (WHERE p.id_hash IS NULL) AS without_id_number
  FROM household_person p JOIN bench_monitor_person b ON b.id = p.id;
SELECT format('%s s', round(extract(epoch FROM clock_timestamp()) - :t_step, 1)) AS "step 3 took";

-- ---------------------------------------------------------------------------------------------
\echo
\echo '== 4. Cases (staged): stage, kind, risks, the way through identification, plans, follow-ups, elimination'
-- ---------------------------------------------------------------------------------------------
SELECT extract(epoch FROM clock_timestamp()) AS t_step \gset

CREATE TEMP TABLE bm_hcase AS
SELECT h.id AS household_id, h.village, h.township, h.county, h.size, h.tuopin, h.two_cases, p.name AS head_name
  FROM bm_household h JOIN bench_monitor_person p ON p.household_id = h.id AND p.k = 1
 WHERE h.has_case;

-- The path of a case, its dates, its kind and risks. Paths: CLUE, VILLAGE, NOTICE, COUNTY (being
-- identified; ~15% of them past their clock), MONITORED (REOPENED: eliminated, then at risk again),
-- ELIM_VILLAGE, ELIM_NOTICE, ELIM_COUNTY, ELIMINATED, REJ_CLUE (dismissed before or at the home
-- visit), REJ_VILLAGE / REJ_TOWNSHIP / REJ_COUNTY (a review said no). A household with two cases
-- had an early one closed (rejected or eliminated within its first 460 days) before the current.
-- Identification: home visit 1–3 days after the first clue, village review 1–2 days later with a
-- notice of 5–6 days, township review 1–2 days after it, the county 0–2 days later (8% of cases
-- wait 3–12 days more: decided late). Elimination is proposed at least 320 days after inclusion
-- (six months stable above the line after the first follow-up), then reviewed the same way.
CREATE TEMP TABLE bm_draft AS
WITH d0 AS MATERIALIZED (
    SELECT hc.*, n AS nth,
           random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6, random() AS r7,
           random() AS r8, random() AS r9, random() AS r10, random() AS r11, random() AS r12, random() AS r13, random() AS r14,
           random() AS r15, random() AS r16, random() AS r17, random() AS r18, random() AS r19, random() AS r20, random() AS r21,
           random() AS r22, random() AS r23, random() AS r24, random() AS r25, random() AS r26, random() AS r27, random() AS r28
      FROM bm_hcase hc, generate_series(1, 1 + hc.two_cases::int) n),
d1 AS (
    SELECT d0.*,
           CASE WHEN nth = 2 THEN CASE WHEN r1 < 0.5 THEN 'ELIMINATED' WHEN r2 < 0.6 THEN 'REJ_CLUE' ELSE 'REJ_VILLAGE' END
                WHEN two_cases THEN
                    CASE WHEN r1 < 0.6 THEN 'MONITORED'
                         WHEN r1 < 0.8 THEN CASE WHEN r2 < 0.45 THEN 'REJ_CLUE' WHEN r2 < 0.8 THEN 'REJ_VILLAGE' WHEN r2 < 0.9 THEN 'REJ_TOWNSHIP'
                                                 ELSE 'REJ_COUNTY' END
                         ELSE CASE WHEN r2 < 0.4 THEN 'CLUE' WHEN r2 < 0.6 THEN 'VILLAGE' WHEN r2 < 0.8 THEN 'NOTICE' ELSE 'COUNTY' END END
                WHEN r1 < 0.48 THEN 'ELIMINATED'
                WHEN r1 < 0.76 THEN CASE WHEN r2 < 0.05 THEN 'REOPENED' ELSE 'MONITORED' END
                WHEN r1 < 0.77 THEN 'ELIM_VILLAGE'
                WHEN r1 < 0.78 THEN 'ELIM_NOTICE'
                WHEN r1 < 0.785 THEN 'ELIM_COUNTY'
                WHEN r1 < 0.965 THEN CASE WHEN r2 < 0.45 THEN 'REJ_CLUE' WHEN r2 < 0.8 THEN 'REJ_VILLAGE' WHEN r2 < 0.9 THEN 'REJ_TOWNSHIP'
                                          ELSE 'REJ_COUNTY' END
                ELSE CASE WHEN r2 < 0.4 THEN 'CLUE' WHEN r2 < 0.6 THEN 'VILLAGE' WHEN r2 < 0.8 THEN 'NOTICE' ELSE 'COUNTY' END
           END AS path,
           CASE WHEN tuopin THEN CASE WHEN r3 < 0.9 THEN 'UNSTABLE' ELSE 'SUDDEN' END
                ELSE CASE WHEN r3 < 0.7 THEN 'MARGINAL' ELSE 'SUDDEN' END END AS chosen_kind,
           CASE WHEN r4 < 0.33 THEN 1 WHEN r4 < 0.43 THEN 2 WHEN r4 < 0.50 THEN 3 WHEN r4 < 0.58 THEN 4 WHEN r4 < 0.65 THEN 5
                WHEN r4 < 0.74 THEN 6 WHEN r4 < 0.87 THEN 7 WHEN r4 < 0.94 THEN 8 WHEN r4 < 0.96 THEN 9 WHEN r4 < 0.97 THEN 10
                ELSE 11 END AS ri,
           CASE WHEN r5 < 0.2 THEN 1 + floor(r6 * 10)::int ELSE 0 END AS ri2_offset,
           r7 < 0.15 AS overdue
      FROM d0),
d2 AS (
    SELECT d1.*,
           CASE WHEN path IN ('CLUE', 'VILLAGE', 'NOTICE', 'COUNTY') THEN
                    CASE WHEN overdue THEN 16 + floor(r8 * 30)::int
                         WHEN path = 'CLUE' THEN floor(r8 * 15)::int
                         WHEN path = 'VILLAGE' THEN 1 + floor(r8 * 14)::int
                         WHEN path = 'NOTICE' THEN 3 + floor(r8 * 12)::int
                         ELSE 9 + floor(r8 * 6)::int END END AS age,
           CASE path WHEN 'ELIM_VILLAGE' THEN c.today - floor(r9 * 10)::int
                     WHEN 'ELIM_NOTICE' THEN c.today - 3 - floor(r9 * 12)::int
                     WHEN 'ELIM_COUNTY' THEN c.today - 12 - floor(r9 * 15)::int END AS p_fixed,
           1 + floor(r10 * 3)::int AS dv, 1 + floor(r11 * 2)::int AS dr, 4 + (r12 < 0.2)::int AS dn, 1 + floor(r13 * 2)::int AS dt,
           floor(r14 * 3)::int + CASE WHEN r15 < 0.08 THEN 3 + floor(r16 * 10)::int ELSE 0 END AS dc
      FROM d1 CROSS JOIN bm_ctx c),
d3 AS (
    SELECT d2.*,
           CASE WHEN age IS NOT NULL THEN c.today - age
                WHEN nth = 2 THEN c.t0 + floor(r17 * 61)::int
                WHEN two_cases THEN c.t0 + 460 + floor(r17 * ((c.today - 30) - (c.t0 + 460) + 1))::int
                WHEN path = 'ELIMINATED' THEN c.t0 + floor(r17 * ((c.today - 380) - c.t0 + 1))::int
                WHEN path = 'REOPENED' THEN c.t0 + floor(r17 * ((c.today - 420) - c.t0 + 1))::int
                WHEN p_fixed IS NOT NULL THEN c.t0 + floor(r17 * ((p_fixed - 350) - c.t0 + 1))::int
                ELSE c.t0 + floor(r17 * ((c.today - 30) - c.t0 + 1))::int END AS first_clue_on
      FROM d2 CROSS JOIN bm_ctx c),
d4 AS (
    SELECT d3.*,
           path IN ('MONITORED', 'REOPENED', 'ELIM_VILLAGE', 'ELIM_NOTICE', 'ELIM_COUNTY', 'ELIMINATED') AS included,
           CASE WHEN path IN ('CLUE', 'REJ_CLUE') THEN NULL
                WHEN path = 'VILLAGE' THEN first_clue_on + least(age, dv)
                WHEN path IN ('NOTICE', 'COUNTY') THEN first_clue_on + 1
                ELSE first_clue_on + dv END AS visit,
           CASE WHEN path IN ('CLUE', 'REJ_CLUE', 'VILLAGE') THEN NULL
                WHEN path = 'NOTICE' THEN first_clue_on + 2 + (age >= 4 AND dr = 2)::int
                WHEN path = 'COUNTY' THEN first_clue_on + 2
                ELSE first_clue_on + dv + dr END AS vr
      FROM d3),
d5 AS (
    SELECT d4.*,
           CASE WHEN vr IS NULL OR path = 'REJ_VILLAGE' THEN NULL
                WHEN path IN ('NOTICE', 'COUNTY') THEN vr + 4
                ELSE vr + dn END AS ne
      FROM d4),
d6 AS (
    SELECT d5.*,
           CASE WHEN path = 'COUNTY' THEN first_clue_on + 7 + (age >= 10 AND dt = 2)::int
                WHEN path IN ('REJ_TOWNSHIP', 'REJ_COUNTY') OR included THEN ne + dt END AS tr,
           CASE WHEN path = 'REJ_COUNTY' OR included THEN ne + dt + dc END AS cd
      FROM d5),
d7 AS (
    SELECT d6.*,
           CASE WHEN p_fixed IS NOT NULL THEN p_fixed
                WHEN path = 'ELIMINATED' AND nth = 2 THEN cd + 320 + floor(r18 * 20)::int
                WHEN path = 'ELIMINATED' THEN cd + 320 + floor(r18 * greatest(0, (c.today - 25) - (cd + 320) + 1))::int
                WHEN path = 'REOPENED' THEN cd + 320 + floor(r18 * greatest(0, (c.today - 60) - (cd + 320) + 1))::int END AS proposed
      FROM d6 CROSS JOIN bm_ctx c),
d8 AS (
    SELECT d7.*,
           CASE WHEN path IN ('ELIMINATED', 'REOPENED') THEN proposed + 1 + floor(r19 * 5)::int
                WHEN path IN ('ELIM_NOTICE', 'ELIM_COUNTY') THEN proposed + 1 + floor(r19 * 2)::int END AS ev
      FROM d7),
d9 AS (
    SELECT d8.*, ev + 4 + (path IN ('ELIMINATED', 'REOPENED') AND r20 < 0.2)::int AS ene FROM d8),
d10 AS (
    SELECT d9.*,
           CASE WHEN path IN ('ELIMINATED', 'REOPENED') THEN ene + 1 + floor(r21 * 3)::int
                WHEN path = 'ELIM_COUNTY' THEN ene + 1 + floor(r21 * 2)::int END AS et
      FROM d9),
d11 AS (
    SELECT d10.*, CASE WHEN path IN ('ELIMINATED', 'REOPENED') THEN et + 1 + floor(r22 * 4)::int END AS ec FROM d10)
SELECT d11.*,
       CASE WHEN path = 'REOPENED' THEN ec + 30 + floor(r23 * greatest(0, c.today - (ec + 30) + 1))::int END AS reopened_on,
       CASE path WHEN 'REJ_CLUE' THEN first_clue_on + 2 + floor(r23 * 12)::int
                 WHEN 'REJ_VILLAGE' THEN vr WHEN 'REJ_TOWNSHIP' THEN tr WHEN 'REJ_COUNTY' THEN cd END AS closed_on,
       CASE WHEN visit IS NULL THEN NULL WHEN included AND path <> 'MONITORED' THEN true ELSE r24 < 0.85 END AS has_labour,
       -- the channel of the first clue; the platform's own check (income under the line of last year) only
       -- where that year has a line and on the household's current case
       CASE WHEN r25 < 0.30 THEN 'SELF_REPORT' WHEN r25 < 0.70 THEN 'CADRE_CHECK' WHEN r25 < 0.92 THEN 'DEPARTMENT'
            WHEN nth = 1 AND pg_temp.bm_line(extract(year FROM first_clue_on)::int - 1) IS NOT NULL THEN 'AUTOMATIC'
            ELSE 'CADRE_CHECK' END AS channel,
       r26 < 0.12 AS second_clue
  FROM d11 CROSS JOIN bm_ctx c;

-- the cases in the order of their first clue (ids follow time, as in real life), with what the
-- case row keeps at its stage
CREATE TEMP TABLE bm_case AS
SELECT nextval('monitor_case_id_seq') AS id, x.* FROM (
    SELECT d.*,
           CASE d.path WHEN 'REOPENED' THEN 'MONITORED' WHEN 'REJ_CLUE' THEN 'REJECTED' WHEN 'REJ_VILLAGE' THEN 'REJECTED'
                       WHEN 'REJ_TOWNSHIP' THEN 'REJECTED' WHEN 'REJ_COUNTY' THEN 'REJECTED' ELSE d.path END AS stage,
           CASE WHEN d.visit IS NULL THEN '' ELSE d.chosen_kind END AS kind,
           CASE WHEN d.visit IS NULL AND d.channel = 'AUTOMATIC' THEN ARRAY['OTHER']
                WHEN d.ri2_offset = 0 THEN ARRAY[c.reasons[d.ri]]
                ELSE ARRAY[c.reasons[d.ri], c.reasons[1 + (d.ri - 1 + d.ri2_offset) % 11]] END AS case_reasons,
           CASE WHEN d.channel = 'AUTOMATIC' THEN ARRAY['OTHER']
                WHEN d.ri2_offset = 0 THEN ARRAY[c.reasons[d.ri]]
                ELSE ARRAY[c.reasons[d.ri], c.reasons[1 + (d.ri - 1 + d.ri2_offset) % 11]] END AS clue_reasons,
           CASE d.path WHEN 'CLUE' THEN d.first_clue_on WHEN 'VILLAGE' THEN d.visit WHEN 'NOTICE' THEN d.vr WHEN 'COUNTY' THEN d.tr
                       WHEN 'MONITORED' THEN d.cd WHEN 'REOPENED' THEN d.reopened_on WHEN 'ELIMINATED' THEN d.ec
                       WHEN 'ELIM_VILLAGE' THEN d.proposed WHEN 'ELIM_NOTICE' THEN d.ev WHEN 'ELIM_COUNTY' THEN d.et
                       ELSE d.closed_on END AS last_step
      FROM bm_draft d CROSS JOIN bm_ctx c
     ORDER BY d.first_clue_on, d.household_id, d.nth DESC) x;
ANALYZE bm_case;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM bm_case, bm_ctx c
                WHERE greatest(first_clue_on, visit, vr, tr, cd, proposed, ev, et, ec, reopened_on, closed_on) > c.today
                   OR first_clue_on < c.t0) THEN
        RAISE EXCEPTION 'a generated case has a date outside [from, today]';
    END IF;
END $$;
SELECT stage, path, count(*), count(*) FILTER (WHERE stage IN ('CLUE', 'VILLAGE', 'NOTICE', 'COUNTY') AND first_clue_on + 15 < c.today) AS overdue
  FROM bm_case CROSS JOIN bm_ctx c GROUP BY 1, 2 ORDER BY 1, 2;

-- the clues: the first (it opened the case), and for one case in eight a second one days later
-- (a cadre's check or a department's file) while the case was still being identified
CREATE TEMP TABLE bm_clue AS
SELECT c.id AS case_id, c.household_id, c.township, c.village, c.channel, c.clue_reasons AS reasons, c.first_clue_on AS reported_on, true AS opened_case,
       '' AS kind_then, c.ri, c.r27, c.r28, c.first_clue_on AS rule_on
  FROM bm_case c
UNION ALL
SELECT id, household_id, township, village, CASE WHEN r27 < 0.6 THEN 'CADRE_CHECK' ELSE 'DEPARTMENT' END, case_reasons, second_on, false,
       CASE WHEN visit IS NULL OR second_on < visit THEN '' ELSE chosen_kind END, ri, r27, r28, NULL
  FROM (SELECT c.*, c.first_clue_on + 1 + floor(c.r28 * 9)::int AS second_on FROM bm_case c WHERE c.second_clue) s
 WHERE second_on <= least((SELECT today FROM bm_ctx), closed_on, cd, proposed);
ANALYZE bm_clue;

-- the village notices: one per village, purpose and days (every household reviewed in a session)
CREATE TEMP TABLE bm_notice AS
SELECT nextval('monitor_notice_id_seq') AS id, y.* FROM (
    SELECT DISTINCT village, purpose, start_on, end_on FROM (
        SELECT village, 'IDENTIFY' AS purpose, vr AS start_on, ne AS end_on FROM bm_case WHERE ne IS NOT NULL
        UNION ALL
        SELECT village, 'ELIMINATE', ev, ene FROM bm_case WHERE ev IS NOT NULL) x
     ORDER BY start_on, village, purpose) y;
CREATE UNIQUE INDEX ON bm_notice (village, purpose, start_on, end_on);
ANALYZE bm_notice;

-- the reviews, each at its level and day
CREATE TEMP TABLE bm_review AS
SELECT c.id AS case_id, 'IDENTIFY' AS purpose, 'VILLAGE' AS level, c.vr AS decided_on, c.path <> 'REJ_VILLAGE' AS agreed,
       15 + floor(c.r27 * 40)::int AS participants,
       CASE WHEN c.path = 'REJ_VILLAGE' THEN '经村民代表民主评议，家庭收支稳定，不纳入监测' END AS note,
       n.id AS notice_id, pg_temp.bm_user(c.village, false) AS decided_by
  FROM bm_case c LEFT JOIN bm_notice n ON n.village = c.village AND n.purpose = 'IDENTIFY' AND n.start_on = c.vr AND n.end_on = c.ne
 WHERE c.vr IS NOT NULL
UNION ALL
SELECT c.id, 'IDENTIFY', 'TOWNSHIP', c.tr, c.path <> 'REJ_TOWNSHIP', NULL,
       CASE WHEN c.path = 'REJ_TOWNSHIP' THEN '乡镇审核：已通过医保报销和临时救助化解风险，不纳入监测' END, NULL, pg_temp.bm_user(c.village, false)
  FROM bm_case c WHERE c.tr IS NOT NULL
UNION ALL
SELECT c.id, 'IDENTIFY', 'COUNTY', c.cd, c.path <> 'REJ_COUNTY', NULL,
       CASE WHEN c.path = 'REJ_COUNTY' THEN '县级审定：家庭人均纯收入明显高于监测范围，不予纳入' END, NULL, pg_temp.bm_user(c.village, true)
  FROM bm_case c WHERE c.cd IS NOT NULL
UNION ALL
SELECT c.id, 'ELIMINATE', 'VILLAGE', c.ev, true, 15 + floor(c.r28 * 40)::int, NULL, n.id, pg_temp.bm_user(c.village, false)
  FROM bm_case c JOIN bm_notice n ON n.village = c.village AND n.purpose = 'ELIMINATE' AND n.start_on = c.ev AND n.end_on = c.ene
 WHERE c.ev IS NOT NULL
UNION ALL
SELECT c.id, 'ELIMINATE', 'TOWNSHIP', c.et, true, NULL, NULL, NULL, pg_temp.bm_user(c.village, false)
  FROM bm_case c WHERE c.et IS NOT NULL
UNION ALL
SELECT c.id, 'ELIMINATE', 'COUNTY', c.ec, true, NULL, NULL, NULL, pg_temp.bm_user(c.village, true)
  FROM bm_case c WHERE c.ec IS NOT NULL;

-- the plan (一户一策) of an included household: one to three measures (a household without labour
-- gets its safety net, 低保 or 特困), all done before an elimination
CREATE TEMP TABLE bm_measure AS
WITH m AS MATERIALIZED (
    SELECT c.id AS case_id, c.path, c.included, c.has_labour, c.cd, c.proposed, c.ri, c.county, k, random() AS r1, random() AS r2, random() AS r3
      FROM bm_case c, generate_series(1, CASE WHEN c.has_labour THEN 1 + floor(c.r27 * 3)::int ELSE 2 + floor(c.r27 * 2)::int END) k
     WHERE c.included),
t AS (
    SELECT m.*,
           CASE WHEN k = 1 THEN x.measures[m.ri]
                WHEN k = 2 AND NOT m.has_labour THEN CASE WHEN x.measures[m.ri] = 'DIBAO' THEN 'TEKUN' ELSE 'DIBAO' END
                WHEN k = 2 THEN CASE WHEN x.measures[m.ri] = 'EMPLOYMENT' THEN 'SKILLS' ELSE 'EMPLOYMENT' END
                ELSE CASE WHEN r1 < 0.5 THEN 'INDUSTRY' ELSE 'MICROCREDIT' END END AS type,
           m.cd + 2 + 5 * k + floor(r2 * 5)::int AS planned_on
      FROM m CROSS JOIN bm_ctx x)
SELECT t.case_id, t.type,
       CASE t.type WHEN 'MEDICAL' THEN '落实医疗救助和大病保险二次报销' WHEN 'RELIEF' THEN '发放临时救助金'
                   WHEN 'EDUCATION' THEN '落实教育资助和雨露计划补助' WHEN 'INDUSTRY' THEN '补种经济作物并购买农业保险'
                   WHEN 'EMPLOYMENT' THEN '推荐到县工业园区务工或安排公益性岗位' WHEN 'DIBAO' THEN '纳入农村低保，按月发放'
                   WHEN 'TEKUN' THEN '纳入特困人员救助供养' WHEN 'HOUSING' THEN '实施农村危房改造' WHEN 'WATER' THEN '维修入户供水管网'
                   WHEN 'SKILLS' THEN '参加县人社局组织的技能培训' WHEN 'MICROCREDIT' THEN '发放脱贫人口小额信贷5万元发展生产'
                   ELSE '开展结对帮扶，落实帮扶措施' END AS description,
       coalesce(r.name, '县') || CASE t.type WHEN 'MEDICAL' THEN '医疗保障局' WHEN 'RELIEF' THEN '民政局' WHEN 'DIBAO' THEN '民政局' WHEN 'TEKUN' THEN '民政局'
                             WHEN 'EDUCATION' THEN '教育体育局' WHEN 'INDUSTRY' THEN '农业农村局' WHEN 'EMPLOYMENT' THEN '人力资源和社会保障局'
                             WHEN 'SKILLS' THEN '人力资源和社会保障局' WHEN 'HOUSING' THEN '住房和城乡建设局' WHEN 'WATER' THEN '水务局'
                             WHEN 'MICROCREDIT' THEN '农村信用合作联社' ELSE '乡村振兴局' END AS responsible_unit,
       t.planned_on,
       CASE t.type WHEN 'MEDICAL' THEN round((3000 + t.r3 * 27000)::numeric, 0) WHEN 'RELIEF' THEN round((1000 + t.r3 * 4000)::numeric, 0)
                   WHEN 'EDUCATION' THEN round((2000 + t.r3 * 3000)::numeric, 0) WHEN 'HOUSING' THEN round((20000 + t.r3 * 20000)::numeric, 0)
                   WHEN 'MICROCREDIT' THEN 50000 END AS amount,
       CASE WHEN t.path <> 'MONITORED' THEN 'DONE'
            WHEN t.planned_on + 60 <= x.today AND t.r1 < 0.6 THEN 'DONE'
            WHEN t.planned_on <= x.today - 5 AND t.r1 < 0.85 THEN 'ONGOING'
            ELSE 'PLANNED' END AS status,
       t.planned_on + 10 + floor(t.r2 * 50)::int AS done_if_done,
       pg_temp.bm_user(t.county, true) AS created_by
  FROM t CROSS JOIN bm_ctx x LEFT JOIN region r ON r.code = t.county;

-- follow-up visits every ~90 days from a month after inclusion, up to the proposal of elimination
-- (or today): the first finds the income still under the line, the next ones above it and, on the
-- way to elimination, everything secure
CREATE TEMP TABLE bm_followup AS
WITH f AS MATERIALIZED (
    SELECT c.id AS case_id, c.path, c.village, k, c.cd + 30 + 90 * k + floor(random() * 15)::int - 7 AS visited_on,
           coalesce(c.proposed - 1, x.today) AS until, random() AS r1, random() AS r2, random() AS r3
      FROM bm_case c CROSS JOIN bm_ctx x, generate_series(0, 40) k
     WHERE c.included)
SELECT f.case_id, f.visited_on,
       x.visitors[1 + floor(f.r1 * 6)::int] AS visitors,
       '回访了解收入和三保障情况' AS notes,
       CASE WHEN f.k = 0 OR (f.path = 'MONITORED' AND f.r2 < 0.25) THEN round((6000 + f.r3 * 2600)::numeric, 0)
            ELSE round((9000 + f.r3 * 5000 + 300 * f.k)::numeric, 0) END AS income_per_head,
       (f.path <> 'MONITORED' AND f.k > 0) OR f.r2 < 0.9 AS rigid_costs_solved,
       (f.path <> 'MONITORED' AND f.k > 0) OR f.r3 < 0.95 AS school_ok,
       (f.path <> 'MONITORED' AND f.k > 0) OR f.r1 < 0.9 AS medical_ok,
       (f.path <> 'MONITORED' AND f.k > 0) OR f.r2 < 0.95 AS housing_ok,
       (f.path <> 'MONITORED' AND f.k > 0) OR f.r3 < 0.97 AS water_ok,
       pg_temp.bm_user(f.village, false) AS created_by
  FROM f CROSS JOIN bm_ctx x
 WHERE f.visited_on <= f.until;

SELECT (SELECT count(*) FROM bm_case) AS cases, (SELECT count(*) FROM bm_clue) AS clues, (SELECT count(*) FROM bm_review) AS reviews,
       (SELECT count(*) FROM bm_notice) AS notices, (SELECT count(*) FROM bm_measure) AS measures, (SELECT count(*) FROM bm_followup) AS follow_ups;
SELECT format('%s s', round(extract(epoch FROM clock_timestamp()) - :t_step, 1)) AS "step 4 took";

-- ---------------------------------------------------------------------------------------------
\echo
\echo '== 5. Households, memberships, incomes; cases, clues, notices, reviews, plans, follow-ups'
-- ---------------------------------------------------------------------------------------------
SELECT extract(epoch FROM clock_timestamp()) AS t_step \gset

SET session_replication_role = replica;

-- 监测户 for the households monitored now (included, not eliminated)
INSERT INTO household (id, region_code, address, head_person_id, tags, status, created_by, created_at, updated_at)
SELECT h.id, h.village, 'bench-monitor', p.id,
       CAST(array_remove(ARRAY[CASE WHEN h.tuopin THEN 'TUOPIN' ELSE 'YIBAN' END, CASE WHEN h.shifan THEN 'SHIFAN' END,
                               CASE WHEN c.household_id IS NOT NULL THEN 'JIANCE' END, CASE WHEN h.banqian THEN 'BANQIAN' END], NULL)
            AS varchar(20)[]),
       'ACTIVE', x.province_user, (h.registered + time '10:00') AT TIME ZONE 'Asia/Shanghai', (h.registered + time '10:00') AT TIME ZONE 'Asia/Shanghai'
  FROM bm_household h
  JOIN bench_monitor_person p ON p.household_id = h.id AND p.k = 1
  LEFT JOIN bm_case c ON c.household_id = h.id AND c.nth = 1 AND c.stage IN ('MONITORED', 'ELIM_VILLAGE', 'ELIM_NOTICE', 'ELIM_COUNTY')
 CROSS JOIN bm_ctx x
 ORDER BY h.id;

INSERT INTO household_membership (household_id, person_id, relation, joined_on, left_on, left_reason, created_by, created_at, closed_by, closed_at)
SELECT p.household_id, p.id, p.relation, p.joined_on, p.left_on, CASE WHEN p.left_on IS NOT NULL THEN '去世' END, x.province_user, p.created_at,
       CASE WHEN p.left_on IS NOT NULL THEN x.province_user END, (p.left_on + time '10:00') AT TIME ZONE 'Asia/Shanghai'
  FROM bench_monitor_person p CROSS JOIN bm_ctx x
 ORDER BY p.id;

-- income per head of 2024 and 2025, above the line except the year a household's automatic clue
-- found it under (so the nightly check raises nothing new)
INSERT INTO household_income (household_id, year, per_head, recorded_by, recorded_at)
SELECT h.id, y,
       coalesce(a.figure, CASE WHEN y = 2024 THEN h.income_2024 ELSE round(h.income_2024 * (1.02 + 0.08 * random())::numeric, 0) END),
       x.province_user, make_timestamptz(y + 1, 1, 15, 10, 0, 0, 'Asia/Shanghai')
  FROM bm_household h CROSS JOIN bm_ctx x CROSS JOIN generate_series(2024, 2025) y
  LEFT JOIN (SELECT household_id, extract(year FROM rule_on)::int - 1 AS year,
                    least(round((5000 + 3600 * r27)::numeric, 0), pg_temp.bm_line(extract(year FROM rule_on)::int - 1) - 100) AS figure
               FROM bm_clue WHERE opened_case AND channel = 'AUTOMATIC') a ON a.household_id = h.id AND a.year = y
 ORDER BY h.id, y;

INSERT INTO monitor_notice (id, village_code, purpose, start_on, end_on, place, created_by, created_at)
SELECT n.id, n.village, n.purpose, n.start_on, n.end_on, 'bench-monitor', pg_temp.bm_user(n.village, false),
       (n.start_on + time '09:00') AT TIME ZONE 'Asia/Shanghai'
  FROM bm_notice n ORDER BY n.id;

INSERT INTO monitor_case (id, household_id, region_code, township_code, county_code, kind, reasons, main_reason, head_name, stage, first_clue_on,
                          deadline, persons, visited_on, visitors, findings, income_per_head, expense, has_labour, consent_on, notice_id,
                          decided_on, included_on, eliminated_on, closed_on, closed_reason, elim_proposed_on, elim_checks, reopened,
                          responsible_user_id, version, created_by, created_at, updated_at)
SELECT c.id, c.household_id, c.village, c.township, c.county, c.kind, CAST(c.case_reasons AS varchar(20)[]), c.case_reasons[1], c.head_name,
       c.stage, c.first_clue_on, c.first_clue_on + 15, c.size,
       c.visit, CASE WHEN c.visit IS NOT NULL THEN x.visitors[1 + floor(c.r27 * 6)::int] END,
       CASE WHEN c.visit IS NOT NULL THEN '入户核实情况属实：' || x.descriptions[c.ri] || '。家庭收支已登记，农户签署了承诺授权书' END,
       CASE WHEN c.visit IS NOT NULL THEN round((4000 + 4600 * c.r28)::numeric, 0) END,
       CASE WHEN c.visit IS NOT NULL AND c.ri IN (1, 3, 4, 5) THEN round((10000 + 60000 * c.r26)::numeric, 0) END,
       c.has_labour, c.visit,
       CASE WHEN c.path IN ('NOTICE', 'COUNTY', 'REJ_TOWNSHIP', 'REJ_COUNTY') THEN ni.id
            WHEN c.path IN ('ELIM_NOTICE', 'ELIM_COUNTY') THEN ne.id END,
       c.cd, CASE WHEN c.included THEN c.cd END, CASE WHEN c.path = 'ELIMINATED' THEN c.ec END, c.closed_on,
       CASE c.path WHEN 'REJ_CLUE' THEN CASE WHEN c.r27 < 0.8 THEN '入户核实：家庭有稳定务工收入，人均纯收入高于监测范围，不符合监测条件'
                                             ELSE '农户不同意签署承诺授权书' END
                   WHEN 'REJ_VILLAGE' THEN '经村民代表民主评议，家庭收支稳定，不纳入监测'
                   WHEN 'REJ_TOWNSHIP' THEN '乡镇审核：已通过医保报销和临时救助化解风险，不纳入监测'
                   WHEN 'REJ_COUNTY' THEN '县级审定：家庭人均纯收入明显高于监测范围，不予纳入'
                   WHEN 'REOPENED' THEN (ARRAY['家庭成员再次患大病住院，自付费用高，返贫风险再现', '遭受自然灾害，家庭财产损失严重',
                                               '务工收入中断，人均纯收入降至监测范围以下'])[1 + floor(c.r26 * 3)::int] END,
       c.proposed,
       CASE WHEN c.proposed IS NOT NULL THEN
            CAST('{"labour":true,"income":true,"rigidCosts":true,"school":true,"medical":true,"housing":true,"water":true}' AS jsonb) END,
       CASE WHEN c.path = 'REOPENED' THEN 1 ELSE 0 END,
       CASE WHEN c.channel IN ('SELF_REPORT', 'CADRE_CHECK') THEN pg_temp.bm_user(c.village, false) END,
       (c.visit IS NOT NULL)::int + (c.vr IS NOT NULL)::int + (c.tr IS NOT NULL)::int + (c.cd IS NOT NULL)::int + (c.proposed IS NOT NULL)::int
           + (c.ev IS NOT NULL)::int + (c.et IS NOT NULL)::int + (c.ec IS NOT NULL)::int + (c.reopened_on IS NOT NULL)::int
           + (c.path = 'REJ_CLUE')::int,
       CASE c.channel WHEN 'AUTOMATIC' THEN NULL WHEN 'DEPARTMENT' THEN x.province_user ELSE pg_temp.bm_user(c.village, false) END,
       (c.first_clue_on + time '09:00') AT TIME ZONE 'Asia/Shanghai', (c.last_step + time '16:00') AT TIME ZONE 'Asia/Shanghai'
  FROM bm_case c CROSS JOIN bm_ctx x
  LEFT JOIN bm_notice ni ON ni.village = c.village AND ni.purpose = 'IDENTIFY' AND ni.start_on = c.vr AND ni.end_on = c.ne
  LEFT JOIN bm_notice ne ON ne.village = c.village AND ne.purpose = 'ELIMINATE' AND ne.start_on = c.ev AND ne.end_on = c.ene
 ORDER BY c.id;

INSERT INTO monitor_clue (case_id, household_id, channel, reasons, description, amount, reported_on, reporter, on_behalf, department,
                          source_row, source_file, rule, rule_year, figure, line, opened_case, created_by, created_at)
SELECT l.case_id, l.household_id, l.channel, CAST(l.reasons AS varchar(20)[]),
       CASE WHEN l.channel <> 'AUTOMATIC' THEN x.descriptions[l.ri] END,
       CASE WHEN l.channel IN ('DEPARTMENT', 'SELF_REPORT') AND l.ri IN (1, 5) THEN round((8000 + 52000 * l.r28)::numeric, 0) END,
       l.reported_on,
       CASE l.channel WHEN 'CADRE_CHECK' THEN CASE WHEN l.r27 < 0.5 THEN '包村干部' ELSE '驻村工作队员' END
                      WHEN 'SELF_REPORT' THEN CASE WHEN l.r27 < 0.3 THEN '村民小组长' END END,
       l.channel = 'SELF_REPORT' AND l.r27 < 0.3,
       CASE WHEN l.channel = 'DEPARTMENT' THEN x.departments[l.ri] END,
       CASE WHEN l.channel = 'DEPARTMENT' THEN 2 + floor(l.r28 * 3000)::int END,
       CASE WHEN l.channel = 'DEPARTMENT' THEN d.label || '预警名单' || to_char(l.reported_on, 'YYYY年MM月') || '.xlsx' END,
       CASE WHEN l.channel = 'AUTOMATIC' THEN 'INCOME_BELOW_LINE' END,
       CASE WHEN l.channel = 'AUTOMATIC' THEN extract(year FROM l.reported_on)::int - 1 END,
       CASE WHEN l.channel = 'AUTOMATIC' THEN least(round((5000 + 3600 * l.r27)::numeric, 0), pg_temp.bm_line(extract(year FROM l.reported_on)::int - 1) - 100) END,
       CASE WHEN l.channel = 'AUTOMATIC' THEN pg_temp.bm_line(extract(year FROM l.reported_on)::int - 1) END,
       l.opened_case,
       CASE l.channel WHEN 'AUTOMATIC' THEN NULL WHEN 'DEPARTMENT' THEN x.province_user ELSE pg_temp.bm_user(l.village, false) END,
       (l.reported_on + time '09:00') AT TIME ZONE 'Asia/Shanghai' + CASE WHEN l.opened_case THEN interval '0' ELSE interval '1 minute' END
  FROM bm_clue l CROSS JOIN bm_ctx x
  LEFT JOIN dict_item d ON d.type_code = 'monitor_department' AND d.code = x.departments[l.ri]
 ORDER BY l.reported_on, l.case_id, l.opened_case DESC;

INSERT INTO monitor_review (case_id, purpose, level, decided_on, agreed, participants, note, notice_id, decided_by, created_at)
SELECT case_id, purpose, level, decided_on, agreed, participants, note, notice_id, decided_by,
       (decided_on + time '15:00') AT TIME ZONE 'Asia/Shanghai'
  FROM bm_review ORDER BY decided_on, case_id;

INSERT INTO monitor_measure (case_id, type, description, responsible_unit, planned_on, done_on, amount, status, created_by, created_at, updated_at)
SELECT case_id, type, description, responsible_unit, planned_on, CASE WHEN status = 'DONE' THEN done_if_done END, amount, status, created_by,
       (planned_on + time '11:00') AT TIME ZONE 'Asia/Shanghai',
       (CASE WHEN status = 'DONE' THEN done_if_done ELSE planned_on END + time '11:00') AT TIME ZONE 'Asia/Shanghai'
  FROM bm_measure ORDER BY planned_on, case_id;

INSERT INTO monitor_followup (case_id, visited_on, visitors, notes, income_per_head, rigid_costs_solved, school_ok, medical_ok, housing_ok, water_ok,
                              created_by, created_at)
SELECT case_id, visited_on, visitors, notes, income_per_head, rigid_costs_solved, school_ok, medical_ok, housing_ok, water_ok, created_by,
       (visited_on + time '17:00') AT TIME ZONE 'Asia/Shanghai'
  FROM bm_followup ORDER BY visited_on, case_id;

RESET session_replication_role;
SELECT format('%s s', round(extract(epoch FROM clock_timestamp()) - :t_step, 1)) AS "step 5 took";

-- ---------------------------------------------------------------------------------------------
\echo
\echo '== 6. The registry''s indexes made again (the unique ones check: one person per ID number, one head, one home)'
-- ---------------------------------------------------------------------------------------------
SELECT extract(epoch FROM clock_timestamp()) AS t_step \gset
SET maintenance_work_mem = '512MB';
DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT indexdef FROM bm_index ORDER BY indexname LOOP
        EXECUTE r.indexdef;
    END LOOP;
END $$;
RESET maintenance_work_mem;
SELECT format('%s s', round(extract(epoch FROM clock_timestamp()) - :t_step, 1)) AS "step 6 took";

-- ---------------------------------------------------------------------------------------------
\echo
\echo '== 7. The foreign keys the load did not check row by row'
-- ---------------------------------------------------------------------------------------------
SELECT extract(epoch FROM clock_timestamp()) AS t_step \gset
DO $$
DECLARE
    bad bigint;
BEGIN
    SELECT count(*) INTO bad FROM household h
     WHERE h.address = 'bench-monitor'
       AND (NOT EXISTS (SELECT 1 FROM region r WHERE r.code = h.region_code)
            OR NOT EXISTS (SELECT 1 FROM household_person p WHERE p.id = h.head_person_id)
            OR NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id = h.created_by));
    IF bad > 0 THEN RAISE EXCEPTION '% households break a foreign key', bad; END IF;
    SELECT count(*) INTO bad FROM household_membership m JOIN bench_monitor_person b ON b.id = m.person_id
     WHERE NOT EXISTS (SELECT 1 FROM household h WHERE h.id = m.household_id)
        OR NOT EXISTS (SELECT 1 FROM household_person p WHERE p.id = m.person_id);
    IF bad > 0 THEN RAISE EXCEPTION '% memberships break a foreign key', bad; END IF;
    SELECT count(*) INTO bad FROM household_income i JOIN bm_household b ON b.id = i.household_id
     WHERE NOT EXISTS (SELECT 1 FROM household h WHERE h.id = i.household_id);
    IF bad > 0 THEN RAISE EXCEPTION '% incomes break a foreign key', bad; END IF;
    SELECT count(*) INTO bad FROM monitor_case c JOIN bm_case b ON b.id = c.id
     WHERE NOT EXISTS (SELECT 1 FROM household h WHERE h.id = c.household_id)
        OR (c.notice_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM monitor_notice n WHERE n.id = c.notice_id))
        OR (c.created_by IS NOT NULL AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id = c.created_by))
        OR (c.responsible_user_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id = c.responsible_user_id));
    IF bad > 0 THEN RAISE EXCEPTION '% cases break a foreign key', bad; END IF;
    SELECT count(*) INTO bad FROM monitor_clue l JOIN bm_case b ON b.id = l.case_id
     WHERE NOT EXISTS (SELECT 1 FROM household h WHERE h.id = l.household_id)
        OR NOT EXISTS (SELECT 1 FROM monitor_case c WHERE c.id = l.case_id);
    IF bad > 0 THEN RAISE EXCEPTION '% clues break a foreign key', bad; END IF;
    SELECT count(*) INTO bad FROM monitor_review r JOIN bm_case b ON b.id = r.case_id
     WHERE NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id = r.decided_by)
        OR (r.notice_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM monitor_notice n WHERE n.id = r.notice_id));
    IF bad > 0 THEN RAISE EXCEPTION '% reviews break a foreign key', bad; END IF;
    SELECT count(*) INTO bad FROM monitor_notice n JOIN bm_notice b ON b.id = n.id
     WHERE NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id = n.created_by);
    IF bad > 0 THEN RAISE EXCEPTION '% notices break a foreign key', bad; END IF;
END $$;
SELECT format('%s s', round(extract(epoch FROM clock_timestamp()) - :t_step, 1)) AS "step 7 took";

-- ---------------------------------------------------------------------------------------------
\echo
\echo '== 8. The figures kept in step: the generated cases'' stock and events added as MonitorFacts adds them'
-- ---------------------------------------------------------------------------------------------
SELECT extract(epoch FROM clock_timestamp()) AS t_step \gset

BEGIN;
-- stock: each case as it stands, under its township, kind, main cause and stage
INSERT INTO monitor_fact (township_code, kind, reason, stage, households, persons)
SELECT township, kind, case_reasons[1], stage, count(*), sum(size)
  FROM bm_case GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
ON CONFLICT (township_code, kind, reason, stage)
DO UPDATE SET households = monitor_fact.households + EXCLUDED.households, persons = monitor_fact.persons + EXCLUDED.persons;

-- flow: every event in its month, with the kind the case had when it happened (none before the
-- home visit), as the steps of MonitorService add them
CREATE TEMP TABLE bm_event (month date, township varchar(9), kind varchar(10), clues int DEFAULT 0, opened int DEFAULT 0,
                            included int DEFAULT 0, included_persons int DEFAULT 0, decided int DEFAULT 0, decided_late int DEFAULT 0,
                            rejected int DEFAULT 0, eliminated int DEFAULT 0, eliminated_persons int DEFAULT 0, reopened int DEFAULT 0,
                            reopened_persons int DEFAULT 0);
INSERT INTO bm_event (month, township, kind, clues) SELECT date_trunc('month', reported_on), township, kind_then, 1 FROM bm_clue;
INSERT INTO bm_event (month, township, kind, opened) SELECT date_trunc('month', first_clue_on), township, '', 1 FROM bm_case;
INSERT INTO bm_event (month, township, kind, decided, decided_late)
SELECT date_trunc('month', cd), township, chosen_kind, 1, (cd > first_clue_on + 15)::int FROM bm_case WHERE cd IS NOT NULL;
INSERT INTO bm_event (month, township, kind, included, included_persons)
SELECT date_trunc('month', cd), township, chosen_kind, 1, size FROM bm_case WHERE included;
INSERT INTO bm_event (month, township, kind, rejected) SELECT date_trunc('month', closed_on), township, kind, 1 FROM bm_case WHERE closed_on IS NOT NULL;
INSERT INTO bm_event (month, township, kind, eliminated, eliminated_persons)
SELECT date_trunc('month', ec), township, chosen_kind, 1, size FROM bm_case WHERE ec IS NOT NULL;
INSERT INTO bm_event (month, township, kind, reopened, reopened_persons)
SELECT date_trunc('month', reopened_on), township, chosen_kind, 1, size FROM bm_case WHERE reopened_on IS NOT NULL;

INSERT INTO monitor_flow (month, township_code, kind, clues, opened, included, included_persons, decided, decided_late, rejected, eliminated,
                          eliminated_persons, reopened, reopened_persons)
SELECT month, township, kind, sum(clues), sum(opened), sum(included), sum(included_persons), sum(decided), sum(decided_late), sum(rejected),
       sum(eliminated), sum(eliminated_persons), sum(reopened), sum(reopened_persons)
  FROM bm_event GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
ON CONFLICT (month, township_code, kind) DO UPDATE SET
    clues = monitor_flow.clues + EXCLUDED.clues, opened = monitor_flow.opened + EXCLUDED.opened,
    included = monitor_flow.included + EXCLUDED.included, included_persons = monitor_flow.included_persons + EXCLUDED.included_persons,
    decided = monitor_flow.decided + EXCLUDED.decided, decided_late = monitor_flow.decided_late + EXCLUDED.decided_late,
    rejected = monitor_flow.rejected + EXCLUDED.rejected, eliminated = monitor_flow.eliminated + EXCLUDED.eliminated,
    eliminated_persons = monitor_flow.eliminated_persons + EXCLUDED.eliminated_persons, reopened = monitor_flow.reopened + EXCLUDED.reopened,
    reopened_persons = monitor_flow.reopened_persons + EXCLUDED.reopened_persons;
COMMIT;
SELECT format('%s s', round(extract(epoch FROM clock_timestamp()) - :t_step, 1)) AS "step 8 took";

-- ---------------------------------------------------------------------------------------------
\echo
\echo '== 9. VACUUM ANALYZE, autovacuum back on, the staging table dropped'
-- ---------------------------------------------------------------------------------------------
SELECT extract(epoch FROM clock_timestamp()) AS t_step \gset
DROP TABLE bench_monitor_person;
ALTER TABLE household RESET (autovacuum_enabled);
ALTER TABLE household_person RESET (autovacuum_enabled);
ALTER TABLE household_membership RESET (autovacuum_enabled);
ALTER TABLE household_income RESET (autovacuum_enabled);
VACUUM (ANALYZE) household, household_person, household_membership, household_income, monitor_case, monitor_clue, monitor_notice,
    monitor_review, monitor_measure, monitor_followup, monitor_fact, monitor_flow;
SELECT format('%s s', round(extract(epoch FROM clock_timestamp()) - :t_step, 1)) AS "step 9 took";

-- ---------------------------------------------------------------------------------------------
\echo
\echo '== Result'
-- ---------------------------------------------------------------------------------------------
\timing off
SELECT 'household' AS "table", count(*) AS "rows" FROM household
UNION ALL SELECT 'household_person', count(*) FROM household_person
UNION ALL SELECT 'household_membership', count(*) FROM household_membership
UNION ALL SELECT 'household_income', count(*) FROM household_income
UNION ALL SELECT 'monitor_case', count(*) FROM monitor_case
UNION ALL SELECT 'monitor_clue', count(*) FROM monitor_clue
UNION ALL SELECT 'monitor_notice', count(*) FROM monitor_notice
UNION ALL SELECT 'monitor_review', count(*) FROM monitor_review
UNION ALL SELECT 'monitor_measure', count(*) FROM monitor_measure
UNION ALL SELECT 'monitor_followup', count(*) FROM monitor_followup
UNION ALL SELECT 'monitor_fact', count(*) FROM monitor_fact
UNION ALL SELECT 'monitor_flow', count(*) FROM monitor_flow;

SELECT stage, count(*) AS cases, sum(persons) AS persons,
       count(*) FILTER (WHERE stage IN ('CLUE', 'VILLAGE', 'NOTICE', 'TOWNSHIP', 'COUNTY') AND deadline < x.today) AS overdue,
       count(*) FILTER (WHERE reopened > 0) AS reopened
  FROM monitor_case CROSS JOIN bm_ctx x GROUP BY 1 ORDER BY 2 DESC;
SELECT 'Luquan (530128)' AS county, count(*) AS cases,
       count(*) FILTER (WHERE stage IN ('CLUE', 'VILLAGE', 'NOTICE', 'TOWNSHIP', 'COUNTY') AND deadline < x.today) AS overdue
  FROM monitor_case CROSS JOIN bm_ctx x WHERE region_code LIKE '530128%';

SELECT c.relname AS "table", pg_size_pretty(pg_table_size(c.oid)) AS "table size", pg_size_pretty(pg_indexes_size(c.oid)) AS "index size"
  FROM pg_class c
 WHERE c.relname IN ('household', 'household_person', 'household_membership', 'household_income', 'monitor_case', 'monitor_clue',
                     'monitor_review', 'monitor_followup')
 ORDER BY pg_total_relation_size(c.oid) DESC;

SELECT pg_size_pretty(pg_database_size(current_database())) AS "database size",
       format('%s s', round(extract(epoch FROM clock_timestamp()) - :t_start, 1)) AS "total time";

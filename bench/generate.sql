-- Zhutui benchmark data generator: turns the demo database (Yunnan, ~178 orgs, ~624 members,
-- ~4,000 ledger entries) into province scale: ~2,000 orgs, ~30,000 members and 5,000,000 ledger
-- entries of 双助推行动 (2023-01-01 .. 2025-12-31) with their values and members, then rebuilds the
-- statistics facts exactly as V12__ledger_fact.sql does.
--
-- Set-based and server-side: every step is an INSERT … SELECT over generate_series; the ledger
-- goes in as batches of :batch entries (one statement per batch: entries, values and members in
-- one data-modifying CTE), each committed on its own.
--
-- Run it once, on a database that holds the demo data and nothing more (see bench/README.md):
--   psql -v ON_ERROR_STOP=1 -f bench/generate.sql            (or bench/generate.sh)
-- Optional variables: -v entries=5000000 -v batch=500000 -v orgs=2000 -v seed=0.2026
--
-- For speed the load runs with session_replication_role = replica (no per-row foreign-key
-- triggers; the keys are checked set-based afterwards), without the secondary indexes of
-- ledger_entry / ledger_value / ledger_entry_member (recreated afterwards exactly as in V9) and
-- with autovacuum off for those three tables (reset afterwards). If the script stops half-way,
-- start again from a fresh copy of the demo database.

\set ON_ERROR_STOP 1
\pset pager off
\if :{?entries}
\else
  \set entries 5000000
\endif
\if :{?batch}
\else
  \set batch 500000
\endif
\if :{?orgs}
\else
  \set orgs 2000
\endif
\if :{?seed}
\else
  \set seed 0.2026
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

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM campaign WHERE name = '双助推行动' AND status = 'ACTIVE') THEN
        RAISE EXCEPTION 'campaign 双助推行动 not found: start the app once on an empty data dir so the demo data is loaded';
    END IF;
    IF (SELECT count(*) FROM app_user WHERE username IN ('province.staff', 'province.reviewer')) <> 2 THEN
        RAISE EXCEPTION 'demo users province.staff / province.reviewer not found';
    END IF;
    IF (SELECT count(*) FROM ledger_entry) > 100000 OR (SELECT count(*) FROM org) > 500 THEN
        RAISE EXCEPTION 'this database already holds generated data: run the generator on a fresh demo database';
    END IF;
END $$;

CREATE TEMP TABLE ctx AS
SELECT (SELECT id FROM campaign WHERE name = '双助推行动' AND status = 'ACTIVE' ORDER BY id LIMIT 1) AS campaign_id,
       (SELECT id FROM app_user WHERE username = 'province.staff')    AS staff_id,
       (SELECT id FROM app_user WHERE username = 'province.reviewer') AS reviewer_id,
       :entries::bigint AS total,
       :batch::bigint   AS batch,
       date '2023-01-01' AS first_day,
       (date '2025-12-31' - date '2023-01-01' + 1) AS days,
       ARRAY['佐证材料不全，请补充现场照片', '受益户数与情况说明不一致，请核实',
             '销售额单位应为万元，请更正', '活动地点填写有误，请改为具体村社区'] AS return_reasons;

SELECT format('%s s', round(extract(epoch FROM clock_timestamp()) - :t_step, 1)) AS "step 0 took";

-- ---------------------------------------------------------------------------------------------
\echo
\echo '== 1. Orgs: office, 2 special committees, 2 studios and township groups per county committee'
-- ---------------------------------------------------------------------------------------------
SELECT extract(epoch FROM clock_timestamp()) AS t_step \gset

CREATE TEMP TABLE county_committee AS
SELECT o.id, o.name, o.path, o.region_code, row_number() OVER (ORDER BY o.id) AS cn
  FROM org o
 WHERE o.kind = 'COMMITTEE' AND o.level = 'COUNTY';

CREATE TEMP TABLE org_candidate (
    parent_id   bigint,
    parent_path varchar(400),
    name        varchar(100),
    kind        varchar(30),
    level       varchar(20),
    region_code varchar(12),
    sort        int
);

-- an office where there is none
INSERT INTO org_candidate
SELECT c.id, c.path, c.name || '办公室', 'OFFICE', 'COUNTY', c.region_code, 0
  FROM county_committee c
 WHERE NOT EXISTS (SELECT 1 FROM org o WHERE o.parent_id = c.id AND o.kind = 'OFFICE');

-- two special committees (the demo's 农业和农村委员会 of Luquan is not among the names)
INSERT INTO org_candidate
SELECT c.id, c.path, c.name || (ARRAY['经济委员会', '提案委员会', '文化文史和学习委员会', '社会和法制委员会',
                                      '教科卫体委员会', '民族宗教委员会', '人口资源环境委员会'])[1 + (c.cn + k * 3) % 7],
       'SPECIAL_COMMITTEE', 'COUNTY', c.region_code, 10 + k
  FROM county_committee c CROSS JOIN generate_series(0, 1) k;

-- two studios (the demo's 乡村振兴委员工作室 is not among the names)
INSERT INTO org_candidate
SELECT c.id, c.path, (ARRAY['产业发展委员工作室', '民生服务委员工作室', '民族团结委员工作室', '科技助农委员工作室',
                            '医疗健康委员工作室', '教育助学委员工作室'])[1 + (c.cn + k * 2) % 6],
       'STUDIO', 'COUNTY', c.region_code, 20 + k
  FROM county_committee c CROSS JOIN generate_series(0, 1) k;

-- one member activity group per township, the first townships of every county first, until the
-- tree holds :orgs orgs
INSERT INTO org_candidate
SELECT parent_id, parent_path, name, 'GROUP', 'TOWNSHIP', region_code, sort
  FROM (SELECT c.id AS parent_id, c.path AS parent_path, t.name || '委员活动小组' AS name, t.code AS region_code,
               100 + row_number() OVER w AS sort, row_number() OVER w AS rank_in_county, c.cn
          FROM county_committee c
          JOIN region t ON t.parent_code = c.region_code AND t.level = 4
         WHERE NOT EXISTS (SELECT 1 FROM org g WHERE g.parent_id = c.id AND g.kind = 'GROUP' AND g.region_code = t.code)
        WINDOW w AS (PARTITION BY c.id ORDER BY t.code)) x
 ORDER BY rank_in_county, cn
 LIMIT greatest(0, :orgs - (SELECT count(*) FROM org) - (SELECT count(*) FROM org_candidate));

-- ids first, then the materialised path
CREATE TEMP TABLE new_org AS
SELECT nextval('org_id_seq') AS id, c.*
  FROM (SELECT * FROM org_candidate ORDER BY parent_id, sort, name) c;

INSERT INTO org (id, parent_id, name, kind, level, region_code, path, sort, remark)
SELECT id, parent_id, name, kind, level, region_code, parent_path || id || '/', sort, 'bench'
  FROM new_org
 ORDER BY id;

-- every org with its unit: the nearest COMMITTEE at or above it (the last committee id in its path)
CREATE TEMP TABLE org_unit AS
SELECT o.id AS org_id, o.kind, o.region_code, o.path, u.id AS unit_id, u.level AS unit_level, u.region_code AS unit_region
  FROM org o
 CROSS JOIN LATERAL (SELECT c.id, c.level, c.region_code
                       FROM org c
                      WHERE c.kind = 'COMMITTEE' AND o.path LIKE c.path || '%'
                      ORDER BY length(c.path) DESC
                      LIMIT 1) u;
CREATE UNIQUE INDEX ON org_unit (org_id);
ANALYZE org_unit;
ANALYZE org;

SELECT kind, level, count(*) FROM org GROUP BY 1, 2 ORDER BY 1, 2;
SELECT format('%s s', round(extract(epoch FROM clock_timestamp()) - :t_step, 1)) AS "step 1 took";

-- ---------------------------------------------------------------------------------------------
\echo
\echo '== 2. Members: ~300 for the province, ~30 per prefecture, ~226 per county committee (with its orgs)'
-- ---------------------------------------------------------------------------------------------
SELECT extract(epoch FROM clock_timestamp()) AS t_step \gset

CREATE TEMP TABLE unit_target AS
SELECT c.id AS unit_id, c.level, c.region_code,
       CASE c.level WHEN 'PROVINCE' THEN 300 WHEN 'PREFECTURE' THEN 30 ELSE 226 END AS target,
       (SELECT count(*) FROM member m
          JOIN member_org mo ON mo.member_id = m.id AND mo.main
          JOIN org_unit ou ON ou.org_id = mo.org_id
         WHERE ou.unit_id = c.id AND m.active) AS existing
  FROM org c
 WHERE c.kind = 'COMMITTEE';

-- where a unit's new members belong, besides the committee itself: its special committees,
-- studios and groups (offices, work teams and assisting units are staff, not members)
CREATE TEMP TABLE member_home AS
SELECT unit_id, org_id, row_number() OVER (PARTITION BY unit_id ORDER BY org_id) AS n,
       count(*) OVER (PARTITION BY unit_id) AS cnt
  FROM org_unit
 WHERE kind IN ('SPECIAL_COMMITTEE', 'STUDIO', 'GROUP');

CREATE TEMP TABLE dict_pick AS
SELECT (SELECT array_agg(code ORDER BY sort) FROM dict_item WHERE type_code = 'sector' AND enabled) AS sectors,
       (SELECT array_agg(code ORDER BY sort) FROM dict_item WHERE type_code = 'ethnicity' AND enabled AND code <> '01') AS minorities,
       (SELECT array_agg(code ORDER BY sort) FROM dict_item
         WHERE type_code = 'party' AND enabled AND code IN ('CDL', 'CNDCA', 'JS', 'NONPARTY', 'MASSES', 'RCCK', 'CAPD', 'CPWDP', 'CZGP')) AS parties,
       (SELECT count(*) FROM dict_item WHERE type_code = 'ethnicity' AND code = '01' AND enabled) = 1 AS has_han,
       (SELECT count(*) FROM dict_item WHERE type_code = 'party' AND code = 'CPC' AND enabled) = 1 AS has_cpc,
       '李王张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢普者字杞'::text AS surnames,
       '云帆春晓志远海燕明华丽萍建国秀英文斌红梅德福玉兰思源晓东永平桂芳家兴雪松金凤立新慧敏国强丽娟'::text AS given,
       ARRAY['%s农业科技示范有限公司', '%s人民医院', '%s第一中学', '%s电子商务协会', '%s农村信用合作联社', '%s茶叶专业合作社',
             '%s律师事务所', '%s文化旅游开发有限公司', '%s建筑设计院', '%s中药材种植基地'] AS employers,
       ARRAY['董事长', '总经理', '院长', '校长', '主任医师', '会长', '理事长', '律师', '高级农艺师', '教师'] AS posts,
       ARRAY['农业技术', '电商销售', '医疗卫生', '教育培训', '金融服务', '法律服务', '文化旅游', '建筑规划', '特色种植',
             '畜牧养殖', '中药材', '乡村治理'] AS expertise;

CREATE TEMP TABLE new_member AS
SELECT nextval('member_id_seq') AS id, x.unit_id, x.k, x.place,
       row_number() OVER (ORDER BY x.unit_id, x.k) AS seq,
       CASE WHEN x.k % 2 = 0 OR h.org_id IS NULL THEN x.unit_id ELSE h.org_id END AS main_org_id
  FROM (SELECT ut.unit_id, k,
               regexp_replace(regexp_replace(r.name,
                   '(彝族|苗族|回族|哈尼族|傣族|白族|纳西族|傈僳族|拉祜族|佤族|藏族|布朗族|普米族|独龙族|怒族|瑶族|壮族|蒙古族|阿昌族|景颇族|基诺族|德昂族)+自治(县|州)$', ''),
                   '(省|市|县|区|州)$', '') AS place,
               hc.cnt AS home_cnt
          FROM unit_target ut
          JOIN region r ON r.code = ut.region_code
          LEFT JOIN (SELECT unit_id, count(*) AS cnt FROM member_home GROUP BY 1) hc ON hc.unit_id = ut.unit_id
         CROSS JOIN LATERAL generate_series(1, greatest(ut.target - ut.existing, 0)) k
         ORDER BY ut.unit_id, k) x
  LEFT JOIN member_home h ON h.unit_id = x.unit_id AND h.n = 1 + (x.k / 2) % x.home_cnt
 ORDER BY x.unit_id, x.k;

-- fictional people; phones 1991xxxxxxx (the demo's are 1990000xxxx), unique by construction
INSERT INTO member (id, name, gender, ethnicity, sector, party, employer, post, phone, expertise, term, remark)
SELECT m.id,
       substr(d.surnames, 1 + floor(random() * char_length(d.surnames))::int, 1)
           || substr(d.given, 1 + 2 * floor(random() * (char_length(d.given) / 2))::int, CASE WHEN random() < 0.25 THEN 1 ELSE 2 END),
       CASE WHEN random() < 1.0 / 3 THEN 'F' ELSE 'M' END,
       CASE WHEN d.has_han AND random() >= 1.0 / 3 THEN '01'
            ELSE d.minorities[1 + floor(random() * least(30, cardinality(d.minorities)))::int] END,
       d.sectors[1 + floor(random() * cardinality(d.sectors))::int],
       CASE WHEN d.has_cpc AND random() < 0.5 THEN 'CPC' ELSE d.parties[1 + floor(random() * cardinality(d.parties))::int] END,
       format(d.employers[1 + floor(random() * cardinality(d.employers))::int], m.place),
       d.posts[1 + floor(random() * cardinality(d.posts))::int],
       '199' || lpad((10000000 + m.seq)::text, 8, '0'),
       ARRAY(SELECT DISTINCT d.expertise[1 + floor(random() * cardinality(d.expertise))::int]
               FROM generate_series(1, 2) s),
       '13',
       'bench'
  FROM new_member m CROSS JOIN dict_pick d
 ORDER BY m.id;

INSERT INTO member_org (member_id, org_id, position, main)
SELECT id, main_org_id, 'MEMBER', true FROM new_member ORDER BY id;

ANALYZE member;
ANALYZE member_org;

-- the members each unit's entries are credited to: active members whose main org is in the unit
CREATE TEMP TABLE unit_member AS
SELECT ou.unit_id, m.id AS member_id, row_number() OVER (PARTITION BY ou.unit_id ORDER BY m.id) AS n
  FROM member m
  JOIN member_org mo ON mo.member_id = m.id AND mo.main
  JOIN org_unit ou ON ou.org_id = mo.org_id
 WHERE m.active;
CREATE TEMP TABLE unit_cnt AS SELECT unit_id, count(*) AS cnt FROM unit_member GROUP BY 1;
CREATE UNIQUE INDEX ON unit_member (unit_id, n);
ANALYZE unit_member;
ANALYZE unit_cnt;

SELECT u.level, count(*) AS units, sum(c.cnt) AS members, min(c.cnt), max(c.cnt)
  FROM unit_target u JOIN unit_cnt c USING (unit_id) GROUP BY 1 ORDER BY 1;
SELECT format('%s s', round(extract(epoch FROM clock_timestamp()) - :t_step, 1)) AS "step 2 took";

-- ---------------------------------------------------------------------------------------------
\echo
\echo '== 3. Ledger:' :entries 'entries in batches of' :batch
-- ---------------------------------------------------------------------------------------------
SELECT extract(epoch FROM clock_timestamp()) AS t_step \gset

-- task types and indicators of the campaign in use
CREATE TEMP TABLE tt AS
SELECT row_number() OVER (ORDER BY t.id) AS n, t.id AS task_type_id, t.short_name
  FROM task_type t JOIN ctx c ON t.campaign_id = c.campaign_id
 WHERE NOT t.retired;
CREATE TEMP TABLE ind AS
SELECT i.id, i.task_type_id, i.decimals, i.min_value, i.max_value
  FROM indicator i JOIN tt ON tt.task_type_id = i.task_type_id
 WHERE NOT i.retired;

-- where an org's entries take place: villages of its unit's county if the unit is a county
-- committee, otherwise villages under the org's own region
CREATE TEMP TABLE entry_org AS
SELECT row_number() OVER (ORDER BY org_id) AS n, org_id, unit_id,
       CASE WHEN unit_level = 'COUNTY' THEN unit_region ELSE region_code END AS scope
  FROM org_unit;

CREATE TEMP TABLE place AS
SELECT s.scope, row_number() OVER (PARTITION BY s.scope ORDER BY v.code) AS n, v.code,
       regexp_replace(v.name, '(村民委员会|居民委员会|村委会|居委会)$', '') AS short_name
  FROM (SELECT DISTINCT scope FROM entry_org) s
  JOIN region sr ON sr.code = s.scope
  JOIN region v ON v.level = 5 AND v.path LIKE sr.path || '%';
CREATE UNIQUE INDEX ON place (scope, n);

ALTER TABLE entry_org ADD COLUMN place_cnt bigint;
UPDATE entry_org e SET place_cnt = (SELECT count(*) FROM place p WHERE p.scope = e.scope);
ANALYZE tt; ANALYZE ind; ANALYZE entry_org; ANALYZE place;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM entry_org WHERE place_cnt = 0) THEN
        RAISE EXCEPTION 'an org has no village to work in';
    END IF;
    IF EXISTS (SELECT 1 FROM entry_org e WHERE NOT EXISTS (SELECT 1 FROM unit_cnt c WHERE c.unit_id = e.unit_id)) THEN
        RAISE EXCEPTION 'a unit has no members';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM tt) THEN
        RAISE EXCEPTION 'the campaign has no task types';
    END IF;
END $$;

ALTER TABLE ctx ADD COLUMN n_orgs bigint, ADD COLUMN n_tt bigint;
UPDATE ctx SET n_orgs = (SELECT count(*) FROM entry_org), n_tt = (SELECT count(*) FROM tt);

-- An indicator value, a pure function of (entry, indicator) so the work key can be computed as the
-- entry goes in: whole numbers 1–10, or 0.1–80.0 with one decimal, kept inside [min, max].
CREATE FUNCTION pg_temp.bench_value(entry_id bigint, indicator_id bigint, decimals boolean, lo numeric, hi numeric)
RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
    SELECT least(greatest(CASE WHEN decimals THEN (1 + abs(hashint8extended(entry_id, indicator_id) % 800)) / 10.0
                               ELSE 1 + abs(hashint8extended(entry_id, indicator_id) % 10) END, lo), hi)::numeric(18,4)
$$;

-- Bulk-load mode: no per-row FK triggers (checked below), no secondary indexes, no autovacuum.
SET session_replication_role = replica;
ALTER TABLE ledger_entry SET (autovacuum_enabled = false);
ALTER TABLE ledger_value SET (autovacuum_enabled = false);
ALTER TABLE ledger_entry_member SET (autovacuum_enabled = false);
-- Every secondary index of the loaded tables, whichever migration made it (V9's, V17's date index,
-- any later one), is dropped for the load and made again afterwards from its own definition.
CREATE TEMP TABLE bench_index AS
SELECT i.indexname, i.indexdef
  FROM pg_indexes i
  JOIN pg_class c ON c.relname = i.indexname
  JOIN pg_index x ON x.indexrelid = c.oid
 WHERE i.schemaname = current_schema()
   AND i.tablename IN ('ledger_entry', 'ledger_value', 'ledger_entry_member')
   AND NOT x.indisprimary AND NOT x.indisunique
   AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid);
SELECT string_agg(indexname, ', ' ORDER BY indexname) AS "dropped for the load" FROM bench_index;
DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT indexname FROM bench_index LOOP
        EXECUTE format('DROP INDEX %I', r.indexname);
    END LOOP;
END $$;

-- One batch: $1 = batch number from 0. Dates are stratified over the global entry number, so ids
-- follow the date as they would in real life (and the dates stay uniform). Status ~92% APPROVED,
-- ~4% SUBMITTED, ~2% RETURNED, ~2% DRAFT. work_key as LedgerService.workKey computes it.
PREPARE load_batch(bigint) AS
WITH g AS MATERIALIZED (
    SELECT nextval('ledger_entry_id_seq') AS id,
           c.first_day + floor((gs - 1 + random()) * c.days / c.total)::int AS d,
           1 + floor(random() * c.n_orgs)::bigint AS org_n,
           1 + floor(random() * c.n_tt)::bigint AS tt_n,
           random() AS place_r,
           random() AS status_r,
           1 + floor(random() * 30)::int AS households,
           1 + floor(random() * 100)::int AS persons,
           random() * interval '3 days' AS create_lag,
           random() * interval '2 hours' AS submit_lag,
           interval '1 hour' + random() * interval '10 days' AS review_lag
      FROM ctx c
     CROSS JOIN LATERAL generate_series($1 * c.batch + 1, least(($1 + 1) * c.batch, c.total)) gs
), e AS (
    SELECT g.*, eo.org_id, eo.unit_id, t.task_type_id, t.short_name, p.code AS region_code, p.short_name AS place_name,
           CASE WHEN g.status_r < 0.92 THEN 'APPROVED' WHEN g.status_r < 0.96 THEN 'SUBMITTED'
                WHEN g.status_r < 0.98 THEN 'RETURNED' ELSE 'DRAFT' END AS status,
           ((g.d + time '08:30') AT TIME ZONE 'Asia/Shanghai') + g.create_lag AS created
      FROM g
      JOIN entry_org eo ON eo.n = g.org_n
      JOIN tt t ON t.n = g.tt_n
      JOIN place p ON p.scope = eo.scope AND p.n = 1 + floor(g.place_r * eo.place_cnt)::bigint
), ins AS (
    INSERT INTO ledger_entry (id, campaign_id, task_type_id, org_id, unit_org_id, title, description, start_date, end_date,
                              region_code, households, persons, status, return_reason, source, work_key, created_by,
                              submitted_at, reviewed_at, reviewed_by, version, created_at, updated_at)
    SELECT e.id, c.campaign_id, e.task_type_id, e.org_id, e.unit_id,
           e.place_name || e.short_name,
           '委员' || e.short_name || '，受益群众' || e.households || '户。',
           e.d, e.d, e.region_code, e.households, e.persons, e.status,
           CASE WHEN e.status = 'RETURNED' THEN c.return_reasons[1 + e.id % 4] END,
           'WEB',
           md5(e.task_type_id || '|' || e.d || '|' || e.region_code
               || coalesce((SELECT string_agg('|' || i.id || '=' || trim_scale(pg_temp.bench_value(e.id, i.id, i.decimals, i.min_value, i.max_value)), '' ORDER BY i.id)
                              FROM ind i WHERE i.task_type_id = e.task_type_id), '')),
           c.staff_id,
           CASE WHEN e.status <> 'DRAFT' THEN e.created + e.submit_lag END,
           CASE WHEN e.status IN ('APPROVED', 'RETURNED') THEN e.created + e.submit_lag + e.review_lag END,
           CASE WHEN e.status IN ('APPROVED', 'RETURNED') THEN c.reviewer_id END,
           CASE WHEN e.status IN ('APPROVED', 'RETURNED') THEN 1 ELSE 0 END,
           e.created,
           CASE WHEN e.status IN ('APPROVED', 'RETURNED') THEN e.created + e.submit_lag + e.review_lag
                WHEN e.status = 'SUBMITTED' THEN e.created + e.submit_lag
                ELSE e.created END
      FROM e CROSS JOIN ctx c
     ORDER BY e.id
    RETURNING id, task_type_id, unit_org_id
), val AS (
    INSERT INTO ledger_value (entry_id, indicator_id, value)
    SELECT ins.id, i.id, pg_temp.bench_value(ins.id, i.id, i.decimals, i.min_value, i.max_value)
      FROM ins JOIN ind i ON i.task_type_id = ins.task_type_id
     ORDER BY ins.id, i.id
)
INSERT INTO ledger_entry_member (entry_id, member_id)
SELECT ins.id, um.member_id
  FROM ins
  JOIN unit_cnt uc ON uc.unit_id = ins.unit_org_id
  JOIN unit_member um ON um.unit_id = ins.unit_org_id AND um.n = 1 + abs(hashint8extended(ins.id, 42) % uc.cnt)
 ORDER BY ins.id;

SELECT format('SELECT ''batch %s of %s'' AS progress, now()::time(0) AS at', b + 1, nb),
       format('EXECUTE load_batch(%s)', b)
  FROM (SELECT ceil(total::numeric / batch)::int AS nb FROM ctx) n
 CROSS JOIN generate_series(0, n.nb - 1) b
 ORDER BY b
\gexec

DEALLOCATE load_batch;
RESET session_replication_role;

SELECT format('%s s', round(extract(epoch FROM clock_timestamp()) - :t_step, 1)) AS "step 3a (load) took";
SELECT extract(epoch FROM clock_timestamp()) AS t_step \gset

\echo '-- recreating the secondary indexes, each from its own definition'
SET maintenance_work_mem = '512MB';
DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT indexdef FROM bench_index ORDER BY indexname LOOP
        EXECUTE r.indexdef;
    END LOOP;
END $$;
RESET maintenance_work_mem;

SELECT format('%s s', round(extract(epoch FROM clock_timestamp()) - :t_step, 1)) AS "step 3b (indexes) took";
SELECT extract(epoch FROM clock_timestamp()) AS t_step \gset

\echo '-- checking the foreign keys the load did not check row by row'
DO $$
DECLARE
    bad bigint;
BEGIN
    SELECT count(*) INTO bad FROM ledger_entry e
     WHERE NOT EXISTS (SELECT 1 FROM campaign c WHERE c.id = e.campaign_id)
        OR NOT EXISTS (SELECT 1 FROM task_type t WHERE t.id = e.task_type_id)
        OR NOT EXISTS (SELECT 1 FROM org o WHERE o.id = e.org_id)
        OR NOT EXISTS (SELECT 1 FROM org o WHERE o.id = e.unit_org_id)
        OR NOT EXISTS (SELECT 1 FROM region r WHERE r.code = e.region_code)
        OR NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id = e.created_by)
        OR (e.reviewed_by IS NOT NULL AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id = e.reviewed_by));
    IF bad > 0 THEN RAISE EXCEPTION '% ledger entries break a foreign key', bad; END IF;
    SELECT count(*) INTO bad FROM ledger_value v
     WHERE NOT EXISTS (SELECT 1 FROM ledger_entry e WHERE e.id = v.entry_id)
        OR NOT EXISTS (SELECT 1 FROM indicator i WHERE i.id = v.indicator_id);
    IF bad > 0 THEN RAISE EXCEPTION '% ledger values break a foreign key', bad; END IF;
    SELECT count(*) INTO bad FROM ledger_entry_member m
     WHERE NOT EXISTS (SELECT 1 FROM ledger_entry e WHERE e.id = m.entry_id)
        OR NOT EXISTS (SELECT 1 FROM member x WHERE x.id = m.member_id);
    IF bad > 0 THEN RAISE EXCEPTION '% ledger entry members break a foreign key', bad; END IF;
END $$;

SELECT format('%s s', round(extract(epoch FROM clock_timestamp()) - :t_step, 1)) AS "step 3c (key check) took";

-- ---------------------------------------------------------------------------------------------
\echo
\echo '== 4. Statistics facts, rebuilt with the aggregations of V12__ledger_fact.sql, V16, V63 and V66'
-- ---------------------------------------------------------------------------------------------
SELECT extract(epoch FROM clock_timestamp()) AS t_step \gset

BEGIN;
TRUNCATE ledger_fact, ledger_member_fact, ledger_member_year, ledger_day_fact, ledger_quarter_fact;
INSERT INTO ledger_fact (campaign_id, month, unit_org_id, county_code, task_type_id, indicator_id, approved, value)
SELECT e.campaign_id, date_trunc('month', e.start_date)::date, e.unit_org_id, left(e.region_code, 6), e.task_type_id,
       v.indicator_id, e.status = 'APPROVED', sum(v.value)
  FROM ledger_entry e JOIN ledger_value v ON v.entry_id = e.id
 WHERE e.status IN ('SUBMITTED', 'APPROVED')
 GROUP BY 1, 2, 3, 4, 5, 6, 7;
INSERT INTO ledger_fact (campaign_id, month, unit_org_id, county_code, task_type_id, indicator_id, approved, entries, households, persons)
SELECT e.campaign_id, date_trunc('month', e.start_date)::date, e.unit_org_id, left(e.region_code, 6), e.task_type_id,
       0, e.status = 'APPROVED', count(*), coalesce(sum(e.households), 0), coalesce(sum(e.persons), 0)
  FROM ledger_entry e
 WHERE e.status IN ('SUBMITTED', 'APPROVED')
 GROUP BY 1, 2, 3, 4, 5, 6, 7;
-- the quarters of V66, from the months
INSERT INTO ledger_quarter_fact (campaign_id, month, unit_org_id, county_code, task_type_id, indicator_id, approved,
                                 value, entries, households, persons)
SELECT campaign_id, date_trunc('quarter', month)::date, unit_org_id, county_code, task_type_id, indicator_id, approved,
       sum(value), sum(entries), sum(households), sum(persons)
  FROM ledger_fact
 GROUP BY 1, 2, 3, 4, 5, 6, 7;
-- a member's month with the bits of its days (V63)
INSERT INTO ledger_member_fact (campaign_id, month, unit_org_id, member_id, approved, entries, days)
SELECT e.campaign_id, date_trunc('month', e.start_date)::date, e.unit_org_id, m.member_id, e.status = 'APPROVED', count(*),
       bit_or(1 << (extract(day FROM e.start_date)::int - 1))
  FROM ledger_entry e JOIN ledger_entry_member m ON m.entry_id = e.id
 WHERE e.status IN ('SUBMITTED', 'APPROVED')
 GROUP BY 1, 2, 3, 4, 5;
-- the day facts of V63
INSERT INTO ledger_day_fact (campaign_id, day, approved, unit_org_id, indicator_id, value)
SELECT e.campaign_id, e.start_date, e.status = 'APPROVED', e.unit_org_id, v.indicator_id, sum(v.value)
  FROM ledger_entry e JOIN ledger_value v ON v.entry_id = e.id
 WHERE e.status IN ('SUBMITTED', 'APPROVED')
 GROUP BY 1, 2, 3, 4, 5;
INSERT INTO ledger_day_fact (campaign_id, day, approved, unit_org_id, indicator_id, entries, households, persons)
SELECT e.campaign_id, e.start_date, e.status = 'APPROVED', e.unit_org_id, 0, count(*), coalesce(sum(e.households), 0),
       coalesce(sum(e.persons), 0)
  FROM ledger_entry e
 WHERE e.status IN ('SUBMITTED', 'APPROVED')
 GROUP BY 1, 2, 3, 4;
-- the month bits of V16__stats_speed.sql
INSERT INTO ledger_member_year (campaign_id, year, approved, unit_org_id, member_id, months)
SELECT campaign_id, extract(year FROM month)::int, approved, unit_org_id, member_id,
       bit_or(1 << (extract(month FROM month)::int - 1))
  FROM ledger_member_fact
 WHERE entries > 0
 GROUP BY 1, 2, 3, 4, 5;
COMMIT;

SELECT format('%s s', round(extract(epoch FROM clock_timestamp()) - :t_step, 1)) AS "step 4 took";

-- ---------------------------------------------------------------------------------------------
\echo
\echo '== 5. VACUUM ANALYZE (hint bits, visibility map, statistics) and autovacuum back on'
-- ---------------------------------------------------------------------------------------------
SELECT extract(epoch FROM clock_timestamp()) AS t_step \gset

ALTER TABLE ledger_entry RESET (autovacuum_enabled);
ALTER TABLE ledger_value RESET (autovacuum_enabled);
ALTER TABLE ledger_entry_member RESET (autovacuum_enabled);
VACUUM (ANALYZE) org, member, member_org, ledger_entry, ledger_value, ledger_entry_member, ledger_fact, ledger_member_fact, ledger_member_year, ledger_day_fact,
                 ledger_quarter_fact;

SELECT format('%s s', round(extract(epoch FROM clock_timestamp()) - :t_step, 1)) AS "step 5 took";

-- ---------------------------------------------------------------------------------------------
\echo
\echo '== Result'
-- ---------------------------------------------------------------------------------------------
\timing off
SELECT 'org' AS "table", count(*) AS "rows" FROM org
UNION ALL SELECT 'member', count(*) FROM member
UNION ALL SELECT 'member_org', count(*) FROM member_org
UNION ALL SELECT 'ledger_entry', count(*) FROM ledger_entry
UNION ALL SELECT 'ledger_value', count(*) FROM ledger_value
UNION ALL SELECT 'ledger_entry_member', count(*) FROM ledger_entry_member
UNION ALL SELECT 'ledger_fact', count(*) FROM ledger_fact
UNION ALL SELECT 'ledger_quarter_fact', count(*) FROM ledger_quarter_fact
UNION ALL SELECT 'ledger_member_fact', count(*) FROM ledger_member_fact
UNION ALL SELECT 'ledger_member_year', count(*) FROM ledger_member_year;

SELECT status, count(*), round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS pct
  FROM ledger_entry GROUP BY 1 ORDER BY 2 DESC;

SELECT c.relname AS "table", pg_size_pretty(pg_table_size(c.oid)) AS "table size",
       pg_size_pretty(pg_indexes_size(c.oid)) AS "index size"
  FROM pg_class c
 WHERE c.relname IN ('ledger_entry', 'ledger_value', 'ledger_entry_member', 'ledger_fact', 'ledger_member_fact')
 ORDER BY pg_total_relation_size(c.oid) DESC;

SELECT pg_size_pretty(pg_database_size(current_database())) AS "database size",
       format('%s s', round(extract(epoch FROM clock_timestamp()) - :t_start, 1)) AS "total time";

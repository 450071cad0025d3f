-- The platform's default duty templates, from Qingchuan county's 三联三促 (seeds/003): each org may
-- make its own copy and change it. The kinds the seeds give no duties for get one visit per
-- quarter (households) or per year (the others) until an org says more.

INSERT INTO pairing_duty_template (kind, org_id, name, rhythm) VALUES
    ('MEMBER_HOUSEHOLD', NULL, '委员联户“五个一”', 'QUARTER'),
    ('ORG_VILLAGE', NULL, '政协组织联村“五个一”', 'YEAR'),
    ('COMMITTEE_INDUSTRY', NULL, '专委会联产业“七个优”', 'YEAR'),
    ('CADRE_HOUSEHOLD', NULL, '干部认亲结对', 'QUARTER'),
    ('LEADER_COUNTY', NULL, '领导挂联重点县', 'YEAR'),
    ('LEADER_CONTACT_POINT', NULL, '领导联系点', 'YEAR'),
    ('UNIT_COUNTY', NULL, '定点帮扶', 'YEAR');

INSERT INTO pairing_duty_item (template_id, sort, title, target, counts_visits, evidence)
SELECT t.id, i.sort, i.title, i.target, i.counts_visits, i.evidence::varchar(20)[]
  FROM pairing_duty_template t
  JOIN (VALUES
    ('MEMBER_HOUSEHOLD', 1, '入户开展1次调研、指导、帮扶', 1, true, '{VISIT}'),
    ('MEMBER_HOUSEHOLD', 2, '培养1个明白人', 1, false, '{VISIT,LEDGER}'),
    ('MEMBER_HOUSEHOLD', 3, '培育1个增收项目', 1, false, '{VISIT,LEDGER}'),
    ('MEMBER_HOUSEHOLD', 4, '联系1个就业岗位', 1, false, '{VISIT,LEDGER}'),
    ('MEMBER_HOUSEHOLD', 5, '解决1个具体困难', 1, false, '{VISIT,LEDGER}'),
    ('MEMBER_HOUSEHOLD', 6, '打造1个优美环境', 1, false, '{VISIT,LEDGER}'),
    ('ORG_VILLAGE', 1, '制定1个乡村振兴年度工作计划', 1, false, '{VISIT,LEDGER}'),
    ('ORG_VILLAGE', 2, '至少解决1件民生实事', 1, false, '{VISIT,LEDGER}'),
    ('ORG_VILLAGE', 3, '开展1场“有事来协商”活动', 1, false, '{CONSULTATION}'),
    ('ORG_VILLAGE', 4, '开展1次文明新风建设活动', 1, false, '{VISIT,LEDGER}'),
    ('ORG_VILLAGE', 5, '开展1次专题调研', 1, true, '{VISIT}'),
    ('COMMITTEE_INDUSTRY', 1, '培育壮大1个优势主导产业', 1, false, '{VISIT,LEDGER,CONSULTATION}'),
    ('COMMITTEE_INDUSTRY', 2, '建设1个优势特色园区', 1, false, '{VISIT,LEDGER,CONSULTATION}'),
    ('COMMITTEE_INDUSTRY', 3, '扶持发展5户优势新型农业经营主体', 5, false, '{VISIT,LEDGER}'),
    ('CADRE_HOUSEHOLD', 1, '入户走访1次', 1, true, '{VISIT}'),
    ('LEADER_COUNTY', 1, '到挂联县调研指导1次', 1, true, '{VISIT}'),
    ('LEADER_CONTACT_POINT', 1, '到联系点走访1次', 1, true, '{VISIT}'),
    ('UNIT_COUNTY', 1, '到帮扶县调研对接1次', 1, true, '{VISIT}')
  ) AS i (kind, sort, title, target, counts_visits, evidence) ON i.kind = t.kind AND t.org_id IS NULL;

-- A page of entries (the newest 50 of a filter) with their members and figures, and how many
-- there are in all: what the entries list shows, in one statement.
WITH hits AS (
    SELECT e.id, e.title, e.start_date, e.status, e.region_code, e.org_id, e.households, e.persons
      FROM ledger_entry e
     WHERE e.campaign_id = :campaign
       AND (CAST(:path AS text) IS NULL OR e.unit_org_id IN (SELECT id FROM org WHERE path LIKE :path || '%'))
       AND (CAST(:fromDate AS date) IS NULL OR e.start_date BETWEEN :fromDate AND :toDate)
       AND (CAST(:status AS text) IS NULL OR e.status = :status)
       AND (CAST(:region AS text) IS NULL OR e.region_code LIKE :region || '%')
       AND (CAST(:text AS text) IS NULL OR (text_bigrams(e.title) @> text_bigrams(:text) AND e.title LIKE '%' || :text || '%'))),
page AS (SELECT * FROM hits ORDER BY start_date DESC, id DESC LIMIT 50)
SELECT p.*, o.name AS org,
       (SELECT string_agg(m.name, '、') FROM ledger_entry_member em JOIN member m ON m.id = em.member_id WHERE em.entry_id = p.id) AS members,
       (SELECT string_agg(v.indicator_id || ':' || v.value, ';') FROM ledger_value v WHERE v.entry_id = p.id) AS figures,
       (SELECT count(*) FROM (SELECT 1 FROM hits LIMIT 10000) c) AS total
  FROM page p JOIN org o ON o.id = p.org_id

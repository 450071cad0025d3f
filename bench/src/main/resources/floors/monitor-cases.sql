-- A county's case list as the page reads it, in one statement: the newest 20 cases under the
-- office's region (only those past their 15-day clock, when asked), and how many there are in all.
SELECT c.*, count(*) OVER () AS total
  FROM monitor_case c
 WHERE c.region_code LIKE :reach || '%'
   AND (NOT CAST(:overdue AS boolean)
        OR (c.stage IN ('CLUE', 'VILLAGE', 'NOTICE', 'TOWNSHIP', 'COUNTY') AND c.deadline < CAST(:today AS date)))
 ORDER BY c.id DESC
 LIMIT 20

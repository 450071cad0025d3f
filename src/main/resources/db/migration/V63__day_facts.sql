-- Any range of days from sums rather than from the entries. The monthly facts answer whole months;
-- the days of a range that do not fill a month (5–31 January, 1–20 March) came from the entries,
-- ten milliseconds a day for a province. These facts hold the same sums per day and unit (no
-- county or task type: a range filtered by those still reads the entries), kept in step with every
-- change of status in the same transaction as the monthly ones.
CREATE TABLE ledger_day_fact (
    campaign_id  bigint        NOT NULL,
    day          date          NOT NULL,
    unit_org_id  bigint        NOT NULL,
    indicator_id bigint        NOT NULL,
    approved     boolean       NOT NULL,
    value        numeric(20,4) NOT NULL DEFAULT 0,
    entries      bigint        NOT NULL DEFAULT 0,
    households   bigint        NOT NULL DEFAULT 0,
    persons      bigint        NOT NULL DEFAULT 0,
    -- the sums ride in the key's index: a range's days are read from it alone
    PRIMARY KEY (campaign_id, day, approved, unit_org_id, indicator_id) INCLUDE (value, entries, households, persons)
);

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

-- Who took part on which days of a month: a bit per day (bit 0 = the 1st) beside the month's count,
-- so the members of the days at either end of a range are counted without reading the entries.
ALTER TABLE ledger_member_fact ADD COLUMN days int NOT NULL DEFAULT 0;
UPDATE ledger_member_fact f SET days = d.days
  FROM (SELECT e.campaign_id, date_trunc('month', e.start_date)::date AS month, e.unit_org_id, m.member_id,
               e.status = 'APPROVED' AS approved, bit_or(1 << (extract(day FROM e.start_date)::int - 1)) AS days
          FROM ledger_entry e JOIN ledger_entry_member m ON m.entry_id = e.id
         WHERE e.status IN ('SUBMITTED', 'APPROVED')
         GROUP BY 1, 2, 3, 4, 5) d
 WHERE f.campaign_id = d.campaign_id AND f.month = d.month AND f.unit_org_id = d.unit_org_id AND f.member_id = d.member_id
   AND f.approved = d.approved;
-- the members of some days of one month, from the index alone
CREATE INDEX ledger_member_fact_month_idx ON ledger_member_fact (campaign_id, month, approved, unit_org_id, member_id) INCLUDE (days, entries);
-- planned from the start with what they hold, not as empty tables
ANALYZE ledger_day_fact;
ANALYZE ledger_member_fact;

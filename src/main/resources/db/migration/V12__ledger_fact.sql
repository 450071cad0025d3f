-- Live statistics without a batch job: sums of the submitted and approved entries by committee,
-- month, county of the place of work, task type and indicator, kept in step with every status
-- change in the same transaction. indicator_id 0 holds the entries themselves (count, households,
-- persons). Reports read these; drill-downs inside one committee read the entries.
CREATE TABLE ledger_fact (
    campaign_id  bigint        NOT NULL,
    month        date          NOT NULL,
    unit_org_id  bigint        NOT NULL,
    county_code  varchar(6)    NOT NULL,
    task_type_id bigint        NOT NULL,
    indicator_id bigint        NOT NULL,
    approved     boolean       NOT NULL,
    value        numeric(20,4) NOT NULL DEFAULT 0,
    entries      bigint        NOT NULL DEFAULT 0,
    households   bigint        NOT NULL DEFAULT 0,
    persons      bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, month, unit_org_id, county_code, task_type_id, indicator_id, approved)
);
CREATE INDEX ledger_fact_county_idx ON ledger_fact (campaign_id, county_code, month);

-- Who recorded work, per committee and month: distinct members and participation rates.
CREATE TABLE ledger_member_fact (
    campaign_id bigint  NOT NULL,
    month       date    NOT NULL,
    unit_org_id bigint  NOT NULL,
    member_id   bigint  NOT NULL,
    approved    boolean NOT NULL,
    entries     int     NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, month, unit_org_id, member_id, approved)
);

-- The facts of what is already recorded.
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
INSERT INTO ledger_member_fact (campaign_id, month, unit_org_id, member_id, approved, entries)
SELECT e.campaign_id, date_trunc('month', e.start_date)::date, e.unit_org_id, m.member_id, e.status = 'APPROVED', count(*)
  FROM ledger_entry e JOIN ledger_entry_member m ON m.entry_id = e.id
 WHERE e.status IN ('SUBMITTED', 'APPROVED')
 GROUP BY 1, 2, 3, 4, 5;

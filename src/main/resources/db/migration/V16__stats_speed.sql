-- Reports read a range of months of facts from the index alone.
CREATE INDEX ledger_fact_month_idx ON ledger_fact (campaign_id, month)
    INCLUDE (approved, unit_org_id, county_code, task_type_id, indicator_id, value, entries, households, persons);

-- Who took part, per member, committee and year: a bit per month with a counted entry. Distinct
-- members of any range of months is then one small scan, not one over every member-month.
CREATE TABLE ledger_member_year (
    campaign_id bigint  NOT NULL,
    year        int     NOT NULL,
    approved    boolean NOT NULL,
    unit_org_id bigint  NOT NULL,
    member_id   bigint  NOT NULL,
    months      int     NOT NULL,
    PRIMARY KEY (campaign_id, year, approved, unit_org_id, member_id)
);

-- Recomputing one member's bits reads their months of a year without scanning everyone's.
CREATE INDEX ledger_member_fact_member_idx ON ledger_member_fact (member_id, campaign_id, unit_org_id, month);

INSERT INTO ledger_member_year (campaign_id, year, approved, unit_org_id, member_id, months)
SELECT campaign_id, extract(year FROM month)::int, approved, unit_org_id, member_id,
       bit_or(1 << (extract(month FROM month)::int - 1))
  FROM ledger_member_fact
 WHERE entries > 0
 GROUP BY 1, 2, 3, 4, 5;

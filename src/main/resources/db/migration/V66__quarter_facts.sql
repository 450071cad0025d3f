-- The facts summed per quarter: a quarter's table reads one row where the month facts have three,
-- and the year to date's third quarter three where they have nine (issue 9: the province's
-- year-to-date table read 2 × 106,000 month facts). Kept in step with ledger_fact by LedgerFacts,
-- in the same statement; its month is the quarter's first day.
CREATE TABLE ledger_quarter_fact (
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
    PRIMARY KEY (campaign_id, month, unit_org_id, county_code, task_type_id, indicator_id, approved),
    CHECK (month = date_trunc('quarter', month)::date)
);

INSERT INTO ledger_quarter_fact (campaign_id, month, unit_org_id, county_code, task_type_id, indicator_id, approved,
                                 value, entries, households, persons)
SELECT campaign_id, date_trunc('quarter', month)::date, unit_org_id, county_code, task_type_id, indicator_id, approved,
       sum(value), sum(entries), sum(households), sum(persons)
  FROM ledger_fact
 GROUP BY 1, 2, 3, 4, 5, 6, 7;

-- as ledger_fact_month_idx: a range of quarters from the index alone
CREATE INDEX ledger_quarter_fact_month_idx ON ledger_quarter_fact (campaign_id, month)
    INCLUDE (approved, unit_org_id, county_code, task_type_id, indicator_id, value, entries, households, persons);

-- The dashboard asks for one indicator (the entries, or the map's) over up to a year of months:
-- read only that indicator's facts, from the index alone.
CREATE INDEX ledger_fact_indicator_idx ON ledger_fact (campaign_id, indicator_id, month)
    INCLUDE (approved, unit_org_id, county_code, task_type_id, value, entries, households, persons);

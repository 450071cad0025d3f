-- Members who took part in a range of months are counted from this index alone (an index-only
-- scan in key order), not by visiting one heap page per member: 43 ms → 22 ms for the province.
CREATE INDEX ledger_member_year_scan_idx ON ledger_member_year (campaign_id, year, approved, unit_org_id, member_id)
    INCLUDE (months);

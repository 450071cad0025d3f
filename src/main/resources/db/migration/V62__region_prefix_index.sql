-- A township or village filter ("530128001", everything under it) is a LIKE on the place's code.
-- A plain btree serves LIKE prefixes only under the C collation, which a server set up with
-- C.UTF-8 or zh_CN.UTF-8 does not have; the pattern operator class serves them under any
-- collation (and equality too, so it replaces the plain index rather than adding one). The date
-- rides along, so the entries of a place in a period are found from the index alone.
DROP INDEX ledger_entry_region_idx;
CREATE INDEX ledger_entry_region_idx ON ledger_entry (region_code varchar_pattern_ops, start_date) INCLUDE (status, campaign_id);

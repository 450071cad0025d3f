-- The newest entries first, without sorting the whole ledger (a province's unfiltered list).
CREATE INDEX ledger_entry_date_idx ON ledger_entry (start_date DESC, id DESC);

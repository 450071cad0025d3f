-- The workbench asks, for the user who logs in: which of what I recorded was returned (newest
-- first), how many drafts I have. A clerk who imported a year of a county's work has recorded
-- tens of thousands of entries; these questions are answered from this index, not by sorting
-- them all at every login.
CREATE INDEX IF NOT EXISTS ledger_entry_creator_status_idx ON ledger_entry (created_by, status, updated_at DESC, id DESC);

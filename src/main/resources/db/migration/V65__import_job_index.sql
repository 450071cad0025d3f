-- The entries of one import, for the job that flags their look-alikes after it: only imported
-- entries are in this index.
CREATE INDEX ledger_entry_import_job_idx ON ledger_entry (import_job_id) WHERE import_job_id IS NOT NULL;

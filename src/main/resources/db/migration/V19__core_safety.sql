-- The core made safe to deploy (see issue "The core, safe to deploy").

-- Separation of duties: everyone who created, changed or submitted an entry is one of its
-- authors, and none of them may review it.
CREATE TABLE ledger_entry_editor (
    entry_id bigint NOT NULL REFERENCES ledger_entry (id) ON DELETE CASCADE,
    user_id  bigint NOT NULL,
    PRIMARY KEY (entry_id, user_id)
);
CREATE INDEX ledger_entry_editor_user_idx ON ledger_entry_editor (user_id);
INSERT INTO ledger_entry_editor (entry_id, user_id)
SELECT id, created_by FROM ledger_entry
UNION
SELECT CAST(a.entity_id AS bigint), a.user_id FROM audit_log a
 WHERE a.entity_type = 'ledger_entry' AND a.user_id IS NOT NULL AND a.entity_id ~ '^[0-9]+$'
   AND a.action IN ('CREATE', 'UPDATE', 'SUBMITTED', 'DRAFT', 'EVIDENCE_ADD', 'EVIDENCE_REMOVE')
   AND EXISTS (SELECT 1 FROM ledger_entry e WHERE e.id = CAST(a.entity_id AS bigint))
ON CONFLICT DO NOTHING;

-- Jobs belong to their owner's scope; a job resumed after restarts gets a limited number of tries.
ALTER TABLE job ADD COLUMN org_path varchar(200);
ALTER TABLE job ADD COLUMN attempts int NOT NULL DEFAULT 0;
UPDATE job j SET org_path = o.path FROM app_user u JOIN org o ON o.id = u.org_id WHERE u.id = j.user_id;

-- A retried request (a double tap, a resend after a lost answer) returns the first result.
CREATE TABLE idempotency_key (
    user_id     bigint       NOT NULL,
    key         varchar(100) NOT NULL,
    action      varchar(40)  NOT NULL,
    resource_id bigint,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, action, key)
);

-- Which orgs take part in a campaign, explicitly: the whole tree of the owner, one subtree, or a
-- list of units. with_subtree: the org and every unit under it; otherwise that unit alone.
ALTER TABLE campaign ADD COLUMN participation varchar(20) NOT NULL DEFAULT 'TREE';
CREATE TABLE campaign_participant (
    campaign_id  bigint  NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    org_id       bigint  NOT NULL REFERENCES org (id),
    with_subtree boolean NOT NULL,
    PRIMARY KEY (campaign_id, org_id)
);
INSERT INTO campaign_participant (campaign_id, org_id, with_subtree) SELECT id, org_id, true FROM campaign;

-- Password policy (等保 level 3): expiry and the last passwords not reused.
ALTER TABLE app_user ADD COLUMN password_changed_at timestamptz NOT NULL DEFAULT now();
CREATE TABLE password_history (
    user_id       bigint       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    password_hash varchar(100) NOT NULL,
    set_at        timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX password_history_user_idx ON password_history (user_id, set_at DESC);
CREATE INDEX notification_key_idx ON notification (dedup_key) WHERE dedup_key IS NOT NULL;

-- The ledger (台账): one entry per piece of assistance work, with the members who did it, the
-- indicator values of its task type and its evidence. unit_org_id is the committee the entry is
-- reported under (the nearest committee at or above the reporting org): periods lock per unit.
CREATE TABLE ledger_entry (
    id            bigserial    PRIMARY KEY,
    campaign_id   bigint       NOT NULL REFERENCES campaign (id),
    task_type_id  bigint       NOT NULL REFERENCES task_type (id),
    org_id        bigint       NOT NULL REFERENCES org (id),
    unit_org_id   bigint       NOT NULL REFERENCES org (id),
    title         varchar(200) NOT NULL,
    description   text,
    start_date    date         NOT NULL,
    end_date      date         NOT NULL,
    region_code   varchar(12)  NOT NULL REFERENCES region (code),
    households    int          CHECK (households >= 0),
    persons       int          CHECK (persons >= 0),
    partner       varchar(200),
    status        varchar(20)  NOT NULL,
    return_reason varchar(500),
    source        varchar(10)  NOT NULL DEFAULT 'WEB',
    work_key      char(32),
    import_key    varchar(80),
    import_job_id bigint       REFERENCES job (id),
    latitude      numeric(9,6),
    longitude     numeric(9,6),
    captured_at   timestamptz,
    created_by    bigint       NOT NULL REFERENCES app_user (id),
    submitted_at  timestamptz,
    reviewed_at   timestamptz,
    reviewed_by   bigint       REFERENCES app_user (id),
    version       int          NOT NULL DEFAULT 0,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    CHECK (end_date >= start_date)
);
CREATE UNIQUE INDEX ledger_entry_import_key_idx ON ledger_entry (campaign_id, import_key) WHERE import_key IS NOT NULL;
CREATE INDEX ledger_entry_campaign_date_idx ON ledger_entry (campaign_id, start_date);
CREATE INDEX ledger_entry_org_date_idx ON ledger_entry (org_id, start_date);
CREATE INDEX ledger_entry_unit_date_idx ON ledger_entry (unit_org_id, start_date);
CREATE INDEX ledger_entry_region_idx ON ledger_entry (region_code);
CREATE INDEX ledger_entry_creator_idx ON ledger_entry (created_by, start_date);
CREATE INDEX ledger_entry_queue_idx ON ledger_entry (unit_org_id, submitted_at) WHERE status = 'SUBMITTED';
CREATE INDEX ledger_entry_work_key_idx ON ledger_entry (work_key);

CREATE TABLE ledger_entry_member (
    entry_id  bigint NOT NULL REFERENCES ledger_entry (id) ON DELETE CASCADE,
    member_id bigint NOT NULL REFERENCES member (id),
    PRIMARY KEY (entry_id, member_id)
);
CREATE INDEX ledger_entry_member_member_idx ON ledger_entry_member (member_id, entry_id);

CREATE TABLE ledger_value (
    entry_id     bigint        NOT NULL REFERENCES ledger_entry (id) ON DELETE CASCADE,
    indicator_id bigint        NOT NULL REFERENCES indicator (id),
    value        numeric(18,4) NOT NULL,
    PRIMARY KEY (entry_id, indicator_id)
);
CREATE INDEX ledger_value_indicator_idx ON ledger_value (indicator_id);

CREATE TABLE ledger_evidence (
    id          bigserial   PRIMARY KEY,
    entry_id    bigint      NOT NULL REFERENCES ledger_entry (id) ON DELETE CASCADE,
    file_id     bigint      NOT NULL REFERENCES stored_file (id),
    sha256      char(64)    NOT NULL,
    uploaded_by bigint      NOT NULL REFERENCES app_user (id),
    uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_evidence_entry_idx ON ledger_evidence (entry_id);
CREATE INDEX ledger_evidence_sha_idx ON ledger_evidence (sha256);

-- Possible duplicates, flagged for a person to judge, never blocked: SAME_WORK (same task type,
-- date, place and values by a shared member) and SAME_PHOTO (one photo on two entries).
CREATE TABLE ledger_flag (
    entry_id       bigint      NOT NULL REFERENCES ledger_entry (id) ON DELETE CASCADE,
    kind           varchar(20) NOT NULL,
    other_entry_id bigint      NOT NULL REFERENCES ledger_entry (id) ON DELETE CASCADE,
    PRIMARY KEY (entry_id, kind, other_entry_id)
);
CREATE INDEX ledger_flag_other_idx ON ledger_flag (other_entry_id);

-- 报送: a unit confirms its figures for a period are complete.
CREATE TABLE period_submission (
    campaign_id  bigint      NOT NULL REFERENCES campaign (id),
    org_id       bigint      NOT NULL REFERENCES org (id),
    period_id    varchar(8)  NOT NULL,
    deadline     date        NOT NULL,
    submitted_at timestamptz NOT NULL DEFAULT now(),
    submitted_by bigint      NOT NULL REFERENCES app_user (id),
    on_time      boolean     NOT NULL,
    PRIMARY KEY (campaign_id, org_id, period_id)
);

-- A lock exception: a higher level reopens a unit's period until a date, with a reason.
CREATE TABLE period_unlock (
    id          bigserial    PRIMARY KEY,
    campaign_id bigint       NOT NULL REFERENCES campaign (id),
    org_id      bigint       NOT NULL REFERENCES org (id),
    period_id   varchar(8)   NOT NULL,
    until       date         NOT NULL,
    reason      varchar(500) NOT NULL,
    unlocked_by bigint       NOT NULL REFERENCES app_user (id),
    unlocked_at timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX period_unlock_idx ON period_unlock (campaign_id, org_id, period_id, until);

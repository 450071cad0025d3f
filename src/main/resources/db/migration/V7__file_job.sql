-- Uploaded files, stored on disk by content hash (zhutui.files.dir); one row per upload.
CREATE TABLE stored_file (
    id            bigserial    PRIMARY KEY,
    sha256        char(64)     NOT NULL,
    size          bigint       NOT NULL,
    content_type  varchar(100) NOT NULL,
    original_name varchar(255) NOT NULL,
    has_thumbnail boolean      NOT NULL DEFAULT false,
    created_by    bigint,
    created_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX stored_file_sha_idx ON stored_file (sha256);

-- Background jobs (imports, bulk work): a fixed handler per kind, progress for the page to poll.
CREATE TABLE job (
    id             bigserial    PRIMARY KEY,
    kind           varchar(40)  NOT NULL,
    user_id        bigint       NOT NULL,
    status         varchar(20)  NOT NULL,
    total          int          NOT NULL DEFAULT 0,
    done           int          NOT NULL DEFAULT 0,
    message        varchar(500),
    params         jsonb        NOT NULL DEFAULT '{}',
    result         jsonb,
    file_id        bigint       REFERENCES stored_file (id),
    result_file_id bigint       REFERENCES stored_file (id),
    created_at     timestamptz  NOT NULL DEFAULT now(),
    started_at     timestamptz,
    finished_at    timestamptz
);
CREATE INDEX job_user_idx ON job (user_id, created_at DESC);
CREATE INDEX job_status_idx ON job (status) WHERE status IN ('QUEUED', 'RUNNING');

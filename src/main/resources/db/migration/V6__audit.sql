-- One audit log for every module: logins, and every create/update/delete with before/after.
CREATE TABLE audit_log (
    id          bigserial    PRIMARY KEY,
    at          timestamptz  NOT NULL DEFAULT now(),
    user_id     bigint,
    username    varchar(50),
    action      varchar(40)  NOT NULL,
    entity_type varchar(40),
    entity_id   varchar(40),
    summary     varchar(500),
    before_data jsonb,
    after_data  jsonb,
    ip          varchar(64),
    -- the actor's org path at the time: an admin sees the log of their own subtree
    org_path    varchar(400)
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, at DESC);
CREATE INDEX audit_log_user_idx ON audit_log (username, at DESC);
CREATE INDEX audit_log_org_idx ON audit_log (org_path varchar_pattern_ops, at DESC);

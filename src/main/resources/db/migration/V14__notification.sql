-- One notification list for every module. dedup_key makes a reminder go out once per user,
-- however often the job that raises it runs.
CREATE TABLE notification (
    id           bigserial    PRIMARY KEY,
    user_id      bigint       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    kind         varchar(40)  NOT NULL,
    message_code varchar(100) NOT NULL,
    args         jsonb        NOT NULL DEFAULT '[]',
    link         varchar(500),
    dedup_key    varchar(200),
    created_at   timestamptz  NOT NULL DEFAULT now(),
    read_at      timestamptz
);
CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC);
CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL;
CREATE UNIQUE INDEX notification_dedup_idx ON notification (user_id, dedup_key) WHERE dedup_key IS NOT NULL;

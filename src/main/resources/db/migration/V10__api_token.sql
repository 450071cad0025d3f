-- Personal API tokens for mobile clients and other systems (only a hash is kept).
CREATE TABLE api_token (
    id           bigserial    PRIMARY KEY,
    user_id      bigint       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name         varchar(100) NOT NULL,
    token_hash   char(64)     NOT NULL UNIQUE,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked      boolean      NOT NULL DEFAULT false
);
CREATE INDEX api_token_user_idx ON api_token (user_id);

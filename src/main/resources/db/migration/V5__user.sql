-- Login accounts. A user belongs to one org (their data scope is its subtree); a cadre also has a
-- region; a member user is linked to their member record.
CREATE TABLE app_user (
    id                   bigserial    PRIMARY KEY,
    username             varchar(50)  NOT NULL UNIQUE,
    phone                varchar(20)  UNIQUE,
    display_name         varchar(50)  NOT NULL,
    password_hash        varchar(100) NOT NULL,
    org_id               bigint       NOT NULL REFERENCES org (id),
    region_code          varchar(12)  REFERENCES region (code),
    member_id            bigint       REFERENCES member (id),
    enabled              boolean      NOT NULL DEFAULT true,
    failed_attempts      int          NOT NULL DEFAULT 0,
    locked_until         timestamptz,
    must_change_password boolean      NOT NULL DEFAULT false,
    last_login_at        timestamptz,
    version              int          NOT NULL DEFAULT 0,
    created_at           timestamptz  NOT NULL DEFAULT now(),
    updated_at           timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX app_user_org_idx ON app_user (org_id);

CREATE TABLE user_role (
    user_id bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role    varchar(20) NOT NULL,
    PRIMARY KEY (user_id, role)
);

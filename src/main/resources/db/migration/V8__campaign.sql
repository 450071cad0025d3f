-- A campaign (行动) is configured, not coded: its focus areas (助推方向), task types (实事) and the
-- indicators (指标) each task type counts. Indicators in use are retired, never deleted or renamed.
CREATE TABLE campaign (
    id             bigserial    PRIMARY KEY,
    org_id         bigint       NOT NULL REFERENCES org (id),
    name           varchar(100) NOT NULL,
    full_name      varchar(200),
    description    text,
    start_date     date         NOT NULL,
    end_date       date,
    status         varchar(20)  NOT NULL DEFAULT 'ACTIVE',
    period_type    varchar(20)  NOT NULL DEFAULT 'QUARTER',
    deadline_days  int          NOT NULL DEFAULT 10 CHECK (deadline_days BETWEEN 0 AND 90),
    -- org levels whose entries are reviewed by the parent committee instead of their own
    review_by_parent varchar(100) NOT NULL DEFAULT '',
    template_code  varchar(40),
    version        int          NOT NULL DEFAULT 0,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX campaign_org_idx ON campaign (org_id);

CREATE TABLE focus_area (
    id          bigserial    PRIMARY KEY,
    campaign_id bigint       NOT NULL REFERENCES campaign (id),
    name        varchar(100) NOT NULL,
    sort        int          NOT NULL DEFAULT 0,
    version     int          NOT NULL DEFAULT 0,
    UNIQUE (campaign_id, name)
);

CREATE TABLE task_type (
    id            bigserial    PRIMARY KEY,
    campaign_id   bigint       NOT NULL REFERENCES campaign (id),
    focus_area_id bigint       NOT NULL REFERENCES focus_area (id),
    name          varchar(200) NOT NULL,
    short_name    varchar(30)  NOT NULL,
    description   varchar(500),
    sort          int          NOT NULL DEFAULT 0,
    retired       boolean      NOT NULL DEFAULT false,
    version       int          NOT NULL DEFAULT 0,
    UNIQUE (campaign_id, name),
    UNIQUE (campaign_id, short_name)
);
CREATE INDEX task_type_focus_idx ON task_type (focus_area_id);

CREATE TABLE indicator (
    id           bigserial     PRIMARY KEY,
    task_type_id bigint        NOT NULL REFERENCES task_type (id),
    name         varchar(100)  NOT NULL,
    unit         varchar(20)   NOT NULL,
    decimals     boolean       NOT NULL DEFAULT false,
    min_value    numeric(18,4) NOT NULL DEFAULT 0,
    max_value    numeric(18,4) NOT NULL,
    sort         int           NOT NULL DEFAULT 0,
    retired      boolean       NOT NULL DEFAULT false,
    version      int           NOT NULL DEFAULT 0,
    UNIQUE (task_type_id, name),
    CHECK (max_value >= min_value)
);

-- Yearly targets (目标任务) of an org for an indicator.
CREATE TABLE campaign_target (
    campaign_id  bigint        NOT NULL REFERENCES campaign (id),
    org_id       bigint        NOT NULL REFERENCES org (id),
    year         int           NOT NULL,
    indicator_id bigint        NOT NULL REFERENCES indicator (id),
    value        numeric(18,4) NOT NULL CHECK (value >= 0),
    PRIMARY KEY (org_id, year, indicator_id)
);
CREATE INDEX campaign_target_campaign_idx ON campaign_target (campaign_id, year);

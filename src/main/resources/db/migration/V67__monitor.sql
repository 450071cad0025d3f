-- Return-to-poverty monitoring (防止返贫动态监测): clues from three channels (and the automatic
-- checks), cases that go home visit and consent → village democratic review with a public notice
-- → township review → county decision within 15 days of the first clue, the assistance plan per
-- household (一户一策), follow-up visits, risk elimination with its own review, reopening. No ID
-- number is stored here: a screening file is matched through the registry's keyed hash, and the
-- household (never the number) is what a clue keeps.

-- The income line (监测范围) per province and year: a table, never a constant. A year without its
-- own row uses the latest earlier one (the line stays until a new one is announced).
CREATE TABLE monitor_line (
    province_code varchar(2)    NOT NULL,
    year          int           NOT NULL CHECK (year BETWEEN 2020 AND 2100),
    per_head      numeric(10,2) NOT NULL CHECK (per_head > 0),
    note          varchar(200),
    set_by        bigint        REFERENCES app_user (id),
    set_at        timestamptz   NOT NULL DEFAULT now(),
    version       int           NOT NULL DEFAULT 0,
    PRIMARY KEY (province_code, year)
);
INSERT INTO monitor_line (province_code, year, per_head, note) VALUES
    ('53', 2024, 8700, '云南省2024年防止返贫监测范围：人均纯收入8700元'),
    ('53', 2025, 8700, '云南省2025年防止返贫监测范围：人均纯收入8700元');

-- The departments whose screening files raise clues (部门筛查预警): a dictionary, so a province adds its own.
INSERT INTO dict_type (code, name, name_en, sort) VALUES ('monitor_department', '筛查预警部门', 'Screening department', 30);
INSERT INTO dict_item (type_code, code, label, label_en, sort) VALUES
    ('monitor_department', 'MEDICAL_INSURANCE', '医疗保障部门', 'Medical insurance', 1),
    ('monitor_department', 'CIVIL_AFFAIRS', '民政部门', 'Civil affairs', 2),
    ('monitor_department', 'DISABLED', '残联', 'Disabled persons'' federation', 3),
    ('monitor_department', 'EDUCATION', '教育部门', 'Education', 4),
    ('monitor_department', 'HOUSING', '住房和城乡建设部门', 'Housing', 5),
    ('monitor_department', 'HUMAN_RESOURCES', '人力资源和社会保障部门', 'Human resources and social security', 6),
    ('monitor_department', 'EMERGENCY', '应急管理部门', 'Emergency management', 7),
    ('monitor_department', 'WATER', '水利部门', 'Water resources', 8),
    ('monitor_department', 'HEALTH', '卫生健康部门', 'Health', 9),
    ('monitor_department', 'AGRICULTURE', '农业农村部门', 'Agriculture and rural affairs', 10);

-- A screening file of a department: what it held and what became of its rows. The file itself is
-- erased once matched; rows that found no household are kept masked (row, name, 5301**********1234).
CREATE TABLE monitor_screening (
    id          bigserial    PRIMARY KEY,
    department  varchar(30)  NOT NULL,
    file_name   varchar(255) NOT NULL,
    file_sha256 char(64)     NOT NULL,
    scope_path  varchar(500) NOT NULL,
    region_code varchar(12)  NOT NULL,
    rows_read   int          NOT NULL DEFAULT 0,
    matched     int          NOT NULL DEFAULT 0,
    unmatched   int          NOT NULL DEFAULT 0,
    attached    int          NOT NULL DEFAULT 0,
    opened      int          NOT NULL DEFAULT 0,
    job_id      bigint       REFERENCES job (id),
    created_by  bigint       REFERENCES app_user (id),
    created_at  timestamptz  NOT NULL DEFAULT now()
);
-- the same file from the same department is matched once
CREATE UNIQUE INDEX monitor_screening_file_idx ON monitor_screening (department, file_sha256);
CREATE UNIQUE INDEX monitor_screening_job_idx ON monitor_screening (job_id) WHERE job_id IS NOT NULL;
CREATE INDEX monitor_screening_region_idx ON monitor_screening (region_code varchar_pattern_ops, id);

CREATE TABLE monitor_screening_miss (
    screening_id bigint       NOT NULL REFERENCES monitor_screening (id),
    row_no       int          NOT NULL,
    name         varchar(50),
    masked_id    varchar(20),
    reason       varchar(30)  NOT NULL CHECK (reason IN ('INVALID_ID', 'NOT_FOUND', 'OUT_OF_SCOPE', 'ARCHIVED', 'REPEATED')),
    PRIMARY KEY (screening_id, row_no)
);

-- A case: one household's way from its first clue to a decision, its assistance and, in the end,
-- risk elimination. At most one open case per household; a closed or rejected one is never
-- reopened by a clue (a new clue opens a new case for a person to judge).
CREATE TABLE monitor_case (
    id                  bigserial     PRIMARY KEY,
    household_id        bigint        NOT NULL REFERENCES household (id),
    region_code         varchar(12)   NOT NULL,
    township_code       varchar(9)    NOT NULL,
    county_code         varchar(6)    NOT NULL,
    kind                varchar(10)   NOT NULL DEFAULT '' CHECK (kind IN ('', 'UNSTABLE', 'MARGINAL', 'SUDDEN')),
    reasons             varchar(20)[] NOT NULL DEFAULT '{}',
    main_reason         varchar(20)   NOT NULL,
    head_name           varchar(50)   NOT NULL,
    stage               varchar(20)   NOT NULL CHECK (stage IN ('CLUE', 'VILLAGE', 'NOTICE', 'TOWNSHIP', 'COUNTY', 'MONITORED',
                                                          'ELIM_VILLAGE', 'ELIM_NOTICE', 'ELIM_TOWNSHIP', 'ELIM_COUNTY',
                                                          'ELIMINATED', 'REJECTED')),
    first_clue_on       date          NOT NULL,
    deadline            date          NOT NULL,
    persons             int           NOT NULL DEFAULT 0,
    -- the home visit and the household's signed consent (承诺授权)
    visited_on          date,
    visitors            varchar(100),
    findings            varchar(2000),
    income_per_head     numeric(12,2),
    expense             numeric(12,2),
    has_labour          boolean,
    consent_on          date,
    consent_file_id     bigint        REFERENCES stored_file (id),
    -- the notice on the village board (one per review session of a village)
    notice_id           bigint,
    objection           varchar(500),
    -- decisions
    decided_on          date,
    included_on         date,
    eliminated_on       date,
    closed_on           date,
    closed_reason       varchar(500),
    elim_proposed_on    date,
    elim_checks         jsonb,
    reopened            int           NOT NULL DEFAULT 0,
    responsible_user_id bigint        REFERENCES app_user (id),
    version             int           NOT NULL DEFAULT 0,
    created_by          bigint        REFERENCES app_user (id),
    created_at          timestamptz   NOT NULL DEFAULT now(),
    updated_at          timestamptz   NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX monitor_case_open_idx ON monitor_case (household_id) WHERE stage NOT IN ('ELIMINATED', 'REJECTED');
CREATE INDEX monitor_case_household_idx ON monitor_case (household_id, id);
-- a county's (township's, village's) list: one prefix match on the village code, newest first
CREATE INDEX monitor_case_region_idx ON monitor_case (region_code varchar_pattern_ops, id DESC);
CREATE INDEX monitor_case_county_stage_idx ON monitor_case (county_code, stage, id DESC);
-- the 15-day clock: only cases still being identified carry one
CREATE INDEX monitor_case_clock_idx ON monitor_case (deadline, region_code) WHERE stage IN ('CLUE', 'VILLAGE', 'NOTICE', 'TOWNSHIP', 'COUNTY');
CREATE INDEX monitor_case_responsible_idx ON monitor_case (responsible_user_id) WHERE responsible_user_id IS NOT NULL;

-- A clue (线索): how a risk was found. It keeps its source for good — channel, department, file and
-- row, the automatic rule and its figure — and belongs to the case it opened or joined.
CREATE TABLE monitor_clue (
    id            bigserial     PRIMARY KEY,
    case_id       bigint        NOT NULL REFERENCES monitor_case (id),
    household_id  bigint        NOT NULL REFERENCES household (id),
    channel       varchar(20)   NOT NULL CHECK (channel IN ('SELF_REPORT', 'CADRE_CHECK', 'DEPARTMENT', 'AUTOMATIC')),
    reasons       varchar(20)[] NOT NULL,
    description   varchar(1000),
    amount        numeric(12,2) CHECK (amount IS NULL OR amount >= 0),
    reported_on   date          NOT NULL,
    reporter      varchar(50),
    on_behalf     boolean       NOT NULL DEFAULT false,
    department    varchar(30),
    screening_id  bigint        REFERENCES monitor_screening (id),
    source_row    int,
    source_file   varchar(255),
    rule          varchar(20)   CHECK (rule IS NULL OR rule IN ('INCOME_BELOW_LINE', 'NO_EMPLOYMENT')),
    rule_year     int,
    figure        numeric(12,2),
    line          numeric(10,2),
    opened_case   boolean       NOT NULL DEFAULT false,
    created_by    bigint        REFERENCES app_user (id),
    created_at    timestamptz   NOT NULL DEFAULT now(),
    CHECK ((channel = 'DEPARTMENT') = (department IS NOT NULL)),
    CHECK ((channel = 'AUTOMATIC') = (rule IS NOT NULL))
);
CREATE INDEX monitor_clue_case_idx ON monitor_clue (case_id, id);
CREATE INDEX monitor_clue_household_idx ON monitor_clue (household_id, id);
CREATE INDEX monitor_clue_screening_idx ON monitor_clue (screening_id) WHERE screening_id IS NOT NULL;
-- an automatic rule raises one clue per household and year of data, however often it runs
CREATE UNIQUE INDEX monitor_clue_rule_idx ON monitor_clue (household_id, rule, rule_year) WHERE rule IS NOT NULL;

-- The village notice (公示): one per village and review session, listing the households (no ID
-- number, phone, bank account or health data — by design the lines hold none).
CREATE TABLE monitor_notice (
    id           bigserial    PRIMARY KEY,
    village_code varchar(12)  NOT NULL,
    purpose      varchar(10)  NOT NULL CHECK (purpose IN ('IDENTIFY', 'ELIMINATE')),
    start_on     date         NOT NULL,
    end_on       date         NOT NULL,
    place        varchar(100) NOT NULL,
    created_by   bigint       REFERENCES app_user (id),
    created_at   timestamptz  NOT NULL DEFAULT now(),
    CHECK (end_on >= start_on + 4)
);
CREATE INDEX monitor_notice_village_idx ON monitor_notice (village_code, start_on);
ALTER TABLE monitor_case ADD CONSTRAINT monitor_case_notice_fk FOREIGN KEY (notice_id) REFERENCES monitor_notice (id);

-- Who decided what and when: every review of a case (village, township, county; to include or to eliminate).
CREATE TABLE monitor_review (
    id           bigserial    PRIMARY KEY,
    case_id      bigint       NOT NULL REFERENCES monitor_case (id),
    purpose      varchar(10)  NOT NULL CHECK (purpose IN ('IDENTIFY', 'ELIMINATE')),
    level        varchar(10)  NOT NULL CHECK (level IN ('VILLAGE', 'TOWNSHIP', 'COUNTY')),
    decided_on   date         NOT NULL,
    agreed       boolean      NOT NULL,
    participants int,
    note         varchar(1000),
    notice_id    bigint       REFERENCES monitor_notice (id),
    decided_by   bigint       NOT NULL REFERENCES app_user (id),
    created_at   timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX monitor_review_case_idx ON monitor_review (case_id, id);

-- The assistance plan (一户一策): measures with their responsible unit and status.
CREATE TABLE monitor_measure (
    id                 bigserial     PRIMARY KEY,
    case_id            bigint        NOT NULL REFERENCES monitor_case (id),
    type               varchar(20)   NOT NULL,
    description        varchar(500)  NOT NULL,
    responsible_unit   varchar(100)  NOT NULL,
    responsible_person varchar(50),
    planned_on         date          NOT NULL,
    done_on            date,
    amount             numeric(12,2) CHECK (amount IS NULL OR amount >= 0),
    status             varchar(12)   NOT NULL CHECK (status IN ('PLANNED', 'ONGOING', 'DONE', 'CANCELLED')),
    version            int           NOT NULL DEFAULT 0,
    created_by         bigint        REFERENCES app_user (id),
    created_at         timestamptz   NOT NULL DEFAULT now(),
    updated_at         timestamptz   NOT NULL DEFAULT now(),
    CHECK ((status = 'DONE') = (done_on IS NOT NULL))
);
CREATE INDEX monitor_measure_case_idx ON monitor_measure (case_id, id);

-- Follow-up visits (跟踪回访): the household's income and its 三保障 and water as seen that day;
-- a pairing visit (走访) can be the visit.
CREATE TABLE monitor_followup (
    id                 bigserial     PRIMARY KEY,
    case_id            bigint        NOT NULL REFERENCES monitor_case (id),
    visited_on         date          NOT NULL,
    visitors           varchar(100)  NOT NULL,
    notes              varchar(2000),
    income_per_head    numeric(12,2) NOT NULL CHECK (income_per_head >= 0),
    rigid_costs_solved boolean       NOT NULL,
    school_ok          boolean       NOT NULL,
    medical_ok         boolean       NOT NULL,
    housing_ok         boolean       NOT NULL,
    water_ok           boolean       NOT NULL,
    pairing_visit_id   bigint        REFERENCES pairing_visit (id) ON DELETE SET NULL,
    created_by         bigint        REFERENCES app_user (id),
    created_at         timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX monitor_followup_case_idx ON monitor_followup (case_id, visited_on);

-- Who of a household works (务工就业), as a cadre recorded it: what the 零就业 check reads.
CREATE TABLE monitor_employment (
    person_id    bigint       PRIMARY KEY REFERENCES household_person (id),
    household_id bigint       NOT NULL REFERENCES household (id),
    employed     boolean      NOT NULL,
    note         varchar(100),
    recorded_on  date         NOT NULL,
    recorded_by  bigint       REFERENCES app_user (id),
    updated_at   timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX monitor_employment_household_idx ON monitor_employment (household_id);

-- The figures, kept in step with every change of a case in the same transaction.
-- Stock: the cases as they stand now, by township, kind, main cause and stage.
CREATE TABLE monitor_fact (
    township_code varchar(9)  NOT NULL,
    kind          varchar(10) NOT NULL,
    reason        varchar(20) NOT NULL,
    stage         varchar(20) NOT NULL,
    households    bigint      NOT NULL DEFAULT 0,
    persons       bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (township_code, kind, reason, stage)
);
-- Flow: what happened in a month, by township and kind (clues received, cases opened, included,
-- decided and decided late, rejected, eliminated, reopened): the period figures and, summed up to a
-- month, the stock at its end (累计).
CREATE TABLE monitor_flow (
    month              date        NOT NULL,
    township_code      varchar(9)  NOT NULL,
    kind               varchar(10) NOT NULL,
    clues              bigint      NOT NULL DEFAULT 0,
    opened             bigint      NOT NULL DEFAULT 0,
    included           bigint      NOT NULL DEFAULT 0,
    included_persons   bigint      NOT NULL DEFAULT 0,
    decided            bigint      NOT NULL DEFAULT 0,
    decided_late       bigint      NOT NULL DEFAULT 0,
    rejected           bigint      NOT NULL DEFAULT 0,
    eliminated         bigint      NOT NULL DEFAULT 0,
    eliminated_persons bigint      NOT NULL DEFAULT 0,
    reopened           bigint      NOT NULL DEFAULT 0,
    reopened_persons   bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (month, township_code, kind)
);
CREATE INDEX monitor_flow_township_idx ON monitor_flow (township_code varchar_pattern_ops, month);

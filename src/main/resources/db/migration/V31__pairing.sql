-- Pairings (结对/挂联): who helps whom, from when to when. The helper is a member, an org or a cadre;
-- the target a household, an industry, a village or a county. org_id is the org that organises the
-- pairing (its scope), unit_org_id that org's committee (its figures). A pairing ends on a date and
-- may be replaced by another (replaces_id); nothing is deleted once visited.

CREATE TABLE pairing_industry (
    id          bigserial    PRIMARY KEY,
    name        varchar(100) NOT NULL,
    county_code varchar(12)  NOT NULL REFERENCES region (code),
    org_id      bigint       NOT NULL REFERENCES org (id),
    description varchar(500),
    active      boolean      NOT NULL DEFAULT true,
    version     int          NOT NULL DEFAULT 0,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (county_code, name)
);

CREATE TABLE pairing (
    id            bigserial    PRIMARY KEY,
    kind          varchar(30)  NOT NULL CHECK (kind IN ('MEMBER_HOUSEHOLD', 'COMMITTEE_INDUSTRY', 'ORG_VILLAGE', 'LEADER_COUNTY',
                                                        'LEADER_CONTACT_POINT', 'UNIT_COUNTY', 'CADRE_HOUSEHOLD')),
    org_id        bigint       NOT NULL REFERENCES org (id),
    unit_org_id   bigint       NOT NULL REFERENCES org (id),
    member_id     bigint       REFERENCES member (id),
    helper_org_id bigint       REFERENCES org (id),
    cadre_user_id bigint       REFERENCES app_user (id),
    cadre_name    varchar(50),
    household_id  bigint       REFERENCES household (id),
    industry_id   bigint       REFERENCES pairing_industry (id),
    region_code   varchar(12)  NOT NULL REFERENCES region (code),
    start_date    date         NOT NULL,
    end_date      date,
    end_reason    varchar(200),
    replaces_id   bigint       REFERENCES pairing (id),
    note          varchar(500),
    import_job_id bigint       REFERENCES job (id),
    version       int          NOT NULL DEFAULT 0,
    created_by    bigint       REFERENCES app_user (id),
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    CHECK (end_date IS NULL OR end_date >= start_date),
    CHECK (member_id IS NOT NULL OR helper_org_id IS NOT NULL OR cadre_name IS NOT NULL),
    CHECK (household_id IS NOT NULL OR industry_id IS NOT NULL OR kind IN ('ORG_VILLAGE', 'LEADER_COUNTY', 'LEADER_CONTACT_POINT', 'UNIT_COUNTY'))
);
CREATE INDEX pairing_org_idx ON pairing (org_id, start_date);
CREATE INDEX pairing_unit_idx ON pairing (unit_org_id, start_date);
CREATE INDEX pairing_member_idx ON pairing (member_id) WHERE member_id IS NOT NULL;
CREATE INDEX pairing_household_idx ON pairing (household_id) WHERE household_id IS NOT NULL;
CREATE INDEX pairing_cadre_idx ON pairing (cadre_user_id) WHERE cadre_user_id IS NOT NULL;
CREATE INDEX pairing_region_idx ON pairing (region_code varchar_pattern_ops);
CREATE UNIQUE INDEX pairing_replaces_idx ON pairing (replaces_id) WHERE replaces_id IS NOT NULL;

-- Duty templates per pairing kind (五个一, 七个优 …), configurable per org: a pairing follows the
-- template of its org or the nearest org above with one, else the platform's default (org_id null).
CREATE TABLE pairing_duty_template (
    id         bigserial    PRIMARY KEY,
    kind       varchar(30)  NOT NULL,
    org_id     bigint       REFERENCES org (id),
    name       varchar(100) NOT NULL,
    rhythm     varchar(10)  NOT NULL CHECK (rhythm IN ('QUARTER', 'YEAR')),
    version    int          NOT NULL DEFAULT 0,
    updated_by bigint       REFERENCES app_user (id),
    updated_at timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX pairing_duty_template_owner_idx ON pairing_duty_template (kind, coalesce(org_id, 0));

-- An item of a template: done in a period when its evidence adds up to the target. counts_visits:
-- the visits themselves are the evidence (入户1次); otherwise records with a visit, a ledger entry
-- or a consultation meeting tick it (evidence lists which are accepted).
CREATE TABLE pairing_duty_item (
    id            bigserial    PRIMARY KEY,
    template_id   bigint       NOT NULL REFERENCES pairing_duty_template (id),
    sort          int          NOT NULL DEFAULT 0,
    title         varchar(200) NOT NULL,
    target        int          NOT NULL DEFAULT 1 CHECK (target BETWEEN 1 AND 1000),
    counts_visits boolean      NOT NULL DEFAULT false,
    evidence      varchar(20)[] NOT NULL DEFAULT '{VISIT,LEDGER,CONSULTATION}',
    retired       boolean      NOT NULL DEFAULT false,
    version       int          NOT NULL DEFAULT 0
);
CREATE INDEX pairing_duty_item_template_idx ON pairing_duty_item (template_id, sort, id);

-- Visits (走访) under a pairing. recorded_at, latitude and longitude are where and when the phone
-- recorded it (offline perhaps hours before it was sent); created_at when it reached the server.
CREATE TABLE pairing_visit (
    id              bigserial     PRIMARY KEY,
    pairing_id      bigint        NOT NULL REFERENCES pairing (id),
    visit_date      date          NOT NULL,
    notes           varchar(4000),
    problems_found  int           NOT NULL DEFAULT 0 CHECK (problems_found BETWEEN 0 AND 10000),
    problems_solved int           NOT NULL DEFAULT 0 CHECK (problems_solved BETWEEN 0 AND 10000),
    funds           numeric(14,2) NOT NULL DEFAULT 0 CHECK (funds >= 0),
    projects        int           NOT NULL DEFAULT 0 CHECK (projects BETWEEN 0 AND 10000),
    ledger_entry_id bigint        REFERENCES ledger_entry (id) ON DELETE SET NULL,
    source          varchar(10)   NOT NULL DEFAULT 'WEB',
    recorded_at     timestamptz,
    latitude        numeric(9,6),
    longitude       numeric(9,6),
    version         int           NOT NULL DEFAULT 0,
    created_by      bigint        NOT NULL REFERENCES app_user (id),
    created_at      timestamptz   NOT NULL DEFAULT now(),
    updated_at      timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX pairing_visit_pairing_idx ON pairing_visit (pairing_id, visit_date);
CREATE INDEX pairing_visit_date_idx ON pairing_visit (visit_date);

-- Who went: members, cadres with an account, or others named.
CREATE TABLE pairing_visit_person (
    id        bigserial   PRIMARY KEY,
    visit_id  bigint      NOT NULL REFERENCES pairing_visit (id) ON DELETE CASCADE,
    member_id bigint      REFERENCES member (id),
    user_id   bigint      REFERENCES app_user (id),
    name      varchar(50) NOT NULL
);
CREATE INDEX pairing_visit_person_visit_idx ON pairing_visit_person (visit_id);
CREATE INDEX pairing_visit_person_member_idx ON pairing_visit_person (member_id) WHERE member_id IS NOT NULL;

CREATE TABLE pairing_visit_photo (
    id          bigserial   PRIMARY KEY,
    visit_id    bigint      NOT NULL REFERENCES pairing_visit (id) ON DELETE CASCADE,
    file_id     bigint      NOT NULL REFERENCES stored_file (id),
    uploaded_by bigint      NOT NULL REFERENCES app_user (id),
    uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pairing_visit_photo_visit_idx ON pairing_visit_photo (visit_id);

-- A duty item ticked for a period, always with its evidence: a visit of the pairing, a ledger
-- entry, or a consultation meeting (its id or link). Never a bare checkbox.
CREATE TABLE pairing_duty_record (
    id               bigserial    PRIMARY KEY,
    pairing_id       bigint       NOT NULL REFERENCES pairing (id),
    item_id          bigint       NOT NULL REFERENCES pairing_duty_item (id),
    period           varchar(7)   NOT NULL,
    evidence         varchar(20)  NOT NULL CHECK (evidence IN ('VISIT', 'LEDGER', 'CONSULTATION')),
    visit_id         bigint       REFERENCES pairing_visit (id),
    ledger_entry_id  bigint       REFERENCES ledger_entry (id) ON DELETE CASCADE,
    consultation_ref varchar(300),
    quantity         int          NOT NULL DEFAULT 1 CHECK (quantity BETWEEN 1 AND 1000),
    note             varchar(500),
    created_by       bigint       NOT NULL REFERENCES app_user (id),
    created_at       timestamptz  NOT NULL DEFAULT now(),
    CHECK ((evidence = 'VISIT') = (visit_id IS NOT NULL)),
    CHECK ((evidence = 'LEDGER') = (ledger_entry_id IS NOT NULL)),
    CHECK ((evidence = 'CONSULTATION') = (consultation_ref IS NOT NULL))
);
CREATE INDEX pairing_duty_record_pairing_idx ON pairing_duty_record (pairing_id, period, item_id);
CREATE INDEX pairing_duty_record_visit_idx ON pairing_duty_record (visit_id) WHERE visit_id IS NOT NULL;

-- The figures, kept in step with every pairing and visit change in the same transaction, by month,
-- committee, county of the target and kind. Pairings and households are stocks: each counts +1 in
-- *_started at its first month and in *_ended at its last, so the number in effect during a period
-- is Σ started up to its end − Σ ended before its start. Visits and their figures are flows.
CREATE TABLE pairing_fact (
    month              date          NOT NULL,
    unit_org_id        bigint        NOT NULL,
    county_code        varchar(6)    NOT NULL,
    kind               varchar(30)   NOT NULL,
    pairings_started   int           NOT NULL DEFAULT 0,
    pairings_ended     int           NOT NULL DEFAULT 0,
    households_started int           NOT NULL DEFAULT 0,
    households_ended   int           NOT NULL DEFAULT 0,
    visits             int           NOT NULL DEFAULT 0,
    problems_found     int           NOT NULL DEFAULT 0,
    problems_solved    int           NOT NULL DEFAULT 0,
    funds              numeric(16,2) NOT NULL DEFAULT 0,
    projects           int           NOT NULL DEFAULT 0,
    PRIMARY KEY (month, unit_org_id, county_code, kind)
);
CREATE INDEX pairing_fact_unit_idx ON pairing_fact (unit_org_id, month);

-- When each household is covered by a household pairing (member's or cadre's) of a committee, as
-- whole months (the union of its pairings' months): what the households_* facts hold (in the rows
-- of the pseudo-kind 'HOUSEHOLDS', so a household paired twice counts once), kept so a change can
-- take its old contribution back.
CREATE TABLE pairing_household_cover (
    household_id bigint     NOT NULL,
    unit_org_id  bigint     NOT NULL,
    county_code  varchar(6) NOT NULL,
    from_month   date       NOT NULL,
    to_month     date,
    PRIMARY KEY (household_id, unit_org_id, from_month)
);

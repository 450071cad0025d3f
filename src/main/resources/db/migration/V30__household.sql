-- The household registry (农户), shared by the pairing and the monitoring modules. A household lives
-- in a village; its people join and leave on dates with a relation to the head, and the past is
-- never rewritten: a membership is closed (left_on) and a new one opened. ID numbers and phones are
-- stored only encrypted (AES-GCM, key from configuration) with a keyed hash (HMAC-SHA256) for exact
-- lookup; the clear text never reaches the database or the log.

INSERT INTO dict_type (code, name, name_en, sort) VALUES
    ('household_tag', '农户类型', 'Household type', 20),
    ('household_relation', '与户主关系', 'Relation to the head', 21),
    ('labour', '劳动能力', 'Labour ability', 22),
    ('health', '健康状况', 'Health', 23),
    ('schooling', '文化程度', 'Schooling', 24);

INSERT INTO dict_item (type_code, code, label, label_en, sort) VALUES
    ('household_tag', 'TUOPIN', '脱贫户', 'Lifted out of poverty', 1),
    ('household_tag', 'SHIFAN', '示范户', 'Model household', 2),
    ('household_tag', 'YIBAN', '一般户', 'Ordinary household', 3),
    ('household_tag', 'JIANCE', '监测户', 'Monitored household', 4),
    ('household_tag', 'BANQIAN', '易地搬迁户', 'Relocated household', 5),
    ('household_relation', 'HEAD', '户主', 'Head', 1),
    ('household_relation', 'SPOUSE', '配偶', 'Spouse', 2),
    ('household_relation', 'CHILD', '子女', 'Child', 3),
    ('household_relation', 'CHILD_IN_LAW', '儿媳/女婿', 'Child-in-law', 4),
    ('household_relation', 'PARENT', '父母', 'Parent', 5),
    ('household_relation', 'GRANDCHILD', '孙子女', 'Grandchild', 6),
    ('household_relation', 'GRANDPARENT', '祖父母', 'Grandparent', 7),
    ('household_relation', 'SIBLING', '兄弟姐妹', 'Sibling', 8),
    ('household_relation', 'OTHER', '其他', 'Other', 9),
    ('labour', 'SKILLED', '技能劳动力', 'Skilled labour', 1),
    ('labour', 'ORDINARY', '普通劳动力', 'Ordinary labour', 2),
    ('labour', 'WEAK', '弱劳动力或半劳动力', 'Weak or half labour', 3),
    ('labour', 'LOST', '丧失劳动力', 'Lost labour ability', 4),
    ('labour', 'NONE', '无劳动力', 'No labour (child, elderly)', 5),
    ('health', 'HEALTHY', '健康', 'Healthy', 1),
    ('health', 'CHRONIC', '长期慢性病', 'Chronic illness', 2),
    ('health', 'SERIOUS', '患有大病', 'Serious illness', 3),
    ('health', 'DISABLED', '残疾', 'Disabled', 4),
    ('schooling', 'PRESCHOOL', '学龄前儿童', 'Pre-school', 1),
    ('schooling', 'IN_SCHOOL', '在校生', 'In school', 2),
    ('schooling', 'ILLITERATE', '文盲或半文盲', 'Illiterate', 3),
    ('schooling', 'PRIMARY', '小学', 'Primary school', 4),
    ('schooling', 'JUNIOR', '初中', 'Junior secondary', 5),
    ('schooling', 'SENIOR', '高中或中专', 'Senior secondary', 6),
    ('schooling', 'COLLEGE', '大专及以上', 'College or above', 7);

-- The fingerprint of the key the personal data is encrypted with: a different key at start-up is
-- refused (the data would be unreadable), rather than discovered on the first read.
CREATE TABLE pii_key_check (
    id          int         PRIMARY KEY CHECK (id = 1),
    fingerprint varchar(64) NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE household (
    id             bigserial    PRIMARY KEY,
    region_code    varchar(12)  NOT NULL REFERENCES region (code),
    address        varchar(200),
    head_person_id bigint,
    phone_cipher   bytea,
    tags           varchar(20)[] NOT NULL DEFAULT '{}',
    status         varchar(20)  NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'ARCHIVED')),
    archived_on    date,
    archive_reason varchar(200),
    duplicate_of   bigint       REFERENCES household (id),
    import_job_id  bigint       REFERENCES job (id),
    version        int          NOT NULL DEFAULT 0,
    created_by     bigint       REFERENCES app_user (id),
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now()
);
-- region codes nest (a village's code starts with its county's): a subtree is one prefix match
CREATE INDEX household_region_idx ON household (region_code varchar_pattern_ops, id);
CREATE INDEX household_tags_idx ON household USING gin (tags);
CREATE INDEX household_job_idx ON household (import_job_id) WHERE import_job_id IS NOT NULL;

CREATE TABLE household_person (
    id         bigserial   PRIMARY KEY,
    name       varchar(50) NOT NULL,
    id_cipher  bytea,
    id_hash    bytea,
    gender     char(1)     CHECK (gender IN ('M', 'F')),
    birth_date date,
    labour     varchar(20),
    health     varchar(20),
    schooling  varchar(20),
    version    int         NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((id_cipher IS NULL) = (id_hash IS NULL))
);
-- one person per ID number in the whole registry: an exact duplicate is refused
CREATE UNIQUE INDEX household_person_id_hash_idx ON household_person (id_hash) WHERE id_hash IS NOT NULL;
CREATE INDEX household_person_name_idx ON household_person (name, birth_date);

ALTER TABLE household ADD CONSTRAINT household_head_fk FOREIGN KEY (head_person_id) REFERENCES household_person (id);

-- Who belonged to a household when, and as what: [joined_on, left_on). Rows are closed, never changed.
CREATE TABLE household_membership (
    id           bigserial    PRIMARY KEY,
    household_id bigint       NOT NULL REFERENCES household (id),
    person_id    bigint       NOT NULL REFERENCES household_person (id),
    relation     varchar(20)  NOT NULL,
    joined_on    date         NOT NULL,
    left_on      date,
    left_reason  varchar(200),
    created_by   bigint       REFERENCES app_user (id),
    created_at   timestamptz  NOT NULL DEFAULT now(),
    closed_by    bigint       REFERENCES app_user (id),
    closed_at    timestamptz,
    CHECK (left_on IS NULL OR left_on > joined_on)
);
CREATE INDEX household_membership_household_idx ON household_membership (household_id, joined_on, id);
CREATE INDEX household_membership_person_idx ON household_membership (person_id, joined_on);
-- exactly one head now; the service keeps the past heads contiguous (a head is replaced on a date)
CREATE UNIQUE INDEX household_membership_one_head_idx ON household_membership (household_id) WHERE relation = 'HEAD' AND left_on IS NULL;
-- a person belongs to one household at a time
CREATE UNIQUE INDEX household_membership_one_home_idx ON household_membership (person_id) WHERE left_on IS NULL;

-- Income per head (元) by year: the registry shows the latest, monitoring compares years.
CREATE TABLE household_income (
    household_id bigint        NOT NULL REFERENCES household (id),
    year         int           NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    per_head     numeric(12,2) NOT NULL CHECK (per_head >= 0),
    recorded_by  bigint        REFERENCES app_user (id),
    recorded_at  timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (household_id, year)
);

-- The "四个有" goals as a status per quarter: MET 已实现, PARTLY 部分实现, NOT_MET 未实现.
CREATE TABLE household_goal (
    household_id bigint       NOT NULL REFERENCES household (id),
    period       varchar(7)   NOT NULL,
    income       varchar(10)  NOT NULL CHECK (income IN ('MET', 'PARTLY', 'NOT_MET')),
    environment  varchar(10)  NOT NULL CHECK (environment IN ('MET', 'PARTLY', 'NOT_MET')),
    spirit       varchar(10)  NOT NULL CHECK (spirit IN ('MET', 'PARTLY', 'NOT_MET')),
    security     varchar(10)  NOT NULL CHECK (security IN ('MET', 'PARTLY', 'NOT_MET')),
    note         varchar(500),
    recorded_by  bigint       REFERENCES app_user (id),
    recorded_at  timestamptz  NOT NULL DEFAULT now(),
    version      int          NOT NULL DEFAULT 0,
    PRIMARY KEY (household_id, period)
);
CREATE INDEX household_goal_period_idx ON household_goal (period, household_id);

-- Likely duplicates (same name and birth date in the same village, different or no ID number):
-- queued for a person to judge, never merged automatically.
CREATE TABLE household_duplicate (
    id                 bigserial   PRIMARY KEY,
    household_id       bigint      NOT NULL REFERENCES household (id),
    person_id          bigint      NOT NULL REFERENCES household_person (id),
    other_household_id bigint      NOT NULL REFERENCES household (id),
    other_person_id    bigint      NOT NULL REFERENCES household_person (id),
    status             varchar(20) NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DISTINCT', 'DUPLICATE')),
    note               varchar(500),
    created_at         timestamptz NOT NULL DEFAULT now(),
    decided_by         bigint      REFERENCES app_user (id),
    decided_at         timestamptz,
    version            int         NOT NULL DEFAULT 0,
    UNIQUE (person_id, other_person_id)
);
CREATE INDEX household_duplicate_pending_idx ON household_duplicate (status, household_id);

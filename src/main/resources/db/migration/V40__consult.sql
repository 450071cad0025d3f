-- 协商在基层 (grassroots consultation): platforms (议事室) with their councils, topics (议题) moving
-- through the procedure of the committee that runs them, meetings (协商议事会议) with per-person
-- attendance and minutes confirmed by those who attended, outcomes (协商成果) with a responsible
-- party and a deadline, their follow-up (督办) and the residents' feedback, and what the county
-- office publishes. Every record belongs to the committee that runs the platform (org_id).

-- The coded lists of the module: configuration data an administrator edits in 字典.
INSERT INTO dict_type (code, name, name_en, sort) VALUES
    ('consult_platform_level', '协商平台层级', 'Consultation platform level', 20),
    ('consult_topic_source', '议题来源', 'Topic source', 21),
    ('consult_participant_role', '参会人员身份', 'Participant role', 22),
    ('consult_council_role', '议事会职务', 'Council role', 23),
    ('consult_progress_stage', '督办进展', 'Follow-up stage', 24),
    ('consult_satisfaction', '群众评价', 'Residents'' satisfaction', 25);

INSERT INTO dict_item (type_code, code, label, label_en, sort) VALUES
    ('consult_platform_level', 'TOWNSHIP', '乡镇（街道）', 'Township / street', 1),
    ('consult_platform_level', 'VILLAGE', '村（社区）', 'Village / community', 2),
    ('consult_platform_level', 'ENTERPRISE', '企事业单位', 'Enterprise / institution', 3),
    ('consult_topic_source', 'RESIDENT', '群众反映', 'Raised by residents', 1),
    ('consult_topic_source', 'MEMBER', '委员提出', 'Raised by a member', 2),
    ('consult_topic_source', 'PARTY_GOV', '党委政府交办', 'Assigned by the Party committee or government', 3),
    ('consult_topic_source', 'DEPARTMENT', '部门提出', 'Raised by a department', 4),
    ('consult_participant_role', 'MEMBER', '政协委员', 'CPPCC member', 1),
    ('consult_participant_role', 'COUNCIL', '议事会成员', 'Council member', 2),
    ('consult_participant_role', 'RESIDENT_REP', '村（居）民代表', 'Villager representative', 3),
    ('consult_participant_role', 'STAKEHOLDER', '利益相关方', 'Stakeholder', 4),
    ('consult_participant_role', 'OFFICIAL', '部门及村组干部', 'Official', 5),
    ('consult_participant_role', 'EXPERT', '特邀专家', 'Invited expert', 6),
    ('consult_council_role', 'CONVENER', '召集人', 'Convener', 1),
    ('consult_council_role', 'DEPUTY', '副召集人', 'Deputy convener', 2),
    ('consult_council_role', 'MEMBER', '成员', 'Member', 3),
    ('consult_council_role', 'LIAISON', '联络员', 'Liaison', 4),
    ('consult_progress_stage', 'ASSIGNED', '已交办', 'Assigned', 1),
    ('consult_progress_stage', 'COORDINATING', '协调推进中', 'Being coordinated', 2),
    ('consult_progress_stage', 'IMPLEMENTING', '组织实施中', 'Being carried out', 3),
    ('consult_progress_stage', 'CHECKING', '待验收', 'Awaiting acceptance', 4),
    ('consult_satisfaction', 'SATISFIED', '满意', 'Satisfied', 1),
    ('consult_satisfaction', 'BASIC', '基本满意', 'Mostly satisfied', 2),
    ('consult_satisfaction', 'UNSATISFIED', '不满意', 'Not satisfied', 3);

-- The procedure: the steps a topic goes through, per committee. Rows without an org are the
-- default every committee starts from (copied for it when it sets up its first platform).
-- requirement names what must be true before a topic may enter the step (the checks the system
-- knows: NONE, MEETING_FINAL, OUTCOME_AGREED, OUTCOMES_DONE, ALL_SOLVED).
CREATE TABLE consult_step (
    id          bigserial   PRIMARY KEY,
    org_id      bigint      REFERENCES org (id),
    name        varchar(50) NOT NULL,
    name_en     varchar(80),
    sort        int         NOT NULL,
    requirement varchar(20) NOT NULL DEFAULT 'NONE',
    enabled     boolean     NOT NULL DEFAULT true,
    version     int         NOT NULL DEFAULT 0
);
CREATE INDEX consult_step_org_idx ON consult_step (org_id, sort);
INSERT INTO consult_step (org_id, name, name_en, sort, requirement) VALUES
    (NULL, '议题收集', 'Topic collection', 10, 'NONE'),
    (NULL, '调研论证', 'Research', 20, 'NONE'),
    (NULL, '协商议事', 'Consultation meeting', 30, 'NONE'),
    (NULL, '成果报送', 'Report of outcomes', 40, 'OUTCOME_AGREED'),
    (NULL, '督办落实', 'Supervision', 50, 'OUTCOME_AGREED'),
    (NULL, '反馈评价', 'Feedback', 60, 'OUTCOMES_DONE');

-- A platform (协商议事平台): a venue at township, village or enterprise level, run by a committee.
CREATE TABLE consult_platform (
    id             bigserial    PRIMARY KEY,
    org_id         bigint       NOT NULL REFERENCES org (id),
    name           varchar(100) NOT NULL,
    level          varchar(40)  NOT NULL,
    region_code    varchar(12)  NOT NULL REFERENCES region (code),
    venue          varchar(200),
    description    varchar(1000),
    established_on date,
    active         boolean      NOT NULL DEFAULT true,
    version        int          NOT NULL DEFAULT 0,
    created_by     bigint       NOT NULL REFERENCES app_user (id),
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (org_id, name)
);
CREATE INDEX consult_platform_region_idx ON consult_platform (region_code);

-- Its council (议事会): members, cadres, representatives, each with a role; dated, so a seat that
-- ends stays in the history.
CREATE TABLE consult_council_seat (
    id          bigserial    PRIMARY KEY,
    platform_id bigint       NOT NULL REFERENCES consult_platform (id) ON DELETE CASCADE,
    member_id   bigint       REFERENCES member (id),
    name        varchar(50)  NOT NULL,
    identity    varchar(40)  NOT NULL,
    role        varchar(40)  NOT NULL,
    affiliation varchar(100),
    since       date         NOT NULL,
    until       date,
    sort        int          NOT NULL DEFAULT 0
);
CREATE INDEX consult_council_seat_platform_idx ON consult_council_seat (platform_id, sort, id);
CREATE INDEX consult_council_seat_member_idx ON consult_council_seat (member_id) WHERE member_id IS NOT NULL;

-- A topic (议题): raised by residents, a member, the Party committee or government, a department;
-- accepted (受理) by the office or declined with a reason; in one step of its committee's procedure.
CREATE TABLE consult_topic (
    id               bigserial    PRIMARY KEY,
    platform_id      bigint       NOT NULL REFERENCES consult_platform (id),
    org_id           bigint       NOT NULL REFERENCES org (id),
    step_id          bigint       NOT NULL REFERENCES consult_step (id),
    title            varchar(200) NOT NULL,
    description      text,
    source           varchar(40)  NOT NULL,
    raised_by        varchar(100),
    raised_member_id bigint       REFERENCES member (id),
    raised_on        date         NOT NULL,
    region_code      varchar(12)  NOT NULL REFERENCES region (code),
    affected         varchar(500),
    households       int          CHECK (households >= 0),
    accepted_by      bigint       REFERENCES app_user (id),
    accepted_on      date,
    declined_reason  varchar(500),
    step_entered_at  timestamptz  NOT NULL DEFAULT now(),
    solved_on        date,
    import_key       char(32),
    version          int          NOT NULL DEFAULT 0,
    created_by       bigint       NOT NULL REFERENCES app_user (id),
    created_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX consult_topic_org_step_idx ON consult_topic (org_id, step_id);
CREATE INDEX consult_topic_platform_idx ON consult_topic (platform_id);
CREATE INDEX consult_topic_region_idx ON consult_topic (region_code);
CREATE INDEX consult_topic_pending_idx ON consult_topic (org_id) WHERE accepted_on IS NULL AND declined_reason IS NULL;
CREATE UNIQUE INDEX consult_topic_import_key_idx ON consult_topic (platform_id, import_key) WHERE import_key IS NOT NULL;

-- Each move of a topic from one step to another: forward, skipping (with a reason) or back (with a reason).
CREATE TABLE consult_topic_move (
    id           bigserial    PRIMARY KEY,
    topic_id     bigint       NOT NULL REFERENCES consult_topic (id) ON DELETE CASCADE,
    from_step_id bigint       REFERENCES consult_step (id),
    to_step_id   bigint       NOT NULL REFERENCES consult_step (id),
    distance     int          NOT NULL,
    reason       varchar(500),
    moved_by     bigint       NOT NULL REFERENCES app_user (id),
    moved_at     timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX consult_topic_move_topic_idx ON consult_topic_move (topic_id, moved_at);

-- A consultation meeting on a topic, hosted by a member. minutes_state: DRAFT → CONFIRMING (the
-- attendees confirm, or the host records their signatures) → FINAL. consensus_reached: true when
-- a consensus was reached, false when the disagreement is recorded instead.
CREATE TABLE consult_meeting (
    id                bigserial    PRIMARY KEY,
    topic_id          bigint       NOT NULL REFERENCES consult_topic (id),
    platform_id       bigint       NOT NULL REFERENCES consult_platform (id),
    org_id            bigint       NOT NULL REFERENCES org (id),
    title             varchar(200) NOT NULL,
    held_on           date         NOT NULL,
    start_time        time,
    place             varchar(200) NOT NULL,
    host_member_id    bigint       NOT NULL REFERENCES member (id),
    agenda            text,
    minutes           text,
    consensus         text,
    consensus_reached boolean,
    minutes_state     varchar(20)  NOT NULL DEFAULT 'DRAFT',
    sent_at           timestamptz,
    finalized_at      timestamptz,
    finalized_by      bigint       REFERENCES app_user (id),
    version           int          NOT NULL DEFAULT 0,
    created_by        bigint       NOT NULL REFERENCES app_user (id),
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX consult_meeting_topic_idx ON consult_meeting (topic_id);
CREATE INDEX consult_meeting_org_idx ON consult_meeting (org_id, held_on);
CREATE INDEX consult_meeting_host_idx ON consult_meeting (host_member_id);

-- Who took part, one row a person: their role, whether they came (sign-in), and their
-- confirmation of the minutes (SELF in the app, SIGNED: their signature recorded by the host).
CREATE TABLE consult_participant (
    id           bigserial    PRIMARY KEY,
    meeting_id   bigint       NOT NULL REFERENCES consult_meeting (id) ON DELETE CASCADE,
    member_id    bigint       REFERENCES member (id),
    name         varchar(50)  NOT NULL,
    role         varchar(40)  NOT NULL,
    affiliation  varchar(100),
    host         boolean      NOT NULL DEFAULT false,
    attended     boolean,
    signed_in_at timestamptz,
    confirmation varchar(10),
    confirmed_at timestamptz,
    confirmed_by bigint       REFERENCES app_user (id),
    sort         int          NOT NULL DEFAULT 0
);
CREATE INDEX consult_participant_meeting_idx ON consult_participant (meeting_id, sort, id);
CREATE UNIQUE INDEX consult_participant_member_idx ON consult_participant (meeting_id, member_id) WHERE member_id IS NOT NULL;
CREATE INDEX consult_participant_member_meetings_idx ON consult_participant (member_id) WHERE member_id IS NOT NULL;

-- Photos and files of a meeting (the scene, the signed sign-in sheet), in the shared file store.
CREATE TABLE consult_meeting_file (
    id          bigserial    PRIMARY KEY,
    meeting_id  bigint       NOT NULL REFERENCES consult_meeting (id) ON DELETE CASCADE,
    file_id     bigint       NOT NULL REFERENCES stored_file (id),
    caption     varchar(100),
    uploaded_by bigint       NOT NULL REFERENCES app_user (id),
    uploaded_at timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX consult_meeting_file_meeting_idx ON consult_meeting_file (meeting_id);

-- An outcome (协商成果): an action agreed at a meeting, with a responsible party and a deadline.
-- done_on: carried out (办结); solved: the residents' latest feedback says the problem is solved.
-- Publishing is a separate step: published_at, with the text the public sees.
CREATE TABLE consult_outcome (
    id           bigserial     PRIMARY KEY,
    meeting_id   bigint        NOT NULL REFERENCES consult_meeting (id),
    topic_id     bigint        NOT NULL REFERENCES consult_topic (id),
    org_id       bigint        NOT NULL REFERENCES org (id),
    action       varchar(1000) NOT NULL,
    responsible  varchar(200)  NOT NULL,
    deadline     date          NOT NULL,
    stage        varchar(40),
    done_on      date,
    done_note    varchar(1000),
    solved       boolean,
    feedback_on  date,
    published_at timestamptz,
    published_by bigint        REFERENCES app_user (id),
    public_title varchar(200),
    public_text  varchar(2000),
    version      int           NOT NULL DEFAULT 0,
    created_by   bigint        NOT NULL REFERENCES app_user (id),
    created_at   timestamptz   NOT NULL DEFAULT now(),
    updated_at   timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX consult_outcome_topic_idx ON consult_outcome (topic_id);
CREATE INDEX consult_outcome_meeting_idx ON consult_outcome (meeting_id);
CREATE INDEX consult_outcome_open_idx ON consult_outcome (org_id, deadline) WHERE done_on IS NULL;
CREATE INDEX consult_outcome_deadline_idx ON consult_outcome (org_id, deadline);
CREATE INDEX consult_outcome_published_idx ON consult_outcome (org_id, published_at) WHERE published_at IS NOT NULL;

-- Follow-up (督办): dated progress notes, each with the stage reached and an optional photo.
CREATE TABLE consult_followup (
    id         bigserial     PRIMARY KEY,
    outcome_id bigint        NOT NULL REFERENCES consult_outcome (id) ON DELETE CASCADE,
    noted_on   date          NOT NULL,
    stage      varchar(40),
    note       varchar(2000) NOT NULL,
    file_id    bigint        REFERENCES stored_file (id),
    noted_by   bigint        NOT NULL REFERENCES app_user (id),
    noted_at   timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX consult_followup_outcome_idx ON consult_followup (outcome_id, noted_on, id);

-- The residents' feedback (群众反馈): how satisfied, and whether the problem was solved.
CREATE TABLE consult_feedback (
    id           bigserial     PRIMARY KEY,
    outcome_id   bigint        NOT NULL REFERENCES consult_outcome (id) ON DELETE CASCADE,
    received_on  date          NOT NULL,
    source       varchar(100)  NOT NULL,
    satisfaction varchar(40)   NOT NULL,
    solved       boolean       NOT NULL,
    note         varchar(1000),
    recorded_by  bigint        NOT NULL REFERENCES app_user (id),
    recorded_at  timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX consult_feedback_outcome_idx ON consult_feedback (outcome_id, received_on, id);

-- The figures, kept in step with the records in the same transaction: by committee, month and
-- platform level. topics by the month raised (accepted ones), meetings and their outcomes by the
-- month held (once the minutes are final), solved problems and their days from topic to solution
-- by the month solved. Overdue outcomes depend on today and are read live (consult_outcome_open_idx).
CREATE TABLE consult_fact (
    org_id      bigint      NOT NULL,
    month       date        NOT NULL,
    level       varchar(40) NOT NULL,
    topics      int         NOT NULL DEFAULT 0,
    meetings    int         NOT NULL DEFAULT 0,
    outcomes    int         NOT NULL DEFAULT 0,
    solved      int         NOT NULL DEFAULT 0,
    solved_days bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, month, level)
);

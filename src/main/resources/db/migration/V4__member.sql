-- CPPCC members and their memberships in orgs (a member may belong to several: a committee, a
-- special committee, a studio …), each with a position.
CREATE TABLE member (
    id          bigserial    PRIMARY KEY,
    name        varchar(50)  NOT NULL,
    gender      char(1)      CHECK (gender IN ('M', 'F')),
    ethnicity   varchar(40),
    sector      varchar(40),
    party       varchar(40),
    employer    varchar(200),
    post        varchar(100),
    phone       varchar(20),
    expertise   text[]       NOT NULL DEFAULT '{}',
    term        varchar(40),
    remark      varchar(500),
    active      boolean      NOT NULL DEFAULT true,
    version     int          NOT NULL DEFAULT 0,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX member_name_idx ON member (name);
CREATE INDEX member_phone_idx ON member (phone);
CREATE INDEX member_sector_idx ON member (sector);

CREATE TABLE member_org (
    member_id bigint      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    org_id    bigint      NOT NULL REFERENCES org (id),
    position  varchar(40) NOT NULL DEFAULT 'MEMBER',
    main      boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (member_id, org_id)
);
CREATE INDEX member_org_org_idx ON member_org (org_id, member_id);

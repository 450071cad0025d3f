-- The organisation tree: CPPCC committees of three levels, their special committees, offices,
-- groups and studios, and the non-CPPCC assisting units and work teams. The path lists the ids
-- from the root ("/1/17/203/"), so a subtree is one prefix match.
CREATE TABLE org (
    id          bigserial    PRIMARY KEY,
    parent_id   bigint       REFERENCES org (id),
    name        varchar(100) NOT NULL,
    kind        varchar(30)  NOT NULL,
    level       varchar(20)  NOT NULL,
    region_code varchar(12)  REFERENCES region (code),
    path        varchar(400) NOT NULL UNIQUE,
    sort        int          NOT NULL DEFAULT 0,
    remark      varchar(500),
    version     int          NOT NULL DEFAULT 0,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX org_parent_idx ON org (parent_id, sort, id);
CREATE INDEX org_path_idx ON org (path varchar_pattern_ops);
CREATE INDEX org_region_idx ON org (region_code);
CREATE UNIQUE INDEX org_sibling_name_idx ON org (coalesce(parent_id, 0), name);

-- Administrative divisions (national statistical division codes). The path lists the codes from
-- the province down, so "everything under X" is one prefix match on an indexed column.
CREATE TABLE region (
    code        varchar(12)  PRIMARY KEY,
    name        varchar(100) NOT NULL,
    level       smallint     NOT NULL CHECK (level BETWEEN 1 AND 5),
    parent_code varchar(12)  REFERENCES region (code),
    path        varchar(80)  NOT NULL,
    updated_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX region_parent_idx ON region (parent_code, code);
CREATE INDEX region_path_idx ON region (path varchar_pattern_ops);
CREATE INDEX region_level_idx ON region (level, code);

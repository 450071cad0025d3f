-- The evidence of a case's work (走访照片, 措施落实材料): photos and scans kept in the shared file
-- store, tied to the case and to the follow-up visit or the measure they show. Served only after
-- the case's scope check; never deleted with a step (the case's history keeps them).
CREATE TABLE monitor_evidence (
    id          bigserial    PRIMARY KEY,
    case_id     bigint       NOT NULL REFERENCES monitor_case (id),
    followup_id bigint       REFERENCES monitor_followup (id),
    measure_id  bigint       REFERENCES monitor_measure (id),
    file_id     bigint       NOT NULL REFERENCES stored_file (id),
    created_by  bigint       REFERENCES app_user (id),
    created_at  timestamptz  NOT NULL DEFAULT now(),
    CHECK ((followup_id IS NULL) <> (measure_id IS NULL))
);
CREATE INDEX monitor_evidence_case_idx ON monitor_evidence (case_id, id);

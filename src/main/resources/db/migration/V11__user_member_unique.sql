-- A member record belongs to at most one login.
CREATE UNIQUE INDEX app_user_member_idx ON app_user (member_id) WHERE member_id IS NOT NULL;

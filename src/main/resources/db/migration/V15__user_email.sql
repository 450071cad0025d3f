-- Where a user's notifications are also mailed, when mail is configured.
ALTER TABLE app_user ADD COLUMN email varchar(200);

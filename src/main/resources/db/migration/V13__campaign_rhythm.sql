-- The reporting rhythm of a campaign (工作机制): besides its locking period (campaign.period_type and
-- deadline_days), confirmations due after other periods — monthly analysis, half-year meeting,
-- year-end summary — each with its deadline.
CREATE TABLE campaign_deadline (
    campaign_id bigint      NOT NULL REFERENCES campaign (id),
    period_type varchar(20) NOT NULL,
    days_after  int         NOT NULL CHECK (days_after BETWEEN 0 AND 90),
    PRIMARY KEY (campaign_id, period_type)
);

INSERT INTO campaign_deadline (campaign_id, period_type, days_after)
SELECT c.id, r.period_type, r.days_after
  FROM campaign c CROSS JOIN (VALUES ('MONTH', 5), ('HALF_YEAR', 15), ('YEAR', 20)) AS r(period_type, days_after)
 WHERE r.period_type <> c.period_type;

-- The monthly return visit of each A customer in service (seed 002: 重要客户每月至少 1 次回访),
-- module service: at most one per customer and month (the unique index decides, so a rerun of
-- the daily job schedules nothing twice). Null on the visits scheduled after an approval.
ALTER TABLE service_return_visit ADD COLUMN visit_month date;
CREATE UNIQUE INDEX service_return_visit_month_uq ON service_return_visit (customer_id, visit_month);

-- The follow-up that records a done return visit on the customer's timeline (module followup's
-- row; not a foreign key across modules).
ALTER TABLE service_return_visit ADD COLUMN follow_up_id bigint;

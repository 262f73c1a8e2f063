-- The report deadlines become part of the administrators' report rules (module fieldwork), with
-- the times that were fixed until now: the day's plan by 09:00, the summary by 18:00, the weekly
-- plan by 10:00 on Monday (business zone). The reminders go out before them.
ALTER TABLE fieldwork_report_settings
    ADD COLUMN daily_plan_due     time NOT NULL DEFAULT '09:00',
    ADD COLUMN daily_summary_due  time NOT NULL DEFAULT '18:00',
    ADD COLUMN weekly_plan_due    time NOT NULL DEFAULT '10:00';

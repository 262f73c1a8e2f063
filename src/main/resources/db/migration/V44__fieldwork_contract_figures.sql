-- The daily summary's figures include the day's approved contracts and payments received, kept in
-- work_day_fact from the contract module's facts (ContractApproved, PaymentRecorded) with their amounts;
-- a submitted summary keeps them as they were at submission. (Adding columns fires no row trigger: the
-- submitted reports stay as they were, the new figures of older ones empty.)

ALTER TABLE work_day_fact ADD COLUMN amount numeric(14, 2);

ALTER TABLE work_report
    ADD COLUMN fig_contracts        integer,
    ADD COLUMN fig_contract_amount  numeric(14, 2),
    ADD COLUMN fig_payments         integer,
    ADD COLUMN fig_payment_amount   numeric(14, 2);

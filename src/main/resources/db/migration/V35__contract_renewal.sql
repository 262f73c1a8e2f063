-- The renewal opportunity of a contract (module contract): at most one per contract. The row is
-- claimed by a conditional insert before the opportunity is created in the same transaction, so
-- that a double submit waits on the primary key and then finds the first one's opportunity.
CREATE TABLE contract_renewal (
    contract_id     bigint      PRIMARY KEY REFERENCES contract (id),
    -- The opportunity (module sales; not a foreign key across modules). Null only inside the
    -- transaction that claims the row and creates the opportunity.
    opportunity_id  bigint,
    created_by_id   bigint      NOT NULL REFERENCES app_user (id),
    created_at      timestamptz NOT NULL
);

-- The renewals list: approved contracts by service end date.
CREATE INDEX contract_service_end_idx ON contract (service_end) WHERE approval_state = 'APPROVED';

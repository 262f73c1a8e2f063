-- Handover (售后交接, module service): the customer's service contact, who gets its new service
-- requests. Set to the contract's owner when a contract of the customer is approved, until
-- someone is named on purpose (named = true), which a later approval does not undo.

CREATE TABLE service_contact (
    customer_id   bigint      PRIMARY KEY REFERENCES customer (id),
    user_id       bigint      NOT NULL REFERENCES app_user (id),
    named         boolean     NOT NULL,
    -- The approved contract that set it (null when named).
    contract_id   bigint,
    named_by_id   bigint      REFERENCES app_user (id),
    since         timestamptz NOT NULL
);
CREATE INDEX service_contact_user_idx ON service_contact (user_id);

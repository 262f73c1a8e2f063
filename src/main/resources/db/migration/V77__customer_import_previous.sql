-- module customer: the values that an import's update overwrote, kept for its undo. One row per
-- import and record (a customer or one of its contacts), with the record's row as it was before
-- the import's first update of it, and its version after the import's last one: the undo gives
-- the values back while the version is still that one (nobody touched the record since).
CREATE TABLE customer_import_previous (
    import_id      bigint       NOT NULL,
    record_kind    varchar(10)  NOT NULL CHECK (record_kind IN ('CUSTOMER', 'CONTACT')),
    record_id      bigint       NOT NULL,
    customer_id    bigint       NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    previous       jsonb        NOT NULL,
    version_after  bigint       NOT NULL,
    imported_at    timestamptz  NOT NULL,
    PRIMARY KEY (import_id, record_kind, record_id)
);
CREATE INDEX customer_import_previous_customer_idx ON customer_import_previous (customer_id);

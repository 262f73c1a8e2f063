-- An import brings in customers with their contacts (as before) or leads.
ALTER TABLE import_job ADD COLUMN target varchar(10) NOT NULL DEFAULT 'CUSTOMER'
    CHECK (target IN ('CUSTOMER', 'LEAD'));

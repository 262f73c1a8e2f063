-- A follow-up may be written on one of the customer's opportunities or contracts (it still
-- follows up the customer). The subject's label is kept as it was when the record was written.
ALTER TABLE follow_up
    ADD COLUMN subject_type  varchar(20),
    ADD COLUMN subject_id    bigint,
    ADD COLUMN subject_label varchar(200),
    ADD CONSTRAINT follow_up_subject_complete CHECK ((subject_type IS NULL) = (subject_id IS NULL));
CREATE INDEX follow_up_subject_idx ON follow_up (subject_type, subject_id, id DESC) WHERE subject_type IS NOT NULL;

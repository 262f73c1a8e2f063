-- The event publication registry (module events). Spring Modulith records here, in the
-- transaction of a fact, one row per fact and after-commit listener (@ApplicationModuleListener:
-- inbox notices, e-mail, group robots, read models); the row is completed when the listener has
-- run in its own transaction, and stays incomplete after a failure or a crash, to be resubmitted.
-- The table is exactly the one Spring Modulith 2.1.1 expects on PostgreSQL
-- (spring-modulith-events-jdbc, schemas/v2/schema-postgresql.sql); its own schema
-- initialisation is off, so that Flyway alone creates tables.
CREATE TABLE IF NOT EXISTS event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_by_completion_date_idx ON event_publication (completion_date);

-- The registry keeps no error: the last failure of each incomplete publication, written by the
-- failure hook around the listeners, for the administrators' page (/admin/events). It goes with
-- its publication when completed publications are purged.
CREATE TABLE event_failure (
    publication_id uuid        PRIMARY KEY REFERENCES event_publication (id) ON DELETE CASCADE,
    failed_at      timestamptz NOT NULL,
    error          text        NOT NULL CHECK (length(error) <= 4000)
);

-- (module customer) The nightly reclaim tells each former owner once per run how many customers
-- went to the pool, counted from the history rows stamped with the run: this keeps that count
-- to the rows of one run however long the append-only history grows.
CREATE INDEX customer_owner_history_reclaimed_idx ON customer_owner_history (changed_at) WHERE kind = 'RECLAIMED';

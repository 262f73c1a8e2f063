-- The manager's list filtered by type and status, stalest first (issue 14): each owner's rows of
-- that type and status in clock order, so that the per-owner scan of CustomerQueries.list reads
-- at most a page of rows per owner in index order instead of all the owner's rows of that type
-- and status and sorting them (a top-N sort over bitmap scans, 53 ms at 1M customers). The
-- other filtered sorts stay on customer_owner_type_idx and the sort indexes (bench/README.md).
CREATE INDEX customer_owner_type_status_clock_idx ON customer (owner_id, type, status, clock_at, id);

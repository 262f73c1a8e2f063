-- The parameters of the benchmark's statements, as psql variables: the viewers and their
-- scopes, the request's clock, keyset cursors deep into the lists and the busy customer.
-- Included by explain-customer-list.sql and explain-proposed.sql (needs -v now=...).
SET TimeZone = 'Asia/Shanghai';

-- The viewers: the rep with the most customers, a median rep, the rep hired this week, the
-- manager of the biggest rep's team (scope: their teams' users and themselves) and the admin.
SELECT owner_id AS rep, count(*) AS rep_rows FROM customer WHERE owner_id IS NOT NULL
GROUP BY owner_id ORDER BY count(*) DESC, owner_id LIMIT 1 \gset
SELECT owner_id AS rep_median, n AS rep_median_rows FROM (
    SELECT owner_id, count(*) AS n, row_number() OVER (ORDER BY count(*), owner_id) AS i
    FROM customer WHERE owner_id IS NOT NULL GROUP BY owner_id) x
WHERE i = (SELECT count(DISTINCT owner_id) / 2 FROM customer) \gset
SELECT id AS newrep FROM app_user WHERE username = 'bench_newrep' \gset
SELECT t.manager_id AS manager FROM app_user u JOIN team t ON t.id = u.team_id WHERE u.id = :rep \gset
SELECT string_agg(id::text, ', ' ORDER BY id) AS team, count(*) AS team_size,
       (SELECT count(*) FROM customer WHERE owner_id IN (SELECT id FROM app_user WHERE team_id IN (SELECT id FROM team WHERE manager_id = :manager) OR id = :manager)) AS team_rows
FROM app_user WHERE team_id IN (SELECT id FROM team WHERE manager_id = :manager) OR id = :manager \gset
SELECT t.manager_id AS newmanager, (SELECT string_agg(u.id::text, ', ' ORDER BY u.id) FROM app_user u
        WHERE u.team_id = t.id) AS newteam
FROM team t WHERE t.name = '新组' \gset
SELECT u.id AS teammate FROM app_user u WHERE u.team_id = (SELECT team_id FROM app_user WHERE id = :rep)
  AND u.role = 'REP' AND u.id <> :rep AND u.username <> 'bench_newrep' ORDER BY u.id LIMIT 1 \gset

-- The clock of the request: now, today and this week in Asia/Shanghai, as CustomerQueries binds them.
SELECT CAST(:'now'::timestamptz AS text) AS now_ts,
       CAST(date_trunc('day', :'now'::timestamptz) AS text) AS day_start,
       CAST(date_trunc('day', :'now'::timestamptz) + interval '1 day' AS text) AS day_end,
       CAST(date_trunc('week', :'now'::timestamptz) AS text) AS week_start,
       CAST(date_trunc('week', :'now'::timestamptz) + interval '7 days' AS text) AS week_end \gset

-- Keyset cursors far into the lists: the (sort value, id) of the row at 90 % of the list, as
-- the page before it would have put them in its "next" link (CAST(sort expression AS text)).
SELECT CAST(updated_at AS text) AS deep_updated, id AS deep_updated_id FROM customer
ORDER BY updated_at DESC, id DESC OFFSET (SELECT count(*) * 9 / 10 FROM customer) LIMIT 1 \gset
SELECT CAST(coalesce(next_follow_up_at, 'infinity'::timestamptz) AS text) AS deep_next, id AS deep_next_id FROM customer
ORDER BY coalesce(next_follow_up_at, 'infinity'::timestamptz), id OFFSET (SELECT count(*) * 3 / 10 FROM customer) LIMIT 1 \gset
SELECT CAST(name AS text) AS deep_name, id AS deep_name_id FROM customer
ORDER BY name, id OFFSET (SELECT count(*) * 9 / 10 FROM customer) LIMIT 1 \gset
SELECT CAST(updated_at AS text) AS rep_deep_updated, id AS rep_deep_updated_id FROM customer WHERE owner_id = :rep
ORDER BY updated_at DESC, id DESC OFFSET :rep_rows * 9 / 10 LIMIT 1 \gset
SELECT CAST(updated_at AS text) AS mgr_deep_updated, id AS mgr_deep_updated_id FROM customer WHERE owner_id IN (:team)
ORDER BY updated_at DESC, id DESC OFFSET :team_rows * 9 / 10 LIMIT 1 \gset

-- The customer with 10,000 follow-ups, and a timeline cursor 9,000 entries deep.
SELECT customer_id AS busy, count(*) AS busy_entries FROM follow_up GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1 \gset
SELECT id AS busy_before FROM follow_up WHERE customer_id = :busy ORDER BY id DESC OFFSET 9000 LIMIT 1 \gset

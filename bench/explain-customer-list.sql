-- EXPLAIN (ANALYZE, BUFFERS) of the statements behind the customer list, the contact list, the
-- customer page (follow-up timeline) and the cap check, on the data of customers-1m.sql.
-- The SQL is what the code sends (CustomerQueries.list, ContactService.list,
-- FollowUpService.timeline, OwnershipCaps.requireRoom, CustomerDetailReader.details), with the bind
-- parameters written in as a typical request binds them. Each plan is preceded by a line
-- "=== <id> <what>" that the summary of explain-customer-list.sh reads.
--
--   psql -v now='2026-05-04 09:00:00+08' -f bench/explain-customer-list.sql tidecrm_bench
\set ON_ERROR_STOP on
\set ECHO none
\pset pager off

\ir explain-parameters.sql

\echo '--- parameters'
\echo 'rep (most customers)        ' :rep ' rows' :rep_rows
\echo 'rep (median)                ' :rep_median ' rows' :rep_median_rows
\echo 'rep hired this week         ' :newrep ' rows 5'
\echo 'manager                     ' :manager ' scope' :team_size 'users, rows' :team_rows
\echo 'scope of the manager        ' :team
\echo 'manager of the new team     ' :newmanager ' scope' :newteam '(3 reps with 30 customers each)'
\echo 'now / today / this week     ' :now_ts '/' :day_start '..' :day_end '/' :week_start '..' :week_end
\echo 'busy customer               ' :busy ' follow-ups' :busy_entries
\echo ''

\set ECHO queries

-- ==================== customer list (CustomerQueries.list) ====================

\echo '=== L01 rep, sort UPDATED (default)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE c.owner_id IN (:rep)
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== L02 rep, sort NEXT_FOLLOW_UP'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(coalesce(c.next_follow_up_at, 'infinity'::timestamptz) AS text) AS sort_value
FROM customer c
WHERE c.owner_id IN (:rep)
ORDER BY coalesce(c.next_follow_up_at, 'infinity'::timestamptz) ASC, c.id ASC
LIMIT 21;

\echo '=== L03 rep, sort STALEST'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.clock_at AS text) AS sort_value
FROM customer c
WHERE c.owner_id IN (:rep)
ORDER BY c.clock_at ASC, c.id ASC
LIMIT 21;

\echo '=== L04 rep, sort NAME'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.name AS text) AS sort_value
FROM customer c
WHERE c.owner_id IN (:rep)
ORDER BY c.name ASC, c.id ASC
LIMIT 21;

\echo '=== L05 rep, sort UPDATED, page at 90 % (keyset cursor)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE c.owner_id IN (:rep) AND (c.updated_at, c.id) < (CAST(:'rep_deep_updated' AS timestamptz), :rep_deep_updated_id)
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== L06 manager (IN list of the team), sort UPDATED (default)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE c.owner_id IN (:team)
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== L07 manager, sort NEXT_FOLLOW_UP'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(coalesce(c.next_follow_up_at, 'infinity'::timestamptz) AS text) AS sort_value
FROM customer c
WHERE c.owner_id IN (:team)
ORDER BY coalesce(c.next_follow_up_at, 'infinity'::timestamptz) ASC, c.id ASC
LIMIT 21;

\echo '=== L08 manager, sort UPDATED, page at 90 % (keyset cursor)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE c.owner_id IN (:team) AND (c.updated_at, c.id) < (CAST(:'mgr_deep_updated' AS timestamptz), :mgr_deep_updated_id)
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== L09 manager, filter owner = one rep of the team'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE c.owner_id IN (:team) AND c.owner_id = :teammate
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== L17 manager of a new team (3 reps, 90 customers), sort UPDATED (default)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE c.owner_id IN (:newteam)
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== L18 manager of a new team, sort NEXT_FOLLOW_UP'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(coalesce(c.next_follow_up_at, 'infinity'::timestamptz) AS text) AS sort_value
FROM customer c
WHERE c.owner_id IN (:newteam)
ORDER BY coalesce(c.next_follow_up_at, 'infinity'::timestamptz) ASC, c.id ASC
LIMIT 21;

\echo '=== L10 admin, sort UPDATED (default)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE TRUE
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== L11 admin, sort NEXT_FOLLOW_UP'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(coalesce(c.next_follow_up_at, 'infinity'::timestamptz) AS text) AS sort_value
FROM customer c
WHERE TRUE
ORDER BY coalesce(c.next_follow_up_at, 'infinity'::timestamptz) ASC, c.id ASC
LIMIT 21;

\echo '=== L12 admin, sort STALEST'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.clock_at AS text) AS sort_value
FROM customer c
WHERE TRUE
ORDER BY c.clock_at ASC, c.id ASC
LIMIT 21;

\echo '=== L13 admin, sort NAME'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.name AS text) AS sort_value
FROM customer c
WHERE TRUE
ORDER BY c.name ASC, c.id ASC
LIMIT 21;

\echo '=== L14 admin, sort UPDATED, page at 90 % (keyset cursor)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE TRUE AND (c.updated_at, c.id) < (CAST(:'deep_updated' AS timestamptz), :deep_updated_id)
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== L15 admin, sort NEXT_FOLLOW_UP, page at 30 % (keyset cursor)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(coalesce(c.next_follow_up_at, 'infinity'::timestamptz) AS text) AS sort_value
FROM customer c
WHERE TRUE AND (coalesce(c.next_follow_up_at, 'infinity'::timestamptz), c.id) > (CAST(:'deep_next' AS timestamptz), :deep_next_id)
ORDER BY coalesce(c.next_follow_up_at, 'infinity'::timestamptz) ASC, c.id ASC
LIMIT 21;

\echo '=== L16 admin, sort NAME, page at 90 % (keyset cursor)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.name AS text) AS sort_value
FROM customer c
WHERE TRUE AND (c.name, c.id) > (CAST(:'deep_name' AS varchar), :deep_name_id)
ORDER BY c.name ASC, c.id ASC
LIMIT 21;

-- Each filter alone, admin (whole table) and rep (own customers), default sort.

\echo '=== F01 admin, filter status = NEGOTIATING (5 %)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE TRUE AND c.status = 'NEGOTIATING'
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== F02 rep, filter status = NEGOTIATING'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE c.owner_id IN (:rep) AND c.status = 'NEGOTIATING'
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== F03 admin, filter type = A (10 %)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE TRUE AND c.type = 'A'
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== F04 rep, filter type = A'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE c.owner_id IN (:rep) AND c.type = 'A'
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== F05 admin, filter source = GITHUB (9 %)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE TRUE AND c.source = 'GITHUB'
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== F06 rep, filter source = GITHUB'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE c.owner_id IN (:rep) AND c.source = 'GITHUB'
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== F07 admin, filter tag = 高意向 (the most used tag)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE TRUE AND c.tags @> ARRAY[CAST('高意向' AS text)]
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== F08 admin, filter tag = 暂缓 (the least used tag)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE TRUE AND c.tags @> ARRAY[CAST('暂缓' AS text)]
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== F09 rep, filter tag = 暂缓'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE c.owner_id IN (:rep) AND c.tags @> ARRAY[CAST('暂缓' AS text)]
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== F10 admin, filter owner = the median rep'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE TRUE AND c.owner_id = :rep_median
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== F11 admin, filter due = TODAY'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE TRUE AND c.next_follow_up_at >= :'day_start' AND c.next_follow_up_at < :'day_end'
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== F12 rep, filter due = TODAY'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE c.owner_id IN (:rep) AND c.next_follow_up_at >= :'day_start' AND c.next_follow_up_at < :'day_end'
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== F13 admin, filter due = TODAY, sort NEXT_FOLLOW_UP'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(coalesce(c.next_follow_up_at, 'infinity'::timestamptz) AS text) AS sort_value
FROM customer c
WHERE TRUE AND c.next_follow_up_at >= :'day_start' AND c.next_follow_up_at < :'day_end'
ORDER BY coalesce(c.next_follow_up_at, 'infinity'::timestamptz) ASC, c.id ASC
LIMIT 21;

\echo '=== F14 admin, filter due = OVERDUE'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE TRUE AND c.next_follow_up_at < :'now_ts'
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== F15 rep, filter due = OVERDUE, sort NEXT_FOLLOW_UP'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(coalesce(c.next_follow_up_at, 'infinity'::timestamptz) AS text) AS sort_value
FROM customer c
WHERE c.owner_id IN (:rep) AND c.next_follow_up_at < :'now_ts'
ORDER BY coalesce(c.next_follow_up_at, 'infinity'::timestamptz) ASC, c.id ASC
LIMIT 21;

\echo '=== F16 admin, filter due = WEEK'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE TRUE AND c.next_follow_up_at >= :'week_start' AND c.next_follow_up_at < :'week_end'
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== F17 manager, filter due = WEEK'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE c.owner_id IN (:team) AND c.next_follow_up_at >= :'week_start' AND c.next_follow_up_at < :'week_end'
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== F18 admin, search 华信科 (3 characters, few matches)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE TRUE AND (c.name ILIKE '%华信科%' ESCAPE '\' OR c.credit_code = '华信科')
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== F19 admin, search 科技有 (3 characters, ~20 % of the names)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE TRUE AND (c.name ILIKE '%科技有%' ESCAPE '\' OR c.credit_code = '科技有')
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== F20 admin, search 华信科, sort NAME'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.name AS text) AS sort_value
FROM customer c
WHERE TRUE AND (c.name ILIKE '%华信科%' ESCAPE '\' OR c.credit_code = '华信科')
ORDER BY c.name ASC, c.id ASC
LIMIT 21;

\echo '=== F21 rep, search 华信科'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE c.owner_id IN (:rep) AND (c.name ILIKE '%华信科%' ESCAPE '\' OR c.credit_code = '华信科')
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== F22 admin, search 华信 (2 characters: no trigram to look up)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE TRUE AND (c.name ILIKE '%华信%' ESCAPE '\' OR c.credit_code = '华信')
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== F23 admin, search by credit code'
\set ECHO none
SELECT credit_code AS some_code, '%' || credit_code || '%' AS some_code_like
FROM customer WHERE credit_code IS NOT NULL ORDER BY id DESC LIMIT 1 \gset
\set ECHO queries
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE TRUE AND (c.name ILIKE :'some_code_like' ESCAPE '\' OR c.credit_code = :'some_code')
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== F24 admin, status = WON and type = A, sort STALEST'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.clock_at AS text) AS sort_value
FROM customer c
WHERE TRUE AND c.status = 'WON' AND c.type = 'A'
ORDER BY c.clock_at ASC, c.id ASC
LIMIT 21;

\echo '=== F25 admin, filter tag = 战略客户 (on 10 customers)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE TRUE AND c.tags @> ARRAY[CAST('战略客户' AS text)]
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== F26 admin, search 微软 (2 characters, no match)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE TRUE AND (c.name ILIKE '%微软%' ESCAPE '\' OR c.credit_code = '微软')
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== F27 admin, search 深圳微软 (4 characters, no match)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE TRUE AND (c.name ILIKE '%深圳微软%' ESCAPE '\' OR c.credit_code = '深圳微软')
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== F28 admin, search 科技 (2 characters, a quarter of the names)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE TRUE AND (c.name ILIKE '%科技%' ESCAPE '\' OR c.credit_code = '科技')
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

-- The tag choices shown above the list (CustomerQueries.tagsInScope), on every list request.

\echo '=== T01 admin, tags in scope'
EXPLAIN (ANALYZE, BUFFERS)
SELECT DISTINCT t FROM (
    SELECT unnest(c.tags) AS t FROM customer c WHERE TRUE AND c.tags <> '{}' LIMIT 5000
) tags ORDER BY t LIMIT 100;

\echo '=== T02 rep, tags in scope'
EXPLAIN (ANALYZE, BUFFERS)
SELECT DISTINCT t FROM (
    SELECT unnest(c.tags) AS t FROM customer c WHERE c.owner_id IN (:rep) AND c.tags <> '{}' LIMIT 5000
) tags ORDER BY t LIMIT 100;

\echo '=== T03 manager, tags in scope'
EXPLAIN (ANALYZE, BUFFERS)
SELECT DISTINCT t FROM (
    SELECT unnest(c.tags) AS t FROM customer c WHERE c.owner_id IN (:team) AND c.tags <> '{}' LIMIT 5000
) tags ORDER BY t LIMIT 100;

-- ==================== contact list (ContactService.list) ====================

\echo '=== C01 admin, contacts'
EXPLAIN (ANALYZE, BUFFERS)
SELECT k.id, k.customer_id, c.name AS customer_name, k.name, k.gender, k.department, k.title,
       k.mobile, k.wechat_nickname, k.wechat_id, k.email, k.address, k.birthday, k.remarks, k.is_primary
FROM contact k JOIN customer c ON c.id = k.customer_id
WHERE TRUE
ORDER BY k.id DESC
LIMIT 21;

\echo '=== C02 rep (most customers), contacts'
EXPLAIN (ANALYZE, BUFFERS)
SELECT k.id, k.customer_id, c.name AS customer_name, k.name, k.gender, k.department, k.title,
       k.mobile, k.wechat_nickname, k.wechat_id, k.email, k.address, k.birthday, k.remarks, k.is_primary
FROM contact k JOIN customer c ON c.id = k.customer_id
WHERE c.owner_id IN (:rep)
ORDER BY k.id DESC
LIMIT 21;

\echo '=== C03 rep (median), contacts'
EXPLAIN (ANALYZE, BUFFERS)
SELECT k.id, k.customer_id, c.name AS customer_name, k.name, k.gender, k.department, k.title,
       k.mobile, k.wechat_nickname, k.wechat_id, k.email, k.address, k.birthday, k.remarks, k.is_primary
FROM contact k JOIN customer c ON c.id = k.customer_id
WHERE c.owner_id IN (:rep_median)
ORDER BY k.id DESC
LIMIT 21;

\echo '=== C04 rep hired this week (5 customers), contacts'
EXPLAIN (ANALYZE, BUFFERS)
SELECT k.id, k.customer_id, c.name AS customer_name, k.name, k.gender, k.department, k.title,
       k.mobile, k.wechat_nickname, k.wechat_id, k.email, k.address, k.birthday, k.remarks, k.is_primary
FROM contact k JOIN customer c ON c.id = k.customer_id
WHERE c.owner_id IN (:newrep)
ORDER BY k.id DESC
LIMIT 21;

\echo '=== C08 manager of the new team, contacts'
EXPLAIN (ANALYZE, BUFFERS)
SELECT k.id, k.customer_id, c.name AS customer_name, k.name, k.gender, k.department, k.title,
       k.mobile, k.wechat_nickname, k.wechat_id, k.email, k.address, k.birthday, k.remarks, k.is_primary
FROM contact k JOIN customer c ON c.id = k.customer_id
WHERE c.owner_id IN (:newteam)
ORDER BY k.id DESC
LIMIT 21;

\echo '=== C05 manager, contacts'
EXPLAIN (ANALYZE, BUFFERS)
SELECT k.id, k.customer_id, c.name AS customer_name, k.name, k.gender, k.department, k.title,
       k.mobile, k.wechat_nickname, k.wechat_id, k.email, k.address, k.birthday, k.remarks, k.is_primary
FROM contact k JOIN customer c ON c.id = k.customer_id
WHERE c.owner_id IN (:team)
ORDER BY k.id DESC
LIMIT 21;

\echo '=== C06 admin, contacts, search 张伟 (2 characters)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT k.id, k.customer_id, c.name AS customer_name, k.name, k.gender, k.department, k.title,
       k.mobile, k.wechat_nickname, k.wechat_id, k.email, k.address, k.birthday, k.remarks, k.is_primary
FROM contact k JOIN customer c ON c.id = k.customer_id
WHERE TRUE AND (k.name ILIKE '%张伟%' ESCAPE '\' OR k.mobile = '张伟')
ORDER BY k.id DESC
LIMIT 21;

\echo '=== C07 rep, contacts, search by mobile'
\set ECHO none
SELECT k.mobile AS some_mobile, '%' || k.mobile || '%' AS some_mobile_like
FROM contact k JOIN customer c ON c.id = k.customer_id WHERE c.owner_id = :rep ORDER BY k.id LIMIT 1 \gset
\set ECHO queries
EXPLAIN (ANALYZE, BUFFERS)
SELECT k.id, k.customer_id, c.name AS customer_name, k.name, k.gender, k.department, k.title,
       k.mobile, k.wechat_nickname, k.wechat_id, k.email, k.address, k.birthday, k.remarks, k.is_primary
FROM contact k JOIN customer c ON c.id = k.customer_id
WHERE c.owner_id IN (:rep) AND (k.name ILIKE :'some_mobile_like' ESCAPE '\' OR k.mobile = :'some_mobile')
ORDER BY k.id DESC
LIMIT 21;

\echo '=== C09 rep, contacts, search 张伟 (2 characters)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT k.id, k.customer_id, c.name AS customer_name, k.name, k.gender, k.department, k.title,
       k.mobile, k.wechat_nickname, k.wechat_id, k.email, k.address, k.birthday, k.remarks, k.is_primary
FROM contact k JOIN customer c ON c.id = k.customer_id
WHERE c.owner_id IN (:rep) AND (k.name ILIKE '%张伟%' ESCAPE '\' OR k.mobile = '张伟')
ORDER BY k.id DESC
LIMIT 21;

\echo '=== C10 admin, contacts, search 诸葛 (2 characters, no match)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT k.id, k.customer_id, c.name AS customer_name, k.name, k.gender, k.department, k.title,
       k.mobile, k.wechat_nickname, k.wechat_id, k.email, k.address, k.birthday, k.remarks, k.is_primary
FROM contact k JOIN customer c ON c.id = k.customer_id
WHERE TRUE AND (k.name ILIKE '%诸葛%' ESCAPE '\' OR k.mobile = '诸葛')
ORDER BY k.id DESC
LIMIT 21;

\echo '=== C11 admin, contacts, search 欧阳娜 (3 characters, no match)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT k.id, k.customer_id, c.name AS customer_name, k.name, k.gender, k.department, k.title,
       k.mobile, k.wechat_nickname, k.wechat_id, k.email, k.address, k.birthday, k.remarks, k.is_primary
FROM contact k JOIN customer c ON c.id = k.customer_id
WHERE TRUE AND (k.name ILIKE '%欧阳娜%' ESCAPE '\' OR k.mobile = '欧阳娜')
ORDER BY k.id DESC
LIMIT 21;

-- ==================== customer page (CustomerDetailReader.details, FollowUpService.timeline) ====================

\echo '=== D01 detail: the customer in the rep''s scope (loadVisible)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.* FROM customer c WHERE c.id = :busy AND c.owner_id IN (:rep);

\echo '=== D02 detail: its contacts (ContactRepository.findByCustomer)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c1_0.id, c1_0.address, c1_0.birthday, c1_0.created_at, c1_0.customer_id, c1_0.department, c1_0.email,
       c1_0.gender, c1_0.mobile, c1_0.name, c1_0.is_primary, c1_0.remarks, c1_0.title, c1_0.updated_at,
       c1_0.version, c1_0.wechat_id, c1_0.wechat_nickname
FROM contact c1_0 WHERE c1_0.customer_id = :busy ORDER BY c1_0.is_primary DESC, c1_0.id;

\echo '=== D03 detail: owner history'
EXPLAIN (ANALYZE, BUFFERS)
SELECT changed_at, kind, previous_owner_id, new_owner_id, changed_by_id, reason
FROM customer_owner_history WHERE customer_id = :busy ORDER BY id DESC LIMIT 100;

\echo '=== D04 timeline, first page (10,000 follow-ups)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT f.id, f.kind, f.occurred_at, f.recorded_at, f.content, f.author_id, f.contact_id, f.new_status,
       f.next_follow_up_at, f.corrects_id,
       (SELECT max(x.id) FROM follow_up x WHERE x.corrects_id = f.id) AS corrected_by_id,
       ARRAY(SELECT n.user_id FROM follow_up_notify n WHERE n.follow_up_id = f.id) AS notified
FROM follow_up f
WHERE f.customer_id = :busy AND (CAST(NULL AS bigint) IS NULL OR f.id < NULL)
ORDER BY f.id DESC
LIMIT 11;

\echo '=== D05 timeline, page 9,000 entries deep (before = cursor)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT f.id, f.kind, f.occurred_at, f.recorded_at, f.content, f.author_id, f.contact_id, f.new_status,
       f.next_follow_up_at, f.corrects_id,
       (SELECT max(x.id) FROM follow_up x WHERE x.corrects_id = f.id) AS corrected_by_id,
       ARRAY(SELECT n.user_id FROM follow_up_notify n WHERE n.follow_up_id = f.id) AS notified
FROM follow_up f
WHERE f.customer_id = :busy AND (CAST(:busy_before AS bigint) IS NULL OR f.id < :busy_before)
ORDER BY f.id DESC
LIMIT 11;

-- PgJDBC switches to a server-side prepared statement from the 5th execution, and PostgreSQL
-- may then use a generic plan, in which "CAST(:before AS bigint) IS NULL OR f.id < :before"
-- cannot be folded: this is the plan a busy server can end up with.
\echo '=== D06 timeline, page 9,000 entries deep, generic plan of the prepared statement'
SET plan_cache_mode = force_generic_plan;
PREPARE timeline(bigint, bigint, integer) AS
SELECT f.id, f.kind, f.occurred_at, f.recorded_at, f.content, f.author_id, f.contact_id, f.new_status,
       f.next_follow_up_at, f.corrects_id,
       (SELECT max(x.id) FROM follow_up x WHERE x.corrects_id = f.id) AS corrected_by_id,
       ARRAY(SELECT n.user_id FROM follow_up_notify n WHERE n.follow_up_id = f.id) AS notified
FROM follow_up f
WHERE f.customer_id = $1 AND (CAST($2 AS bigint) IS NULL OR f.id < $2)
ORDER BY f.id DESC
LIMIT $3;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE timeline(:busy, :busy_before, 11);
DEALLOCATE timeline;
RESET plan_cache_mode;

-- ==================== to-do page (CustomerDirectory.findDue, limit 100) ====================

\echo '=== H01 rep, due until the end of today'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id FROM customer c
WHERE c.owner_id IN (:rep) AND c.next_follow_up_at < :'day_end'
ORDER BY coalesce(c.next_follow_up_at, 'infinity'::timestamptz), c.id
LIMIT 100;

\echo '=== H02 manager of the new team, due until the end of today'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id FROM customer c
WHERE c.owner_id IN (:newteam) AND c.next_follow_up_at < :'day_end'
ORDER BY coalesce(c.next_follow_up_at, 'infinity'::timestamptz), c.id
LIMIT 100;

-- ==================== ownership cap (OwnershipCaps.requireRoom) ====================

\echo '=== K01 cap count, rep with most customers, type C, won customers count'
EXPLAIN (ANALYZE, BUFFERS)
SELECT count(*) FROM customer
WHERE owner_id = :rep AND type = 'C' AND (true OR status <> 'WON');

\echo '=== K02 cap count, rep with most customers, type C, won customers do not count'
EXPLAIN (ANALYZE, BUFFERS)
SELECT count(*) FROM customer
WHERE owner_id = :rep AND type = 'C' AND (false OR status <> 'WON');

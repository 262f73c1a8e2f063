-- The SQL that bench/README.md proposes for CustomerQueries.list, ContactService.list and
-- FollowUpService.timeline, on the same data and parameters as explain-customer-list.sql (the
-- ids repeat those of the statements they replace, with a P in front). Needs V9 (tidecrm_bigrams).
--
--   psql -v now='2026-05-04 09:00:00+08' -f bench/explain-proposed.sql tidecrm_bench
\set ON_ERROR_STOP on
\set ECHO none
\pset pager off
\ir explain-parameters.sql
\set ECHO queries

-- ==================== customer list, rep and manager: one index scan per owner (LATERAL) ====================

\echo '=== PL01 rep, sort UPDATED (default)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT x.id, x.name, x.type, x.status, x.owner_id, x.tags, x.next_follow_up_at, x.last_follow_up_at, x.sort_value
FROM unnest(CAST(ARRAY[:rep] AS bigint[])) AS s(owner_id)
CROSS JOIN LATERAL (
    SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
           c.updated_at AS sort_key, CAST(c.updated_at AS text) AS sort_value
    FROM customer c
    WHERE c.owner_id = s.owner_id AND TRUE
    ORDER BY c.updated_at DESC, c.id DESC
    LIMIT 21
) x
ORDER BY x.sort_key DESC, x.id DESC
LIMIT 21;

\echo '=== PL06 manager, sort UPDATED (default)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT x.id, x.name, x.type, x.status, x.owner_id, x.tags, x.next_follow_up_at, x.last_follow_up_at, x.sort_value
FROM unnest(CAST(ARRAY[:team] AS bigint[])) AS s(owner_id)
CROSS JOIN LATERAL (
    SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
           c.updated_at AS sort_key, CAST(c.updated_at AS text) AS sort_value
    FROM customer c
    WHERE c.owner_id = s.owner_id AND TRUE
    ORDER BY c.updated_at DESC, c.id DESC
    LIMIT 21
) x
ORDER BY x.sort_key DESC, x.id DESC
LIMIT 21;

\echo '=== PL07 manager, sort NEXT_FOLLOW_UP'
EXPLAIN (ANALYZE, BUFFERS)
SELECT x.id, x.name, x.type, x.status, x.owner_id, x.tags, x.next_follow_up_at, x.last_follow_up_at, x.sort_value
FROM unnest(CAST(ARRAY[:team] AS bigint[])) AS s(owner_id)
CROSS JOIN LATERAL (
    SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
           coalesce(c.next_follow_up_at, 'infinity'::timestamptz) AS sort_key, CAST(coalesce(c.next_follow_up_at, 'infinity'::timestamptz) AS text) AS sort_value
    FROM customer c
    WHERE c.owner_id = s.owner_id AND TRUE
    ORDER BY coalesce(c.next_follow_up_at, 'infinity'::timestamptz) ASC, c.id ASC
    LIMIT 21
) x
ORDER BY x.sort_key ASC, x.id ASC
LIMIT 21;

\echo '=== PL08 manager, sort UPDATED, page at 90 % (keyset cursor)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT x.id, x.name, x.type, x.status, x.owner_id, x.tags, x.next_follow_up_at, x.last_follow_up_at, x.sort_value
FROM unnest(CAST(ARRAY[:team] AS bigint[])) AS s(owner_id)
CROSS JOIN LATERAL (
    SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
           c.updated_at AS sort_key, CAST(c.updated_at AS text) AS sort_value
    FROM customer c
    WHERE c.owner_id = s.owner_id AND (c.updated_at, c.id) < (CAST(:'mgr_deep_updated' AS timestamptz), :mgr_deep_updated_id)
    ORDER BY c.updated_at DESC, c.id DESC
    LIMIT 21
) x
ORDER BY x.sort_key DESC, x.id DESC
LIMIT 21;

\echo '=== PL17 manager of a new team, sort UPDATED (default)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT x.id, x.name, x.type, x.status, x.owner_id, x.tags, x.next_follow_up_at, x.last_follow_up_at, x.sort_value
FROM unnest(CAST(ARRAY[:newteam] AS bigint[])) AS s(owner_id)
CROSS JOIN LATERAL (
    SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
           c.updated_at AS sort_key, CAST(c.updated_at AS text) AS sort_value
    FROM customer c
    WHERE c.owner_id = s.owner_id AND TRUE
    ORDER BY c.updated_at DESC, c.id DESC
    LIMIT 21
) x
ORDER BY x.sort_key DESC, x.id DESC
LIMIT 21;

\echo '=== PL18 manager of a new team, sort NEXT_FOLLOW_UP'
EXPLAIN (ANALYZE, BUFFERS)
SELECT x.id, x.name, x.type, x.status, x.owner_id, x.tags, x.next_follow_up_at, x.last_follow_up_at, x.sort_value
FROM unnest(CAST(ARRAY[:newteam] AS bigint[])) AS s(owner_id)
CROSS JOIN LATERAL (
    SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
           coalesce(c.next_follow_up_at, 'infinity'::timestamptz) AS sort_key, CAST(coalesce(c.next_follow_up_at, 'infinity'::timestamptz) AS text) AS sort_value
    FROM customer c
    WHERE c.owner_id = s.owner_id AND TRUE
    ORDER BY coalesce(c.next_follow_up_at, 'infinity'::timestamptz) ASC, c.id ASC
    LIMIT 21
) x
ORDER BY x.sort_key ASC, x.id ASC
LIMIT 21;

\echo '=== PF02 rep, filter status = NEGOTIATING'
EXPLAIN (ANALYZE, BUFFERS)
SELECT x.id, x.name, x.type, x.status, x.owner_id, x.tags, x.next_follow_up_at, x.last_follow_up_at, x.sort_value
FROM unnest(CAST(ARRAY[:rep] AS bigint[])) AS s(owner_id)
CROSS JOIN LATERAL (
    SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
           c.updated_at AS sort_key, CAST(c.updated_at AS text) AS sort_value
    FROM customer c
    WHERE c.owner_id = s.owner_id AND c.status = 'NEGOTIATING'
    ORDER BY c.updated_at DESC, c.id DESC
    LIMIT 21
) x
ORDER BY x.sort_key DESC, x.id DESC
LIMIT 21;

\echo '=== PF09 rep, filter tag = 暂缓'
EXPLAIN (ANALYZE, BUFFERS)
SELECT x.id, x.name, x.type, x.status, x.owner_id, x.tags, x.next_follow_up_at, x.last_follow_up_at, x.sort_value
FROM unnest(CAST(ARRAY[:rep] AS bigint[])) AS s(owner_id)
CROSS JOIN LATERAL (
    SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
           c.updated_at AS sort_key, CAST(c.updated_at AS text) AS sort_value
    FROM customer c
    WHERE c.owner_id = s.owner_id AND c.tags @> ARRAY[CAST('暂缓' AS text)]
    ORDER BY c.updated_at DESC, c.id DESC
    LIMIT 21
) x
ORDER BY x.sort_key DESC, x.id DESC
LIMIT 21;

\echo '=== PF12 rep, filter due = TODAY (on the sort expression)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT x.id, x.name, x.type, x.status, x.owner_id, x.tags, x.next_follow_up_at, x.last_follow_up_at, x.sort_value
FROM unnest(CAST(ARRAY[:rep] AS bigint[])) AS s(owner_id)
CROSS JOIN LATERAL (
    SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
           c.updated_at AS sort_key, CAST(c.updated_at AS text) AS sort_value
    FROM customer c
    WHERE c.owner_id = s.owner_id AND coalesce(c.next_follow_up_at, 'infinity'::timestamptz) >= :'day_start' AND coalesce(c.next_follow_up_at, 'infinity'::timestamptz) < :'day_end'
    ORDER BY c.updated_at DESC, c.id DESC
    LIMIT 21
) x
ORDER BY x.sort_key DESC, x.id DESC
LIMIT 21;

\echo '=== PF15 rep, filter due = OVERDUE, sort NEXT_FOLLOW_UP (on the sort expression)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT x.id, x.name, x.type, x.status, x.owner_id, x.tags, x.next_follow_up_at, x.last_follow_up_at, x.sort_value
FROM unnest(CAST(ARRAY[:rep] AS bigint[])) AS s(owner_id)
CROSS JOIN LATERAL (
    SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
           coalesce(c.next_follow_up_at, 'infinity'::timestamptz) AS sort_key, CAST(coalesce(c.next_follow_up_at, 'infinity'::timestamptz) AS text) AS sort_value
    FROM customer c
    WHERE c.owner_id = s.owner_id AND coalesce(c.next_follow_up_at, 'infinity'::timestamptz) < :'now_ts'
    ORDER BY coalesce(c.next_follow_up_at, 'infinity'::timestamptz) ASC, c.id ASC
    LIMIT 21
) x
ORDER BY x.sort_key ASC, x.id ASC
LIMIT 21;

\echo '=== PF17 manager, filter due = WEEK (on the sort expression)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT x.id, x.name, x.type, x.status, x.owner_id, x.tags, x.next_follow_up_at, x.last_follow_up_at, x.sort_value
FROM unnest(CAST(ARRAY[:team] AS bigint[])) AS s(owner_id)
CROSS JOIN LATERAL (
    SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
           c.updated_at AS sort_key, CAST(c.updated_at AS text) AS sort_value
    FROM customer c
    WHERE c.owner_id = s.owner_id AND coalesce(c.next_follow_up_at, 'infinity'::timestamptz) >= :'week_start' AND coalesce(c.next_follow_up_at, 'infinity'::timestamptz) < :'week_end'
    ORDER BY c.updated_at DESC, c.id DESC
    LIMIT 21
) x
ORDER BY x.sort_key DESC, x.id DESC
LIMIT 21;

\echo '=== PF21 rep, search 华信科 (bigrams)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT x.id, x.name, x.type, x.status, x.owner_id, x.tags, x.next_follow_up_at, x.last_follow_up_at, x.sort_value
FROM unnest(CAST(ARRAY[:rep] AS bigint[])) AS s(owner_id)
CROSS JOIN LATERAL (
    SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
           c.updated_at AS sort_key, CAST(c.updated_at AS text) AS sort_value
    FROM customer c
    WHERE c.owner_id = s.owner_id AND (strpos(lower(c.name), lower('华信科')) > 0 AND tidecrm_bigrams(c.name) @> tidecrm_bigrams('华信科') OR c.credit_code = '华信科')
    ORDER BY c.updated_at DESC, c.id DESC
    LIMIT 21
) x
ORDER BY x.sort_key DESC, x.id DESC
LIMIT 21;

-- ==================== customer list, admin: due on the sort expression, search by bigrams ====================

\echo '=== PF11 admin, filter due = TODAY (on the sort expression)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE TRUE AND coalesce(c.next_follow_up_at, 'infinity'::timestamptz) >= :'day_start' AND coalesce(c.next_follow_up_at, 'infinity'::timestamptz) < :'day_end'
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== PF13 admin, filter due = TODAY, sort NEXT_FOLLOW_UP (on the sort expression)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(coalesce(c.next_follow_up_at, 'infinity'::timestamptz) AS text) AS sort_value
FROM customer c
WHERE TRUE AND coalesce(c.next_follow_up_at, 'infinity'::timestamptz) >= :'day_start' AND coalesce(c.next_follow_up_at, 'infinity'::timestamptz) < :'day_end'
ORDER BY coalesce(c.next_follow_up_at, 'infinity'::timestamptz) ASC, c.id ASC
LIMIT 21;

\echo '=== PF14 admin, filter due = OVERDUE (on the sort expression)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE TRUE AND coalesce(c.next_follow_up_at, 'infinity'::timestamptz) < :'now_ts'
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== PF16 admin, filter due = WEEK (on the sort expression)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE TRUE AND coalesce(c.next_follow_up_at, 'infinity'::timestamptz) >= :'week_start' AND coalesce(c.next_follow_up_at, 'infinity'::timestamptz) < :'week_end'
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== PF18 admin, search 华信科 (bigrams)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE TRUE AND (strpos(lower(c.name), lower('华信科')) > 0 AND tidecrm_bigrams(c.name) @> tidecrm_bigrams('华信科') OR c.credit_code = '华信科')
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== PF19 admin, search 科技有 (bigrams)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE TRUE AND (strpos(lower(c.name), lower('科技有')) > 0 AND tidecrm_bigrams(c.name) @> tidecrm_bigrams('科技有') OR c.credit_code = '科技有')
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== PF20 admin, search 华信科, sort NAME (bigrams)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.name AS text) AS sort_value
FROM customer c
WHERE TRUE AND (strpos(lower(c.name), lower('华信科')) > 0 AND tidecrm_bigrams(c.name) @> tidecrm_bigrams('华信科') OR c.credit_code = '华信科')
ORDER BY c.name ASC, c.id ASC
LIMIT 21;

\echo '=== PF22 admin, search 华信 (bigrams)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE TRUE AND (strpos(lower(c.name), lower('华信')) > 0 AND tidecrm_bigrams(c.name) @> tidecrm_bigrams('华信') OR c.credit_code = '华信')
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== PF28 admin, search 科技 (bigrams, a quarter of the names)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE TRUE AND (strpos(lower(c.name), lower('科技')) > 0 AND tidecrm_bigrams(c.name) @> tidecrm_bigrams('科技') OR c.credit_code = '科技')
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== PF26 admin, search 微软 (bigrams, no match)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE TRUE AND (strpos(lower(c.name), lower('微软')) > 0 AND tidecrm_bigrams(c.name) @> tidecrm_bigrams('微软') OR c.credit_code = '微软')
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\echo '=== PF27 admin, search 深圳微软 (bigrams, no match)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE TRUE AND (strpos(lower(c.name), lower('深圳微软')) > 0 AND tidecrm_bigrams(c.name) @> tidecrm_bigrams('深圳微软') OR c.credit_code = '深圳微软')
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

\set ECHO none
SELECT credit_code AS some_code FROM customer WHERE credit_code IS NOT NULL ORDER BY id DESC LIMIT 1 \gset
\set ECHO queries

\echo '=== PF23 admin, search by credit code (bigrams)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
       CAST(c.updated_at AS text) AS sort_value
FROM customer c
WHERE TRUE AND (strpos(lower(c.name), lower(:'some_code')) > 0 AND tidecrm_bigrams(c.name) @> tidecrm_bigrams(:'some_code') OR c.credit_code = :'some_code')
ORDER BY c.updated_at DESC, c.id DESC
LIMIT 21;

-- ==================== contact list: search by bigrams ====================

\echo '=== PC06 admin, contacts, search 张伟 (bigrams)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT k.id, k.customer_id, c.name AS customer_name, k.name, k.gender, k.department, k.title,
       k.mobile, k.wechat_nickname, k.wechat_id, k.email, k.address, k.birthday, k.remarks, k.is_primary
FROM contact k JOIN customer c ON c.id = k.customer_id
WHERE TRUE AND (strpos(lower(k.name), lower('张伟')) > 0 AND tidecrm_bigrams(k.name) @> tidecrm_bigrams('张伟') OR k.mobile = '张伟')
ORDER BY k.id DESC
LIMIT 21;

\echo '=== PC09 rep, contacts, search 张伟 (bigrams)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT k.id, k.customer_id, c.name AS customer_name, k.name, k.gender, k.department, k.title,
       k.mobile, k.wechat_nickname, k.wechat_id, k.email, k.address, k.birthday, k.remarks, k.is_primary
FROM contact k JOIN customer c ON c.id = k.customer_id
WHERE c.owner_id IN (:rep) AND (strpos(lower(k.name), lower('张伟')) > 0 AND tidecrm_bigrams(k.name) @> tidecrm_bigrams('张伟') OR k.mobile = '张伟')
ORDER BY k.id DESC
LIMIT 21;

\set ECHO none
SELECT k.mobile AS some_mobile FROM contact k JOIN customer c ON c.id = k.customer_id WHERE c.owner_id = :rep ORDER BY k.id LIMIT 1 \gset
\set ECHO queries

\echo '=== PC07 rep, contacts, search by mobile (bigrams)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT k.id, k.customer_id, c.name AS customer_name, k.name, k.gender, k.department, k.title,
       k.mobile, k.wechat_nickname, k.wechat_id, k.email, k.address, k.birthday, k.remarks, k.is_primary
FROM contact k JOIN customer c ON c.id = k.customer_id
WHERE c.owner_id IN (:rep) AND (strpos(lower(k.name), lower(:'some_mobile')) > 0 AND tidecrm_bigrams(k.name) @> tidecrm_bigrams(:'some_mobile') OR k.mobile = :'some_mobile')
ORDER BY k.id DESC
LIMIT 21;

\echo '=== PC10 admin, contacts, search 诸葛 (bigrams, no match)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT k.id, k.customer_id, c.name AS customer_name, k.name, k.gender, k.department, k.title,
       k.mobile, k.wechat_nickname, k.wechat_id, k.email, k.address, k.birthday, k.remarks, k.is_primary
FROM contact k JOIN customer c ON c.id = k.customer_id
WHERE TRUE AND (strpos(lower(k.name), lower('诸葛')) > 0 AND tidecrm_bigrams(k.name) @> tidecrm_bigrams('诸葛') OR k.mobile = '诸葛')
ORDER BY k.id DESC
LIMIT 21;

\echo '=== PC11 admin, contacts, search 欧阳娜 (bigrams, 3 characters, no match)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT k.id, k.customer_id, c.name AS customer_name, k.name, k.gender, k.department, k.title,
       k.mobile, k.wechat_nickname, k.wechat_id, k.email, k.address, k.birthday, k.remarks, k.is_primary
FROM contact k JOIN customer c ON c.id = k.customer_id
WHERE TRUE AND (strpos(lower(k.name), lower('欧阳娜')) > 0 AND tidecrm_bigrams(k.name) @> tidecrm_bigrams('欧阳娜') OR k.mobile = '欧阳娜')
ORDER BY k.id DESC
LIMIT 21;

-- ==================== timeline: the "before" condition only when there is a cursor ====================

\echo '=== PD06 timeline, page 9,000 entries deep, generic plan of the prepared statement'
SET plan_cache_mode = force_generic_plan;
PREPARE timeline_before(bigint, bigint, integer) AS
SELECT f.id, f.kind, f.occurred_at, f.recorded_at, f.content, f.author_id, f.contact_id, f.new_status,
       f.next_follow_up_at, f.corrects_id,
       (SELECT max(x.id) FROM follow_up x WHERE x.corrects_id = f.id) AS corrected_by_id,
       ARRAY(SELECT n.user_id FROM follow_up_notify n WHERE n.follow_up_id = f.id) AS notified
FROM follow_up f
WHERE f.customer_id = $1 AND f.id < $2
ORDER BY f.id DESC
LIMIT $3;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE timeline_before(:busy, :busy_before, 11);
DEALLOCATE timeline_before;
RESET plan_cache_mode;

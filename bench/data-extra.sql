-- bench/run's data on top of customers-1m.sql, set-based and reproducible: the follow-ups and
-- contacts up to the sizes of issue 14 (about 5 follow-ups over 36 months and 3 contacts per
-- customer), about 10 % of the owned customers past their pool deadline, and 100 reps without
-- customers for the grab race. Run after customers-1m.sql with the same -v rows and -v now.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
SET maintenance_work_mem = '512MB';
SELECT setseed(0.17);

-- The pool counts from the moment it was switched on (the migration's now()): from long ago.
UPDATE pool_rules SET enabled_at = '2000-01-01T00:00:00Z';

-- Clocks: 10 % of the owned, not won customers a few days past their type's deadline
-- (A 10, B 20, C 30 days), the others inside it.
UPDATE customer c SET clock_at = :'now'::timestamptz - CASE
        WHEN random() < 0.10 THEN (d.days + 1 + random() * 10) * interval '1 day'
        ELSE (random() * (d.days - 1)) * interval '1 day' END
FROM (VALUES ('A', 10), ('B', 20), ('C', 30)) AS d(type, days)
WHERE c.type = d.type AND c.owner_id IS NOT NULL AND c.status <> 'WON';

-- 100 reps of their own team, without customers: the grab race.
INSERT INTO team (name) VALUES ('抢客组');
INSERT INTO app_user (username, display_name, role, team_id, password_hash)
SELECT 'bench_grab' || g, '抢客' || g, 'REP', t.id, '{noop}bench'
FROM generate_series(0, 99) g, team t WHERE t.name = '抢客组';

CREATE TEMP TABLE saved_extra_index AS
SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
WHERE c.relname IN ('follow_up', 'contact') AND NOT i.indisprimary;
SELECT 'DROP INDEX ' || name FROM saved_extra_index \gexec

-- Contacts: 1.8 more per customer (about 3 in all).
INSERT INTO contact (customer_id, name, gender, title, mobile, is_primary, created_at, updated_at)
SELECT c.id,
       (ARRAY['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','郭','何','高','林','罗'])[1 + (g * 7) % 20]
           || (ARRAY['伟','芳','娜','敏','静','强','磊','洋','艳','勇','军','杰','娟','涛','明','超','秀','英','华','平'])[1 + (g * 13) % 20],
       CASE WHEN g % 2 = 0 THEN '男' ELSE '女' END, '采购专员',
       '13' || lpad(((g::bigint * 104729) % 1000000000)::text, 9, '0'), false, c.created_at, c.created_at
FROM generate_series(1, (:rows * 9) / 5) g
JOIN customer c ON c.id = 1 + (g::bigint * 7919) % :rows;

-- Follow-ups: 4.5 more per customer, over the last 36 months, by the owner (every 20th by the
-- owner's manager, so that a short timeline names a colleague as a long one does).
INSERT INTO follow_up (customer_id, author_id, kind, occurred_at, recorded_at, content)
SELECT c.id,
       CASE WHEN g % 20 = 0 THEN coalesce((SELECT t.manager_id FROM app_user u JOIN team t ON t.id = u.team_id
                                            WHERE u.id = c.owner_id), c.owner_id, c.created_by_id)
            ELSE coalesce(c.owner_id, c.created_by_id) END,
       (ARRAY['PHONE','WECHAT','VISIT','EMAIL','SMS','MEETING','OTHER'])[1 + g % 7],
       :'now'::timestamptz - (g % 1095) * interval '1 day' - (g % 480) * interval '1 minute',
       :'now'::timestamptz - (g % 1095) * interval '1 day' - (g % 480) * interval '1 minute',
       '微信沟通了试用进展，客户希望下周看报价'
FROM generate_series(1, (:rows * 9) / 2) g
JOIN customer c ON c.id = 1 + (g::bigint * 104723) % :rows;

SELECT def FROM saved_extra_index \gexec
VACUUM (ANALYZE) customer;
VACUUM (ANALYZE) contact;
VACUUM (ANALYZE) follow_up;
VACUUM (ANALYZE) app_user;

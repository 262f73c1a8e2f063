-- Demo data for the customer list benchmark: 221 users in 20 teams, :rows customers (default
-- 1,000,000), ~1.2 contacts per customer, ~0.5 follow-ups per customer plus one customer with
-- 10,000 follow-ups. Set-based (INSERT ... SELECT generate_series), reproducible (setseed),
-- relative to the instant :'now' so that the due filters of explain-customer-list.sql hit.
--
-- Run on a freshly migrated scratch database only (bench/explain-customer-list.sh does that):
--   psql -v now='2026-05-04 09:00:00+08' -f bench/customers-1m.sql tidecrm_bench
\set ON_ERROR_STOP on
\if :{?rows}
\else
\set rows 1000000
\endif
\if :{?now}
\else
\echo 'customers-1m.sql: pass -v now=<timestamptz>'
\quit
\endif

SET synchronous_commit = off;
SET maintenance_work_mem = '512MB';
SELECT setseed(0.42);

-- Users: one administrator, 20 teams of one manager and 10 reps, and a rep hired this week.
INSERT INTO app_user (username, display_name, role, password_hash)
VALUES ('bench_admin', '系统管理员', 'ADMIN', '{noop}bench');
INSERT INTO team (name) SELECT '销售' || g || '组' FROM generate_series(1, 20) g;
INSERT INTO app_user (username, display_name, role, team_id, password_hash)
SELECT 'bench_manager' || t.n, '主管' || t.n, 'MANAGER', t.id, '{noop}bench'
FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM team) t;
UPDATE team SET manager_id = u.id FROM app_user u WHERE u.team_id = team.id AND u.role = 'MANAGER';
INSERT INTO app_user (username, display_name, role, team_id, password_hash)
SELECT 'bench_rep' || g,
       (ARRAY['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡'])[1 + g % 15]
           || (ARRAY['伟','芳','娜','敏','静','强','磊','洋','艳','勇','军','杰','娟','涛','明'])[1 + (g / 15) % 15]
           || g,
       'REP', t.id, '{noop}bench'
FROM generate_series(0, 199) g
JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM team) t ON t.n = g / 10;
INSERT INTO app_user (username, display_name, role, team_id, password_hash)
SELECT 'bench_newrep', '新人小林', 'REP', min(id), '{noop}bench' FROM team;

-- Bulk load without the secondary indexes, then rebuild them from their own definitions
-- (the same indexes as the migrations created, built by sorting instead of 1M inserts each).
CREATE TEMP TABLE saved_index AS
SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def, c.relname AS tab
FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
WHERE c.relname IN ('customer', 'contact', 'follow_up', 'customer_owner_history') AND NOT i.indisprimary;
SELECT 'DROP INDEX ' || name FROM saved_index \gexec

-- Customers. The owner is skewed (some reps hold far more than others); ~5 % are in the pool.
-- Names are unique by construction: a permutation of g decoded as city, two brand characters
-- and an industry (30 × 60 × 60 × 20 = 2,160,000 combinations).
INSERT INTO customer (name, name_key, credit_code, type, region, industry, source, referrer, website, address,
                      staff_size, status, next_follow_up_at, expected_amount, expected_close_date, requirements,
                      remarks, tags, owner_id, clock_at, last_follow_up_at, pooled_at, pool_reason, created_by_id,
                      created_at, updated_at)
SELECT core || suffix, core, credit_code, type, city, industry, source,
       CASE WHEN source IN ('FOUNDER_REFERRAL', 'CUSTOMER_REFERRAL') THEN '李总' END,
       CASE WHEN r_web < 0.4 THEN 'https://www.example' || g || '.cn' END,
       city || '市高新区创业路' || (1 + g % 300) || '号',
       (ARRAY['UP_TO_20','UP_TO_50','UP_TO_100','UP_TO_500','UP_TO_1000','OVER_1000'])[1 + floor(r_staff * 6)::int],
       status, next_follow_up_at,
       CASE WHEN r_amount < 0.5 THEN round((r_amount * 1000000)::numeric, -2) END,
       CASE WHEN r_amount < 0.5 THEN (:'now'::timestamptz + (r_amount * 180) * interval '1 day')::date END,
       CASE WHEN r_text < 0.3 THEN '需要会话存档、客户标签和群发助手，支持 ' || (10 + g % 90) || ' 个座席' END,
       CASE WHEN r_text < 0.15 THEN '客户比较关注价格，下次带方案过去' END,
       tags, owner_id, clock_at, CASE WHEN r_text < 0.8 THEN clock_at END,
       CASE WHEN owner_id IS NULL THEN clock_at + interval '30 days' END,
       CASE WHEN owner_id IS NULL THEN '超过30天未跟进' END,
       coalesce(owner_id, admin_id), created_at,
       created_at + (:'now'::timestamptz - created_at) * (1 - r_updated * r_updated)
FROM (
    SELECT g, r_web, r_staff, r_amount, r_text, r_updated, admin_id,
           cities[1 + k % 30] AS city,
           cities[1 + k % 30] || chars[1 + (k / 30) % 60] || chars[1 + (k / 1800) % 60] || industries[1 + (k / 108000) % 20]
               AS core,
           industries[1 + (k / 108000) % 20] AS industry,
           CASE WHEN r_suffix < 0.8 THEN '有限公司' WHEN r_suffix < 0.95 THEN '股份有限公司' ELSE '集团有限公司' END AS suffix,
           CASE WHEN r_code < 0.3 THEN '91' || (ARRAY['110000','310000','440300','330100','320500','510100'])[1 + g % 6]
               || lpad(((g::bigint * 7919) % 1000000000)::text, 9, '0') || chr(65 + g % 26) END AS credit_code,
           CASE WHEN r_type < 0.1 THEN 'A' WHEN r_type < 0.4 THEN 'B' ELSE 'C' END AS type,
           (ARRAY['SEARCH_ENGINE','SEARCH_ENGINE','SEARCH_ENGINE','FOUNDER_REFERRAL','WECHAT_OFFICIAL','WECHAT_OFFICIAL',
                  'GITHUB','CUSTOMER_REFERRAL','CUSTOMER_REFERRAL','AGENT','OTHER'])[1 + floor(r_source * 11)::int] AS source,
           CASE WHEN r_status < 0.35 THEN 'FIRST_VISIT' WHEN r_status < 0.50 THEN 'TRIAL' WHEN r_status < 0.65 THEN 'INTENT'
                WHEN r_status < 0.75 THEN 'QUOTED' WHEN r_status < 0.80 THEN 'NEGOTIATING' WHEN r_status < 0.92 THEN 'WON'
                ELSE 'ON_HOLD' END AS status,
           CASE WHEN r_next < 0.6 THEN :'now'::timestamptz + (r_next / 0.6 * 120 - 60) * interval '1 day' END
               AS next_follow_up_at,
           CASE WHEN r_tag < 0.2 THEN
                    -- tag popularity is skewed: the first tag is on ~5 % of all customers, the last on ~0.1 %
                    ARRAY[tag_names[1 + floor(20 * r_tag1 * r_tag1)::int]]
                    || CASE WHEN r_tag < 0.08
                            THEN ARRAY[tag_names[1 + (floor(20 * r_tag1 * r_tag1)::int + 1 + floor(19 * r_tag2)::int) % 20]]
                            ELSE '{}' END
                ELSE '{}' END AS tags,
           CASE WHEN r_pool < 0.05 THEN NULL ELSE reps[1 + floor(200 * power(r_owner, 1.3))::int] END AS owner_id,
           :'now'::timestamptz - r_clock * interval '45 days' AS clock_at,
           :'now'::timestamptz - r_created * interval '1095 days' AS created_at
    FROM (
        SELECT g, (g::bigint * 7919) % 2160000 AS k,
               random() AS r_web, random() AS r_staff, random() AS r_amount, random() AS r_text,
               random() AS r_updated, random() AS r_suffix, random() AS r_code, random() AS r_type,
               random() AS r_source, random() AS r_status, random() AS r_next, random() AS r_tag,
               random() AS r_tag1, random() AS r_tag2, random() AS r_pool, random() AS r_owner,
               random() AS r_clock, random() AS r_created
        FROM generate_series(1, :rows) g
    ) r
    CROSS JOIN (
        SELECT array_agg(id ORDER BY id) AS reps FROM app_user WHERE role = 'REP' AND username <> 'bench_newrep'
    ) u
    CROSS JOIN (SELECT id AS admin_id FROM app_user WHERE username = 'bench_admin') a
    CROSS JOIN (SELECT
        ARRAY['北京','上海','广州','深圳','杭州','南京','苏州','成都','武汉','西安','重庆','天津','长沙','郑州','青岛',
              '厦门','宁波','合肥','福州','济南','大连','沈阳','昆明','无锡','东莞','佛山','珠海','南昌','贵阳','温州']
            AS cities,
        ARRAY['华','信','达','盛','源','创','联','通','恒','瑞','博','新','宏','佳','汇','远','诚','泰','鑫','隆',
              '丰','安','康','明','光','天','海','金','银','云','星','辰','智','慧','捷','迅','腾','飞','宇','航',
              '中','润','长','城','东','方','锦','绣','嘉','禾','德','正','和','兴','旺','久','益','美','科','蓝']
            AS chars,
        ARRAY['科技','信息技术','网络科技','软件','电子商务','贸易','教育科技','医疗器械','文化传媒','智能制造',
              '物流','餐饮管理','建筑工程','新能源','生物科技','环保科技','广告','咨询','电子','机械设备']
            AS industries,
        ARRAY['高意向','预算50万+','老客户转介绍','续费','竞品在用','需要私有化','决策链长','已演示','等预算','试用中',
              '年底采购','政府项目','上市公司','需要发票','价格敏感','技术评估','多门店','海外业务','渠道客户','暂缓']
            AS tag_names
    ) lists
) c;

-- The rep hired this week: five customers of their own.
INSERT INTO customer (name, name_key, type, source, status, owner_id, clock_at, created_by_id, created_at, updated_at)
SELECT '温州新人' || chr(19968 + g) || '科技有限公司', '温州新人' || chr(19968 + g) || '科技', 'C', 'OTHER',
       'FIRST_VISIT', u.id, :'now'::timestamptz - g * interval '1 hour', u.id,
       :'now'::timestamptz - g * interval '1 hour', :'now'::timestamptz - g * interval '1 hour'
FROM generate_series(1, 5) g, app_user u WHERE u.username = 'bench_newrep';

-- A team formed this month: a manager and three reps with 30 customers each, and a tag that
-- only ten customers carry. Small scopes and rare values are where a plan that walks a
-- whole-table index and filters would read most of the table before it finds 21 rows.
INSERT INTO team (name) VALUES ('新组');
INSERT INTO app_user (username, display_name, role, team_id, password_hash)
SELECT 'bench_newmanager', '新组主管', 'MANAGER', id, '{noop}bench' FROM team WHERE name = '新组';
UPDATE team SET manager_id = (SELECT id FROM app_user WHERE username = 'bench_newmanager') WHERE name = '新组';
INSERT INTO app_user (username, display_name, role, team_id, password_hash)
SELECT 'bench_newteam' || g, '新组销售' || g, 'REP', t.id, '{noop}bench'
FROM generate_series(1, 3) g, team t WHERE t.name = '新组';
INSERT INTO customer (name, name_key, type, source, status, owner_id, next_follow_up_at, clock_at, created_by_id,
                      created_at, updated_at)
SELECT '珠海新组' || u.username || '-' || g || '号科技有限公司', '珠海新组' || u.username || '-' || g || '号科技', 'C',
       'OTHER', 'FIRST_VISIT', u.id, :'now'::timestamptz + (g - 15) * interval '1 day',
       :'now'::timestamptz - g * interval '1 day', u.id,
       :'now'::timestamptz - (g * 20) * interval '1 day', :'now'::timestamptz - (g * 20) * interval '1 day'
FROM app_user u, generate_series(1, 30) g WHERE u.username LIKE 'bench_newteam%';
UPDATE customer SET tags = tags || ARRAY['战略客户'] WHERE id IN (SELECT id FROM customer ORDER BY id DESC OFFSET 1000 LIMIT 10);

-- Contacts: one on 80 % of the customers, a second on 40 %.
INSERT INTO contact (customer_id, name, gender, title, mobile, wechat_nickname, email, is_primary, created_at,
                     updated_at)
SELECT c.id,
       -- 40 surnames, a given name of one or two characters out of 60: thousands of distinct
       -- bigrams with a long tail, as real names have
       (ARRAY['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','郭','何','高','林','罗',
              '郑','梁','谢','宋','唐','许','韩','冯','邓','曹','彭','曾','肖','田','董','袁','潘','于','蒋','蔡'])
           [1 + (c.id * 7 + n) % 40]
           || given[1 + (c.id / 40 * 13 + n * 3) % 60]
           || CASE WHEN (c.id / 3 + n) % 2 = 0 THEN given[1 + (c.id / 7 + n * 11) % 60] ELSE '' END,
       CASE WHEN (c.id + n) % 2 = 0 THEN '男' ELSE '女' END,
       (ARRAY['总经理','技术总监','采购经理','运营主管','IT 负责人'])[1 + (c.id + n) % 5],
       '1' || (ARRAY['38','39','58','59','86','87'])[1 + (c.id + n) % 6] || lpad(((c.id * 2 + n) * 104729 % 100000000)::text, 8, '0'),
       '微信' || c.id || '_' || n,
       CASE WHEN n = 1 THEN 'contact' || c.id || '@example.cn' END,
       n = 1, c.created_at, c.created_at
FROM customer c
CROSS JOIN generate_series(1, 2) n
CROSS JOIN (SELECT ARRAY['伟','芳','娜','敏','静','强','磊','洋','艳','勇','军','杰','娟','涛','明','超','秀','英','华','平',
                         '建','国','丽','玉','桂','兰','志','红','霞','鹏','飞','斌','宇','浩','凯','婷','雪','琳','晨','欣',
                         '子','文','俊','博','天','佳','嘉','思','雨','海','波','辉','刚','健','亮','春','梅','晓','燕','龙']
                AS given) g
WHERE (n = 1 AND c.id % 10 < 8) OR (n = 2 AND c.id % 10 < 4)
ORDER BY c.id, n;

-- Follow-ups: ~0.5 per customer on random customers, written by their owner.
INSERT INTO follow_up (customer_id, author_id, kind, occurred_at, recorded_at, content, new_status, next_follow_up_at)
SELECT c.id, coalesce(c.owner_id, c.created_by_id),
       (ARRAY['PHONE','WECHAT','VISIT','EMAIL','SMS','MEETING','OTHER'])[1 + g % 7],
       :'now'::timestamptz - (g % 1000) * interval '1 day', :'now'::timestamptz - (g % 1000) * interval '1 day',
       '电话沟通了需求，客户关注会话存档和价格，约下周演示', NULL, NULL
FROM generate_series(1, :rows / 2) g
JOIN customer c ON c.id = 1 + (g::bigint * 104729) % :rows;

-- One customer of the biggest rep with 10,000 follow-ups, every 50th corrected, 20 % notifying
-- two colleagues: the timeline must still read one page.
CREATE TEMP TABLE busy AS
SELECT c.id AS customer_id, c.owner_id
FROM customer c
WHERE c.owner_id = (SELECT owner_id FROM customer WHERE owner_id IS NOT NULL GROUP BY owner_id ORDER BY count(*) DESC, owner_id LIMIT 1)
ORDER BY c.id LIMIT 1;
INSERT INTO follow_up (customer_id, author_id, kind, occurred_at, recorded_at, content)
SELECT b.customer_id, b.owner_id, (ARRAY['PHONE','WECHAT','VISIT','EMAIL','SMS','MEETING','OTHER'])[1 + g % 7],
       :'now'::timestamptz - (10000 - g) * interval '2 hours', :'now'::timestamptz - (10000 - g) * interval '2 hours',
       '第 ' || g || ' 次跟进：确认了试用账号的使用情况和下一步计划'
FROM busy b, generate_series(1, 10000) g
ORDER BY g;
INSERT INTO follow_up (customer_id, author_id, kind, occurred_at, recorded_at, content, corrects_id)
SELECT f.customer_id, f.author_id, f.kind, f.occurred_at, f.recorded_at + interval '1 hour', '更正：' || f.content, f.id
FROM follow_up f JOIN busy b ON b.customer_id = f.customer_id
WHERE f.id % 50 = 0;
INSERT INTO follow_up_notify (follow_up_id, user_id)
SELECT f.id, u.id
FROM follow_up f JOIN busy b ON b.customer_id = f.customer_id
JOIN app_user b_owner ON b_owner.id = b.owner_id
JOIN LATERAL (SELECT id FROM app_user WHERE team_id = b_owner.team_id AND id <> b.owner_id ORDER BY id LIMIT 2) u ON true
WHERE f.id % 5 = 0;

-- Owner history: one CREATED row per customer is what the application writes.
INSERT INTO customer_owner_history (customer_id, previous_owner_id, new_owner_id, changed_by_id, kind, changed_at)
SELECT id, NULL, owner_id, created_by_id, 'CREATED', created_at FROM customer;

SELECT def FROM saved_index \gexec

VACUUM (ANALYZE) app_user;
VACUUM (ANALYZE) team;
VACUUM (ANALYZE) customer;
VACUUM (ANALYZE) contact;
VACUUM (ANALYZE) follow_up;
VACUUM (ANALYZE) follow_up_notify;
VACUUM (ANALYZE) customer_owner_history;

-- bench/run's sales data on top of customers-1m.sql and data-extra.sql, set-based and
-- reproducible, at the sizes of issue 14 per 1M customers (scaled with -v rows): 200k
-- opportunities, 100k contracts with a payment plan of 3 instalments each and the payments of the
-- approved contracts' past instalments, and the leaderboard's ledger (board_fact) for what the
-- data holds (payments, approved contracts, new customers, follow-ups, opportunities created and
-- won) with its daily and monthly rollups through yesterday, as the nightly rollup leaves them.
-- Run after data-extra.sql with the same -v rows and -v now.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
SET maintenance_work_mem = '512MB';
SET work_mem = '64MB';
SELECT setseed(0.23);

-- The users inserted by customers-1m.sql have no team history yet (V23 wrote it for the users
-- that existed at migration time): their current team, since before the history.
INSERT INTO user_team_spell (user_id, team_id, valid_from, valid_to)
SELECT u.id, u.team_id, NULL, NULL FROM app_user u
WHERE NOT EXISTS (SELECT 1 FROM user_team_spell s WHERE s.user_id = u.id AND s.valid_to IS NULL);

-- Opportunities: rows / 5, over the last 36 months, owned by the customer's owner (or its creator
-- for a pool customer). The stage history trigger writes one entry each.
INSERT INTO opportunity (customer_id, owner_id, title, stage, amount, expected_close_date, probability, next_step,
                         lost_reason, created_by_id, created_at, updated_at, closed_at)
SELECT c.id, coalesce(c.owner_id, c.created_by_id), '企业微信SCRM年度订阅 ' || g, s.stage,
       round((5000 + (g::bigint * 7907) % 495000)::numeric, -2),
       (o.created_at + (30 + g % 90) * interval '1 day')::date, s.probability,
       CASE WHEN s.stage NOT IN ('WON', 'LOST') THEN '下周演示方案' END,
       CASE WHEN s.stage = 'LOST' THEN '预算不足' END,
       coalesce(c.owner_id, c.created_by_id), o.created_at, o.created_at + interval '2 days',
       CASE WHEN s.stage IN ('WON', 'LOST') THEN least(o.created_at + (10 + g % 60) * interval '1 day', :'now'::timestamptz) END
FROM generate_series(1, :rows / 5) g
JOIN customer c ON c.id = 1 + (g::bigint * 15485863) % :rows
CROSS JOIN LATERAL (SELECT :'now'::timestamptz - (g % 1095) * interval '1 day' - (g % 600) * interval '1 minute'
                    AS created_at) o
CROSS JOIN LATERAL (SELECT (ARRAY['LEAD','LEAD','LEAD','QUALIFIED','QUALIFIED','SOLUTION','SOLUTION','PROPOSAL',
                                  'NEGOTIATION','WON','WON','LOST'])[1 + (g * 7) % 12] AS stage) st
CROSS JOIN LATERAL (SELECT st.stage,
                           CASE st.stage WHEN 'LEAD' THEN 10 WHEN 'QUALIFIED' THEN 20 WHEN 'SOLUTION' THEN 40
                                WHEN 'PROPOSAL' THEN 60 WHEN 'NEGOTIATION' THEN 80 WHEN 'WON' THEN 100 ELSE 0 END
                               AS probability) s;

-- Contracts: rows / 10, signed over the last 36 months; 80 % approved, 10 % submitted, 10 % drafts.
INSERT INTO contract (customer_id, owner_id, title, status, type, payment_method, sign_date, service_start,
                      service_end, our_signatory_id, total, approval_state, submitted_by_id, submitted_at,
                      created_by_id, created_at, updated_at)
SELECT c.id, owner, '企业微信SCRM服务合同 ' || g,
       CASE WHEN k.approval <> 'APPROVED' THEN 'NOT_STARTED'
            ELSE (ARRAY['IN_PROGRESS','IN_PROGRESS','COMPLETED','TERMINATED'])[1 + g % 4] END,
       (ARRAY['DIRECT','DIRECT','AGENCY','PURCHASE','SERVICE','OTHER'])[1 + g % 6],
       (ARRAY['BANK_TRANSFER','BANK_TRANSFER','ALIPAY','WECHAT','CHEQUE','CASH','OTHER'])[1 + g % 7],
       k.signed::date, k.signed::date, (k.signed + interval '1 year')::date, owner,
       round((9000 + (g::bigint * 104723) % 491000)::numeric, -2), k.approval,
       CASE WHEN k.approval <> 'DRAFT' THEN owner END,
       CASE WHEN k.approval <> 'DRAFT' THEN k.signed + interval '1 hour' END,
       owner, k.signed, k.signed + interval '1 day'
FROM generate_series(1, :rows / 10) g
JOIN customer c ON c.id = 1 + (g::bigint * 32452843) % :rows
CROSS JOIN LATERAL (SELECT coalesce(c.owner_id, c.created_by_id) AS owner,
                           :'now'::timestamptz - (g % 1095) * interval '1 day' - (g % 480) * interval '1 minute'
                               - interval '1 day' AS signed,
                           CASE WHEN g % 10 = 0 THEN 'DRAFT' WHEN g % 10 = 1 THEN 'SUBMITTED' ELSE 'APPROVED' END
                               AS approval) k;

INSERT INTO contract_decision (contract_id, decision, decided_by_id, decided_at)
SELECT k.id, 'APPROVED', m.manager_id, k.created_at + interval '2 hours'
FROM contract k JOIN app_user u ON u.id = k.owner_id JOIN team m ON m.id = u.team_id
WHERE k.approval_state = 'APPROVED' AND m.manager_id IS NOT NULL;

-- The payment plan: three instalments a month apart from the signing, a third of the total each.
INSERT INTO contract_instalment (contract_id, due_date, amount, created_at)
SELECT k.id, k.sign_date + n * 30, trunc(k.total / 3, 2), k.created_at
FROM contract k CROSS JOIN generate_series(1, 3) n;

-- Payments: the approved contracts' instalments due by now, 85 % of them paid in full, up to ten
-- days after the due date (never after now).
INSERT INTO contract_payment (contract_id, instalment_id, paid_on, amount, method, recorded_by_id, recorded_at)
SELECT k.id, i.id, p.paid_on, i.amount, k.payment_method, k.owner_id, p.paid_on + interval '10 hours'
FROM contract_instalment i
JOIN contract k ON k.id = i.contract_id AND k.approval_state = 'APPROVED'
CROSS JOIN LATERAL (SELECT least(i.due_date + (i.id % 11)::int, (:'now'::timestamptz AT TIME ZONE 'Asia/Shanghai')::date)
                        AS paid_on) p
WHERE i.due_date <= (:'now'::timestamptz AT TIME ZONE 'Asia/Shanghai')::date AND i.id % 20 < 17;

-- The leaderboard's ledger, as the listeners would have written it (same boards, sources, values).
CREATE TEMP TABLE saved_board_index AS
SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
WHERE c.relname = 'board_fact' AND NOT i.indisprimary AND NOT i.indisunique;
SELECT 'DROP INDEX ' || name FROM saved_board_index \gexec

INSERT INTO board_fact (board, user_id, team_id, business_date, value, customer_id, record_kind, record_id, label,
                        source, occurred_at, recorded_at)
SELECT 'PAYMENTS', k.owner_id, u.team_id, p.paid_on, p.amount, k.customer_id, 'contract', k.id, NULL,
       'payment:' || p.id, p.recorded_at, p.recorded_at
FROM contract_payment p JOIN contract k ON k.id = p.contract_id JOIN app_user u ON u.id = k.owner_id;

INSERT INTO board_fact (board, user_id, team_id, business_date, value, customer_id, record_kind, record_id, label,
                        source, occurred_at, recorded_at)
SELECT b.board, k.owner_id, u.team_id, (d.decided_at AT TIME ZONE 'Asia/Shanghai')::date,
       CASE WHEN b.board = 'CONTRACT_AMOUNT' THEN k.total ELSE 1 END, k.customer_id, 'contract', k.id, k.title,
       'approved:' || k.id || ':' || (extract(epoch FROM d.decided_at) * 1000)::bigint, d.decided_at, d.decided_at
FROM contract k JOIN contract_decision d ON d.contract_id = k.id JOIN app_user u ON u.id = k.owner_id
CROSS JOIN (VALUES ('CONTRACT_AMOUNT'), ('CONTRACTS_APPROVED')) AS b(board);

INSERT INTO board_fact (board, user_id, team_id, business_date, value, customer_id, record_kind, record_id, label,
                        source, occurred_at, recorded_at)
SELECT 'NEW_CUSTOMERS', c.created_by_id, u.team_id, (c.created_at AT TIME ZONE 'Asia/Shanghai')::date, 1, c.id,
       'customer', c.id, c.name, 'new:' || c.id, c.created_at, c.created_at
FROM customer c JOIN app_user u ON u.id = c.created_by_id WHERE u.role = 'REP';

INSERT INTO board_fact (board, user_id, team_id, business_date, value, customer_id, record_kind, record_id, label,
                        source, occurred_at, recorded_at)
SELECT 'FOLLOW_UPS', f.author_id, u.team_id, (f.occurred_at AT TIME ZONE 'Asia/Shanghai')::date, 1, f.customer_id,
       'customer', f.customer_id, NULL, 'follow-up:' || f.id, f.occurred_at, f.recorded_at
FROM follow_up f JOIN app_user u ON u.id = f.author_id;

INSERT INTO board_fact (board, user_id, team_id, business_date, value, customer_id, record_kind, record_id, label,
                        source, occurred_at, recorded_at)
SELECT 'OPPORTUNITIES_CREATED', o.owner_id, u.team_id, (o.created_at AT TIME ZONE 'Asia/Shanghai')::date, 1,
       o.customer_id, 'opportunity', o.id, o.title, 'opportunity:' || o.id, o.created_at, o.created_at
FROM opportunity o JOIN app_user u ON u.id = o.owner_id;

INSERT INTO board_fact (board, user_id, team_id, business_date, value, customer_id, record_kind, record_id, label,
                        source, occurred_at, recorded_at)
SELECT 'OPPORTUNITIES_WON', o.owner_id, u.team_id, (o.closed_at AT TIME ZONE 'Asia/Shanghai')::date, 1,
       o.customer_id, 'opportunity', o.id, o.title,
       'won:' || o.id || ':' || (extract(epoch FROM o.closed_at) * 1000)::bigint, o.closed_at, o.closed_at
FROM opportunity o JOIN app_user u ON u.id = o.owner_id WHERE o.stage = 'WON';

SELECT def FROM saved_board_index \gexec

-- The rollups through yesterday (BoardRollup.roll over the whole history).
SELECT (:'now'::timestamptz AT TIME ZONE 'Asia/Shanghai')::date AS today \gset
INSERT INTO board_daily (board, business_date, user_id, team_id, value, facts)
SELECT board, business_date, user_id, coalesce(team_id, 0), sum(value), count(*)
FROM board_fact WHERE business_date < :'today'::date
GROUP BY board, business_date, user_id, coalesce(team_id, 0);
INSERT INTO board_monthly (board, month, user_id, team_id, value, facts)
SELECT board, date_trunc('month', business_date)::date, user_id, team_id, sum(value), sum(facts)
FROM board_daily GROUP BY board, date_trunc('month', business_date), user_id, team_id;
INSERT INTO board_rollup_day (business_date, rolled_at)
SELECT d::date, :'now'::timestamptz
FROM generate_series((SELECT min(business_date) FROM board_daily), :'today'::date - 1, interval '1 day') d;

VACUUM (ANALYZE) opportunity;
VACUUM (ANALYZE) opportunity_stage_entry;
VACUUM (ANALYZE) contract;
VACUUM (ANALYZE) contract_decision;
VACUUM (ANALYZE) contract_instalment;
VACUUM (ANALYZE) contract_payment;
VACUUM (ANALYZE) board_fact;
VACUUM (ANALYZE) board_daily;
VACUUM (ANALYZE) board_monthly;
VACUUM (ANALYZE) user_team_spell;

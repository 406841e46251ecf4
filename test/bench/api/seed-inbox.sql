-- The inbox benchmark's data: 100,000 orders of bench-two-tasks, each with its first task done and
-- its second open; about 95 % of open tasks assigned to rep1..rep300 (about 317 each), the rest in
-- the rep queue; due dates spread from 10 days overdue to 30 days ahead, about 9 % without one.
-- Deterministic (hashint4 spreads values; the moduli are coprime with 300, so each rep gets a mix).
INSERT INTO orders (id, workflow_id, template_key, template_version, title, region, status, stage, active_nodes, last_event_at, created_at)
SELECT md5('bench-order-' || i)::uuid, 'order-' || md5('bench-order-' || i)::uuid, 'bench-two-tasks', 1, 'Bench order ' || i,
       CASE WHEN i % 3 = 0 THEN 'west' ELSE 'east' END, 'waiting', 'place', '{b}', now(),
       now() - (abs(hashint4(i)::bigint) % 43200) * interval '1 minute'
FROM generate_series(1, 100000) AS i;

INSERT INTO tasks (id, order_id, node_id, iteration, name, role, assignee, stage, category, status, due_at, created_at, completed_at, completed_by, data)
SELECT md5('bench-task-a-' || i)::uuid, md5('bench-order-' || i)::uuid, 'a', 1, 'Confirm quantity', 'rep', 'rep' || (1 + i % 300),
       'place', 'order_processing', 'completed', now() - (abs(hashint4(i + 1)::bigint) % 14400) * interval '1 minute',
       now() - (abs(hashint4(i)::bigint) % 43200) * interval '1 minute', now() - (i % 1440) * interval '1 minute', 'rep' || (1 + i % 300),
       jsonb_build_object('quantity', 1 + i % 50)
FROM generate_series(1, 100000) AS i;

INSERT INTO tasks (id, order_id, node_id, iteration, name, role, assignee, stage, category, status, due_at, created_at)
SELECT md5('bench-task-b-' || i)::uuid, md5('bench-order-' || i)::uuid, 'b', 1, 'Confirm delivery', 'rep',
       CASE WHEN i % 19 = 5 THEN NULL ELSE 'rep' || (1 + i % 300) END, 'place', 'delivery_replenishment', 'open',
       CASE WHEN i % 11 = 3 THEN NULL ELSE now() + ((abs(hashint4(i + 2)::bigint) % 57600) - 14400) * interval '1 minute' END,
       now() - (i % 1440) * interval '1 minute'
FROM generate_series(1, 100000) AS i;

-- Statistics and the visibility map are brought up to date by inbox.bench.ts (VACUUM cannot run here:
-- this file is sent as one multi-statement query, which runs in a transaction block).

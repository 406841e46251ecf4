import { ORDER_END_STATUSES, type OrderEvent } from '@orderpath/workflows/interpreter/ports';
import type { EntityManager } from 'typeorm';
import { parseDuration } from '@orderpath/workflows/definition/duration';
import type { Definition } from '@orderpath/workflows/definition/schema';
import { poolQuery } from '../db/pool-query';
import type { ActivityDeps } from '../deps';

const ORDER_END_EVENTS = new Set(['order_completed', 'order_cancelled', 'order_aborted']);
/** Events projectWaits / retargetOpenTasks handle one by one; a batch without them is one statement. */
const PER_EVENT_TYPES = new Set(['message_waiting', 'message_received', 'message_timeout', 'migrated']);

export interface RecordEventsInput {
  orderId: string;
  events: OrderEvent[];
  vars: Record<string, unknown>;
}

interface StoredEvent {
  seq: number;
  type: string;
  at: Date;
  node_id: string | null;
  iteration: number | null;
  data: Record<string, unknown> | null;
}

export function projectionActivities({ ds }: ActivityDeps) {
  return {
    /**
     * Appends events and moves the order projection forward, atomically (one statement, or one
     * transaction when events need handling one by one). Idempotent by (orderId, seq): a replayed
     * batch inserts nothing and cannot move the projection backwards.
     */
    async recordEvents({ orderId, events, vars }: RecordEventsInput): Promise<void> {
      if (events.length === 0) return;
      const last = events[events.length - 1];
      // The batch's last event carries the snapshot (workers before that put one on every event).
      const snapshot = last.snapshot;
      if (!snapshot) throw new Error(`order ${orderId}: event ${last.seq} (${last.type}), the last of its batch, carries no snapshot`);
      const stageChange = [...events].reverse().find((e) => e.type === 'stage_changed');
      const rows = JSON.stringify(events.map((e) => ({ seq: e.seq, type: e.type, at: e.at, node_id: e.nodeId ?? null, iteration: e.iteration ?? null, data: e.data ?? null })));
      const order = [orderId, last.seq, snapshot.status, snapshot.stage, snapshot.activeNodes, JSON.stringify(vars),
        last.at, stageChange?.at ?? null, ORDER_END_STATUSES.includes(snapshot.status)];
      // Most batches (service steps, timers, the end) need no per-event work: one statement, one
      // round trip, atomic without a transaction. An end event stored now clears the order's waits.
      if (!events.some((e) => PER_EVENT_TYPES.has(e.type))) {
        await poolQuery(ds, `WITH inserted AS (${INSERT_EVENTS_AT('$10')}),
          cleared AS (DELETE FROM order_waits WHERE order_id = $1 AND EXISTS (SELECT 1 FROM inserted WHERE type = ANY($11::text[])))
          ${UPDATE_ORDER}`, [...order, rows, [...ORDER_END_EVENTS]]);
        return;
      }
      await ds.transaction(async (tx) => {
        const inserted: StoredEvent[] = await tx.query(INSERT_EVENTS, [orderId, rows]);
        // Only events stored just now move the waits: a replayed batch must not revive a wait.
        const fresh = inserted.sort((a, b) => a.seq - b.seq);
        await projectWaits(tx, orderId, fresh);
        for (const e of fresh) if (e.type === 'migrated') await retargetOpenTasks(tx, orderId, e);
        await tx.query(UPDATE_ORDER, order);
      });
    },
  };
}

/** Appends a batch ($1 the order id, `rows` the parameter holding the JSON rows); idempotent by (order_id, seq). */
const INSERT_EVENTS_AT = (rows: string) => `INSERT INTO order_events (order_id, seq, type, at, node_id, iteration, data)
  SELECT $1, e.seq, e.type, e.at, e.node_id, e.iteration, e.data
  FROM jsonb_to_recordset(${rows}::jsonb) AS e(seq int, type text, at timestamptz, node_id text, iteration int, data jsonb)
  ON CONFLICT (order_id, seq) DO NOTHING
  RETURNING seq, type, at, node_id, iteration, data`;
const INSERT_EVENTS = INSERT_EVENTS_AT('$2');

/** Moves the order row to the batch's last event; never backwards ($2 = its seq). */
const UPDATE_ORDER = `UPDATE orders SET status = $3, stage = $4, active_nodes = $5, variables = $6, last_seq = $2,
    last_event_at = $7,
    stage_since = CASE WHEN $8::timestamptz IS NOT NULL THEN $8::timestamptz ELSE stage_since END,
    ended_at = CASE WHEN $9 THEN $7::timestamptz ELSE ended_at END
  WHERE id = $1 AND last_seq < $2`;

/**
 * Maintains `order_waits` (tokens waiting at a messageCatch, read by the stuck list's
 * `waiting_too_long`): message_waiting opens a wait; message_received / message_timeout close the
 * wait of that node iteration; a migration renames waiting nodes; the order's end clears them all.
 */
async function projectWaits(tx: EntityManager, orderId: string, events: StoredEvent[]): Promise<void> {
  for (const e of events) {
    if (e.type === 'message_waiting' && e.node_id !== null) {
      const data = e.data ?? {};
      await tx.query(
        `INSERT INTO order_waits (order_id, node_id, iteration, message, correlation, since, expected_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (order_id, node_id, iteration) DO UPDATE
           SET message = EXCLUDED.message, correlation = EXCLUDED.correlation, since = EXCLUDED.since, expected_by = EXCLUDED.expected_by`,
        [orderId, e.node_id, e.iteration ?? 0, String(data.message ?? ''), JSON.stringify(data.correlation ?? null), e.at, data.expectedBy ?? null],
      );
    } else if ((e.type === 'message_received' || e.type === 'message_timeout') && e.node_id !== null) {
      await tx.query(`DELETE FROM order_waits WHERE order_id = $1 AND node_id = $2 AND iteration = $3`, [orderId, e.node_id, e.iteration ?? 0]);
    } else if (e.type === 'migrated') {
      const mapping = (e.data?.nodeMapping ?? {}) as Record<string, string>;
      if (Object.keys(mapping).length === 0) continue;
      // Delete then re-insert (two statements), so swapped or already re-armed nodes never collide on the key.
      const moved: unknown[] = await tx.query(
        `DELETE FROM order_waits w USING jsonb_each_text($2::jsonb) AS m
         WHERE w.order_id = $1 AND w.node_id = m.key AND m.key <> m.value
         RETURNING m.value AS node_id, w.iteration, w.message, w.correlation, w.since, w.expected_by`, [orderId, JSON.stringify(mapping)]);
      // TypeORM answers DELETE … RETURNING with [rows, count] on PostgreSQL.
      const rows = Array.isArray(moved[0]) ? moved[0] : moved;
      if (rows.length === 0) continue;
      await tx.query(
        `INSERT INTO order_waits (order_id, node_id, iteration, message, correlation, since, expected_by)
         SELECT $1, r.node_id, r.iteration, r.message, r.correlation, r.since, r.expected_by
         FROM jsonb_to_recordset($2::jsonb) AS r(node_id text, iteration int, message text, correlation jsonb, since timestamptz, expected_by timestamptz)
         ON CONFLICT (order_id, node_id, iteration) DO NOTHING`, [orderId, JSON.stringify(rows)]);
    } else if (ORDER_END_EVENTS.has(e.type)) {
      await tx.query(`DELETE FROM order_waits WHERE order_id = $1`, [orderId]);
    }
  }
}

/**
 * After a migration, open task rows follow their tokens: the node id is mapped, and the due date
 * is re-derived from the target node's `dueIn`, counted from when the token entered the node
 * (workflow time, as the interpreter does); a task already overdue keeps its due date.
 */
async function retargetOpenTasks(tx: EntityManager, orderId: string, e: StoredEvent): Promise<void> {
  const mapping = (e.data?.nodeMapping ?? {}) as Record<string, string>;
  const [target] = await tx.query(`SELECT definition FROM template_versions WHERE key = $1 AND version = $2`,
    [e.data?.templateKey, e.data?.toVersion]) as { definition: Definition }[];
  const tasks: { id: string; node_id: string; overdue: boolean; entered: Date | null }[] = await tx.query(
    `SELECT t.id, t.node_id, t.overdue,
       (SELECT ev.at FROM order_events ev WHERE ev.order_id = t.order_id AND ev.type = 'node_entered'
          AND ev.node_id = t.node_id AND ev.iteration = t.iteration ORDER BY ev.seq DESC LIMIT 1) AS entered
     FROM tasks t WHERE t.order_id = $1 AND t.status = 'open'`, [orderId]);
  for (const task of tasks) {
    const nodeId = mapping[task.node_id] ?? task.node_id;
    const node = target?.definition.nodes.find((n) => n.id === nodeId);
    const dueIn = node?.type === 'userTask' && node.dueIn ? parseDuration(node.dueIn) : null;
    const dueAt = dueIn !== null && task.entered ? new Date(task.entered.getTime() + dueIn) : null;
    await tx.query(
      `UPDATE tasks SET node_id = $2, due_at = CASE WHEN overdue OR $4 THEN due_at ELSE $3 END WHERE id = $1`,
      [task.id, nodeId, dueAt, !target]);
  }
}

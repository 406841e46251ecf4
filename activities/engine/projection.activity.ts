import type { OrderEvent } from '@orderpath/workflows/interpreter/ports';
import type { ActivityDeps } from '../deps';

const TERMINAL = ['completed', 'cancelled', 'aborted'];

export interface RecordEventsInput {
  orderId: string;
  events: OrderEvent[];
  vars: Record<string, unknown>;
}

export function projectionActivities({ ds }: ActivityDeps) {
  return {
    /**
     * Appends events and moves the order projection forward, in one transaction. Idempotent by
     * (orderId, seq): a replayed batch inserts nothing and cannot move the projection backwards.
     */
    async recordEvents({ orderId, events, vars }: RecordEventsInput): Promise<void> {
      if (events.length === 0) return;
      const last = events[events.length - 1];
      const stageChange = [...events].reverse().find((e) => e.type === 'stage_changed');
      await ds.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO order_events (order_id, seq, type, at, node_id, iteration, data)
           SELECT $1, e.seq, e.type, e.at, e.node_id, e.iteration, e.data
           FROM jsonb_to_recordset($2::jsonb) AS e(seq int, type text, at timestamptz, node_id text, iteration int, data jsonb)
           ON CONFLICT (order_id, seq) DO NOTHING`,
          [orderId, JSON.stringify(events.map((e) => ({ seq: e.seq, type: e.type, at: e.at, node_id: e.nodeId ?? null, iteration: e.iteration ?? null, data: e.data ?? null })))],
        );
        await tx.query(
          `UPDATE orders SET status = $3, stage = $4, active_nodes = $5, variables = $6, last_seq = $2,
             last_event_at = $7,
             stage_since = CASE WHEN $8::timestamptz IS NOT NULL THEN $8::timestamptz ELSE stage_since END,
             ended_at = CASE WHEN $9 THEN $7::timestamptz ELSE ended_at END
           WHERE id = $1 AND last_seq < $2`,
          [orderId, last.seq, last.snapshot.status, last.snapshot.stage, last.snapshot.activeNodes, JSON.stringify(vars),
            last.at, stageChange?.at ?? null, TERMINAL.includes(last.snapshot.status)],
        );
      });
    },
  };
}

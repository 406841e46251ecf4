import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fills order_waits for orders that were already waiting at a messageCatch before the projection
 * maintained it: the latest message_waiting of a node iteration with no later message_received /
 * message_timeout, on orders still running.
 */
export class BackfillOrderWaits1764240001000 implements MigrationInterface {
  name = 'BackfillOrderWaits1764240001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`INSERT INTO order_waits (order_id, node_id, iteration, message, correlation, since, expected_by)
      SELECT DISTINCT ON (w.order_id, w.node_id, coalesce(w.iteration, 0))
        w.order_id, w.node_id, coalesce(w.iteration, 0), coalesce(w.data->>'message', ''), w.data->'correlation', w.at,
        (w.data->>'expectedBy')::timestamptz
      FROM order_events w JOIN orders o ON o.id = w.order_id AND o.status IN ('running', 'waiting', 'incident')
      WHERE w.type = 'message_waiting' AND w.node_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM order_events r WHERE r.order_id = w.order_id AND r.node_id = w.node_id
          AND r.iteration IS NOT DISTINCT FROM w.iteration AND r.seq > w.seq AND r.type IN ('message_received', 'message_timeout'))
      ORDER BY w.order_id, w.node_id, coalesce(w.iteration, 0), w.seq DESC
      ON CONFLICT DO NOTHING`);
  }

  async down(): Promise<void> {
    // The rows are a projection; the previous migration's down drops the table.
  }
}

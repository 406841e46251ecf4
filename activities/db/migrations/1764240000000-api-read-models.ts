import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models and indexes of the HTTP API: task comments, active message waits (for
 * `waiting_too_long`), idempotency keys of creating POSTs, the claim time of tasks (time
 * allocation), the region of audit entries (supervisor scoping), and the indexes behind the
 * stuck-order list (DESIGN.md §5), the order list and analytics.
 */
export class ApiReadModels1764240000000 implements MigrationInterface {
  name = 'ApiReadModels1764240000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE task_comments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      task_id uuid NOT NULL REFERENCES tasks(id),
      author text NOT NULL,
      text text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX task_comments_task_idx ON task_comments (task_id, created_at, id)`);

    // One row per token waiting at a messageCatch; written by the projection from message_waiting
    // and removed by message_received / message_timeout / the order's end.
    await q.query(`CREATE TABLE order_waits (
      order_id uuid NOT NULL REFERENCES orders(id),
      node_id text NOT NULL,
      iteration int NOT NULL,
      message text NOT NULL,
      correlation jsonb,
      since timestamptz NOT NULL,
      expected_by timestamptz,
      PRIMARY KEY (order_id, node_id, iteration))`);
    await q.query(`CREATE INDEX order_waits_expected_idx ON order_waits (expected_by) WHERE expected_by IS NOT NULL`);

    await q.query(`CREATE TABLE idempotency_keys (
      actor text NOT NULL,
      key text NOT NULL,
      method text NOT NULL,
      path text NOT NULL,
      status int,
      body jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (actor, key))`);
    await q.query(`CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at)`);

    await q.query(`ALTER TABLE tasks ADD COLUMN claimed_at timestamptz`);
    await q.query(`ALTER TABLE audit_log ADD COLUMN region text`);

    // Stuck reasons: each branch of the stuck query reads one of these.
    await q.query(`CREATE INDEX tasks_open_due_idx ON tasks (due_at) WHERE status = 'open' AND due_at IS NOT NULL`);
    await q.query(`CREATE INDEX incidents_open_idx ON incidents (opened_at) WHERE status = 'open'`);
    await q.query(`CREATE INDEX incidents_order_idx ON incidents (order_id)`);
    await q.query(`CREATE INDEX orders_active_stage_idx ON orders (template_key, template_version, stage, stage_since)
      WHERE status IN ('running', 'waiting', 'incident')`);
    await q.query(`CREATE INDEX orders_active_progress_idx ON orders (last_event_at) WHERE status IN ('running', 'waiting')`);
    // Order list (newest first), per region for supervisors and reps.
    await q.query(`CREATE INDEX orders_created_idx ON orders (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX orders_region_created_idx ON orders (region, created_at DESC, id DESC)`);
    // Rep scoping ("orders they work on") and analytics.
    await q.query(`CREATE INDEX tasks_completed_by_idx ON tasks (completed_by, order_id) WHERE completed_by IS NOT NULL`);
    await q.query(`CREATE INDEX tasks_completed_at_idx ON tasks (completed_at) WHERE status = 'completed'`);
    await q.query(`CREATE INDEX order_events_node_idx ON order_events (order_id, node_id, iteration) WHERE node_id IS NOT NULL`);
    await q.query(`CREATE INDEX order_events_stage_idx ON order_events (order_id) WHERE type = 'stage_changed'`);
    // Audit queries: by target, by actor, by region; newest first.
    await q.query(`CREATE INDEX audit_log_target_idx ON audit_log (target, id DESC)`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor, id DESC)`);
    await q.query(`CREATE INDEX audit_log_region_idx ON audit_log (region, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of [
      'audit_log_region_idx', 'audit_log_actor_idx', 'audit_log_target_idx', 'order_events_stage_idx', 'order_events_node_idx',
      'tasks_completed_at_idx', 'tasks_completed_by_idx', 'orders_region_created_idx', 'orders_created_idx',
      'orders_active_progress_idx', 'orders_active_stage_idx', 'incidents_order_idx', 'incidents_open_idx', 'tasks_open_due_idx',
    ]) {
      await q.query(`DROP INDEX IF EXISTS ${index}`);
    }
    await q.query(`ALTER TABLE audit_log DROP COLUMN IF EXISTS region`);
    await q.query(`ALTER TABLE tasks DROP COLUMN IF EXISTS claimed_at`);
    for (const table of ['idempotency_keys', 'order_waits', 'task_comments']) await q.query(`DROP TABLE IF EXISTS ${table}`);
  }
}

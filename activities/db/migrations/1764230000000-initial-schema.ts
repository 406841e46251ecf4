import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Core engine tables: users, templates and versions, orders and their events, tasks, incidents, audit. */
export class InitialSchema1764230000000 implements MigrationInterface {
  name = 'InitialSchema1764230000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      username text NOT NULL UNIQUE,
      display_name text NOT NULL,
      password_hash text NOT NULL,
      roles text[] NOT NULL,
      region text,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE templates (
      key text PRIMARY KEY,
      name text NOT NULL,
      draft jsonb NOT NULL,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE template_versions (
      key text NOT NULL REFERENCES templates(key),
      version int NOT NULL,
      definition jsonb NOT NULL,
      published_by uuid REFERENCES users(id),
      published_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (key, version))`);
    await q.query(`CREATE TABLE orders (
      id uuid PRIMARY KEY,
      workflow_id text NOT NULL UNIQUE,
      template_key text NOT NULL,
      template_version int NOT NULL,
      title text NOT NULL,
      distributor_id text,
      region text,
      value numeric(14,2) NOT NULL DEFAULT 0,
      status text NOT NULL,
      stage text,
      active_nodes text[] NOT NULL DEFAULT '{}',
      variables jsonb NOT NULL DEFAULT '{}',
      last_seq int NOT NULL DEFAULT 0,
      last_event_at timestamptz NOT NULL DEFAULT now(),
      stage_since timestamptz,
      idempotency_key text UNIQUE,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      ended_at timestamptz,
      FOREIGN KEY (template_key, template_version) REFERENCES template_versions(key, version))`);
    await q.query(`CREATE INDEX orders_status_idx ON orders (status, last_event_at)`);
    await q.query(`CREATE TABLE order_events (
      order_id uuid NOT NULL REFERENCES orders(id),
      seq int NOT NULL,
      type text NOT NULL,
      at timestamptz NOT NULL,
      node_id text,
      iteration int,
      data jsonb,
      PRIMARY KEY (order_id, seq))`);
    await q.query(`CREATE TABLE tasks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      order_id uuid NOT NULL REFERENCES orders(id),
      node_id text NOT NULL,
      iteration int NOT NULL,
      name text NOT NULL,
      role text NOT NULL,
      assignee text,
      stage text,
      category text,
      status text NOT NULL DEFAULT 'open',
      due_at timestamptz,
      overdue boolean NOT NULL DEFAULT false,
      form jsonb,
      prefill jsonb NOT NULL DEFAULT '{}',
      data jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      completed_at timestamptz,
      completed_by text,
      UNIQUE (order_id, node_id, iteration))`);
    // The inbox: open tasks by assignee or role queue, earliest due first.
    await q.query(`CREATE INDEX tasks_inbox_assignee_idx ON tasks (assignee, due_at, id) WHERE status = 'open'`);
    await q.query(`CREATE INDEX tasks_inbox_role_idx ON tasks (role, due_at, id) WHERE status = 'open' AND assignee IS NULL`);
    await q.query(`CREATE INDEX tasks_order_idx ON tasks (order_id)`);
    await q.query(`CREATE TABLE incidents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      order_id uuid NOT NULL REFERENCES orders(id),
      node_id text NOT NULL,
      iteration int NOT NULL,
      activity text NOT NULL,
      error text NOT NULL,
      attempts int NOT NULL,
      status text NOT NULL DEFAULT 'open',
      opened_at timestamptz NOT NULL DEFAULT now(),
      resolved_at timestamptz,
      resolution text,
      resolved_by text)`);
    // At most one open incident per node iteration: makes openIncident idempotent under retry.
    await q.query(`CREATE UNIQUE INDEX incidents_open_uq ON incidents (order_id, node_id, iteration) WHERE status = 'open'`);
    await q.query(`CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor text NOT NULL,
      action text NOT NULL,
      target text NOT NULL,
      reason text,
      data jsonb)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['audit_log', 'incidents', 'tasks', 'order_events', 'orders', 'template_versions', 'templates', 'users']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Place and Fulfil: monthly demand plans (suggested vs agreed per SKU), payment notices, stock
 * reservations with backorders and production requests, shipments. Natural keys (plan + SKU,
 * one shipment per plan) make every activity that writes here idempotent under retry.
 */
export class DomainPlanning1764251000000 implements MigrationInterface {
  name = 'DomainPlanning1764251000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE demand_plans (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      order_id uuid REFERENCES orders(id),
      distributor_id text NOT NULL REFERENCES distributors(id) ON UPDATE CASCADE,
      period text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      status text NOT NULL DEFAULT 'suggested' CHECK (status IN ('suggested', 'agreed', 'published', 'paid', 'cancelled')),
      forecast_basis jsonb NOT NULL DEFAULT '{}',
      amount_due numeric(14,2) CHECK (amount_due >= 0),
      payment_reference text UNIQUE,
      reminder_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      agreed_at timestamptz,
      agreed_by text,
      published_at timestamptz,
      paid_at timestamptz,
      UNIQUE (order_id, period))`);
    await q.query(`CREATE INDEX demand_plans_distributor_idx ON demand_plans (distributor_id, period)`);
    await q.query(`CREATE TABLE demand_plan_lines (
      plan_id uuid NOT NULL REFERENCES demand_plans(id) ON DELETE CASCADE,
      sku_id text NOT NULL REFERENCES skus(id) ON UPDATE CASCADE,
      suggested_qty int NOT NULL CHECK (suggested_qty >= 0),
      agreed_qty int CHECK (agreed_qty >= 0),
      override_reason text,
      basis jsonb NOT NULL DEFAULT '{}',
      PRIMARY KEY (plan_id, sku_id))`);

    // Payment notices are never dropped: unknown orders, references or distributors are stored
    // as 'unmatched' with the reason, so no foreign key on what the notice claims.
    await q.query(`CREATE TABLE payments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      notice_id text UNIQUE,
      claimed_order_id text,
      reference text,
      distributor_id text NOT NULL,
      amount numeric(14,2) NOT NULL CHECK (amount > 0),
      paid_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      status text NOT NULL CHECK (status IN ('matched', 'unmatched')),
      unmatched_reason text,
      order_id uuid REFERENCES orders(id),
      plan_id uuid REFERENCES demand_plans(id),
      matched_at timestamptz,
      matched_by text,
      CHECK ((status = 'matched') = (order_id IS NOT NULL)))`);
    await q.query(`CREATE INDEX payments_status_idx ON payments (status, received_at, id)`);
    await q.query(`CREATE INDEX payments_plan_idx ON payments (plan_id)`);

    await q.query(`CREATE TABLE stock_reservations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      plan_id uuid NOT NULL REFERENCES demand_plans(id),
      sku_id text NOT NULL REFERENCES skus(id) ON UPDATE CASCADE,
      qty int NOT NULL CHECK (qty >= 0),
      status text NOT NULL DEFAULT 'reserved' CHECK (status IN ('reserved', 'shipped', 'released')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (plan_id, sku_id))`);
    await q.query(`CREATE TABLE backorders (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      plan_id uuid NOT NULL REFERENCES demand_plans(id),
      sku_id text NOT NULL REFERENCES skus(id) ON UPDATE CASCADE,
      qty int NOT NULL CHECK (qty >= 0),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'fulfilled', 'cancelled')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (plan_id, sku_id))`);
    await q.query(`CREATE TABLE production_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      plan_id uuid NOT NULL REFERENCES demand_plans(id),
      sku_id text NOT NULL REFERENCES skus(id) ON UPDATE CASCADE,
      qty int NOT NULL CHECK (qty > 0),
      status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'scheduled', 'done', 'cancelled')),
      requested_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (plan_id, sku_id))`);

    await q.query(`CREATE TABLE shipments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      plan_id uuid NOT NULL UNIQUE REFERENCES demand_plans(id),
      order_id uuid REFERENCES orders(id),
      distributor_id text NOT NULL REFERENCES distributors(id) ON UPDATE CASCADE,
      carrier text,
      tracking_number text,
      shipped_at timestamptz NOT NULL,
      eta timestamptz NOT NULL,
      delivered_at timestamptz,
      received_by text,
      status text NOT NULL DEFAULT 'in_transit' CHECK (status IN ('in_transit', 'delivered')))`);
    await q.query(`CREATE INDEX shipments_in_transit_idx ON shipments (distributor_id) WHERE delivered_at IS NULL`);
    await q.query(`CREATE TABLE shipment_lines (
      shipment_id uuid NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
      sku_id text NOT NULL REFERENCES skus(id) ON UPDATE CASCADE,
      qty int NOT NULL CHECK (qty > 0),
      PRIMARY KEY (shipment_id, sku_id))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['shipment_lines', 'shipments', 'production_requests', 'backorders', 'stock_reservations', 'payments', 'demand_plan_lines', 'demand_plans']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Track and Expand: the distributors' sell-in / sell-through / stock reports (进销存, one row per
 * distributor, SKU and month), their analyses, shelf audits of outlets and expansion plans.
 */
export class DomainTracking1764252000000 implements MigrationInterface {
  name = 'DomainTracking1764252000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE sell_through_reports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      distributor_id text NOT NULL REFERENCES distributors(id) ON UPDATE CASCADE,
      sku_id text NOT NULL REFERENCES skus(id) ON UPDATE CASCADE,
      period text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      opening_stock int NOT NULL CHECK (opening_stock >= 0),
      sell_in int NOT NULL CHECK (sell_in >= 0),
      sell_through int NOT NULL CHECK (sell_through >= 0),
      closing_stock int NOT NULL CHECK (closing_stock >= 0),
      order_id uuid REFERENCES orders(id),
      batch_id text NOT NULL,
      source text NOT NULL CHECK (source IN ('csv', 'json', 'form', 'seed')),
      reported_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (distributor_id, sku_id, period))`);
    await q.query(`CREATE INDEX sell_through_batch_idx ON sell_through_reports (batch_id)`);
    await q.query(`CREATE TABLE sell_through_analyses (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      distributor_id text NOT NULL REFERENCES distributors(id) ON UPDATE CASCADE,
      period text NOT NULL,
      order_id uuid REFERENCES orders(id),
      stock_out_risk text NOT NULL CHECK (stock_out_risk IN ('none', 'low', 'medium', 'high')),
      replenishment_needed boolean NOT NULL,
      result jsonb NOT NULL,
      analysed_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (distributor_id, period))`);

    await q.query(`CREATE TABLE shelf_audits (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      order_id uuid REFERENCES orders(id),
      outlet_id text NOT NULL REFERENCES outlets(id) ON UPDATE CASCADE,
      period text NOT NULL,
      round int NOT NULL CHECK (round > 0),
      checklist jsonb NOT NULL,
      score int NOT NULL CHECK (score BETWEEN 0 AND 100),
      pass_score int NOT NULL CHECK (pass_score BETWEEN 0 AND 100),
      passed boolean NOT NULL,
      photos jsonb NOT NULL DEFAULT '[]',
      auditor text,
      audited_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (order_id, period, round, outlet_id))`);
    await q.query(`CREATE INDEX shelf_audits_outlet_idx ON shelf_audits (outlet_id, audited_at)`);

    await q.query(`CREATE TABLE expansion_plans (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      order_id uuid REFERENCES orders(id),
      distributor_id text NOT NULL REFERENCES distributors(id) ON UPDATE CASCADE,
      period text NOT NULL,
      suggestions jsonb NOT NULL DEFAULT '{}',
      new_skus text[] NOT NULL DEFAULT '{}',
      new_outlets text[] NOT NULL DEFAULT '{}',
      promotions text,
      target_growth_pct numeric(6,2),
      next_cycle boolean NOT NULL,
      created_by text,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (order_id, period))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['expansion_plans', 'shelf_audits', 'sell_through_analyses', 'sell_through_reports']) await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}

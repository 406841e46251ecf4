import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Domain master data: regions (users.region becomes a reference to them), distributors, outlets,
 * SKUs, head-office stock and KA entry agreements. Quantities are in cases, money in CNY.
 */
export class DomainMasterData1764250000000 implements MigrationInterface {
  name = 'DomainMasterData1764250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE regions (
      id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]*$'),
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    // Regions users already name become rows, so the reference can be added without losing data.
    await q.query(`INSERT INTO regions (id, name)
      SELECT DISTINCT region, region FROM users WHERE region IS NOT NULL AND region ~ '^[a-z0-9][a-z0-9-]*$'`);
    await q.query(`UPDATE users SET region = NULL WHERE region IS NOT NULL AND region !~ '^[a-z0-9][a-z0-9-]*$'`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_region_fk FOREIGN KEY (region) REFERENCES regions(id) ON UPDATE CASCADE ON DELETE SET NULL`);

    await q.query(`CREATE TABLE distributors (
      id text PRIMARY KEY,
      name text NOT NULL,
      region_id text NOT NULL REFERENCES regions(id) ON UPDATE CASCADE,
      channels text[] NOT NULL DEFAULT '{traditional}'
        CHECK (cardinality(channels) > 0 AND channels <@ ARRAY['ka', 'traditional', 'wholesale']::text[]),
      credit_terms_days int NOT NULL DEFAULT 30 CHECK (credit_terms_days >= 0),
      credit_limit numeric(14,2) NOT NULL DEFAULT 0 CHECK (credit_limit >= 0),
      lead_time_days int NOT NULL DEFAULT 7 CHECK (lead_time_days > 0),
      annual_target numeric(14,2) NOT NULL DEFAULT 0 CHECK (annual_target >= 0),
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('prospect', 'active', 'suspended')),
      rep text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX distributors_region_idx ON distributors (region_id)`);

    await q.query(`CREATE TABLE outlets (
      id text PRIMARY KEY,
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('ka', 'traditional')),
      chain text,
      distributor_id text REFERENCES distributors(id) ON UPDATE CASCADE,
      region_id text NOT NULL REFERENCES regions(id) ON UPDATE CASCADE,
      city text,
      listed_skus text[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (kind <> 'ka' OR chain IS NOT NULL))`);
    await q.query(`CREATE INDEX outlets_distributor_idx ON outlets (distributor_id)`);
    await q.query(`CREATE INDEX outlets_region_idx ON outlets (region_id)`);

    await q.query(`CREATE TABLE skus (
      id text PRIMARY KEY,
      name text NOT NULL,
      category text,
      price numeric(12,2) NOT NULL CHECK (price >= 0),
      case_size int NOT NULL CHECK (case_size > 0),
      seasonality numeric(6,3)[] CHECK (seasonality IS NULL OR cardinality(seasonality) = 12),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now())`);

    await q.query(`CREATE TABLE hq_stock (
      sku_id text PRIMARY KEY REFERENCES skus(id) ON UPDATE CASCADE,
      on_hand int NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
      reserved int NOT NULL DEFAULT 0 CHECK (reserved >= 0),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT hq_stock_no_oversell CHECK (reserved <= on_hand))`);

    await q.query(`CREATE TABLE ka_agreements (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      distributor_id text NOT NULL REFERENCES distributors(id) ON UPDATE CASCADE,
      chain text NOT NULL,
      order_id uuid REFERENCES orders(id),
      listing_fee numeric(14,2) NOT NULL CHECK (listing_fee >= 0),
      skus text[] NOT NULL DEFAULT '{}',
      payment_days int CHECK (payment_days >= 0),
      terms text,
      status text NOT NULL DEFAULT 'signed' CHECK (status IN ('negotiated', 'approved', 'signed')),
      approved_by text,
      signed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (distributor_id, chain))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['ka_agreements', 'hq_stock', 'skus', 'outlets', 'distributors']) await q.query(`DROP TABLE IF EXISTS ${t}`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT IF EXISTS users_region_fk`);
    await q.query(`DROP TABLE IF EXISTS regions`);
  }
}

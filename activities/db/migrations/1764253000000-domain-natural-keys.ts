import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shelf audits and expansion plans can exist outside an order (order_id NULL). Their natural keys
 * must still hold then, so retries stay idempotent: NULLS NOT DISTINCT (PostgreSQL 15+), and the
 * expansion plan key names its distributor. Duplicates the old keys let through are dropped,
 * keeping the latest row of each key.
 */
export class DomainNaturalKeys1764253000000 implements MigrationInterface {
  name = 'DomainNaturalKeys1764253000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM shelf_audits a USING shelf_audits b
      WHERE a.order_id IS NOT DISTINCT FROM b.order_id AND a.period = b.period AND a.round = b.round AND a.outlet_id = b.outlet_id
        AND (a.audited_at, a.id) < (b.audited_at, b.id)`);
    await q.query(`DELETE FROM expansion_plans a USING expansion_plans b
      WHERE a.order_id IS NOT DISTINCT FROM b.order_id AND a.distributor_id = b.distributor_id AND a.period = b.period
        AND (a.created_at, a.id) < (b.created_at, b.id)`);
    await q.query(`ALTER TABLE shelf_audits DROP CONSTRAINT shelf_audits_order_id_period_round_outlet_id_key`);
    await q.query(`ALTER TABLE shelf_audits ADD CONSTRAINT shelf_audits_round_key UNIQUE NULLS NOT DISTINCT (order_id, period, round, outlet_id)`);
    await q.query(`ALTER TABLE expansion_plans DROP CONSTRAINT expansion_plans_order_id_period_key`);
    await q.query(`ALTER TABLE expansion_plans ADD CONSTRAINT expansion_plans_period_key UNIQUE NULLS NOT DISTINCT (order_id, distributor_id, period)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE expansion_plans DROP CONSTRAINT expansion_plans_period_key`);
    await q.query(`ALTER TABLE expansion_plans ADD CONSTRAINT expansion_plans_order_id_period_key UNIQUE (order_id, period)`);
    await q.query(`ALTER TABLE shelf_audits DROP CONSTRAINT shelf_audits_round_key`);
    await q.query(`ALTER TABLE shelf_audits ADD CONSTRAINT shelf_audits_order_id_period_round_outlet_id_key UNIQUE (order_id, period, round, outlet_id)`);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth.types';
import { effectiveRegion, regionAllows } from '../../common/access';
import { ConflictError, ForbiddenError, NotFoundError } from '../../common/errors';
import { type Page, cursorPart, decodeCursor, pageOf } from '../../common/pagination';
import { SqlParams } from '../../common/sql-params';
import { type OutletRecord, type SkuRecord, setHqStock, upsertOutlet, upsertSku } from '../../seed/domain-records';
import { Sql } from '../../db/sql';

export interface OutletFilter { regionId?: string; distributorId?: string; kind?: 'ka' | 'traditional'; uncovered?: boolean; cursor?: string; limit: number }

const SKU = `SELECT id, name, category, price::float8 AS price, case_size AS "caseSize", seasonality::float8[] AS seasonality, active FROM skus`;
const OUTLET = `SELECT id, name, kind, chain, distributor_id AS "distributorId", region_id AS "regionId", city, listed_skus AS "listedSkus" FROM outlets`;

/** Regions, SKUs, outlets and head-office stock (with what is reserved, backordered and in production). */
@Injectable()
export class CatalogService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Sql) private readonly sql: Sql,
  ) {}

  regions() {
    return this.sql.query(`SELECT id, name FROM regions ORDER BY id`).then((items) => ({ items, nextCursor: null }));
  }

  skus(includeInactive: boolean) {
    return this.sql.query(`${SKU} ${includeInactive ? '' : 'WHERE active'} ORDER BY id`).then((items) => ({ items, nextCursor: null }));
  }

  async createSku(s: SkuRecord) {
    const [exists] = await this.sql.query(`SELECT 1 FROM skus WHERE id = $1`, [s.id]);
    if (exists) throw new ConflictError('sku_exists', `SKU ${s.id} already exists`);
    await upsertSku(this.ds, s);
    await setHqStock(this.ds, s.id, 0);
    return (await this.sql.query(`${SKU} WHERE id = $1`, [s.id]))[0];
  }

  async updateSku(id: string, patch: Partial<Omit<SkuRecord, 'id'>>) {
    const columns: Record<string, string> = { name: 'name', category: 'category', price: 'price', caseSize: 'case_size', seasonality: 'seasonality', active: 'active' };
    const p = new SqlParams();
    const sets = Object.entries(patch).filter(([k, v]) => columns[k] && v !== undefined).map(([k, v]) => `${columns[k]} = ${p.add(v)}`);
    const rows = sets.length ? await this.sql.query(`UPDATE skus SET ${sets.join(', ')} WHERE id = ${p.add(id)} RETURNING id`, p.values) : await this.sql.query(`SELECT id FROM skus WHERE id = $1`, [id]);
    if (!rows.length) throw new NotFoundError('sku', id);
    return (await this.sql.query(`${SKU} WHERE id = $1`, [id]))[0];
  }

  hqStock() {
    return this.sql.query(
      `SELECT s.id AS sku, s.name, coalesce(h.on_hand, 0) AS "onHand", coalesce(h.reserved, 0) AS reserved, coalesce(h.on_hand - h.reserved, 0) AS available,
              coalesce((SELECT sum(qty) FROM backorders b WHERE b.sku_id = s.id AND b.status = 'open'), 0)::int AS backordered,
              coalesce((SELECT sum(qty) FROM production_requests r WHERE r.sku_id = s.id AND r.status IN ('requested', 'scheduled')), 0)::int AS "inProduction",
              h.updated_at AS "updatedAt"
         FROM skus s LEFT JOIN hq_stock h ON h.sku_id = s.id WHERE s.active ORDER BY s.id`).then((items) => ({ items, nextCursor: null }));
  }

  /** Sets on-hand after a stock count or a production run; never below what is reserved. */
  async setStock(skuId: string, onHand: number) {
    const [sku] = await this.sql.query(`SELECT 1 FROM skus WHERE id = $1`, [skuId]);
    if (!sku) throw new NotFoundError('sku', skuId);
    const [stock] = await this.sql.query(`SELECT reserved FROM hq_stock WHERE sku_id = $1`, [skuId]);
    if (stock && onHand < stock.reserved) throw new ConflictError('below_reserved', `on hand cannot go below the ${stock.reserved} cases reserved for plans`);
    await setHqStock(this.ds, skuId, onHand);
    return (await this.hqStock()).items.find((s: { sku: string }) => s.sku === skuId);
  }

  async outlets(f: OutletFilter, user: AuthUser): Promise<Page<Record<string, unknown>>> {
    const p = new SqlParams();
    const where: string[] = [];
    const region = effectiveRegion(user, f.regionId);
    if (region !== null) where.push(`region_id = ${p.add(region)}`);
    if (f.distributorId) where.push(`distributor_id = ${p.add(f.distributorId)}`);
    if (f.kind) where.push(`kind = ${p.add(f.kind)}`);
    if (f.uncovered) where.push(`distributor_id IS NULL`);
    const after = decodeCursor(f.cursor, 1, [cursorPart.text]) as [string] | null;
    if (after) where.push(`id > ${p.add(after[0])}`);
    const rows = await this.sql.query(`${OUTLET} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ${p.add(f.limit + 1)}`, p.values);
    return pageOf(rows, f.limit, (o: { id: string }) => [o.id]);
  }

  async createOutlet(o: OutletRecord, user: AuthUser) {
    if (!regionAllows(user, o.regionId)) throw new ForbiddenError(`you may only add outlets in region ${user.region}`);
    const [exists] = await this.sql.query(`SELECT 1 FROM outlets WHERE id = $1`, [o.id]);
    if (exists) throw new ConflictError('outlet_exists', `outlet ${o.id} already exists`);
    const [region] = await this.sql.query(`SELECT 1 FROM regions WHERE id = $1`, [o.regionId]);
    if (!region) throw new NotFoundError('region', o.regionId);
    if (o.distributorId) {
      const [d] = await this.sql.query(`SELECT 1 FROM distributors WHERE id = $1`, [o.distributorId]);
      if (!d) throw new NotFoundError('distributor', o.distributorId);
    }
    await upsertOutlet(this.ds, o);
    return (await this.sql.query(`${OUTLET} WHERE id = $1`, [o.id]))[0];
  }
}

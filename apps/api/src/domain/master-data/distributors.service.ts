import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { findDistributor } from '@orderpath/activities/domain/distributors.activity';
import { forecastDemand } from '@orderpath/activities/domain/forecast-demand.activity';
import { stockPosition } from '@orderpath/activities/domain/payment-reminder.activity';
import type { AuthUser } from '../../auth/auth.types';
import { effectiveRegion, regionAllows } from '../../common/access';
import { ConflictError, ForbiddenError, NotFoundError } from '../../common/errors';
import { type Page, cursorPart, decodeCursor, pageOf } from '../../common/pagination';
import { SqlParams } from '../../common/sql-params';
import { upsertDistributor, type DistributorRecord } from '../../seed/domain-records';
import { domainCall } from '../domain-errors';
import { Sql } from '../../db/sql';

export interface DistributorFilter { regionId?: string; channel?: string; q?: string; cursor?: string; limit: number }

const SELECT = `SELECT id, name, region_id AS "regionId", channels, credit_terms_days AS "creditTermsDays", credit_limit::float8 AS "creditLimit",
  lead_time_days AS "leadTimeDays", annual_target::float8 AS "annualTarget", status, rep FROM distributors`;

/** Distributors: profile, KA agreements, stock position, recent sell-through; region-scoped for non-admins. */
@Injectable()
export class DistributorsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Sql) private readonly sql: Sql,
  ) {}

  async list(f: DistributorFilter, user: AuthUser): Promise<Page<Record<string, unknown>>> {
    const p = new SqlParams();
    const where: string[] = [];
    const region = effectiveRegion(user, f.regionId);
    if (region !== null) where.push(`region_id = ${p.add(region)}`);
    if (f.channel) where.push(`${p.add(f.channel)} = ANY(channels)`);
    if (f.q) where.push(`(name ILIKE ${p.add(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)} OR id = ${p.add(f.q)})`);
    const after = decodeCursor(f.cursor, 1, [cursorPart.text]) as [string] | null;
    if (after) where.push(`id > ${p.add(after[0])}`);
    const rows = await this.sql.query(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ${p.add(f.limit + 1)}`, p.values);
    return pageOf(rows, f.limit, (d: { id: string }) => [d.id]);
  }

  async get(id: string, user: AuthUser) {
    const d = await this.find(id, user);
    const [kaAgreements, outlets, recent, position] = await Promise.all([
      this.sql.query(`SELECT id, chain, listing_fee::float8 AS "listingFee", skus, payment_days AS "paymentDays", terms, status, signed_at AS "signedAt"
                       FROM ka_agreements WHERE distributor_id = $1 ORDER BY chain`, [id]),
      this.sql.query(`SELECT count(*)::int AS total, count(*) FILTER (WHERE kind = 'ka')::int AS ka FROM outlets WHERE distributor_id = $1`, [id]),
      this.sql.query(`SELECT period, sum(sell_in)::int AS "sellIn", sum(sell_through)::int AS "sellThrough", sum(closing_stock)::int AS "closingStock"
                       FROM sell_through_reports WHERE distributor_id = $1 GROUP BY period ORDER BY period DESC LIMIT 6`, [id]),
      stockPosition(this.ds, id),
    ]);
    return { ...d, kaAgreements, outlets: outlets[0], recentSellThrough: recent.reverse(), stock: position };
  }

  async sellThrough(id: string, user: AuthUser, from?: string, to?: string) {
    await this.find(id, user);
    const items = await this.sql.query(
      `SELECT sku_id AS sku, period, opening_stock AS "openingStock", sell_in AS "sellIn", sell_through AS "sellThrough", closing_stock AS "closingStock",
              source, order_id AS "orderId", reported_at AS "reportedAt"
         FROM sell_through_reports WHERE distributor_id = $1 AND ($2::text IS NULL OR period >= $2) AND ($3::text IS NULL OR period <= $3)
        ORDER BY period, sku_id`, [id, from ?? null, to ?? null]);
    return { items, nextCursor: null };
  }

  /** What forecastDemand would suggest now (read-only): the numbers behind a plan form. */
  async forecast(id: string, user: AuthUser, period?: string) {
    await this.find(id, user);
    return domainCall(() => forecastDemand(this.ds, { distributorId: id, period }));
  }

  async create(d: DistributorRecord, user: AuthUser) {
    if (!regionAllows(user, d.regionId)) throw new ForbiddenError(`you may only add distributors in region ${user.region}`);
    const [exists] = await this.sql.query(`SELECT 1 FROM distributors WHERE id = $1`, [d.id]);
    if (exists) throw new ConflictError('distributor_exists', `distributor ${d.id} already exists`);
    await this.checkRegion(d.regionId);
    await upsertDistributor(this.ds, d);
    return this.get(d.id, user);
  }

  async update(id: string, patch: Partial<Omit<DistributorRecord, 'id'>>, user: AuthUser) {
    await this.find(id, user);
    if (patch.regionId !== undefined) {
      if (!regionAllows(user, patch.regionId)) throw new ForbiddenError(`you may only move distributors within region ${user.region}`);
      await this.checkRegion(patch.regionId);
    }
    const columns: Record<string, string> = { name: 'name', regionId: 'region_id', channels: 'channels', creditTermsDays: 'credit_terms_days', creditLimit: 'credit_limit',
      leadTimeDays: 'lead_time_days', annualTarget: 'annual_target', status: 'status', rep: 'rep' };
    const p = new SqlParams();
    const sets = Object.entries(patch).filter(([k, v]) => columns[k] && v !== undefined).map(([k, v]) => `${columns[k]} = ${p.add(v)}`);
    if (sets.length) await this.sql.query(`UPDATE distributors SET ${sets.join(', ')}, updated_at = now() WHERE id = ${p.add(id)}`, p.values);
    return this.get(id, user);
  }

  private async checkRegion(regionId: string) {
    const [region] = await this.sql.query(`SELECT 1 FROM regions WHERE id = $1`, [regionId]);
    if (!region) throw new NotFoundError('region', regionId);
  }

  async find(id: string, user: AuthUser) {
    const d = await findDistributor(this.ds, id);
    if (!d || !regionAllows(user, d.regionId)) throw new NotFoundError('distributor', id);
    return d;
  }
}

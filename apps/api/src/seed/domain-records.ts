/**
 * Idempotent writers of domain master data and history, shared by the demo seed and the tests
 * (so tests exercise exactly the data shapes the demo shows).
 */
import type { DataSource, EntityManager } from 'typeorm';

type Db = DataSource | EntityManager;

export interface DistributorRecord {
  id: string; name: string; regionId: string; channels: string[]; creditTermsDays?: number; creditLimit?: number;
  leadTimeDays?: number; annualTarget?: number; status?: 'prospect' | 'active' | 'suspended'; rep?: string | null;
}
export interface SkuRecord { id: string; name: string; category?: string; price: number; caseSize: number; seasonality?: number[] | null; active?: boolean }
export interface OutletRecord { id: string; name: string; kind: 'ka' | 'traditional'; chain?: string | null; distributorId: string | null; regionId: string; city?: string; listedSkus?: string[] }
export interface SellThroughRecord { period: string; openingStock: number; sellIn: number; sellThrough: number; closingStock: number }

export async function upsertRegion(db: Db, r: { id: string; name: string }): Promise<void> {
  await db.query(`INSERT INTO regions (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING`, [r.id, r.name]);
}

export async function upsertDistributor(db: Db, d: DistributorRecord): Promise<void> {
  await db.query(
    `INSERT INTO distributors (id, name, region_id, channels, credit_terms_days, credit_limit, lead_time_days, annual_target, status, rep)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
    [d.id, d.name, d.regionId, d.channels, d.creditTermsDays ?? 30, d.creditLimit ?? 500_000, d.leadTimeDays ?? 7, d.annualTarget ?? 0, d.status ?? 'active', d.rep ?? null]);
}

export async function upsertSku(db: Db, s: SkuRecord): Promise<void> {
  await db.query(
    `INSERT INTO skus (id, name, category, price, case_size, seasonality, active) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
    [s.id, s.name, s.category ?? null, s.price, s.caseSize, s.seasonality ?? null, s.active ?? true]);
}

/** Sets HQ stock on hand (creating the row); reserved stays as it is. */
export async function setHqStock(db: Db, skuId: string, onHand: number): Promise<void> {
  await db.query(
    `INSERT INTO hq_stock (sku_id, on_hand) VALUES ($1, $2) ON CONFLICT (sku_id) DO UPDATE SET on_hand = GREATEST(EXCLUDED.on_hand, hq_stock.reserved), updated_at = now()`,
    [skuId, onHand]);
}

export async function upsertOutlet(db: Db, o: OutletRecord): Promise<void> {
  await db.query(
    `INSERT INTO outlets (id, name, kind, chain, distributor_id, region_id, city, listed_skus) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
    [o.id, o.name, o.kind, o.chain ?? null, o.distributorId, o.regionId, o.city ?? null, o.listedSkus ?? []]);
}

/**
 * Turns monthly sell-through into consistent 进销存 rows: each month opens with last month's
 * closing stock and the distributor buys in what leaves it `coverMonths` of the coming month's
 * sales at the month's end.
 */
export function stockRows(periods: string[], sellThrough: number[], coverMonths = 1.2, openingStock?: number): SellThroughRecord[] {
  let opening = openingStock ?? Math.round(sellThrough[0] * coverMonths);
  return periods.map((period, i) => {
    const sold = Math.max(0, Math.round(sellThrough[i]));
    const target = Math.round(Math.max(0, sellThrough[i + 1] ?? sold) * coverMonths);
    const sellIn = Math.max(0, target + sold - opening);
    const closing = Math.max(0, opening + sellIn - sold);
    const row = { period, openingStock: opening, sellIn, sellThrough: Math.min(sold, opening + sellIn), closingStock: closing };
    opening = closing;
    return row;
  });
}

export async function insertSellThrough(db: Db, distributorId: string, skuId: string, rows: SellThroughRecord[], batchId = `seed:${distributorId}:${skuId}`): Promise<void> {
  for (const r of rows) {
    await db.query(
      `INSERT INTO sell_through_reports (distributor_id, sku_id, period, opening_stock, sell_in, sell_through, closing_stock, batch_id, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'seed') ON CONFLICT (distributor_id, sku_id, period) DO NOTHING`,
      [distributorId, skuId, r.period, r.openingStock, r.sellIn, r.sellThrough, r.closingStock, batchId]);
  }
}

/** Snack-food seasonality (1 = average month): Spring Festival and Mid-Autumn/National Day peaks. */
export const SNACK_SEASONALITY = [1.45, 1.3, 0.85, 0.8, 0.85, 0.9, 0.85, 0.9, 1.15, 1.25, 0.9, 1.0];

/**
 * A deterministic monthly series: base × seasonal index × (1 + growth)^t × (1 ± noise). The
 * noise comes from a small linear congruential generator seeded by `seed`.
 */
export function seasonalSellThrough(opts: { base: number; months: number; firstMonth: number; seasonality?: number[]; growthPerMonth?: number; noise?: number; seed?: number }): number[] {
  let state = (opts.seed ?? 1) >>> 0;
  const rand = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 31 - 1;
  };
  const season = opts.seasonality ?? SNACK_SEASONALITY;
  return Array.from({ length: opts.months }, (_, t) => {
    const month = (opts.firstMonth - 1 + t) % 12;
    return Math.max(0, Math.round(opts.base * season[month] * (1 + (opts.growthPerMonth ?? 0)) ** t * (1 + (opts.noise ?? 0) * rand())));
  });
}

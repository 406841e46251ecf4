/**
 * Expand: suggestions from the data (expansion.ts) and the rep's expansion plan for next cycle.
 */
import type { DataSource } from 'typeorm';
import type { ActivityDeps } from '../deps';
import { requireDistributor } from './distributors.activity';
import { DomainRuleError, codeList, domainActivity } from './domain-error';
import { type CarriedSku, type ExpansionInput, outletGaps, promotionCandidates, skuGaps } from './expansion';
import { addPeriods, daysInPeriod, isPeriod } from './periods';

export interface SaveExpansionPlanInput {
  orderId?: string | null;
  distributorId: string;
  period: string;
  newSkus?: string | string[] | null;
  newOutlets?: string | string[] | null;
  promotions?: string | null;
  targetGrowthPct?: number | null;
  nextCycle: boolean;
  suggestions?: Record<string, unknown> | null;
  createdBy?: string | null;
}

async function carried(ds: DataSource, distributorId: string, last: string): Promise<CarriedSku[]> {
  const from = addPeriods(last, -2);
  const before = addPeriods(last, -5);
  const rows = await ds.query(
    `SELECT sku_id AS sku,
            coalesce(sum(sell_through) FILTER (WHERE period >= $3), 0)::int AS recent,
            coalesce(sum(sell_through) FILTER (WHERE period < $3), 0)::int AS previous,
            coalesce(max(closing_stock) FILTER (WHERE period = $2), 0)::int AS closing
       FROM sell_through_reports WHERE distributor_id = $1 AND period BETWEEN $4 AND $2 GROUP BY sku_id ORDER BY sku_id`,
    [distributorId, last, from, before]);
  const days = [0, 1, 2].reduce((d, i) => d + daysInPeriod(addPeriods(last, -i)), 0);
  return rows.map((r: Record<string, number> & { sku: string }) => ({
    sku: r.sku, recentSellThrough: r.recent, previousSellThrough: r.previous, closingStock: r.closing, dailySellThrough: r.recent / days,
  }));
}

async function expansionInput(ds: DataSource, distributorId: string, regionId: string, last: string): Promise<ExpansionInput> {
  const [region, ka, active, outlets] = await Promise.all([
    ds.query(`SELECT r.sku_id AS sku, sum(r.sell_through)::int AS sold FROM sell_through_reports r JOIN distributors d ON d.id = r.distributor_id
               WHERE d.region_id = $1 AND r.distributor_id <> $2 AND r.period BETWEEN $3 AND $4 GROUP BY r.sku_id`, [regionId, distributorId, addPeriods(last, -2), last]),
    ds.query(`SELECT DISTINCT unnest(skus) AS sku FROM ka_agreements WHERE distributor_id = $1`, [distributorId]),
    ds.query(`SELECT id FROM skus WHERE active ORDER BY id`),
    ds.query(`SELECT id, name, distributor_id AS "distributorId", listed_skus AS "listedSkus" FROM outlets WHERE region_id = $1 ORDER BY id`, [regionId]),
  ]);
  return {
    distributorId, carried: await carried(ds, distributorId, last),
    regionSellThrough: new Map(region.map((r: { sku: string; sold: number }) => [r.sku, r.sold])),
    kaSkus: ka.map((k: { sku: string }) => k.sku).sort(), activeSkus: active.map((s: { id: string }) => s.id), regionOutlets: outlets,
  };
}

async function suggestExpansion(ds: DataSource, input: { distributorId: string; period?: string | null; orderId?: string | null }) {
  const distributor = await requireDistributor(ds, input.distributorId);
  const [{ latest }] = await ds.query(
    `SELECT max(period) AS latest FROM sell_through_reports WHERE distributor_id = $1 AND ($2::text IS NULL OR period <= $2)`,
    [distributor.id, isPeriod(input.period) ? input.period : null]);
  const last = latest ?? (isPeriod(input.period) ? input.period : null);
  const data = last ? await expansionInput(ds, distributor.id, distributor.regionId, last) : null;
  const suggestions = {
    basedOn: last, skuGaps: data ? skuGaps(data) : [], outletGaps: data ? outletGaps(data) : [], promotionCandidates: data ? promotionCandidates(data) : [],
  };
  return {
    expansionSuggestions: suggestions,
    suggestedSkusText: suggestions.skuGaps.map((g) => g.sku).join(', '),
    suggestedOutletsText: suggestions.outletGaps.map((g) => g.outletId).join(', '),
    promotionText: suggestions.promotionCandidates.map((p) => `${p.sku}: ${p.reason.replace('_', ' ')}`).join('\n'),
  };
}

async function saveExpansionPlan(ds: DataSource, input: SaveExpansionPlanInput) {
  const distributor = await requireDistributor(ds, input.distributorId);
  if (!isPeriod(input.period)) throw new DomainRuleError('invalid_input', `period '${String(input.period)}' is not YYYY-MM`);
  const skus = codeList(input.newSkus);
  const known: { id: string }[] = await ds.query(`SELECT id FROM skus WHERE id = ANY($1)`, [skus]);
  const unknown = skus.filter((s) => !known.some((k) => k.id === s));
  if (unknown.length) throw new DomainRuleError('unknown_sku', `unknown SKUs in the expansion plan: ${unknown.join(', ')}`, unknown.map((s) => ({ field: 'newSkus', code: 'unknown_sku', message: `SKU ${s} does not exist` })));
  // New outlets may be prospects not yet in the system: kept as written.
  const [row] = await ds.query(
    `INSERT INTO expansion_plans (order_id, distributor_id, period, suggestions, new_skus, new_outlets, promotions, target_growth_pct, next_cycle, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (order_id, distributor_id, period) DO UPDATE SET suggestions = EXCLUDED.suggestions, new_skus = EXCLUDED.new_skus, new_outlets = EXCLUDED.new_outlets,
       promotions = EXCLUDED.promotions, target_growth_pct = EXCLUDED.target_growth_pct, next_cycle = EXCLUDED.next_cycle
     RETURNING id`,
    [input.orderId ?? null, distributor.id, input.period, JSON.stringify(input.suggestions ?? {}), skus, codeList(input.newOutlets),
      input.promotions ?? null, input.targetGrowthPct ?? null, input.nextCycle === true, input.createdBy ?? null]);
  return { expansionPlanId: row.id as string };
}

export function expansionActivities({ ds }: ActivityDeps) {
  return {
    suggestExpansion: domainActivity((input: { distributorId: string; period?: string | null; orderId?: string | null }) => suggestExpansion(ds, input)),
    saveExpansionPlan: domainActivity((input: SaveExpansionPlanInput) => saveExpansionPlan(ds, input)),
  };
}

/**
 * forecastDemand: the suggested quantity per SKU for a distributor's next month, from its
 * sell-through history (FORECAST.md), net of its stock and goods in transit, plus safety stock
 * over its delivery lead time. Reads only; the plan is stored by saveDemandPlan.
 */
import type { DataSource } from 'typeorm';
import type { ActivityDeps } from '../deps';
import { activityNow } from './activity-clock';
import { type DistributorView, requireDistributor } from './distributors.activity';
import { DomainRuleError, codeList, domainActivity } from './domain-error';
import { type SeriesForecast, forecastSeries } from './forecast/forecast-series';
import { DEFAULT_Z, leadTimeDemand, projectedStock, safetyStock, suggestedQuantity } from './forecast/planning';
import { addPeriods, isPeriod, monthOf, periodAt, periodIndex, periodOf } from './periods';

export interface ForecastDemandInput {
  distributorId: string;
  /** Default: the distributor's assortment (history, KA agreements, listed outlets), else all active SKUs. */
  skus?: string[] | string;
  /** Default: the month after the latest report (and after this order's last plan). */
  period?: string;
  orderId?: string;
  /** Service-level factor for safety stock (default 1.65 ≈ 95 %). */
  z?: number;
}

export interface ForecastLine {
  sku: string;
  name: string;
  suggestedQty: number;
  forecast: number;
  /** Demand during the lead time after the month (next month's forecast × lead time / 30). */
  leadTimeDemand: number;
  safetyStock: number;
  sigma: number;
  closingStock: number;
  projectedStock: number;
  inTransit: number;
  method: SeriesForecast['method'];
  historyPeriods: number;
  lastHistoryPeriod: string | null;
  dampedPeriods: string[];
}

interface HistoryRow { sku: string; period: string; sellThrough: number; closingStock: number }
interface SkuRow { id: string; name: string; seasonality: string[] | null }

const round1 = (x: number) => Math.round(x * 10) / 10;

async function targetPeriod(ds: DataSource, input: ForecastDemandInput): Promise<string> {
  if (input.period !== undefined && input.period !== null && input.period !== '') {
    if (!isPeriod(input.period)) throw new DomainRuleError('invalid_input', `period '${String(input.period)}' is not YYYY-MM`, [{ field: 'period', code: 'invalid_period', message: 'write YYYY-MM' }]);
    return input.period;
  }
  const [{ last }] = await ds.query(`SELECT max(period) AS last FROM sell_through_reports WHERE distributor_id = $1`, [input.distributorId]);
  const [{ lastPlan }] = input.orderId
    ? await ds.query(`SELECT max(period) AS "lastPlan" FROM demand_plans WHERE order_id = $1`, [input.orderId])
    : [{ lastPlan: null }];
  const fromHistory = last ? addPeriods(last, 1) : periodAt(activityNow());
  return lastPlan && periodIndex(lastPlan) >= periodIndex(fromHistory) ? addPeriods(lastPlan, 1) : fromHistory;
}

async function assortment(ds: DataSource, distributorId: string, explicit: string[]): Promise<SkuRow[]> {
  const select = `SELECT id, name, seasonality FROM skus`;
  if (explicit.length) {
    const rows: SkuRow[] = await ds.query(`${select} WHERE id = ANY($1) ORDER BY id`, [explicit]);
    const unknown = explicit.filter((s) => !rows.some((r) => r.id === s));
    if (unknown.length) throw new DomainRuleError('unknown_sku', `unknown SKUs: ${unknown.join(', ')}`, unknown.map((s) => ({ field: 'skus', code: 'unknown_sku', message: `SKU ${s} does not exist` })));
    return rows;
  }
  const carried: SkuRow[] = await ds.query(
    `${select} WHERE active AND id IN (
       SELECT sku_id FROM sell_through_reports WHERE distributor_id = $1
       UNION SELECT unnest(skus) FROM ka_agreements WHERE distributor_id = $1
       UNION SELECT unnest(listed_skus) FROM outlets WHERE distributor_id = $1)
     ORDER BY id`, [distributorId]);
  return carried.length ? carried : ds.query(`${select} WHERE active ORDER BY id`);
}

/** Monthly sell-through from the first report to the last before `period`; gaps interpolated linearly. */
export function monthlySeries(rows: HistoryRow[]): { values: number[]; first: string | null; last: HistoryRow | null } {
  if (rows.length === 0) return { values: [], first: null, last: null };
  const start = periodIndex(rows[0].period);
  const byIndex = new Map(rows.map((r) => [periodIndex(r.period) - start, r.sellThrough]));
  const length = periodIndex(rows[rows.length - 1].period) - start + 1;
  const values: number[] = [];
  for (let i = 0; i < length; i++) {
    const known = byIndex.get(i);
    if (known !== undefined) { values.push(known); continue; }
    let next = i + 1;
    while (!byIndex.has(next)) next++;
    const before = values[i - 1];
    const after = byIndex.get(next) as number;
    values.push(before + (after - before) / (next - i + 1));
  }
  return { values, first: rows[0].period, last: rows[rows.length - 1] };
}

function forecastLine(sku: SkuRow, rows: HistoryRow[], period: string, distributor: DistributorView, inTransit: number, z: number): ForecastLine {
  const { values, first, last } = monthlySeries(rows);
  const horizon = last ? periodIndex(period) - periodIndex(last.period) : 1;
  const seasonality = sku.seasonality ? sku.seasonality.map(Number) : null;
  // One period further than needed: the month after the planned one paces the lead-time demand.
  const f = forecastSeries(values, { horizon: horizon + 1, seasonality, firstMonth: first ? monthOf(first) : undefined });
  const demand = f.path[horizon - 1];
  const ltDemand = leadTimeDemand(f.path[horizon], distributor.leadTimeDays);
  const closing = last?.closingStock ?? 0;
  const projected = projectedStock(closing, f.path.slice(0, horizon - 1));
  const ss = safetyStock(z, f.sigma, distributor.leadTimeDays);
  return {
    sku: sku.id, name: sku.name,
    suggestedQty: suggestedQuantity({ demand, leadTimeDemand: ltDemand, safetyStock: ss, stockOnHand: projected, inTransit }),
    forecast: round1(demand), leadTimeDemand: round1(ltDemand), safetyStock: round1(ss), sigma: round1(f.sigma), closingStock: closing, projectedStock: round1(projected), inTransit,
    method: f.method, historyPeriods: f.historyLength, lastHistoryPeriod: last?.period ?? null,
    dampedPeriods: first ? f.damped.map((i) => periodOf(periodIndex(first) + i)) : [],
  };
}

export async function forecastDemand(ds: DataSource, input: ForecastDemandInput) {
  const distributor = await requireDistributor(ds, input.distributorId);
  const period = await targetPeriod(ds, input);
  const skus = await assortment(ds, distributor.id, codeList(input.skus));
  const z = typeof input.z === 'number' && input.z > 0 ? input.z : DEFAULT_Z;
  const history: HistoryRow[] = await ds.query(
    `SELECT sku_id AS sku, period, sell_through AS "sellThrough", closing_stock AS "closingStock"
       FROM sell_through_reports WHERE distributor_id = $1 AND sku_id = ANY($2) AND period < $3 ORDER BY sku_id, period`,
    [distributor.id, skus.map((s) => s.id), period]);
  const transit: { sku: string; qty: string }[] = await ds.query(
    `SELECT l.sku_id AS sku, sum(l.qty) AS qty FROM shipments s JOIN shipment_lines l ON l.shipment_id = s.id
      WHERE s.distributor_id = $1 AND s.delivered_at IS NULL GROUP BY l.sku_id`, [distributor.id]);
  const lines = skus.map((sku) => forecastLine(sku, history.filter((h) => h.sku === sku.id), period, distributor,
    Number(transit.find((t) => t.sku === sku.id)?.qty ?? 0), z));
  const methods: Record<string, number> = {};
  for (const l of lines) methods[l.method] = (methods[l.method] ?? 0) + 1;
  const historyTo = lines.reduce<string | null>((max, l) => (l.lastHistoryPeriod && (!max || l.lastHistoryPeriod > max) ? l.lastHistoryPeriod : max), null);
  return {
    period,
    lines,
    planRows: lines.map((l) => ({ sku: l.sku, suggestedQty: l.suggestedQty, agreedQty: l.suggestedQty })),
    basis: {
      period, distributorId: distributor.id, leadTimeDays: distributor.leadTimeDays, z, historyTo, skuCount: lines.length, methods,
      suggestedTotal: lines.reduce((a, l) => a + l.suggestedQty, 0), inTransitTotal: lines.reduce((a, l) => a + l.inTransit, 0),
    },
  };
}

export function forecastDemandActivities({ ds }: ActivityDeps) {
  return { forecastDemand: domainActivity((input: ForecastDemandInput) => forecastDemand(ds, input)) };
}

/**
 * analyseSellThrough: days of stock, stock-out risk and replenishment per SKU for one month of a
 * distributor's report (analysis.ts), stored per distributor and month.
 */
import type { DataSource } from 'typeorm';
import type { ActivityDeps } from '../../deps';
import { requireDistributor } from '../distributors.activity';
import { DomainRuleError, domainActivity } from '../domain-error';
import { addPeriods, daysInPeriod, isPeriod } from '../periods';
import { type AnalysisLineInput, analyseLine, overallRisk, replenishmentText } from './analysis';

export interface AnalyseSellThroughInput { distributorId: string; period: string; orderId?: string | null }

const RECENT_MONTHS = 3;

type LoadedLine = Omit<AnalysisLineInput, 'recentDays' | 'plannedQty'> & { periods: string[]; plannedQty: number | null };

async function loadLines(ds: DataSource, distributorId: string, period: string, orderId: string | null): Promise<LoadedLine[]> {
  const from = addPeriods(period, -(RECENT_MONTHS - 1));
  return ds.query(
    `SELECT r.sku_id AS sku, r.opening_stock AS "openingStock", r.sell_in AS "sellIn", r.sell_through AS "sellThrough", r.closing_stock AS "closingStock",
            recent.sold AS "recentSellThrough", recent.periods,
            coalesce((SELECT sum(l.qty) FROM shipments s JOIN shipment_lines l ON l.shipment_id = s.id
                       WHERE s.distributor_id = r.distributor_id AND s.delivered_at IS NULL AND l.sku_id = r.sku_id), 0)::int AS "inTransit",
            (SELECT l.agreed_qty FROM demand_plans p JOIN demand_plan_lines l ON l.plan_id = p.id
              WHERE p.distributor_id = r.distributor_id AND p.period = r.period AND l.sku_id = r.sku_id AND p.status <> 'cancelled'
              ORDER BY (p.order_id IS NOT DISTINCT FROM $3::uuid) DESC, p.created_at DESC LIMIT 1) AS "plannedQty"
       FROM sell_through_reports r
       CROSS JOIN LATERAL (SELECT sum(h.sell_through)::int AS sold, array_agg(h.period) AS periods FROM sell_through_reports h
                            WHERE h.distributor_id = r.distributor_id AND h.sku_id = r.sku_id AND h.period BETWEEN $4 AND r.period) recent
      WHERE r.distributor_id = $1 AND r.period = $2 ORDER BY r.sku_id`,
    [distributorId, period, orderId, from]);
}

export async function analyseSellThrough(ds: DataSource, input: AnalyseSellThroughInput) {
  const distributor = await requireDistributor(ds, input.distributorId);
  if (!isPeriod(input.period)) throw new DomainRuleError('invalid_input', `period '${String(input.period)}' is not YYYY-MM`);
  const rows = await loadLines(ds, distributor.id, input.period, input.orderId ?? null);
  if (rows.length === 0) throw new DomainRuleError('no_sell_through', `distributor ${distributor.id} has not reported ${input.period} yet`);
  const lines = rows.map(({ periods, ...r }) => analyseLine({
    ...r, recentDays: periods.reduce((d, p) => d + daysInPeriod(p), 0), plannedQty: r.plannedQty === null ? null : Number(r.plannedQty),
  }, distributor.leadTimeDays));
  const stockOutRisk = overallRisk(lines);
  const replenishmentNeeded = lines.some((l) => l.replenishQty > 0);
  const totals = rows.reduce((t, r) => ({ sellIn: t.sellIn + r.sellIn, sellThrough: t.sellThrough + r.sellThrough, closing: t.closing + r.closingStock }),
    { sellIn: 0, sellThrough: 0, closing: 0 });
  const result = { period: input.period, distributorId: distributor.id, leadTimeDays: distributor.leadTimeDays, stockOutRisk, replenishmentNeeded, totals, lines,
    atRiskSkus: lines.filter((l) => l.risk === 'high' || l.risk === 'medium').map((l) => l.sku) };
  await ds.query(
    `INSERT INTO sell_through_analyses (distributor_id, period, order_id, stock_out_risk, replenishment_needed, result) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (distributor_id, period) DO UPDATE SET order_id = EXCLUDED.order_id, stock_out_risk = EXCLUDED.stock_out_risk,
       replenishment_needed = EXCLUDED.replenishment_needed, result = EXCLUDED.result, analysed_at = now()`,
    [distributor.id, input.period, input.orderId ?? null, stockOutRisk, replenishmentNeeded, JSON.stringify(result)]);
  return { sellThroughAnalysis: result, stockOutRisk, replenishmentNeeded, replenishmentText: replenishmentText(lines) };
}

export function analyseSellThroughActivities({ ds }: ActivityDeps) {
  return { analyseSellThrough: domainActivity((input: AnalyseSellThroughInput) => analyseSellThrough(ds, input)) };
}

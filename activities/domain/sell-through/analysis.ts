/**
 * What a month's report means for the next weeks, per SKU: the sell-through pace, days of stock
 * left (closing + in transit), the stock-out risk against the delivery lead time, and how much
 * to replenish to cover the lead time plus one order cycle.
 */
export type Risk = 'none' | 'low' | 'medium' | 'high';

export interface AnalysisLineInput {
  sku: string;
  openingStock: number;
  sellIn: number;
  sellThrough: number;
  closingStock: number;
  /** Sell-through of the recent months (this one included) and their total days. */
  recentSellThrough: number;
  recentDays: number;
  inTransit: number;
  /** Agreed quantity of this month's plan, if any. */
  plannedQty: number | null;
}

export interface AnalysisLine {
  sku: string;
  dailySellThrough: number;
  daysOfStock: number | null;
  sellThroughRate: number | null;
  risk: Risk;
  replenishQty: number;
  sellInVsPlan: number | null;
}

/** Days of cover beyond the lead time under which the risk counts as medium. */
export const MEDIUM_RISK_MARGIN_DAYS = 14;
export const ORDER_CYCLE_DAYS = 30;
const RANK: Record<Risk, number> = { none: 0, low: 1, medium: 2, high: 3 };
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

export function analyseLine(l: AnalysisLineInput, leadTimeDays: number): AnalysisLine {
  const daily = l.recentDays > 0 ? l.recentSellThrough / l.recentDays : 0;
  const stock = l.closingStock + l.inTransit;
  const daysOfStock = daily > 0 ? stock / daily : null;
  let risk: Risk = 'none';
  if (daysOfStock !== null) risk = daysOfStock < leadTimeDays ? 'high' : daysOfStock < leadTimeDays + MEDIUM_RISK_MARGIN_DAYS ? 'medium' : 'low';
  const need = daily * (leadTimeDays + ORDER_CYCLE_DAYS) - stock;
  const available = l.openingStock + l.sellIn;
  return {
    sku: l.sku, dailySellThrough: round(daily, 2), daysOfStock: daysOfStock === null ? null : round(daysOfStock),
    sellThroughRate: available > 0 ? round(l.sellThrough / available, 3) : null, risk,
    replenishQty: risk === 'high' || risk === 'medium' ? Math.max(0, Math.ceil(need - 1e-9)) : 0,
    sellInVsPlan: l.plannedQty ? round(l.sellIn / l.plannedQty, 3) : null,
  };
}

export function overallRisk(lines: AnalysisLine[]): Risk {
  return lines.reduce<Risk>((worst, l) => (RANK[l.risk] > RANK[worst] ? l.risk : worst), 'none');
}

/** One line per SKU to replenish, for the rep's replenishment task. */
export function replenishmentText(lines: AnalysisLine[]): string {
  return lines.filter((l) => l.replenishQty > 0)
    .map((l) => `${l.sku}: ${l.replenishQty} cases (${l.daysOfStock ?? '—'} days of stock, ${l.risk} risk)`).join('\n');
}

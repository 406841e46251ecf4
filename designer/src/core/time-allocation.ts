/**
 * The reps' time study from the domain brief (table 1): share of working time per category, for
 * field reps and area managers, off-season and peak. The analytics page shows real task data next
 * to it.
 */
import { TIME_CATEGORIES, type TimeCategory } from '@orderpath/workflows/definition/schema';

export type Season = 'off' | 'peak';
export type Who = 'rep' | 'manager';

type Row = readonly [repOff: number, repPeak: number, mgrOff: number, mgrPeak: number];

export const BASELINE: Readonly<Record<TimeCategory, Row>> = {
  travelling: [18, 19, 14, 14], distributor_talks: [11, 10, 12, 10], wholesaler_talks: [4, 6, 5, 3],
  retailer_talks: [9, 9, 11, 16], team_talks: [7, 6, 6, 6], market_visits: [7, 7, 9, 5],
  opening_outlets: [4, 5, 4, 3], order_processing: [4, 3, 3, 4], payment_collection: [3, 2, 3, 3],
  delivery_replenishment: [5, 3, 5, 6], display: [4, 6, 5, 5], promotion: [4, 4, 3, 7], stock_check: [2, 4, 2, 2],
  returns: [2, 2, 2, 1], data_analysis: [5, 4, 5, 6], reporting: [3, 2, 2, 3], incidents: [4, 3, 3, 3], other: [4, 5, 6, 3],
};

export function baselineShare(category: TimeCategory, who: Who, season: Season): number {
  return BASELINE[category][(who === 'rep' ? 0 : 2) + (season === 'off' ? 0 : 1)];
}

export interface AllocationRow {
  category: TimeCategory;
  /** Percent of the time in the selection, from real tasks; null when there is no data. */
  actual: number | null;
  baseline: number;
}

/**
 * Reads the API's time-allocation answer into percentages per category. Accepts rows with a
 * `share` (0–1 or 0–100) or with absolute `hours`/`minutes`/`ms`, optionally per role and season.
 */
export function actualShares(rows: readonly Record<string, unknown>[], role?: string, season?: Season): Map<TimeCategory, number> {
  const picked = rows.filter((r) => (!role || !r.role || r.role === role) && (!season || !r.season || r.season === season));
  const amounts = new Map<TimeCategory, number>();
  let sharesArePercent = false;
  for (const r of picked) {
    const category = r.category as TimeCategory;
    if (!TIME_CATEGORIES.includes(category)) continue;
    const v = Number(r.share ?? r.percent ?? r.hours ?? r.minutes ?? r.ms ?? r.value ?? r.count ?? 0);
    if (!Number.isFinite(v)) continue;
    if (r.percent !== undefined || (r.share !== undefined && v > 1)) sharesArePercent = true;
    amounts.set(category, (amounts.get(category) ?? 0) + v);
  }
  const total = [...amounts.values()].reduce((a, b) => a + b, 0);
  const out = new Map<TimeCategory, number>();
  if (total <= 0) return out;
  for (const [c, v] of amounts) out.set(c, sharesArePercent && Math.abs(total - 100) < 1 ? v : (v / total) * 100);
  return out;
}

export function allocationTable(actual: ReadonlyMap<TimeCategory, number>, who: Who, season: Season): AllocationRow[] {
  return TIME_CATEGORIES.map((category) => ({
    category, baseline: baselineShare(category, who, season),
    actual: actual.size ? Math.round((actual.get(category) ?? 0) * 10) / 10 : null,
  }));
}

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
 * Rows for one column (`rep_off`, `manager_peak`, …) of the API's answer: `{ rows: [{ category,
 * share: { [column]: % | null }, baseline: { [column]: % } }] }`. Without an answer (older API),
 * the brief's baseline alone.
 */
export function allocationRows(body: unknown, who: Who, season: Season): AllocationRow[] {
  const column = `${who}_${season}`;
  const rows = (body as { rows?: unknown } | null)?.rows;
  type ApiRow = { category: string; share?: Record<string, number | null>; baseline?: Record<string, number> };
  const byCategory = new Map<string, ApiRow>();
  if (Array.isArray(rows)) for (const r of rows as ApiRow[]) byCategory.set(r.category, r);
  return TIME_CATEGORIES.map((category) => {
    const r = byCategory.get(category);
    const actual = r?.share?.[column];
    return { category, actual: typeof actual === 'number' ? actual : null, baseline: r?.baseline?.[column] ?? baselineShare(category, who, season) };
  });
}

/** Tasks measured in a column, from the API's `columns` list (0 when unknown). */
export function columnTasks(body: unknown, who: Who, season: Season): number {
  const columns = (body as { columns?: { key: string; tasks: number }[] } | null)?.columns ?? [];
  return columns.find((c) => c.key === `${who}_${season}`)?.tasks ?? 0;
}

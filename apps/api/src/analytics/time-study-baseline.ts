/**
 * Table 1 of the domain brief (ORDER-VALUE-CHAIN.md): share of working time (%) per activity,
 * field reps and area managers, off-season and peak season. The time-allocation analytics
 * return it beside the figures measured from completed tasks.
 */
import type { TimeCategory } from '@orderpath/workflows/definition/schema';

export const ALLOCATION_COLUMNS = ['rep_off', 'rep_peak', 'manager_off', 'manager_peak'] as const;
export type AllocationColumn = (typeof ALLOCATION_COLUMNS)[number];

export interface BaselineRow {
  category: TimeCategory;
  activity: string;
  baseline: Record<AllocationColumn, number>;
}

const row = (category: TimeCategory, activity: string, repOff: number, repPeak: number, mgrOff: number, mgrPeak: number): BaselineRow =>
  ({ category, activity, baseline: { rep_off: repOff, rep_peak: repPeak, manager_off: mgrOff, manager_peak: mgrPeak } });

export const TIME_STUDY_BASELINE: BaselineRow[] = [
  row('travelling', 'travelling', 18, 19, 14, 14),
  row('distributor_talks', 'talking to distributors', 11, 10, 12, 10),
  row('wholesaler_talks', 'talking to wholesalers', 4, 6, 5, 3),
  row('retailer_talks', 'talking to retailers', 9, 9, 11, 16),
  row('team_talks', 'talking to own team', 7, 6, 6, 6),
  row('market_visits', 'market visits', 7, 7, 9, 5),
  row('opening_outlets', 'opening outlets (listing / entry talks)', 4, 5, 4, 3),
  row('order_processing', 'processing orders', 4, 3, 3, 4),
  row('payment_collection', 'collecting payment', 3, 2, 3, 3),
  row('delivery_replenishment', 'delivery / replenishment', 5, 3, 5, 6),
  row('display', 'display & shelf tidying', 4, 6, 5, 5),
  row('promotion', 'running promotions', 4, 4, 3, 7),
  row('stock_check', 'stock checks', 2, 4, 2, 2),
  row('returns', 'returns & exchanges', 2, 2, 2, 1),
  row('data_analysis', 'sales data analysis', 5, 4, 5, 6),
  row('reporting', 'reports', 3, 2, 2, 3),
  row('incidents', 'problems & incidents', 4, 3, 3, 3),
  row('other', 'other', 4, 5, 6, 3),
];

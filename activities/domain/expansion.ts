/**
 * Expansion suggestions from data: SKUs to add (listed at KA but not selling, or selling well
 * with other distributors of the region but not carried here), outlets to open (uncovered in the
 * region, or covered but missing this distributor's best sellers) and promotion candidates
 * (slow movers with long stock cover, or declining sell-through).
 */
export interface CarriedSku { sku: string; recentSellThrough: number; previousSellThrough: number; closingStock: number; dailySellThrough: number }
export interface OutletInfo { id: string; name: string; distributorId: string | null; listedSkus: string[] }

export interface ExpansionInput {
  carried: CarriedSku[];
  /** Sell-through of the region's other distributors per SKU, recent months. */
  regionSellThrough: Map<string, number>;
  /** SKUs of this distributor's KA agreements. */
  kaSkus: string[];
  activeSkus: string[];
  distributorId: string;
  regionOutlets: OutletInfo[];
}

export const SLOW_MOVER_DAYS = 60;
export const DECLINE_RATIO = 0.8;
const TOP = 5;

export function skuGaps(input: ExpansionInput) {
  const selling = new Set(input.carried.filter((c) => c.recentSellThrough > 0).map((c) => c.sku));
  const listedNotSelling = input.kaSkus.filter((s) => !selling.has(s)).map((sku) => ({ sku, reason: 'listed_not_selling', regionSellThrough: input.regionSellThrough.get(sku) ?? 0 }));
  const carried = new Set(input.carried.map((c) => c.sku));
  const regional = input.activeSkus.filter((s) => !carried.has(s) && (input.regionSellThrough.get(s) ?? 0) > 0)
    .map((sku) => ({ sku, reason: 'sells_in_region_not_carried', regionSellThrough: input.regionSellThrough.get(sku) ?? 0 }))
    .sort((a, b) => b.regionSellThrough - a.regionSellThrough || a.sku.localeCompare(b.sku)).slice(0, TOP);
  return [...listedNotSelling, ...regional];
}

export function outletGaps(input: ExpansionInput) {
  const best = [...input.carried].sort((a, b) => b.recentSellThrough - a.recentSellThrough).slice(0, 3).filter((c) => c.recentSellThrough > 0).map((c) => c.sku);
  const uncovered = input.regionOutlets.filter((o) => o.distributorId === null).map((o) => ({ outletId: o.id, name: o.name, reason: 'no_distributor', missingSkus: best }));
  const thin = input.regionOutlets.filter((o) => o.distributorId === input.distributorId)
    .map((o) => ({ outletId: o.id, name: o.name, reason: 'missing_best_sellers', missingSkus: best.filter((s) => !o.listedSkus.includes(s)) }))
    .filter((o) => o.missingSkus.length > 0);
  return [...uncovered.slice(0, TOP * 2), ...thin.slice(0, TOP)];
}

export interface PromotionCandidate { sku: string; reason: 'slow_moving' | 'declining'; daysOfStock?: number; change?: number }

export function promotionCandidates(input: ExpansionInput): PromotionCandidate[] {
  return input.carried.flatMap((c): PromotionCandidate[] => {
    const cover = c.dailySellThrough > 0 ? c.closingStock / c.dailySellThrough : null;
    if (cover !== null && cover > SLOW_MOVER_DAYS) return [{ sku: c.sku, reason: 'slow_moving', daysOfStock: Math.round(cover) }];
    if (c.previousSellThrough > 0 && c.recentSellThrough < DECLINE_RATIO * c.previousSellThrough) {
      return [{ sku: c.sku, reason: 'declining', change: Math.round((c.recentSellThrough / c.previousSellThrough - 1) * 100) / 100 }];
    }
    return [];
  });
}

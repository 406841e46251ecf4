import { type ExpansionInput, outletGaps, promotionCandidates, skuGaps } from './expansion';

const input = (o: Partial<ExpansionInput> = {}): ExpansionInput => ({
  distributorId: 'D1',
  carried: [
    { sku: 'A', recentSellThrough: 300, previousSellThrough: 290, closingStock: 100, dailySellThrough: 10 },
    { sku: 'B', recentSellThrough: 100, previousSellThrough: 200, closingStock: 30, dailySellThrough: 1 },
    { sku: 'C', recentSellThrough: 0, previousSellThrough: 0, closingStock: 0, dailySellThrough: 0 },
  ],
  regionSellThrough: new Map([['D', 500], ['E', 900], ['A', 50]]),
  kaSkus: ['A', 'C'],
  activeSkus: ['A', 'B', 'C', 'D', 'E', 'F'],
  regionOutlets: [
    { id: 'O1', name: 'Shop 1', distributorId: null, listedSkus: [] },
    { id: 'O2', name: 'Mart 2', distributorId: 'D1', listedSkus: ['A'] },
    { id: 'O3', name: 'Mart 3', distributorId: 'D1', listedSkus: ['A', 'B'] },
    { id: 'O4', name: 'Other', distributorId: 'D2', listedSkus: [] },
  ],
  ...o,
});

describe('expansion suggestions', () => {
  it('names KA-listed SKUs that do not sell, then SKUs selling in the region but not carried, best first', () => {
    expect(skuGaps(input()).map((g) => [g.sku, g.reason])).toEqual([['C', 'listed_not_selling'], ['E', 'sells_in_region_not_carried'], ['D', 'sells_in_region_not_carried']]);
  });

  it('names uncovered outlets of the region and covered outlets missing the best sellers', () => {
    expect(outletGaps(input()).map((g) => [g.outletId, g.reason, g.missingSkus])).toEqual([['O1', 'no_distributor', ['A', 'B']], ['O2', 'missing_best_sellers', ['B']]]);
  });

  it('proposes promotions for slow movers (more than 60 days of stock) and declining SKUs (below 80 % of the months before)', () => {
    const slow = { sku: 'S', recentSellThrough: 90, previousSellThrough: 90, closingStock: 700, dailySellThrough: 1 };
    expect(promotionCandidates(input({ carried: [...input().carried, slow] }))).toEqual([
      { sku: 'B', reason: 'declining', change: -0.5 },
      { sku: 'S', reason: 'slow_moving', daysOfStock: 700 },
    ]);
  });
});

import { analyseLine, overallRisk, replenishmentText } from './analysis';

const line = (o: Partial<Parameters<typeof analyseLine>[0]> = {}) => ({
  sku: 'A', openingStock: 100, sellIn: 300, sellThrough: 300, closingStock: 100, recentSellThrough: 900, recentDays: 90, inTransit: 0, plannedQty: 300, ...o,
});

describe('sell-through analysis of one SKU', () => {
  it('computes pace, days of stock and sell-through rate', () => {
    expect(analyseLine(line(), 7)).toEqual({ sku: 'A', dailySellThrough: 10, daysOfStock: 10, sellThroughRate: 0.75, risk: 'medium', replenishQty: 270, sellInVsPlan: 1 });
  });

  it('is high risk when the stock runs out before a delivery could arrive, and suggests cover for lead time plus a cycle', () => {
    const a = analyseLine(line({ closingStock: 50 }), 7);
    expect(a.risk).toBe('high');
    expect(a.replenishQty).toBe(10 * (7 + 30) - 50);
  });

  it('counts goods in transit as stock', () => {
    expect(analyseLine(line({ closingStock: 50, inTransit: 400 }), 7)).toMatchObject({ daysOfStock: 45, risk: 'low', replenishQty: 0 });
  });

  it('has no risk and no days of stock when nothing sells', () => {
    expect(analyseLine(line({ recentSellThrough: 0, sellThrough: 0 }), 7)).toMatchObject({ daysOfStock: null, risk: 'none', replenishQty: 0 });
  });

  it('takes the worst line as the overall risk and lists what to replenish', () => {
    const lines = [analyseLine(line({ sku: 'A', closingStock: 500 }), 7), analyseLine(line({ sku: 'B', closingStock: 50 }), 7)];
    expect(overallRisk(lines)).toBe('high');
    expect(replenishmentText(lines)).toBe('B: 320 cases (5 days of stock, high risk)');
  });
});

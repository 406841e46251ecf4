import { leadTimeDemand, projectedStock, safetyStock, suggestedQuantity } from './planning';

describe('safety stock', () => {
  it('is z·σ·√(lead time in months)', () => {
    expect(safetyStock(1.65, 40, 30)).toBeCloseTo(66);
    expect(safetyStock(1.65, 40, 7.5)).toBeCloseTo(33);
  });

  it('is zero without variability or lead time', () => {
    expect(safetyStock(1.65, 0, 14)).toBe(0);
    expect(safetyStock(1.65, 10, 0)).toBe(0);
  });
});

describe('suggested quantity', () => {
  it('orders up to demand plus safety stock, net of stock and goods in transit, in whole cases', () => {
    expect(suggestedQuantity({ demand: 100, safetyStock: 20.2, stockOnHand: 30, inTransit: 10 })).toBe(81);
  });

  it('also covers the demand of the lead time after the planned month', () => {
    expect(leadTimeDemand(300, 6)).toBe(60);
    expect(suggestedQuantity({ demand: 100, leadTimeDemand: 60, safetyStock: 20, stockOnHand: 30, inTransit: 10 })).toBe(140);
  });

  it('never suggests a negative quantity when the distributor is overstocked', () => {
    expect(suggestedQuantity({ demand: 100, safetyStock: 20, stockOnHand: 500, inTransit: 0 })).toBe(0);
  });

  it('does not round float noise up to an extra case', () => {
    expect(suggestedQuantity({ demand: 0.1 + 0.2, safetyStock: 119.7, stockOnHand: 0, inTransit: 0 })).toBe(120);
  });
});

describe('projected stock', () => {
  it('subtracts the forecast of the months between the last report and the planned month, floored at zero', () => {
    expect(projectedStock(300, [120, 100])).toBe(80);
    expect(projectedStock(100, [120, 100])).toBe(0);
    expect(projectedStock(100, [])).toBe(100);
  });
});

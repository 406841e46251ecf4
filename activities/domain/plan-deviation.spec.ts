import { deviationShare, missingReasons, needsReason } from './plan-deviation';

describe('demand plan override rule', () => {
  it('accepts deviations up to 20 % either way without a reason', () => {
    expect(needsReason({ suggestedQty: 100, agreedQty: 120 })).toBe(false);
    expect(needsReason({ suggestedQty: 100, agreedQty: 80 })).toBe(false);
  });

  it('requires a reason above 20 % either way', () => {
    expect(needsReason({ suggestedQty: 100, agreedQty: 121 })).toBe(true);
    expect(needsReason({ suggestedQty: 100, agreedQty: 79 })).toBe(true);
  });

  it('requires a reason for any quantity against a suggestion of zero, and none for zero against zero', () => {
    expect(needsReason({ suggestedQty: 0, agreedQty: 1 })).toBe(true);
    expect(needsReason({ suggestedQty: 0, agreedQty: 0 })).toBe(false);
    expect(deviationShare({ suggestedQty: 0, agreedQty: 5 })).toBeNull();
  });

  it('lists only deviating lines whose reason is missing or blank', () => {
    const lines = [
      { sku: 'A', suggestedQty: 100, agreedQty: 150, overrideReason: '  ' },
      { sku: 'B', suggestedQty: 100, agreedQty: 150, overrideReason: 'KA promotion in March' },
      { sku: 'C', suggestedQty: 100, agreedQty: 105 },
      { sku: 'D', suggestedQty: 10, agreedQty: 0, overrideReason: null },
    ];
    expect(missingReasons(lines).map((l) => l.sku)).toEqual(['A', 'D']);
  });
});

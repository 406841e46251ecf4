import { daysUntilReminder, stockCoverDays } from './stock-cover';

describe('stock cover', () => {
  it('is stock divided by the daily sell-through, minus the days since the report', () => {
    expect(stockCoverDays({ stock: 300, dailySellThrough: 10, daysSinceReport: 0 })).toBe(30);
    expect(stockCoverDays({ stock: 300, dailySellThrough: 10, daysSinceReport: 12 })).toBe(18);
  });

  it('never goes below zero, and is unknown when nothing sells', () => {
    expect(stockCoverDays({ stock: 50, dailySellThrough: 10, daysSinceReport: 30 })).toBe(0);
    expect(stockCoverDays({ stock: 50, dailySellThrough: 0, daysSinceReport: 0 })).toBeNull();
  });
});

describe('payment reminder', () => {
  it('comes when the cover left equals the lead time', () => {
    expect(daysUntilReminder(30, 7, 14)).toBe(23);
  });

  it('comes at once when the cover is already shorter than the lead time', () => {
    expect(daysUntilReminder(5, 7, 14)).toBe(0);
  });

  it('falls back to the given days when the cover is unknown', () => {
    expect(daysUntilReminder(null, 7, 14)).toBe(14);
  });
});

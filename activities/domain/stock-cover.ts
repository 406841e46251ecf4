/**
 * Stock cover: how many days the distributor's stock lasts at its recent sell-through pace, and
 * the day to remind it to pay — when the cover left is just the delivery lead time, so a paid
 * order still arrives before the shelves run dry (and not earlier: no squeezing).
 */
export interface CoverInput {
  /** Closing stock of the last report plus goods in transit, in cases. */
  stock: number;
  /** Sell-through per day over recent months. */
  dailySellThrough: number;
  /** Days since the end of the last reported month. */
  daysSinceReport: number;
}

/** Days of stock left today; null when nothing sells (cover is unbounded). */
export function stockCoverDays({ stock, dailySellThrough, daysSinceReport }: CoverInput): number | null {
  if (!(dailySellThrough > 0)) return null;
  return Math.max(0, stock / dailySellThrough - Math.max(0, daysSinceReport));
}

/** Days from today until the reminder: cover minus lead time, at least 0; `fallbackDays` when cover is unknown. */
export function daysUntilReminder(coverDays: number | null, leadTimeDays: number, fallbackDays: number): number {
  if (coverDays === null) return fallbackDays;
  return Math.max(0, Math.floor(coverDays - leadTimeDays));
}

/**
 * From a demand forecast to a suggested order quantity: safety stock over the delivery lead
 * time (z·σ·√LT, LT in periods) and the periodic-review order-up-to rule — cover the planned
 * month plus the lead time that follows it — net of the distributor's stock and goods already
 * on the way. Quantities are cases.
 */

/** Days in a planning period (a month) for converting lead times. */
export const PERIOD_DAYS = 30;
/** z for a 95 % cycle service level. */
export const DEFAULT_Z = 1.65;

export function safetyStock(z: number, sigma: number, leadTimeDays: number, periodDays = PERIOD_DAYS): number {
  if (!(sigma > 0) || !(leadTimeDays > 0)) return 0;
  return z * sigma * Math.sqrt(leadTimeDays / periodDays);
}

export interface QuantityInput {
  /** Forecast demand of the planned period. */
  demand: number;
  /** Forecast demand during the lead time after the period (next period's forecast × LT / 30). */
  leadTimeDemand?: number;
  safetyStock: number;
  /** Distributor stock expected at the start of the period. */
  stockOnHand: number;
  /** Shipped to the distributor and not delivered yet. */
  inTransit: number;
}

/** Order-up-to: demand + lead-time demand + safety stock − stock − in transit, in whole cases, never negative. */
export function suggestedQuantity({ demand, leadTimeDemand = 0, safetyStock: ss, stockOnHand, inTransit }: QuantityInput): number {
  const need = demand + leadTimeDemand + ss - stockOnHand - inTransit;
  // Tolerate float noise (e.g. 120.0000000001 must not become 121 cases).
  return need <= 0 ? 0 : Math.ceil(need - 1e-9);
}

/** Demand expected during `leadTimeDays` at the pace of a period with `demand`. */
export function leadTimeDemand(demand: number, leadTimeDays: number, periodDays = PERIOD_DAYS): number {
  return leadTimeDays > 0 ? (demand * leadTimeDays) / periodDays : 0;
}

/**
 * Stock expected at the start of the planned period when the last report is older than the
 * period before it: the last closing stock minus the forecast demand of the months between.
 */
export function projectedStock(closingStock: number, demandBetween: number[]): number {
  return Math.max(0, demandBetween.reduce((stock, d) => stock - d, closingStock));
}

/**
 * From a demand forecast to a suggested order quantity: safety stock over the delivery lead
 * time (z·σ·√LT, LT in periods) and the order-up-to rule net of the distributor's stock and
 * goods already on the way. Quantities are cases.
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
  safetyStock: number;
  /** Distributor stock expected at the start of the period. */
  stockOnHand: number;
  /** Shipped to the distributor and not delivered yet. */
  inTransit: number;
}

/** Order-up-to: demand + safety stock − stock − in transit, in whole cases, never negative. */
export function suggestedQuantity({ demand, safetyStock: ss, stockOnHand, inTransit }: QuantityInput): number {
  const need = demand + ss - stockOnHand - inTransit;
  // Tolerate float noise (e.g. 120.0000000001 must not become 121 cases).
  return need <= 0 ? 0 : Math.ceil(need - 1e-9);
}

/**
 * Stock expected at the start of the planned period when the last report is older than the
 * period before it: the last closing stock minus the forecast demand of the months between.
 */
export function projectedStock(closingStock: number, demandBetween: number[]): number {
  return Math.max(0, demandBetween.reduce((stock, d) => stock - d, closingStock));
}

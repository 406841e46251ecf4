/**
 * How one plan line takes HQ stock: keep what is already reserved (allocation re-runs top up
 * backorders from new stock), reserve what is available up to the agreed quantity, backorder the
 * rest. Invariant: reserved + backordered = requested, and no more than available is taken.
 */
export interface LineAllocation {
  /** Reserved for the line after this run. */
  reserved: number;
  /** Change to HQ's reserved count (negative releases an excess when the plan shrank). */
  delta: number;
  backordered: number;
}

export function allocateLine(requested: number, alreadyReserved: number, available: number): LineAllocation {
  const want = Math.max(0, Math.floor(requested));
  if (alreadyReserved >= want) return { reserved: want, delta: want - alreadyReserved, backordered: 0 };
  const take = Math.min(want - alreadyReserved, Math.max(0, Math.floor(available)));
  const reserved = alreadyReserved + take;
  return { reserved, delta: take, backordered: want - reserved };
}

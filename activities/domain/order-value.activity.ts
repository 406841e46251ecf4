import type { ActivityDeps } from '../deps';

export interface OrderLine {
  sku: string;
  qty: number;
  price: number;
}

/** Sums order lines into the order's value (used to rank stuck orders) and stores it. */
export function orderValueActivities({ ds }: ActivityDeps) {
  return {
    async computeOrderValue(input: { orderId: string; lines?: OrderLine[]; amount?: number }): Promise<{ orderValue: number }> {
      const fromLines = (input.lines ?? []).reduce((sum, l) => sum + Number(l.qty) * Number(l.price), 0);
      const orderValue = Math.round((fromLines || Number(input.amount ?? 0)) * 100) / 100;
      if (!Number.isFinite(orderValue) || orderValue < 0) {
        const { ApplicationFailure } = await import('@temporalio/activity');
        throw ApplicationFailure.nonRetryable(`order value must be a non-negative number, got ${orderValue}`, 'InvalidOrderValue');
      }
      await ds.query(`UPDATE orders SET value = $2 WHERE id = $1`, [input.orderId, orderValue]);
      return { orderValue };
    },
  };
}

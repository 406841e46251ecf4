/**
 * Cancel while a service task's activity is still running, on the time-skipping server with the
 * real engine activities: the order ends at once (the activity is abandoned, not awaited) and its
 * projection says so. Under the fast path the fiber is parked on the call instead of a condition.
 */
import { cancelUpdate } from '@orderpath/workflows/messages';
import { chain, def, node } from '@orderpath/workflows/definition/test-builders';
import { useTimeSkippingHarness } from './helpers/harness';
import { checked, eventsOf, orderRow, startOrder, uniqueKey, until } from './helpers/orders';

/** Per order: releases its running activity (so the worker can shut down). */
const running = new Map<string, () => void>();
async function bookCarrier(input: { orderId: string }): Promise<Record<string, unknown>> {
  await new Promise<void>((release) => running.set(input.orderId, release));
  return { booked: true };
}

const harness = useTimeSkippingHarness({ extraActivities: { bookCarrier } });

describe('given an order whose service task is still running', () => {
  it('when it is cancelled, then it ends cancelled without waiting for the activity, and the projection says cancelled', async () => {
    const template = checked(def(
      [node('start', 'start'), node('book', 'serviceTask', { activity: 'bookCarrier', input: { orderId: 'order.id' } }), node('end', 'end')],
      chain('start', 'book', 'end'), { key: uniqueKey('carrier'), name: 'Carrier' },
    ), { activities: ['bookCarrier'] });
    const { orderId, handle } = await startOrder(harness.h, template);
    await until('the activity running', async () => running.has(orderId));

    try {
      await handle.executeUpdate(cancelUpdate, { args: [{ reason: 'customer withdrew', by: 'supervisor' }] });

      await expect(handle.result()).resolves.toMatchObject({ status: 'cancelled' });
      expect((await orderRow(harness.h.ds, orderId)).status).toBe('cancelled');
      const types = (await eventsOf(harness.h.ds, orderId)).map((e) => e.type);
      expect(types).not.toContain('service_completed');
      expect(types.at(-1)).toBe('order_cancelled');
    } finally {
      running.get(orderId)?.(); // the abandoned activity may finish now (the worker shuts down after this file)
    }
  });
});

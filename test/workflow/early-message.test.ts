/**
 * Messages that arrive before the order is ready for them (a payment notice while the plan is
 * still being agreed) are kept, not lost; a message for another correlation key stays pending.
 */
import { messageSignal, stateQuery } from '@orderpath/workflows/messages';
import { chain, def, node } from '@orderpath/workflows/definition/test-builders';
import { useTimeSkippingHarness } from './helpers/harness';
import { checked, completeAt, completedWith, eventsOf, eventually, openTask, startOrder, stateWhen, uniqueKey } from './helpers/orders';

const harness = useTimeSkippingHarness();

/** start → publish (user task) → pay (catch paymentReceived for vars.invoice) → end. */
const template = () => checked(def(
  [node('start', 'start'), node('publish'), node('pay', 'messageCatch', { message: 'paymentReceived', correlation: 'vars.invoice' }), node('end', 'end')],
  chain('start', 'publish', 'pay', 'end'),
  { key: uniqueKey('early-payment'), name: 'Early payment' },
));

describe('given an order still at the task before its payment catch', () => {
  it('when the payment arrives early, then it is kept, and consumed once the task is completed', async () => {
    const { h } = harness;
    const { orderId, handle } = await startOrder(h, template(), { variables: { invoice: 'INV-1' } });
    await openTask(h.ds, orderId, 'publish');

    await handle.signal(messageSignal, { name: 'paymentReceived', correlation: 'INV-1', payload: { paid: 900 } });
    await stateWhen(handle, 'the message kept as pending', (s) => s.pendingMessages.length === 1);
    await eventually(h.ds, orderId, 'message_stored');
    await completeAt(h, orderId, handle, 'publish');

    await expect(handle.result()).resolves.toEqual(completedWith({ invoice: 'INV-1', paid: 900 }));
    const types = (await eventsOf(h.ds, orderId)).map((e) => e.type);
    expect(types.indexOf('message_stored')).toBeLessThan(types.indexOf('task_completed'));
    expect(types).toContain('message_received');
    expect(types).not.toContain('message_waiting');
  });

  it('when the early payment is for another invoice, then it stays pending and the order waits for its own', async () => {
    const { h } = harness;
    const { orderId, handle } = await startOrder(h, template(), { variables: { invoice: 'INV-1' } });
    await openTask(h.ds, orderId, 'publish');

    await handle.signal(messageSignal, { name: 'paymentReceived', correlation: 'INV-2', payload: { paid: 1 } });
    await completeAt(h, orderId, handle, 'publish');
    const waiting = await stateWhen(handle, 'the token waiting at pay', (s) => s.tokens.some((t) => t.nodeId === 'pay' && t.wait?.kind === 'message'));

    expect(waiting.status).toBe('waiting');
    expect(waiting.pendingMessages).toEqual([expect.objectContaining({ name: 'paymentReceived', correlation: 'INV-2', payload: { paid: 1 } })]);
    await handle.signal(messageSignal, { name: 'paymentReceived', correlation: 'INV-1', payload: { paid: 900 } });
    await expect(handle.result()).resolves.toEqual(completedWith({ invoice: 'INV-1', paid: 900 }));
    expect((await handle.query(stateQuery)).pendingMessages).toEqual([expect.objectContaining({ correlation: 'INV-2' })]);
  });
});

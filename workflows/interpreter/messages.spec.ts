import { chain, def, edge, node } from '../definition/test-builders';
import { startProcess } from './process-harness';

const HOUR = 3_600_000;

describe('message catch', () => {
  it('early message not lost: a message arriving before the catch is kept and consumed on arrival', async () => {
    // given the order is still at a task before the catch
    const h = startProcess(def(
      [node('start', 'start'), node('publish'), node('pay', 'messageCatch', { message: 'paymentReceived' }), node('end', 'end')],
      chain('start', 'publish', 'pay', 'end'),
    ));
    await h.settle();
    // when the payment arrives early
    await expect(h.runtime.deliverMessage('paymentReceived', { paid: 900 })).resolves.toBe('stored');
    // then it is pending, not lost
    expect(h.runtime.snapshot().pendingMessages).toEqual([expect.objectContaining({ name: 'paymentReceived', payload: { paid: 900 } })]);
    // when the token reaches the catch
    await h.complete('publish');
    // then it consumed the message without waiting
    await expect(h.result).resolves.toEqual({ status: 'completed', vars: { paid: 900 } });
    expect(h.runtime.snapshot().pendingMessages).toEqual([]);
  });

  it('message correlation: only the message with the matching key releases the token', async () => {
    const h = startProcess(def(
      [node('start', 'start'), node('pay', 'messageCatch', { message: 'paymentReceived', correlation: 'vars.invoice', expectedWithin: 'P3D' }),
        node('end', 'end')],
      chain('start', 'pay', 'end'),
    ), { variables: { invoice: 'INV-7' } });
    await h.settle();
    expect(h.runtime.snapshot().tokens[0].wait).toEqual({
      kind: 'message', message: 'paymentReceived', correlation: 'INV-7', expectedBy: new Date(h.ports.now() + 72 * HOUR).toISOString(),
    });
    // when a payment for another invoice arrives
    await expect(h.runtime.deliverMessage('paymentReceived', 100, 'INV-8')).resolves.toBe('stored');
    await h.settle();
    expect(h.runtime.snapshot().tokens).toHaveLength(1);
    // when the matching one arrives
    await expect(h.runtime.deliverMessage('paymentReceived', 250, 'INV-7')).resolves.toBe('delivered');
    // then a non-object payload lands under the message name
    await expect(h.result).resolves.toEqual({ status: 'completed', vars: { invoice: 'INV-7', paymentReceived: 250 } });
    expect(h.runtime.snapshot().pendingMessages).toEqual([expect.objectContaining({ correlation: 'INV-8', payload: 100 })]);
  });

  it('boundary timeout: when no message comes in time the token takes the timeout edge', async () => {
    const h = startProcess(def(
      [node('start', 'start'), node('pay', 'messageCatch', { message: 'paymentReceived', timeout: 'PT2H', timeoutEdge: 'chase' }),
        node('remind'), node('end', 'end'), node('end2', 'end')],
      [edge('start', 'pay'), edge('pay', 'end'), edge('pay', 'remind', { id: 'chase' }), edge('remind', 'end2')],
    ));
    await h.settle();
    await h.ports.advance(HOUR);
    expect(h.ports.openTasks()).toEqual([]);
    await h.ports.advance(HOUR);
    expect(h.ports.openTasks().map((t) => t.spec.nodeId)).toEqual(['remind']);
    expect(h.ports.events.map((e) => e.type)).toContain('message_timeout');
    await h.complete('remind');
    await expect(h.result).resolves.toMatchObject({ status: 'completed' });
  });
});

describe('timer', () => {
  it('waits its duration in workflow time', async () => {
    const h = startProcess(def([node('start', 'start'), node('wait', 'timer', { duration: 'PT1H' }), node('end', 'end')], chain('start', 'wait', 'end')));
    const started = h.ports.now();
    await h.settle();
    expect(h.runtime.snapshot().tokens[0].wait).toEqual({ kind: 'timer', until: new Date(started + HOUR).toISOString() });
    await h.ports.advance(HOUR - 1);
    expect(h.runtime.snapshot().status).toBe('waiting');
    await h.ports.advance(1);
    await expect(h.result).resolves.toMatchObject({ status: 'completed' });
  });

  it('waits until the date an `until` expression yields (time-skipping clock)', async () => {
    const h = startProcess(
      def([node('start', 'start'), node('wait', 'timer', { duration: undefined, until: 'vars.shipDate' }), node('end', 'end')], chain('start', 'wait', 'end')),
      { variables: { shipDate: '2025-03-01T08:00:00.000Z' } },
    );
    h.ports.autoAdvance = true;
    await expect(h.result).resolves.toMatchObject({ status: 'completed' });
    expect(h.ports.now()).toBe(Date.parse('2025-03-01T08:00:00.000Z'));
  });
});

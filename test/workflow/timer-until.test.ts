/**
 * Timers whose due time is an `until` expression over the order's variables (an ISO date or
 * epoch milliseconds), on the time-skipping server.
 */
import { resolveIncidentUpdate, stateQuery } from '@orderpath/workflows/messages';
import { chain, def, node } from '@orderpath/workflows/definition/test-builders';
import { useTimeSkippingHarness } from './helpers/harness';
import { checked, eventsOf, eventually, startOrder, stateWhen, uniqueKey } from './helpers/orders';

const harness = useTimeSkippingHarness();
const DAY = 24 * 3600 * 1000;

/** start → wait (timer until `expression`) → end. */
const waitUntil = (expression: string) => checked(def(
  [node('start', 'start'), node('wait', 'timer', { until: expression, duration: undefined }), node('end', 'end')],
  chain('start', 'wait', 'end'), { key: uniqueKey('wait-until'), name: 'Wait until' },
));

describe('given a timer until the delivery date in the variables', () => {
  it('when 9 of the 10 days have passed the order still waits, and it completes once the date is reached', async () => {
    const { h } = harness;
    const startedAt = await h.env.currentTimeMs();
    const deliverBy = new Date(startedAt + 10 * DAY).toISOString();
    const { orderId, handle } = await startOrder(h, waitUntil('vars.deliverBy'), { variables: { deliverBy } });
    expect(await eventually(h.ds, orderId, 'timer_started', 'wait')).toMatchObject({ data: { until: deliverBy } });

    await h.env.sleep('9d');
    const state = await handle.query(stateQuery);
    expect(state).toMatchObject({ status: 'waiting', tokens: [{ nodeId: 'wait', wait: { kind: 'timer', until: deliverBy } }] });

    await expect(handle.result()).resolves.toMatchObject({ status: 'completed' });
    expect(await h.env.currentTimeMs()).toBeGreaterThanOrEqual(Date.parse(deliverBy));
    expect(await eventually(h.ds, orderId, 'timer_fired', 'wait')).toMatchObject({ data: { until: deliverBy } });
  });
});

describe('given a timer until an epoch-milliseconds expression already in the past', () => {
  it('when the token arrives, then the timer fires at once without waiting', async () => {
    const { h } = harness;
    const orderedAt = (await h.env.currentTimeMs()) - 30 * DAY;
    const { orderId, handle } = await startOrder(h, waitUntil('vars.orderedAt + vars.leadDays * 86400000'), { variables: { orderedAt, leadDays: 5 } });

    await expect(handle.result()).resolves.toMatchObject({ status: 'completed' });
    const types = (await eventsOf(h.ds, orderId)).map((e) => e.type);
    expect(types).toContain('timer_fired');
    expect(types).not.toContain('timer_started');
  });
});

describe('given a timer until an expression that is not a date', () => {
  it('when the token arrives, then an incident names the problem, and skipping it lets the order complete', async () => {
    const { h } = harness;
    const { orderId, handle } = await startOrder(h, waitUntil('vars.deliverBy'), { variables: { deliverBy: 'next tuesday' } });

    const state = await stateWhen(handle, 'an open incident', (s) => s.openIncidents.length === 1);
    expect(state.openIncidents[0]).toMatchObject({ nodeId: 'wait', activity: 'timer', error: expect.stringContaining('"next tuesday" is not a date') });
    const [row] = await h.ds.query(`SELECT status, activity FROM incidents WHERE id = $1 AND order_id = $2`, [state.openIncidents[0].id, orderId]);
    expect(row).toEqual({ status: 'open', activity: 'timer' });

    await handle.executeUpdate(resolveIncidentUpdate, { args: [{ incidentId: state.openIncidents[0].id, action: 'skip', by: 'supervisor' }] });
    await expect(handle.result()).resolves.toMatchObject({ status: 'completed' });
  });
});

/**
 * A service task whose activity keeps failing, on the time-skipping server with the real engine
 * activities: the node's retry policy runs out, an incident row opens, and a supervisor's
 * retry / skip / abort decides what happens next.
 */
import { resolveIncidentUpdate, stateQuery } from '@orderpath/workflows/messages';
import { def, edge, node } from '@orderpath/workflows/definition/test-builders';
import { useTimeSkippingHarness } from './helpers/harness';
import { checked, completeAt, completedWith, type OrderHandle, startOrder, tasksOf, uniqueKey, until } from './helpers/orders';


/** Per order: how often the activity ran; it fails until the test heals the order's gateway. */
const calls = new Map<string, number>();
const healed = new Set<string>();
async function chargeDeposit(input: { orderId: string; amount: number }): Promise<Record<string, unknown>> {
  calls.set(input.orderId, (calls.get(input.orderId) ?? 0) + 1);
  if (!healed.has(input.orderId)) throw new Error('payment gateway unavailable');
  return { receipt: `R-${input.amount}` };
}

const harness = useTimeSkippingHarness({ extraActivities: { chargeDeposit } });

/** start → fork → { charge (3 attempts), review (user task) } → join → end. */
const template = () => checked(def(
  [node('start', 'start'), node('fork', 'parallelGateway'),
    node('charge', 'serviceTask', {
      activity: 'chargeDeposit', input: { orderId: 'order.id', amount: 'vars.amount' }, output: { receipt: 'result.receipt' },
      retry: { maxAttempts: 3, initialInterval: 'PT0.1S', backoff: 1 }, timeout: 'PT10S',
    }),
    node('review'), node('join', 'parallelGateway'), node('end', 'end')],
  [edge('start', 'fork'), edge('fork', 'charge'), edge('fork', 'review'), edge('charge', 'join'), edge('review', 'join'), edge('join', 'end')],
  { key: uniqueKey('deposit'), name: 'Deposit' },
), { activities: ['chargeDeposit'] });

interface IncidentRow { id: string; status: string; attempts: number; error: string; resolution: string | null; resolvedBy: string | null }
async function incidentsOf(orderId: string): Promise<IncidentRow[]> {
  return harness.h.ds.query(
    `SELECT id, status, attempts, error, resolution, resolved_by AS "resolvedBy" FROM incidents WHERE order_id = $1 ORDER BY opened_at`, [orderId]);
}

/** Starts an order whose charge keeps failing; returns once its incident is open. */
async function orderWithIncident(): Promise<{ orderId: string; handle: OrderHandle; incident: IncidentRow }> {
  const { orderId, handle } = await startOrder(harness.h, template(), { variables: { amount: 250 } });
  const incident = await until('an open incident', async () => (await incidentsOf(orderId)).find((i) => i.status === 'open'));
  return { orderId, handle, incident };
}

const resolve = (handle: OrderHandle, incidentId: string, action: 'retry' | 'skip' | 'abort', variables?: Record<string, unknown>) =>
  handle.executeUpdate(resolveIncidentUpdate, { args: [{ incidentId, action, variables, by: 'supervisor' }] });

describe('given a service task whose activity always fails, with 3 attempts', () => {
  it('when the attempts are used up, then exactly 3 calls were made, one incident is open and the state query shows it', async () => {
    const { orderId, handle, incident } = await orderWithIncident();

    expect(calls.get(orderId)).toBe(3);
    expect(incident).toMatchObject({ attempts: 3, error: 'payment gateway unavailable' });
    const state = await handle.query(stateQuery);
    expect(state.status).toBe('incident');
    expect(state.openIncidents).toEqual([expect.objectContaining({ id: incident.id, nodeId: 'charge', activity: 'chargeDeposit', error: 'payment gateway unavailable' })]);
    expect(state.tokens).toEqual(expect.arrayContaining([expect.objectContaining({ nodeId: 'charge', wait: { kind: 'incident', incidentId: incident.id, error: 'payment gateway unavailable' } })]));
    // No further attempts while the incident waits for a decision.
    await new Promise((r) => setTimeout(r, 500));
    expect(calls.get(orderId)).toBe(3);
    expect(await incidentsOf(orderId)).toHaveLength(1);
    await resolve(handle, incident.id, 'abort');
  });
});

describe('given an open incident', () => {
  it('when a supervisor retries and the activity now succeeds, then the node runs again and the order completes', async () => {
    const { orderId, handle, incident } = await orderWithIncident();
    healed.add(orderId);

    await resolve(handle, incident.id, 'retry');
    await completeAt(harness.h, orderId, handle, 'review');

    await expect(handle.result()).resolves.toEqual(completedWith({ amount: 250, receipt: 'R-250' }));
    expect(calls.get(orderId)).toBe(4);
    expect(await incidentsOf(orderId)).toEqual([expect.objectContaining({ id: incident.id, status: 'resolved', resolution: 'retry', resolvedBy: 'supervisor' })]);
  });

  it('when a supervisor skips with variables, then the order continues past the node with those variables', async () => {
    const { orderId, handle, incident } = await orderWithIncident();

    await resolve(handle, incident.id, 'skip', { receipt: 'paid-by-bank-transfer' });
    await completeAt(harness.h, orderId, handle, 'review');

    await expect(handle.result()).resolves.toEqual(completedWith({ amount: 250, receipt: 'paid-by-bank-transfer' }));
    expect(calls.get(orderId)).toBe(3);
    expect(await incidentsOf(orderId)).toEqual([expect.objectContaining({ status: 'resolved', resolution: 'skip', resolvedBy: 'supervisor' })]);
  });

  it('when a supervisor aborts, then the order ends aborted and its open task is cancelled', async () => {
    const { orderId, handle, incident } = await orderWithIncident();
    expect((await tasksOf(harness.h.ds, orderId)).map((t) => [t.nodeId, t.status])).toEqual([['review', 'open']]);

    await resolve(handle, incident.id, 'abort');

    await expect(handle.result()).resolves.toMatchObject({ status: 'aborted' });
    expect((await tasksOf(harness.h.ds, orderId)).map((t) => [t.nodeId, t.status])).toEqual([['review', 'cancelled']]);
    expect(await incidentsOf(orderId)).toEqual([expect.objectContaining({ status: 'resolved', resolution: 'abort', resolvedBy: 'supervisor' })]);
    const [order] = await harness.h.ds.query(`SELECT status FROM orders WHERE id = $1`, [orderId]);
    expect(order.status).toBe('aborted');
  });
});

import { chain, def, edge, node } from '../definition/test-builders';
import { FakePorts } from './fake-ports';
import { PATCHES } from './ports';
import { startProcess, template } from './process-harness';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** start → pay (message catch with `extra`) → end; with a timeout, also pay →(pay-late) late → end2. */
const payment = (version: number, extra: Record<string, unknown>) => {
  const late = extra.timeout !== undefined;
  return template(def(
    [node('start', 'start'), node('pay', 'messageCatch', { ...extra, ...(late ? { timeoutEdge: 'pay-late' } : {}) }), node('end', 'end'),
      ...(late ? [node('late'), node('end2', 'end')] : [])],
    [...chain('start', 'pay', 'end'), ...(late ? [edge('pay', 'late', { id: 'pay-late' }), edge('late', 'end2')] : [])],
    { version },
  ));
};
const approval = (version: number, extra: Record<string, unknown>) => template(def(
  [node('start', 'start'), node('approve', 'userTask', extra), node('end', 'end')], chain('start', 'approve', 'end'), { version },
));

describe('deadlines after migration', () => {
  it('given a task without due date migrated to a node due in 2 days, the deadline counts from arrival and escalates', async () => {
    const h = startProcess(approval(1, {}));
    await h.ports.advance(1 * DAY);
    // when
    await h.runtime.migrate(approval(2, { dueIn: 'P2D' }), {});
    // then the due date is the arrival plus 2 days, not the migration plus 2 days
    const arrival = Date.parse('2025-01-01T00:00:00.000Z');
    expect(h.runtime.snapshot().tokens[0].wait).toMatchObject({ kind: 'task', dueAt: new Date(arrival + 2 * DAY).toISOString() });
    await h.ports.advance(1 * DAY);
    expect(h.ports.openTasks('approve')[0].overdue).toBe(true);
    await h.complete('approve');
    await expect(h.result).resolves.toMatchObject({ status: 'completed' });
  });

  it('given a task due in 1 day migrated to a node without due date, the old deadline never escalates', async () => {
    const h = startProcess(approval(1, { dueIn: 'P1D' }));
    await h.settle();
    await h.runtime.migrate(approval(2, {}), {});
    await h.ports.advance(3 * DAY);
    expect(h.ports.openTasks('approve')[0].overdue).toBe(false);
    expect(h.ports.events.map((e) => e.type)).not.toContain('task_overdue');
    await h.complete('approve');
    await expect(h.result).resolves.toMatchObject({ status: 'completed' });
  });

  it('given a catch with a 1-day timeout migrated to one without, the old timeout neither fires nor opens an incident', async () => {
    const h = startProcess(payment(1, { timeout: 'P1D' }));
    await h.settle();
    await h.runtime.migrate(payment(2, { expectedWithin: 'P5D' }), {});
    expect(h.runtime.snapshot().tokens[0].wait).toMatchObject({ kind: 'message', expectedBy: '2025-01-06T00:00:00.000Z' });
    await h.settle();
    expect(h.ports.events.at(-1)).toMatchObject({ type: 'message_waiting', data: { expectedBy: '2025-01-06T00:00:00.000Z' }, snapshot: { status: 'waiting' } });
    await h.ports.advance(2 * DAY);
    expect(h.ports.openIncidents()).toEqual([]);
    expect(h.ports.openTasks()).toEqual([]);
    await h.runtime.deliverMessage('paymentReceived', { paid: 5 });
    await expect(h.result).resolves.toEqual({ status: 'completed', vars: { paid: 5 } });
  });

  it('given a catch without timeout migrated to one with a 1-day timeout, the timeout fires on the target edge', async () => {
    const h = startProcess(payment(1, {}));
    await h.settle();
    await h.runtime.migrate(payment(2, { timeout: 'P1D' }), {});
    await h.ports.advance(1 * DAY);
    expect(h.ports.openTasks().map((t) => t.spec.nodeId)).toEqual(['late']);
    await h.complete('late');
    await expect(h.result).resolves.toMatchObject({ status: 'completed' });
  });

  it('given a message kept while the migration re-arms the catch, it is still consumed', async () => {
    const h = startProcess(payment(1, { correlation: 'vars.invoice' }), { variables: { invoice: 'INV-1' } });
    await h.settle();
    await h.runtime.migrate(payment(2, { correlation: 'vars.invoice' }), {});
    await h.runtime.deliverMessage('paymentReceived', { paid: 1 }, 'INV-1');
    await expect(h.result).resolves.toEqual({ status: 'completed', vars: { invoice: 'INV-1', paid: 1 } });
  });

  it('given a history from before the change (patch not applied), a migration keeps the v1 deadline as before', async () => {
    const ports = new FakePorts();
    const seen: string[] = [];
    ports.patched = (id) => { seen.push(id); return false; };
    const h = startProcess(approval(1, { dueIn: 'P1D' }), { ports });
    await h.settle();
    await h.runtime.migrate(approval(2, {}), {});
    await h.ports.advance(1 * DAY);
    expect(seen).toContain(PATCHES.migrationRearmsDeadlines);
    expect(h.ports.openTasks('approve')[0].overdue).toBe(true);
    await h.complete('approve');
    await expect(h.result).resolves.toMatchObject({ status: 'completed' });
  });
});

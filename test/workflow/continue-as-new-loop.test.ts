/**
 * A loop runs through continue-as-new (forced by `historyLimit: 1`) and carries its state: the
 * variables and the per-node iteration counters survive every new run.
 */
import { stateQuery } from '@orderpath/workflows/messages';
import { def, edge, node } from '@orderpath/workflows/definition/test-builders';
import { useTimeSkippingHarness } from './helpers/harness';
import { checked, complete, completedWith, openTask, runChain, startOrder, tasksOf, uniqueKey } from './helpers/orders';

const harness = useTimeSkippingHarness();

/** start → count (user task) → again? → back to count while vars.more, else end. */
const template = () => checked(def(
  [node('start', 'start'), node('count'), node('again', 'exclusiveGateway'), node('end', 'end')],
  [edge('start', 'count'), edge('count', 'again'), edge('again', 'count', { id: 'back', condition: 'vars.more == true' }),
    edge('again', 'end', { default: true })],
  { key: uniqueKey('cycle'), name: 'Cycle' },
));

describe('given a loop of three cycles and a history limit that forces continue-as-new', () => {
  it('when each cycle is completed, then the order runs through several runs and ends with every variable and counter', async () => {
    const { h } = harness;
    const { orderId, handle } = await startOrder(h, template(), { variables: { distributor: 'D-1' }, historyLimit: 1 });

    for (const [round, data] of [[1, { round1: 10, more: true }], [2, { round2: 20 }], [3, { round3: 30, more: false }]] as const) {
      const task = await openTask(h.ds, orderId, 'count');
      expect(task.iteration).toBe(round);
      await complete(handle, task.id, data);
    }

    const vars = { distributor: 'D-1', round1: 10, round2: 20, round3: 30, more: false };
    await expect(handle.result()).resolves.toEqual(completedWith(vars));
    const runs = await runChain(h.env.client, handle.workflowId, handle.firstExecutionRunId);
    // Every edge into a node entered before is a safe point, so with the limit forced to 1 the
    // order continues as new at the back edges and at the edges after them: at least 2 runs.
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect((await h.env.client.workflow.getHandle(handle.workflowId, runs[0]).describe()).status.name).toBe('CONTINUED_AS_NEW');
    const final = await handle.query(stateQuery);
    expect(final).toMatchObject({ cycle: runs.length - 1, iterations: { start: 1, count: 3, again: 3, end: 1 }, vars });
    expect((await tasksOf(h.ds, orderId)).map((t) => [t.iteration, t.status])).toEqual([[1, 'completed'], [2, 'completed'], [3, 'completed']]);
  });
});

/**
 * A user task's `dueIn` on the time-skipping server: 14 days pass in seconds, the real activities
 * mark the task row and write the events, and the order reacts per `onOverdue`.
 */
import { stateQuery } from '@orderpath/workflows/messages';
import { def, edge, node } from '@orderpath/workflows/definition/test-builders';
import { useTimeSkippingHarness } from './helpers/harness';
import { checked, complete, completedWith, eventsOf, eventually, openTask, orderRow, refusal, startOrder, tasksOf, uniqueKey, until } from './helpers/orders';

const harness = useTimeSkippingHarness();

const feeForm = { fields: [{ key: 'listingFee', type: 'number', label: 'Listing fee', required: true, min: 0 }] };

/** start → negotiate (due in 14 days) → end, plus the onOverdue edge to `remind` when interrupting. */
function negotiation(onOverdue: 'escalate' | 'late') {
  const interrupting = onOverdue === 'late';
  return checked(def(
    [node('start', 'start'), node('negotiate', 'userTask', { dueIn: 'P14D', onOverdue, form: feeForm }),
    ...(interrupting ? [node('remind', 'userTask', { role: 'supervisor' })] : []), node('end', 'end')],
    [edge('start', 'negotiate'), edge('negotiate', 'end'),
    ...(interrupting ? [edge('negotiate', 'remind', { id: 'late' }), edge('remind', 'end')] : [])],
    { key: uniqueKey(`overdue-${onOverdue}`), name: `Overdue ${onOverdue}` },
  ));
}

describe('given a user task due in 14 days with onOverdue escalate', () => {
  it('when 14 days pass, then the task row is overdue, task_overdue is recorded, the order still waits, and a late completion completes it', async () => {
    const { h } = harness;
    const { orderId, handle } = await startOrder(h, negotiation('escalate'));
    const task = await openTask(h.ds, orderId, 'negotiate');

    await h.env.sleep('13d');
    expect((await tasksOf(h.ds, orderId))[0].overdue).toBe(false);
    await h.env.sleep('1d');
    await until('the task row marked overdue', async () => (await tasksOf(h.ds, orderId))[0].overdue);

    expect(await eventually(h.ds, orderId, 'task_overdue', 'negotiate')).toMatchObject({ data: { taskId: task.id } });
    const state = await handle.query(stateQuery);
    expect(state.status).toBe('waiting');
    expect(state.tokens).toEqual([expect.objectContaining({ nodeId: 'negotiate', wait: expect.objectContaining({ kind: 'task', taskId: task.id, overdue: true }) })]);
    expect((await orderRow(h.ds, orderId)).status).toBe('waiting');
    expect((await tasksOf(h.ds, orderId))[0].status).toBe('open');

    await complete(handle, task.id, { listingFee: 1200 });
    await expect(handle.result()).resolves.toEqual(completedWith({ listingFee: 1200 }));
    expect((await tasksOf(h.ds, orderId))[0]).toMatchObject({ status: 'completed', overdue: true });
  });
});

describe('given a user task due in 14 days whose onOverdue is an edge', () => {
  it('when 14 days pass, then the task is cancelled and the order takes the overdue edge to the reminder', async () => {
    const { h } = harness;
    const { orderId, handle } = await startOrder(h, negotiation('late'));
    const task = await openTask(h.ds, orderId, 'negotiate');

    await h.env.sleep('14d');
    const remind = await openTask(h.ds, orderId, 'remind');

    expect((await tasksOf(h.ds, orderId)).find((t) => t.id === task.id)).toMatchObject({ status: 'cancelled' });
    expect(await eventually(h.ds, orderId, 'task_cancelled', 'negotiate')).toMatchObject({ data: { taskId: task.id, reason: 'overdue', edgeId: 'late' } });
    expect((await eventsOf(h.ds, orderId)).map((e) => e.type)).not.toContain('task_overdue');
    // The overdue task can no longer be completed: the interrupting edge won.
    expect(await refusal(complete(handle, task.id, { listingFee: 1 }))).toMatchObject({ code: 'task_not_open' });

    await complete(handle, remind.id, {}, 'supervisor');
    await expect(handle.result()).resolves.toEqual(completedWith({}));
  });
});

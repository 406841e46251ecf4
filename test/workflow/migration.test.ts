/**
 * Moving a waiting order onto another version of its template with the `migrate` Update: the
 * open task keeps its identity and the order follows the new version's path; an unsafe mapping
 * is refused with a reason and the order carries on, unchanged, on its version.
 */
import type { DataSource } from 'typeorm';
import type { Definition } from '@orderpath/workflows/definition/schema';
import { migrateUpdate, stateQuery } from '@orderpath/workflows/messages';
import { chain, def, node } from '@orderpath/workflows/definition/test-builders';
import { useTimeSkippingHarness } from './helpers/harness';
import { checked, complete, completeAt, completedWith, eventually, openTask, type OrderHandle, refusal, startOrder, tasksOf, uniqueKey, until } from './helpers/orders';

const harness = useTimeSkippingHarness();
const okForm = { fields: [{ key: 'ok', type: 'boolean', label: 'OK' }] };

/** v1: start → approve → end. */
const v1 = (key: string) => checked(def(
  [node('start', 'start'), node('approve', 'userTask', { form: okForm }), node('end', 'end')],
  chain('start', 'approve', 'end'), { key, name: 'Approval', version: 1 },
));
/** v2: approve renamed to approve-v2 (with `extra`), then a new notify task before the end. */
const v2 = (key: string, extra: Record<string, unknown> = {}) => checked(def(
  [node('start', 'start'), node('approve-v2', 'userTask', { form: okForm, ...extra }), node('notify'), node('end', 'end')],
  chain('start', 'approve-v2', 'notify', 'end'), { key, name: 'Approval', version: 2 },
));

/** Publishes a further version the way the API stores it. */
async function publish(ds: DataSource, template: Definition): Promise<void> {
  await ds.query(`INSERT INTO template_versions (key, version, definition) VALUES ($1, $2, $3)`, [template.key, template.version, JSON.stringify(template)]);
}

const migrate = (handle: OrderHandle, template: Definition, nodeMapping: Record<string, string>) =>
  handle.executeUpdate(migrateUpdate, { args: [{ template, nodeMapping, by: 'supervisor' }] });

describe('given an order waiting on its approval task (v1)', () => {
  it('when migrated to v2 with the task renamed, then the same task completes and the order follows v2 through notify', async () => {
    const { h } = harness;
    const key = uniqueKey('approval');
    const { orderId, handle } = await startOrder(h, v1(key));
    const task = await openTask(h.ds, orderId, 'approve');
    await publish(h.ds, v2(key));

    await expect(migrate(handle, v2(key), { approve: 'approve-v2' })).resolves.toEqual({ ok: true, version: 2 });

    expect(await handle.query(stateQuery)).toMatchObject({
      templateVersion: 2, tokens: [expect.objectContaining({ nodeId: 'approve-v2', wait: expect.objectContaining({ kind: 'task', taskId: task.id }) })],
    });
    expect(await eventually(h.ds, orderId, 'migrated')).toMatchObject({ data: { fromVersion: 1, toVersion: 2, nodeMapping: { approve: 'approve-v2' } } });
    await complete(handle, task.id, { ok: true });
    await completeAt(h, orderId, handle, 'notify');
    await expect(handle.result()).resolves.toEqual(completedWith({ ok: true }));
    // The task row followed its token to the renamed node.
    expect((await tasksOf(h.ds, orderId)).map((t) => [t.nodeId, t.status])).toEqual([['approve-v2', 'completed'], ['notify', 'completed']]);
  });

  it('when the waiting node is missing from the target and not mapped, then the migration is refused and the order continues on v1', async () => {
    const { h } = harness;
    const key = uniqueKey('approval');
    const { orderId, handle } = await startOrder(h, v1(key));
    const task = await openTask(h.ds, orderId, 'approve');

    const refused = await refusal(migrate(handle, v2(key), {}));

    expect(refused.code).toBe('migration_refused');
    expect(refused.message).toMatch(/node 'approve' maps to 'approve', which does not exist in the target version/);
    expect(refused.details).toMatchObject({ nodeId: 'approve' });
    expect(await handle.query(stateQuery)).toMatchObject({ templateVersion: 1, tokens: [expect.objectContaining({ nodeId: 'approve' })] });
    await complete(handle, task.id, { ok: false });
    await expect(handle.result()).resolves.toEqual(completedWith({ ok: false }));
    expect((await tasksOf(h.ds, orderId)).map((t) => t.nodeId)).toEqual(['approve']);
  });

  it('when migrated to a v2 whose task is due in 3 days, then the deadline counts from the task\'s start and escalates', async () => {
    const { h } = harness;
    const key = uniqueKey('approval');
    const { orderId, handle } = await startOrder(h, v1(key));
    const task = await openTask(h.ds, orderId, 'approve');
    await h.env.sleep('1d');

    await publish(h.ds, v2(key, { dueIn: 'P3D' }));
    await migrate(handle, v2(key, { dueIn: 'P3D' }), { approve: 'approve-v2' });
    const [entered] = await h.ds.query(`SELECT at FROM order_events WHERE order_id = $1 AND type = 'node_entered' AND node_id = 'approve'`, [orderId]);
    const row = await until('the task row re-targeted', async () => {
      const [t] = await h.ds.query(`SELECT node_id, due_at FROM tasks WHERE id = $1`, [task.id]);
      return t.node_id === 'approve-v2' && t.due_at ? t : undefined;
    });
    expect(new Date(row.due_at).getTime()).toBe(new Date(entered.at).getTime() + 3 * 24 * 3600 * 1000);
    await h.env.sleep('2d');

    await until('the task row marked overdue', async () => (await tasksOf(h.ds, orderId))[0].overdue);
    expect(await eventually(h.ds, orderId, 'task_overdue', 'approve-v2')).toMatchObject({ data: { taskId: task.id } });
    await complete(handle, task.id, { ok: true });
    await completeAt(h, orderId, handle, 'notify');
    await expect(handle.result()).resolves.toMatchObject({ status: 'completed' });
  });
});

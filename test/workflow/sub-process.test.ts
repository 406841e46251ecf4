/**
 * A subProcess node calls another published template: it runs as a Temporal child workflow with
 * its own order row and tasks, and the output mapping brings its variables back to the parent.
 */
import { publishIfMissing } from '../../apps/api/src/seed/seed-demo';
import { childOrderId } from '@orderpath/workflows/interpreter/child-order-id';
import { stateQuery } from '@orderpath/workflows/messages';
import type { orderWorkflow } from '@orderpath/workflows/order.workflow';
import { chain, def, node } from '@orderpath/workflows/definition/test-builders';
import { useTimeSkippingHarness } from './helpers/harness';
import { checked, complete, completedWith, openTask, startOrder, stateWhen, uniqueKey } from './helpers/orders';

const harness = useTimeSkippingHarness();

/** The child: start → pack (records the ETA) → end. */
const packing = () => checked(def(
  [node('start', 'start'), node('pack', 'userTask', { form: { fields: [{ key: 'eta', type: 'text', label: 'ETA', required: true }] } }), node('end', 'end')],
  chain('start', 'pack', 'end'), { key: uniqueKey('packing'), name: 'Packing' },
));
/** The parent: start → ship (calls the child with qty, takes eta and qty back) → end. */
const shipping = (childKey: string) => checked(def(
  [node('start', 'start'),
    node('ship', 'subProcess', { templateKey: childKey, input: { qty: 'vars.qty' }, output: { eta: 'result.eta', packedQty: 'result.qty' } }),
    node('end', 'end')],
  chain('start', 'ship', 'end'), { key: uniqueKey('shipping'), name: 'Shipping' },
), { templates: [childKey] });

describe('given a published child template and a parent calling it from a subProcess node', () => {
  it('when the child order completes, then it ran as a child workflow and its output variables come back to the parent', async () => {
    const { h } = harness;
    const child = packing();
    await publishIfMissing(h.ds, { ...child, version: undefined });
    const { orderId, handle } = await startOrder(h, shipping(child.key), { variables: { qty: 12, note: 'stays in the parent' } });

    // The child's order id is derived from the call, so a second start of it could not duplicate it.
    const childId = childOrderId(orderId, 'ship', 1);
    const task = await openTask(h.ds, childId, 'pack');
    const waiting = await stateWhen(handle, 'the parent waiting on its child', (s) => s.tokens[0]?.wait?.kind === 'child');
    expect(waiting.tokens[0]).toMatchObject({ nodeId: 'ship', wait: { kind: 'child', templateKey: child.key } });
    const childHandle = h.env.client.workflow.getHandle<typeof orderWorkflow>(`order-${childId}`);
    expect((await childHandle.describe()).parentExecution).toMatchObject({ workflowId: handle.workflowId });
    const [row] = await h.ds.query(`SELECT template_key AS "templateKey", status FROM orders WHERE id = $1`, [childId]);
    expect(row.templateKey).toBe(child.key);

    await complete(childHandle, task.id, { eta: '2025-03-01' });

    await expect(childHandle.result()).resolves.toEqual(completedWith({ qty: 12, eta: '2025-03-01' }));
    await expect(handle.result()).resolves.toEqual(completedWith({ qty: 12, note: 'stays in the parent', eta: '2025-03-01', packedQty: 12 }));
    expect((await handle.query(stateQuery)).iterations).toMatchObject({ ship: 1 });
  });
});

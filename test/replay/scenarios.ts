/**
 * The orders whose histories we keep for replay tests: each drives one representative shape to
 * its end on the time-skipping server and names the workflow runs to save. Together they cover
 * every kind of command the adapter issues (activities, local activities, timers, child
 * workflows, continue-as-new, updates, signals, search attributes, patch markers).
 */
import type { WorkflowHarness } from '../support/workflow-harness';
import { chain, def, edge, node } from '@orderpath/workflows/definition/test-builders';
import { migrateUpdate, messageSignal, resolveIncidentUpdate } from '@orderpath/workflows/messages';
import { PATCHES } from '@orderpath/workflows/interpreter/ports';
import type { OrderWorkflowInput, orderWorkflow } from '@orderpath/workflows/order.workflow';
import { NEW_ORDER_PATCHES } from '@orderpath/workflows/order-patches';
import { publishIfMissing } from '../../apps/api/src/seed/seed-demo';
import { checked, complete, completeAt, openTask, runChain, startOrder, uniqueKey, until } from '../workflow/helpers/orders';

/** A saved history: file name (without .json), workflow id and run id. */
export interface RecordedRun { name: string; workflowId: string; runId: string }
export type Scenario = (h: WorkflowHarness) => Promise<RecordedRun[]>;

/** The activity of the incident scenario: fails until `healed` is set. */
export const flakyGateway = { healed: false, calls: 0 };
export async function chargeDeposit(): Promise<Record<string, unknown>> {
  flakyGateway.calls += 1;
  if (!flakyGateway.healed) throw new Error('payment gateway unavailable');
  return { receipt: 'R-1' };
}

const form = (key: string, type = 'number') => ({ fields: [{ key, type, label: key, required: true }] });

async function userTaskFlow(h: WorkflowHarness): Promise<RecordedRun[]> {
  const template = checked(def(
    [node('start', 'start'), node('negotiate', 'userTask', { stage: 'develop', dueIn: 'P14D', form: form('listingFee') }),
      node('big-fee', 'exclusiveGateway'), node('approve', 'userTask', { role: 'supervisor' }), node('end', 'end')],
    [edge('start', 'negotiate'), edge('negotiate', 'big-fee'), edge('big-fee', 'approve', { condition: 'vars.listingFee > 50000' }),
      edge('big-fee', 'end', { default: true }), edge('approve', 'end')],
    { key: uniqueKey('replay-user-task'), name: 'KA entry', stages: [{ id: 'develop', name: 'Develop' }] },
  ));
  const { orderId, handle } = await startOrder(h, template);
  await h.env.sleep('15d'); // past due: the escalation is part of the history
  await completeAt(h, orderId, handle, 'negotiate', { listingFee: 60000 });
  await completeAt(h, orderId, handle, 'approve');
  await handle.result();
  return [{ name: 'user-task-flow', workflowId: handle.workflowId, runId: handle.firstExecutionRunId }];
}

async function incidentRetry(h: WorkflowHarness): Promise<RecordedRun[]> {
  const template = checked(def(
    [node('start', 'start'), node('charge', 'serviceTask', { activity: 'chargeDeposit', retry: { maxAttempts: 3, initialInterval: 'PT0.1S', backoff: 1 } }),
      node('end', 'end')],
    chain('start', 'charge', 'end'), { key: uniqueKey('replay-incident'), name: 'Deposit' },
  ), { activities: ['chargeDeposit'] });
  flakyGateway.healed = false;
  const { orderId, handle } = await startOrder(h, template);
  const [incident] = await until('an open incident', async () => {
    const rows: { id: string }[] = await h.ds.query(`SELECT id FROM incidents WHERE order_id = $1 AND status = 'open'`, [orderId]);
    return rows.length > 0 && rows;
  });
  flakyGateway.healed = true;
  await handle.executeUpdate(resolveIncidentUpdate, { args: [{ incidentId: incident.id, action: 'retry', by: 'supervisor' }] });
  await handle.result();
  return [{ name: 'incident-retry', workflowId: handle.workflowId, runId: handle.firstExecutionRunId }];
}

async function parallelForkJoin(h: WorkflowHarness): Promise<RecordedRun[]> {
  const template = checked(def(
    [node('start', 'start'), node('fork', 'parallelGateway'), node('distribute'), node('audit', 'timer', { duration: 'P7D' }),
      node('pay', 'messageCatch', { message: 'paymentReceived' }), node('join', 'parallelGateway'), node('end', 'end')],
    [edge('start', 'fork'), ...chain('fork', 'distribute', 'join'), ...chain('fork', 'audit', 'join'), ...chain('fork', 'pay', 'join'), edge('join', 'end')],
    { key: uniqueKey('replay-parallel'), name: 'Track' },
  ));
  const { orderId, handle } = await startOrder(h, template);
  await openTask(h.ds, orderId, 'distribute');
  await handle.signal(messageSignal, { name: 'paymentReceived', payload: { paid: 900 } });
  await completeAt(h, orderId, handle, 'distribute', {});
  await handle.result(); // lets the server skip the 7-day audit timer
  return [{ name: 'parallel-fork-join', workflowId: handle.workflowId, runId: handle.firstExecutionRunId }];
}

async function continueAsNewLoop(h: WorkflowHarness): Promise<RecordedRun[]> {
  const template = checked(def(
    [node('start', 'start'), node('place'), node('next', 'exclusiveGateway'), node('end', 'end')],
    [edge('start', 'place'), edge('place', 'next'), edge('next', 'place', { condition: 'vars.again == true' }), edge('next', 'end', { default: true })],
    { key: uniqueKey('replay-cycle'), name: 'Cycle' },
  ));
  const { orderId, handle } = await startOrder(h, template, { historyLimit: 1 });
  await completeAt(h, orderId, handle, 'place', { again: true });
  await until('the second cycle', async () => (await h.ds.query(`SELECT 1 FROM tasks WHERE order_id = $1 AND iteration = 2 AND status = 'open'`, [orderId])).length > 0);
  await completeAt(h, orderId, handle, 'place', { again: false });
  await handle.result();
  const runs = await runChain(h.env.client, handle.workflowId, handle.firstExecutionRunId);
  return runs.map((runId, i) => ({ name: `continue-as-new-loop.run-${i + 1}`, workflowId: handle.workflowId, runId }));
}

async function migration(h: WorkflowHarness): Promise<RecordedRun[]> {
  const key = uniqueKey('replay-migration');
  const v1 = checked(def([node('start', 'start'), node('approve', 'userTask', { dueIn: 'P2D' }), node('end', 'end')], chain('start', 'approve', 'end'),
    { key, name: 'Approval', version: 1 }));
  const v2 = checked(def([node('start', 'start'), node('approve-v2', 'userTask', { dueIn: 'P5D' }), node('notify'), node('end', 'end')],
    chain('start', 'approve-v2', 'notify', 'end'), { key, name: 'Approval', version: 2 }));
  const { orderId, handle } = await startOrder(h, v1);
  const task = await openTask(h.ds, orderId, 'approve');
  await handle.executeUpdate(migrateUpdate, { args: [{ template: v2, nodeMapping: { approve: 'approve-v2' }, by: 'supervisor' }] });
  await h.env.sleep('6d'); // the re-armed v2 deadline escalates
  await complete(handle, task.id, {});
  await completeAt(h, orderId, handle, 'notify');
  await handle.result();
  return [{ name: 'migration', workflowId: handle.workflowId, runId: handle.firstExecutionRunId }];
}

async function subProcess(h: WorkflowHarness): Promise<RecordedRun[]> {
  const child = checked(def([node('start', 'start'), node('pack'), node('end', 'end')], chain('start', 'pack', 'end'), { key: uniqueKey('replay-packing'), name: 'Packing' }));
  await publishIfMissing(h.ds, { ...child, version: undefined });
  const parent = checked(def([node('start', 'start'), node('ship', 'subProcess', { templateKey: child.key, output: { eta: 'result.eta' } }), node('end', 'end')],
    chain('start', 'ship', 'end'), { key: uniqueKey('replay-shipping'), name: 'Shipping' }), { templates: [child.key] });
  const { handle } = await startOrder(h, parent);
  // Found by its template rather than derived, so the scenario also runs on code before child ids were derived.
  const childId = await until('the child order', async () => (await h.ds.query(`SELECT id FROM orders WHERE template_key = $1`, [child.key]))[0]?.id as string | undefined);
  const childHandle = h.env.client.workflow.getHandle<typeof orderWorkflow>(`order-${childId}`);
  await complete(childHandle, (await openTask(h.ds, childId, 'pack')).id, { eta: '2025-03-01' });
  await handle.result();
  const { runId } = await childHandle.describe();
  return [
    { name: 'sub-process.parent', workflowId: handle.workflowId, runId: handle.firstExecutionRunId },
    { name: 'sub-process.child', workflowId: childHandle.workflowId, runId },
  ];
}

/** Steps that do not wait (gateways, a fork and join) between service tasks, and a short timer (no flush before it). */
async function serviceChain(h: WorkflowHarness, extra: Partial<OrderWorkflowInput> = {}, name = 'service-chain'): Promise<RecordedRun[]> {
  const charge = (id: string) => node(id, 'serviceTask', { activity: 'chargeDeposit', output: { [id]: 'result.receipt' } });
  const template = checked(def(
    [node('start', 'start'), charge('first'), node('paid', 'exclusiveGateway'), node('pause', 'timer', { duration: 'PT5S' }),
      node('fork', 'parallelGateway'), charge('left'), charge('right'), node('join', 'parallelGateway'), node('end', 'end')],
    [...chain('start', 'first', 'paid'), edge('paid', 'pause', { condition: 'vars.first == "R-1"' }), edge('paid', 'end', { default: true }),
      ...chain('pause', 'fork', 'left', 'join'), ...chain('fork', 'right', 'join'), edge('join', 'end')],
    { key: uniqueKey('replay-service-chain'), name: 'Service chain' },
  ), { activities: ['chargeDeposit'] });
  flakyGateway.healed = true;
  const { handle } = await startOrder(h, template, extra);
  await handle.result();
  return [{ name, workflowId: handle.workflowId, runId: handle.firstExecutionRunId }];
}

/**
 * The service chain pinned to the patches from before `end-batch-handed-over`, as an order started
 * then and ending on newer code: `patched()` decides its end, and records the marker.
 */
function serviceChainPinnedBeforeEndBatch(h: WorkflowHarness): Promise<RecordedRun[]> {
  const patches = NEW_ORDER_PATCHES.filter((id) => id !== PATCHES.endBatchHandOver);
  return serviceChain(h, { patches }, 'service-chain.pinned-before-end-batch');
}

export const SCENARIOS: Record<string, Scenario> = {
  userTaskFlow, incidentRetry, parallelForkJoin, continueAsNewLoop, migration, subProcess, serviceChain, serviceChainPinnedBeforeEndBatch,
};

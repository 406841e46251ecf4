/**
 * The time-skipping test server: a template that waits 30 days completes in seconds of wall time,
 * with the real worker, real activities and the test database.
 */
import { orderWorkflow } from '@orderpath/workflows/order.workflow';
import { TASK_QUEUE } from '@orderpath/workflows/messages';
import { startTimeSkipping } from '../support/temporal-env';
import { openWorkflowHarness, type WorkflowHarness } from '../support/workflow-harness';
import { definitionSchema } from '@orderpath/workflows/definition/schema';
import { def, edge, node } from '@orderpath/workflows/definition/test-builders';

let h: WorkflowHarness;
beforeAll(async () => { h = await openWorkflowHarness(startTimeSkipping); }, 120_000);
afterAll(() => h?.close());

it('given a 30-day timer, when the order runs on the time-skipping server, then it completes within seconds', async () => {
  const template = definitionSchema.parse(def([node('start', 'start'), node('wait', 'timer', { duration: 'P30D' }), node('end', 'end')],
    [edge('start', 'wait'), edge('wait', 'end')], { key: 'thirty-days', name: 'Thirty days' }));
  const orderId = await h.createOrder(template);
  const startedAt = Date.now();
  const workflowStart = await h.env.currentTimeMs();

  const result = await h.run(() => h.env.client.workflow.execute(orderWorkflow, {
    taskQueue: TASK_QUEUE, workflowId: `order-${orderId}`, args: [{ orderId, template, variables: {} }],
  }));

  expect(result.status).toBe('completed');
  expect(Date.now() - startedAt).toBeLessThan(20_000);
  expect((await h.env.currentTimeMs()) - workflowStart).toBeGreaterThanOrEqual(30 * 24 * 3600 * 1000);
  const [order] = await h.ds.query(`SELECT status FROM orders WHERE id = $1`, [orderId]);
  expect(order.status).toBe('completed');
});


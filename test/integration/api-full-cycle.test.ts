/**
 * One full order through the standard template `fmcg-order-cycle`, driven only through the public
 * HTTP API as a rep and a supervisor would: every task completed with its form, finance's payment
 * notice posted, the delivery confirmed and the sell-through report uploaded, to the end.
 */
import type { AddressInfo } from 'node:net';
import { fetchApi, login, ok } from '../../apps/api/src/seed/demo-api';
import { drive } from '../../apps/api/src/seed/seed-orders';
import { DEMO_PASSWORD, startStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  await stack.app.listen(0, '127.0.0.1');
}, 120_000);
afterAll(() => stack?.close());

it('given the standard template, when a rep and a supervisor work one order only through HTTP, then it walks all five stages and completes', async () => {
  const { port } = stack.app.getHttpServer().address() as AddressInfo;
  const api = fetchApi(`http://127.0.0.1:${port}/api`);
  const tokens: Record<string, string> = {};
  for (const user of ['admin', 'supervisor', 'rep1']) tokens[user] = await login(api, user, DEMO_PASSWORD);

  const order = await ok<{ id: string }>(api, 'POST', '/orders', tokens.rep1, {
    templateKey: 'fmcg-order-cycle', title: 'Shaoxing Jinhe — full cycle over HTTP', distributorId: 'D03',
    variables: { auditRoundsPerCycle: 1 },
  });
  await drive(api, tokens, { distributorId: 'D03', rep: 'rep1', title: 'full cycle', stopAt: 'completed' }, order.id, 150_000);

  const timeline = await ok<{ items: { type: string; data: { to?: string } | null }[] }>(api, 'GET', `/orders/${order.id}/timeline`, tokens.admin);
  const stages = timeline.items.filter((e) => e.type === 'stage_changed').map((e) => e.data?.to);
  expect([...new Set(stages)]).toEqual(['develop', 'place', 'fulfil', 'track', 'expand']);
  const tasks: { node_id: string; completed_by: string }[] = await stack.ds.query(
    `SELECT node_id, completed_by FROM tasks WHERE order_id = $1 AND status = 'completed' ORDER BY completed_at`, [order.id]);
  expect(new Set(tasks.map((t) => t.completed_by))).toEqual(new Set(['rep1', 'supervisor']));
  expect(tasks.map((t) => t.node_id)).toEqual(expect.arrayContaining(['market-survey', 'approve-distributor', 'agree-plan', 'arrange-shipment', 'shelf-audit', 'expansion-plan']));
  const [payment] = await stack.ds.query(`SELECT status FROM payments WHERE order_id = $1`, [order.id]);
  expect(payment.status).toBe('matched');
}, 200_000);

/**
 * Fault: the worker process is killed with SIGKILL while an order waits on its task. A new worker
 * picks the order up; completing the task finishes it with no duplicate task rows or events.
 */
import type { ChildProcess } from 'node:child_process';
import { requireEnv } from '../support/env';
import { eventually, startStack, type Stack } from '../support/stack';
import { killHard, spawnWorker } from '../support/worker-process';

let stack: Stack;
let worker: ChildProcess | undefined;

beforeAll(async () => {
  stack = await startStack({ worker: false });
}, 120_000);
afterAll(async () => {
  if (worker && worker.exitCode === null) await killHard(worker);
  await stack?.close();
});

const workerEnv = () => ({
  databaseUrl: requireEnv('TEST_DATABASE_URL'),
  temporalAddress: stack.env.connection.options.address,
  namespace: stack.env.namespace ?? 'default',
});

it('given an order waiting on its task, when the worker is killed -9 and restarted, then completing the task completes the order once', async () => {
  worker = await spawnWorker(workerEnv());
  const rep = await stack.login('rep2');
  const auth = { Authorization: `Bearer ${rep}` };
  const created = await stack.http.post('/api/orders').set(auth).send({ templateKey: 'quick-order', title: 'Crash-test order' }).expect(201);
  const orderId = created.body.id;
  const task = await eventually(async () => (await stack.http.get(`/api/tasks?orderId=${orderId}`).set(auth)).body.items?.[0], 30_000, 'task');

  await killHard(worker);
  worker = await spawnWorker(workerEnv());

  await stack.http.post(`/api/tasks/${task.id}/complete`).set(auth).send({ data: { quantity: 4, unitPrice: 10 } }).expect(200);
  await eventually(async () => (await stack.http.get(`/api/orders/${orderId}`).set(auth)).body.status === 'completed', 30_000, 'completion');

  const [{ tasks }] = await stack.ds.query(`SELECT count(*)::int AS tasks FROM tasks WHERE order_id = $1`, [orderId]);
  expect(tasks).toBe(1);
  const events: { seq: number; type: string }[] = await stack.ds.query(`SELECT seq, type FROM order_events WHERE order_id = $1 ORDER BY seq`, [orderId]);
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  expect(events.filter((e) => e.type === 'task_created')).toHaveLength(1);
  expect(events.filter((e) => e.type === 'task_completed')).toHaveLength(1);
  const [order] = await stack.ds.query(`SELECT value FROM orders WHERE id = $1`, [orderId]);
  expect(Number(order.value)).toBe(40);
}, 180_000);

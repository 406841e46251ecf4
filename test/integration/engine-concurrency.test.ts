/**
 * Two people complete the same task at the same moment, through HTTP, against the real stack
 * (API, worker, Temporal dev server, PostgreSQL): the workflow is the judge, exactly one wins.
 */
import { eventually, startStack, type Stack } from '../support/stack';

let stack: Stack;
let reps: [string, string];

beforeAll(async () => {
  stack = await startStack();
  reps = [await stack.login('rep1'), await stack.login('rep2')];
}, 120_000);
afterAll(() => stack?.close());

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('given an open task of a running order', () => {
  // Three rounds: the race is decided by timing, so one lucky round would prove little.
  it.each([1, 2, 3])('round %i: when two completions are sent at once, then one gets 200, the other 409 task_not_open, and the task completes once', async (round) => {
    const created = await stack.http.post('/api/orders').set(auth(reps[0])).send({ templateKey: 'quick-order', title: `Race ${round}` }).expect(201);
    const orderId = created.body.id as string;
    const task = await eventually(async () => (await stack.http.get(`/api/tasks?orderId=${orderId}`).set(auth(reps[0]))).body.items?.[0], 20_000, 'the task');

    const [first, second] = await Promise.all(reps.map((token, i) =>
      stack.http.post(`/api/tasks/${task.id}/complete`).set(auth(token)).send({ data: { quantity: 10 + i, unitPrice: 2 } })));

    const responses = [first, second].sort((a, b) => a.status - b.status);
    expect(responses.map((r) => r.status)).toEqual([200, 409]);
    expect(responses[1].body.code).toBe('task_not_open');
    expect(responses[1].headers['content-type']).toContain('application/problem+json');
    const winner = first.status === 200 ? 0 : 1;
    await eventually(async () => (await stack.http.get(`/api/orders/${orderId}`).set(auth(reps[0]))).body.status === 'completed', 20_000, 'order completion');
    const [row] = await stack.ds.query(`SELECT status, completed_by AS "by", data FROM tasks WHERE id = $1`, [task.id]);
    expect(row).toEqual({ status: 'completed', by: ['rep1', 'rep2'][winner], data: { quantity: 10 + winner, unitPrice: 2 } });
    const events = await stack.ds.query(`SELECT type FROM order_events WHERE order_id = $1 AND type = 'task_completed'`, [orderId]);
    expect(events).toHaveLength(1);
  });
});

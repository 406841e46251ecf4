/**
 * Tasks through HTTP: the inbox, claim and release, comments, reassignment by a supervisor,
 * completion through the workflow.
 */
import { startStack, type Stack } from '../support/stack';
import { auth, fieldsOf, openTask, orderStatus, startOrder } from './api-support';

let stack: Stack;
let admin: string;
let supervisor: string;
let rep1: string;
let rep2: string;
let orderId: string;
let taskId: string;

beforeAll(async () => {
  stack = await startStack();
  [admin, supervisor, rep1, rep2] = await Promise.all(['admin', 'supervisor', 'rep1', 'rep2'].map((u) => stack.login(u)));
  orderId = await startOrder(stack.http, rep1, { templateKey: 'quick-order', title: 'Task suite order' });
  taskId = (await openTask(stack.http, rep1, orderId)).id;
}, 120_000);
afterAll(() => stack?.close());

describe('given an open task in the rep queue', () => {
  it('shows it in every east rep\'s inbox until one claims it', async () => {
    for (const token of [rep1, rep2]) {
      const inbox = await stack.http.get(`/api/tasks?orderId=${orderId}`).set(auth(token)).expect(200);
      expect(inbox.body.items.map((t: { id: string }) => t.id)).toEqual([taskId]);
    }
    const claimed = await stack.http.post(`/api/tasks/${taskId}/claim`).set(auth(rep1)).expect(200);
    expect(claimed.body).toMatchObject({ assignee: 'rep1', claimedAt: expect.any(String) });
    const taken = await stack.http.post(`/api/tasks/${taskId}/claim`).set(auth(rep2)).expect(403);
    expect(taken.body.code).toBe('forbidden');
    const mine = await stack.http.get('/api/tasks?assignee=me&limit=200').set(auth(rep1)).expect(200);
    expect(mine.body.items.map((t: { id: string }) => t.id)).toContain(taskId);
  });

  it('lets the assignee release it back to the queue', async () => {
    const released = await stack.http.post(`/api/tasks/${taskId}/release`).set(auth(rep1)).expect(200);
    expect(released.body).toMatchObject({ assignee: null, claimedAt: null });
    await stack.http.post(`/api/tasks/${taskId}/claim`).set(auth(rep1)).expect(200);
  });

  it('keeps comments in order and shows them with the task', async () => {
    const first = await stack.http.post(`/api/tasks/${taskId}/comments`).set(auth(rep1)).send({ text: 'Distributor asks for 5 % off' }).expect(201);
    expect(first.body).toMatchObject({ taskId, author: 'rep1', text: 'Distributor asks for 5 % off', id: expect.any(String) });
    await stack.http.post(`/api/tasks/${taskId}/comments`).set(auth(supervisor)).send({ text: '  Approved, max 3 %  ' }).expect(201);
    const detail = await stack.http.get(`/api/tasks/${taskId}`).set(auth(rep1)).expect(200);
    expect(detail.body.comments.map((c: { author: string; text: string }) => [c.author, c.text]))
      .toEqual([['rep1', 'Distributor asks for 5 % off'], ['supervisor', 'Approved, max 3 %']]);
    expect(detail.body).toMatchObject({ form: { fields: expect.any(Array) }, order: { id: orderId, title: 'Task suite order' } });
  });

  it('stores a comment once when it is sent again with the same Idempotency-Key', async () => {
    const key = `comment-${taskId}`;
    const a = await stack.http.post(`/api/tasks/${taskId}/comments`).set(auth(rep1)).set('Idempotency-Key', key).send({ text: 'once' }).expect(201);
    const b = await stack.http.post(`/api/tasks/${taskId}/comments`).set(auth(rep1)).set('Idempotency-Key', key).send({ text: 'once' }).expect(201);
    expect(b.body.id).toBe(a.body.id);
    const [row] = await stack.ds.query(`SELECT count(*)::int AS n FROM task_comments WHERE task_id = $1 AND text = 'once'`, [taskId]);
    expect(row.n).toBe(1);
  });

  it('refuses empty comments and comments on unknown tasks', async () => {
    const empty = await stack.http.post(`/api/tasks/${taskId}/comments`).set(auth(rep1)).send({ text: '' }).expect(400);
    expect(fieldsOf(empty.body)).toEqual(['text']);
    await stack.http.post('/api/tasks/00000000-0000-4000-8000-000000000000/comments').set(auth(rep1)).send({ text: 'x' }).expect(404);
  });

  it('lets a supervisor reassign it (audited) and then the new assignee completes it', async () => {
    await stack.http.post(`/api/tasks/${taskId}/reassign`).set(auth(rep1)).send({ userId: 'rep2' }).expect(403);
    const unknown = await stack.http.post(`/api/tasks/${taskId}/reassign`).set(auth(supervisor)).send({ userId: 'nobody' }).expect(404);
    expect(unknown.body.code).toBe('user_not_found');
    const res = await stack.http.post(`/api/tasks/${taskId}/reassign`).set(auth(supervisor)).send({ userId: 'rep2', reason: 'rep1 is travelling' }).expect(200);
    expect(res.body.assignee).toBe('rep2');
    await stack.http.post(`/api/tasks/${taskId}/complete`).set(auth(rep1)).send({ data: { quantity: 1, unitPrice: 1 } }).expect(403);
    await stack.http.post(`/api/tasks/${taskId}/complete`).set(auth(rep2)).send({ data: { quantity: 4, unitPrice: 2.5 } }).expect(200);
    const order = await orderStatus(stack.http, admin, orderId, 'completed');
    expect(order.value).toBe(10);
    const [row] = await stack.ds.query(`SELECT status, completed_by FROM tasks WHERE id = $1`, [taskId]);
    expect(row).toEqual({ status: 'completed', completed_by: 'rep2' });

    const audit = await stack.http.get(`/api/audit?target=task:${taskId}`).set(auth(supervisor)).expect(200);
    expect(audit.body.items[0]).toMatchObject({ action: 'task.reassign', actor: 'supervisor', reason: 'rep1 is travelling', data: { to: 'rep2' } });
  });

  it('answers a second completion, a claim or a reassignment of a closed task with 409', async () => {
    const done = await stack.http.post(`/api/tasks/${taskId}/complete`).set(auth(rep2)).send({ data: {} }).expect(409);
    expect(done.body.code).toBe('task_not_open');
    await stack.http.post(`/api/tasks/${taskId}/claim`).set(auth(rep2)).expect(409);
    await stack.http.post(`/api/tasks/${taskId}/reassign`).set(auth(supervisor)).send({ userId: 'rep1' }).expect(409);
    const closed = await stack.http.get(`/api/tasks?status=completed&orderId=${orderId}`).set(auth(rep2)).expect(200);
    expect(closed.body.items.map((t: { id: string }) => t.id)).toEqual([taskId]);
  });

  it('pages through the inbox with a cursor, earliest due first', async () => {
    const ids = await Promise.all([1, 2, 3].map((i) => startOrder(stack.http, rep1, { templateKey: 'quick-order', title: `Inbox page ${i}` })));
    for (const id of ids) await openTask(stack.http, rep1, id);
    const all = await stack.http.get('/api/tasks?limit=200').set(auth(rep1)).expect(200);
    const due = all.body.items.map((t: { dueAt: string | null }) => t.dueAt ?? '9999');
    expect(due).toEqual([...due].sort());
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/tasks?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await stack.http.get(url).set(auth(rep1)).expect(200);
      seen.push(...page.body.items.map((t: { id: string }) => t.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, all.body.items.length)).toEqual(all.body.items.map((t: { id: string }) => t.id));
    expect(seen).toEqual(expect.arrayContaining(await Promise.all(ids.map(async (id) => (await openTask(stack.http, rep1, id)).id))));
  });
});

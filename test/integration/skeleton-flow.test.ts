/**
 * The walking skeleton end to end through HTTP: real PostgreSQL, real Temporal dev server,
 * the worker and the API in-process.
 */
import { eventually, startStack, type Stack } from '../support/stack';

let stack: Stack;
let rep: string;
let admin: string;

beforeAll(async () => {
  stack = await startStack();
  rep = await stack.login('rep1');
  admin = await stack.login('admin');
}, 120_000);
afterAll(() => stack?.close());

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
// Other suites share the test database and run alongside, so "changes nothing" is checked on
// the rows this suite could have touched: one order's tasks and events, or orders by title.
const orderRows = async (orderId: string) => (await stack.ds.query(
  `SELECT (SELECT count(*) FROM tasks WHERE order_id = $1)::int AS tasks, (SELECT count(*) FROM order_events WHERE order_id = $1)::int AS events`, [orderId]))[0];
const ordersTitled = async (title: string) => (await stack.ds.query(`SELECT count(*)::int AS n FROM orders WHERE title = $1`, [title]))[0].n;
const uniqueTitle = (what: string) => `${what} ${Date.now()}-${Math.random().toString(36).slice(2)}`;

describe('given the running stack', () => {
  it('reports db and temporal ok on /api/health without a token', async () => {
    const res = await stack.http.get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', db: 'ok', temporal: 'ok' });
  });

  it('when a rep starts a quick order and completes its task, the order values itself and completes', async () => {
    const created = await stack.http.post('/api/orders').set(auth(rep))
      .send({ templateKey: 'quick-order', title: 'Skeleton order' }).expect(201);
    const orderId = created.body.id as string;
    expect(created.body).toMatchObject({ templateKey: 'quick-order', templateVersion: 1 });

    const task = await eventually(async () => {
      const res = await stack.http.get(`/api/tasks?orderId=${orderId}`).set(auth(rep)).expect(200);
      return res.body.items[0];
    }, 20_000, 'the confirm task');
    expect(task).toMatchObject({ nodeId: 'confirm', role: 'rep', status: 'open', orderTitle: 'Skeleton order' });

    const detail = await stack.http.get(`/api/tasks/${task.id}`).set(auth(rep)).expect(200);
    expect(detail.body.form.fields.map((f: { key: string }) => f.key)).toEqual(['quantity', 'unitPrice']);

    await stack.http.post(`/api/tasks/${task.id}/complete`).set(auth(rep)).send({ data: { quantity: 10, unitPrice: 12.5 } }).expect(200);

    const order = await eventually(async () => {
      const res = await stack.http.get(`/api/orders/${orderId}`).set(auth(rep)).expect(200);
      return res.body.status === 'completed' && res.body;
    }, 20_000, 'order completion');
    expect(order).toMatchObject({ value: 125, variables: { quantity: 10, unitPrice: 12.5 } });

    const timeline = await stack.http.get(`/api/orders/${orderId}/timeline`).set(auth(rep)).expect(200);
    const seqs = timeline.body.items.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(timeline.body.items.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['task_created', 'task_completed']));

    // Completing a completed task is a conflict, and changes nothing.
    const before = await orderRows(orderId);
    const again = await stack.http.post(`/api/tasks/${task.id}/complete`).set(auth(rep)).send({ data: { quantity: 1, unitPrice: 1 } }).expect(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.body.code).toBe('task_not_open');
    expect(await orderRows(orderId)).toEqual(before);
  });

  it('when the task data fails the form, the update validator refuses it naming the field', async () => {
    const created = await stack.http.post('/api/orders').set(auth(rep)).send({ templateKey: 'quick-order', title: 'Bad data order' }).expect(201);
    const task = await eventually(async () => (await stack.http.get(`/api/tasks?orderId=${created.body.id}`).set(auth(rep))).body.items?.[0]);
    const res = await stack.http.post(`/api/tasks/${task.id}/complete`).set(auth(rep)).send({ data: { quantity: -3 } }).expect(400);
    expect(res.body.code).toBe('invalid_task_data');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['quantity', 'unitPrice']);
    const [row] = await stack.ds.query(`SELECT status FROM tasks WHERE id = $1`, [task.id]);
    expect(row.status).toBe('open');
  });
});

describe('given bad input', () => {
  it('refuses an unknown template with 404 problem+json and creates nothing', async () => {
    const title = uniqueTitle('unknown template');
    const res = await stack.http.post('/api/orders').set(auth(rep)).send({ templateKey: 'no-such-template', title }).expect(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 404, code: 'template_not_found' });
    expect(await ordersTitled(title)).toBe(0);
  });

  it('refuses a template that has only a draft with 422', async () => {
    const key = `draft-only-${Date.now()}`;
    await stack.http.post('/api/templates').set(auth(admin))
      .send({ key, name: 'Draft only', definition: { nodes: [], edges: [] } }).expect(201);
    const title = uniqueTitle('draft only');
    const res = await stack.http.post('/api/orders').set(auth(rep)).send({ templateKey: key, title }).expect(422);
    expect(res.body.code).toBe('template_not_published');
    expect(await ordersTitled(title)).toBe(0);
  });

  it('answers a body that is not JSON with 400 problem+json', async () => {
    const title = uniqueTitle('malformed');
    const res = await stack.http.post('/api/orders').set(auth(rep)).set('Content-Type', 'application/json')
      .send(`{"templateKey": "quick-order", "title": "${title}"`).expect(400);
    expect(res.body.code).toBe('malformed_json');
    expect(await ordersTitled(title)).toBe(0);
  });

  it('answers unknown fields and wrong types with 400 naming the field', async () => {
    const res = await stack.http.post('/api/orders').set(auth(rep)).send({ templateKey: 42, title: 'x', colour: 'red' }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['templateKey']));
  });

  it('refuses requests without a token (401) and reps on admin routes (403)', async () => {
    await stack.http.get('/api/tasks').expect(401);
    const res = await stack.http.post('/api/templates').set(auth(rep)).send({ key: 'x', name: 'x', definition: {} }).expect(403);
    expect(res.body.code).toBe('forbidden');
  });
});

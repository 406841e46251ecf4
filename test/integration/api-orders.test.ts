/**
 * Orders through HTTP: start (idempotent), list filters and paging, detail with stuck reasons,
 * timeline, live state, messages, cancel and migrate — with the audit trail.
 */
import { eventually, startStack, type Stack } from '../support/stack';
import { auth, fieldsOf, linear, openTask, orderStatus, publish, startOrder, uniqueKey } from './api-support';

let stack: Stack;
let admin: string;
let supervisor: string;
let rep: string;
const waitKey = uniqueKey('ord-wait');
const taskKey = uniqueKey('ord-task');
const tag = uniqueKey('Batch');

beforeAll(async () => {
  stack = await startStack();
  [admin, supervisor, rep] = await Promise.all(['admin', 'supervisor', 'rep1'].map((u) => stack.login(u)));
  await publish(stack.http, admin, linear(waitKey, [{ id: 'pay', type: 'messageCatch', name: 'Await payment', message: 'paymentReceived', stage: 'place' }],
    [{ id: 'place', name: 'Place' }]));
  await publish(stack.http, admin, linear(taskKey, [{ id: 'confirm', type: 'userTask', name: 'Confirm', role: 'rep', stage: 'place' }],
    [{ id: 'place', name: 'Place' }]));
}, 120_000);
afterAll(() => stack?.close());

const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((o) => o.id);

describe('given orders started by a rep', () => {
  const started: string[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 4; i += 1) started.push(await startOrder(stack.http, rep, { templateKey: taskKey, title: `${tag} 100%_off #${i}`, distributorId: `D-${i}` }));
  });

  it('answers a repeat with the same Idempotency-Key with the first order (200) and starts nothing new', async () => {
    const key = uniqueKey('order-key');
    const first = await stack.http.post('/api/orders').set(auth(rep)).set('Idempotency-Key', key).send({ templateKey: taskKey, title: `${tag} idem` }).expect(201);
    const again = await stack.http.post('/api/orders').set(auth(rep)).set('Idempotency-Key', key).send({ templateKey: taskKey, title: `${tag} idem` }).expect(200);
    expect(again.body.id).toBe(first.body.id);
    started.push(first.body.id);
  });

  it('finds them by title (wildcards taken literally), distributor or id, newest first', async () => {
    const byTitle = await stack.http.get(`/api/orders?q=${encodeURIComponent(`${tag} 100%_off`)}&limit=200`).set(auth(rep)).expect(200);
    expect(ids(byTitle)).toEqual([...started.slice(0, 4)].reverse());
    const wildcard = await stack.http.get(`/api/orders?q=${encodeURIComponent('%')}${encodeURIComponent('_off #9')}`).set(auth(rep)).expect(200);
    expect(wildcard.body.items).toEqual([]);
    const byId = await stack.http.get(`/api/orders?q=${started[2]}`).set(auth(rep)).expect(200);
    expect(ids(byId)).toEqual([started[2]]);
    // The projection says `waiting` once the task_created event is written (just after the task row).
    const waiting = await eventually(async () => {
      const res = await stack.http.get(`/api/orders?templateKey=${taskKey}&status=waiting&stage=place&limit=200`).set(auth(supervisor)).expect(200);
      return started.every((id) => ids(res).includes(id)) && ids(res);
    }, 20_000, 'all orders waiting');
    expect(waiting).toEqual(expect.arrayContaining(started));
    const none = await stack.http.get(`/api/orders?templateKey=${taskKey}&status=completed`).set(auth(supervisor)).expect(200);
    expect(none.body.items).toEqual([]);
  });

  it('pages with a cursor that never skips or repeats an order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/orders?q=${encodeURIComponent(tag)}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await stack.http.get(url).set(auth(rep)).expect(200);
      seen.push(...ids(res));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...started].reverse());
  });

  it('shows one order with variables, open tasks, no stuck reason, and its timeline page by page', async () => {
    const res = { body: await orderStatus(stack.http, rep, started[0], 'waiting') };
    expect(res.body).toMatchObject({ id: started[0], status: 'waiting', stage: 'place', distributorId: 'D-0', region: 'east', stuck: [], openIncidents: [] });
    expect(res.body.openTasks).toEqual([expect.objectContaining({ nodeId: 'confirm', status: 'open' })]);

    const all = await stack.http.get(`/api/orders/${started[0]}/timeline`).set(auth(rep)).expect(200);
    expect(all.body.items.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['order_started', 'stage_changed', 'task_created']));
    const paged: number[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/orders/${started[0]}/timeline?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await stack.http.get(url).set(auth(rep)).expect(200);
      paged.push(...page.body.items.map((e: { seq: number }) => e.seq));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.body.items.map((e: { seq: number }) => e.seq));

    const state = await stack.http.get(`/api/orders/${started[0]}/state`).set(auth(rep)).expect(200);
    expect(state.body.tokens).toEqual([expect.objectContaining({ nodeId: 'confirm' })]);
  });

  it('lets a supervisor cancel one with a reason (audited); a second cancel is a 409', async () => {
    await stack.http.post(`/api/orders/${started[1]}/cancel`).set(auth(rep)).send({ reason: 'no' }).expect(403);
    await stack.http.post(`/api/orders/${started[1]}/cancel`).set(auth(supervisor)).send({ reason: 'distributor closed' }).expect(200);
    await orderStatus(stack.http, supervisor, started[1], 'cancelled');
    const [task] = await stack.ds.query(`SELECT status FROM tasks WHERE order_id = $1`, [started[1]]);
    expect(task.status).toBe('cancelled');
    const again = await stack.http.post(`/api/orders/${started[1]}/cancel`).set(auth(supervisor)).send({ reason: 'again' }).expect(409);
    expect(again.body.code).toBe('order_not_running');
    const audit = await stack.http.get(`/api/audit?target=order:${started[1]}`).set(auth(supervisor)).expect(200);
    expect(audit.body.items).toEqual([expect.objectContaining({ action: 'order.cancel', actor: 'supervisor', reason: 'distributor closed', region: 'east' })]);
  });

  it('migrates a waiting order to a new version (audited), and refuses impossible mappings with 409', async () => {
    const v2 = linear(taskKey, [{ id: 'confirm2', type: 'userTask', name: 'Confirm (v2)', role: 'rep', stage: 'place' }], [{ id: 'place', name: 'Place' }]);
    await stack.http.put(`/api/templates/${taskKey}/draft`).set(auth(admin)).send({ definition: v2 }).expect(200);
    expect((await stack.http.post(`/api/templates/${taskKey}/publish`).set(auth(admin)).expect(200)).body.version).toBe(2);
    await openTask(stack.http, rep, started[2]);

    const refused = await stack.http.post(`/api/orders/${started[2]}/migrate`).set(auth(supervisor)).send({ toVersion: 2, nodeMapping: {} }).expect(409);
    expect(refused.body.code).toBe('migration_refused');
    await stack.http.post(`/api/orders/${started[2]}/migrate`).set(auth(supervisor)).send({ toVersion: 9, nodeMapping: {} }).expect(404);

    const res = await stack.http.post(`/api/orders/${started[2]}/migrate`).set(auth(supervisor))
      .send({ toVersion: 2, nodeMapping: { confirm: 'confirm2' }, reason: 'new confirmation step' }).expect(200);
    expect(res.body).toEqual({ templateVersion: 2 });
    const detail = await stack.http.get(`/api/orders/${started[2]}`).set(auth(supervisor)).expect(200);
    expect(detail.body.templateVersion).toBe(2);
    const audit = await stack.http.get(`/api/audit?target=order:${started[2]}&action=order.migrate`).set(auth(admin)).expect(200);
    expect(audit.body.items[0]).toMatchObject({ reason: 'new confirmation step', data: { from: 1, to: 2, nodeMapping: { confirm: 'confirm2' } } });
  });
});

describe('given an order waiting for a message', () => {
  it('delivers a message once even when the request is repeated with its Idempotency-Key', async () => {
    const orderId = await startOrder(stack.http, rep, { templateKey: waitKey, title: `${tag} waits` });
    await eventually(async () => (await stack.ds.query(`SELECT 1 FROM order_waits WHERE order_id = $1`, [orderId])).length > 0, 20_000, 'the wait');
    const key = uniqueKey('msg');
    for (let i = 0; i < 2; i += 1) {
      const res = await stack.http.post(`/api/orders/${orderId}/messages/paymentReceived`).set(auth(rep)).set('Idempotency-Key', key)
        .send({ payload: { paid: 100 } }).expect(202);
      expect(res.body).toEqual({ delivered: true });
    }
    const order = await orderStatus(stack.http, rep, orderId, 'completed');
    expect(order.variables).toMatchObject({ paid: 100 });
    const events = await stack.ds.query(`SELECT type FROM order_events WHERE order_id = $1 AND type LIKE 'message_%'`, [orderId]);
    expect(events.map((e: { type: string }) => e.type).sort()).toEqual(['message_received', 'message_waiting']);
    const audit = await stack.http.get(`/api/audit?target=order:${orderId}`).set(auth(supervisor)).expect(200);
    expect(audit.body.items).toHaveLength(1);
  });

  it('keeps a message wait visible to supervision when the order migrates to a renamed catch', async () => {
    const orderId = await startOrder(stack.http, rep, { templateKey: waitKey, title: `${tag} migrates while waiting` });
    await eventually(async () => (await stack.ds.query(`SELECT 1 FROM order_waits WHERE order_id = $1`, [orderId])).length > 0, 20_000, 'the wait');
    const v2 = linear(waitKey, [{ id: 'pay2', type: 'messageCatch', name: 'Await payment (v2)', message: 'paymentReceived', stage: 'place' }],
      [{ id: 'place', name: 'Place' }]);
    await stack.http.put(`/api/templates/${waitKey}/draft`).set(auth(admin)).send({ definition: v2 }).expect(200);
    const { version } = (await stack.http.post(`/api/templates/${waitKey}/publish`).set(auth(admin)).expect(200)).body;
    await stack.http.post(`/api/orders/${orderId}/migrate`).set(auth(supervisor)).send({ toVersion: version, nodeMapping: { pay: 'pay2' } }).expect(200);
    const waits = await eventually(async () => {
      const rows: { node_id: string }[] = await stack.ds.query(`SELECT node_id FROM order_waits WHERE order_id = $1`, [orderId]);
      return rows[0]?.node_id === 'pay2' && rows;
    }, 20_000, 'the renamed wait');
    expect(waits).toHaveLength(1);
    await stack.http.post(`/api/orders/${orderId}/messages/paymentReceived`).set(auth(rep)).send({}).expect(202);
    await orderStatus(stack.http, rep, orderId, 'completed');
    expect(await stack.ds.query(`SELECT 1 FROM order_waits WHERE order_id = $1`, [orderId])).toEqual([]);
  });

  it('answers a message to a finished order with 409', async () => {
    const [done] = await stack.ds.query(`SELECT id FROM orders WHERE template_key = $1 AND status = 'completed' LIMIT 1`, [waitKey]);
    const res = await stack.http.post(`/api/orders/${done.id}/messages/paymentReceived`).set(auth(admin)).send({}).expect(409);
    expect(res.body.code).toBe('order_not_running');
  });

  it('refuses a template that does not exist or a version that was never published', async () => {
    await stack.http.post('/api/orders').set(auth(rep)).send({ templateKey: waitKey, templateVersion: 7, title: 'x' }).expect(404);
    const bad = await stack.http.post('/api/orders').set(auth(rep)).send({ templateKey: waitKey, title: '' }).expect(400);
    expect(fieldsOf(bad.body)).toEqual(['title']);
  });
});

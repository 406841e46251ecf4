/**
 * Supervision through HTTP on the real stack: the stuck list shows each of the five reasons of
 * DESIGN.md §5 with the right `since`, ranked and paginated; incidents are listed and resolved
 * through the workflow's update; the actions land in the audit trail.
 */
import { ApplicationFailure } from '@temporalio/common';
import { eventually, startStack, type Stack } from '../support/stack';
import { auth, extraApp, type ExtraApp, linear, orderStatus, publish, publishDirect, startOrder, uniqueKey } from './api-support';

let stack: Stack;
/** Same database and Temporal, but `no_progress` after 2 s instead of 7 days. */
let impatient: ExtraApp;
let admin: string;
let supervisor: string;
let rep: string;

const keys = {
  overdue: uniqueKey('sv-overdue'),
  incident: uniqueKey('sv-incident'),
  waiting: uniqueKey('sv-waiting'),
  stage: uniqueKey('sv-stage'),
};
const orders: Record<keyof typeof keys, string> = { overdue: '', incident: '', waiting: '', stage: '' };

beforeAll(async () => {
  stack = await startStack({
    extraActivities: {
      async alwaysFails(): Promise<never> {
        throw ApplicationFailure.nonRetryable('the ERP is down', 'ErpDown');
      },
    },
  });
  impatient = await extraApp(stack, { ORDERPATH_NO_PROGRESS_AFTER: 'PT2S' });
  [admin, supervisor, rep] = await Promise.all(['admin', 'supervisor', 'rep1'].map((u) => stack.login(u)));

  await publish(stack.http, admin, linear(keys.overdue, [{ id: 'call', type: 'userTask', name: 'Call distributor', role: 'rep', dueIn: 'PT1S' }]));
  await publishDirect(stack, linear(keys.incident, [{ id: 'erp', type: 'serviceTask', name: 'Send to ERP', activity: 'alwaysFails', retry: { maxAttempts: 1 } }]));
  await publish(stack.http, admin, linear(keys.waiting, [{ id: 'pay', type: 'messageCatch', name: 'Await payment', message: 'paymentReceived', expectedWithin: 'PT1S' }]));
  await publish(stack.http, admin, linear(keys.stage, [{ id: 'survey', type: 'userTask', name: 'Market survey', role: 'rep', stage: 'develop' }],
    [{ id: 'develop', name: 'Develop', sla: 'PT1S' }]));

  for (const name of Object.keys(keys) as (keyof typeof keys)[]) {
    orders[name] = await startOrder(stack.http, rep, { templateKey: keys[name], title: `Stuck ${name}` });
  }
  // Value ranks orders of equal age; give one order a value.
  await stack.ds.query(`UPDATE orders SET value = 5000 WHERE id = $1`, [orders.stage]);
}, 120_000);

afterAll(async () => {
  await impatient?.close();
  await stack?.close();
});

interface StuckItem { orderId: string; reason: string; since: string; nodeId: string | null; ageMs: number; value: number; title: string; region: string | null; stage: string | null }

async function stuckOf(orderId: string, reason: string, http = stack.http): Promise<StuckItem> {
  return eventually(async () => {
    const res = await http.get(`/api/supervision/stuck?reason=${reason}&limit=200`).set(auth(supervisor)).expect(200);
    return (res.body.items as StuckItem[]).find((i) => i.orderId === orderId);
  }, 20_000, `${reason} for order ${orderId}`);
}

const eventOf = async (orderId: string, type: string) =>
  (await stack.ds.query(`SELECT at, node_id, data FROM order_events WHERE order_id = $1 AND type = $2 ORDER BY seq DESC LIMIT 1`, [orderId, type]))[0];

describe('given orders stuck for each reason', () => {
  it('lists an overdue task as task_overdue since its due date, at its node', async () => {
    const item = await stuckOf(orders.overdue, 'task_overdue');
    const [task] = await stack.ds.query(`SELECT due_at FROM tasks WHERE order_id = $1`, [orders.overdue]);
    expect(item).toMatchObject({ nodeId: 'call', title: 'Stuck overdue', region: 'east', reason: 'task_overdue' });
    expect(item.since).toBe(new Date(task.due_at).toISOString());
    expect(item.ageMs).toBeGreaterThanOrEqual(0);
  });

  it('lists a failed service task as incident since the incident opened', async () => {
    const item = await stuckOf(orders.incident, 'incident');
    const [incident] = await stack.ds.query(`SELECT opened_at FROM incidents WHERE order_id = $1`, [orders.incident]);
    expect(item.nodeId).toBe('erp');
    expect(item.since).toBe(new Date(Math.floor(new Date(incident.opened_at).getTime())).toISOString());
  });

  it('lists a message wait past expectedWithin as waiting_too_long since expectedBy', async () => {
    const item = await stuckOf(orders.waiting, 'waiting_too_long');
    const waiting = await eventOf(orders.waiting, 'message_waiting');
    expect(item.nodeId).toBe('pay');
    expect(item.since).toBe(new Date(waiting.data.expectedBy).toISOString());
    expect(new Date(item.since).getTime() - new Date(waiting.at).getTime()).toBe(1000);
  });

  it('lists an order past its stage sla as stage_overdue since stage entry + sla', async () => {
    const item = await stuckOf(orders.stage, 'stage_overdue');
    const entered = await eventOf(orders.stage, 'stage_changed');
    expect(item).toMatchObject({ stage: 'develop', value: 5000 });
    expect(new Date(item.since).getTime()).toBe(new Date(entered.at).getTime() + 1000);
  });

  it('lists an order with no event for ORDERPATH_NO_PROGRESS_AFTER as no_progress since last event + period', async () => {
    const item = await stuckOf(orders.stage, 'no_progress', impatient.http);
    const [order] = await stack.ds.query(`SELECT last_event_at FROM orders WHERE id = $1`, [orders.stage]);
    expect(new Date(item.since).getTime()).toBe(Math.floor(new Date(order.last_event_at).getTime()) + 2000);
    // The default period (7 days) does not count it.
    const normal = await stack.http.get('/api/supervision/stuck?reason=no_progress&limit=200').set(auth(supervisor)).expect(200);
    expect(normal.body.items.map((i: StuckItem) => i.orderId)).not.toContain(orders.stage);
  });

  it("counts no_progress from the template's own noProgressAfter, ahead of the configured default", async () => {
    const key = uniqueKey('sv-quiet');
    const quiet = { ...linear(key, [{ id: 'docs', type: 'messageCatch', name: 'Await the signed contract', message: 'documentsReceived' }]), noProgressAfter: 'PT1S' };
    await publish(stack.http, admin, quiet);
    const orderId = await startOrder(stack.http, rep, { templateKey: key, title: 'Quiet order' });
    // The default app (7 days) lists it, one second after its last event.
    const item = await stuckOf(orderId, 'no_progress');
    const [order] = await stack.ds.query(`SELECT last_event_at FROM orders WHERE id = $1`, [orderId]);
    expect(item.nodeId).toBe('docs');
    expect(new Date(item.since).getTime()).toBe(Math.floor(new Date(order.last_event_at).getTime()) + 1000);
  });

  it('ranks by age then value, and pages through every item exactly once', async () => {
    const all = await impatient.http.get('/api/supervision/stuck?limit=200').set(auth(supervisor)).expect(200);
    const items = all.body.items as StuckItem[];
    for (let i = 1; i < items.length; i += 1) {
      const [a, b] = [items[i - 1], items[i]];
      expect(a.since <= b.since).toBe(true);
      if (a.since === b.since) expect(a.value).toBeGreaterThanOrEqual(b.value);
    }
    const paged: StuckItem[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/supervision/stuck?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await impatient.http.get(url).set(auth(supervisor)).expect(200);
      paged.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    // Other suites share the database (their orders may become stuck or unstuck between pages, and
    // may outnumber one page of 200); ours hold still here, so they come once each, in rank order.
    const keyOf = (i: StuckItem) => `${i.orderId}:${i.reason}:${i.nodeId}`;
    expect(new Set(paged.map(keyOf)).size).toBe(paged.length);
    const ours = new Set(Object.values(orders));
    const mine = paged.filter((i) => ours.has(i.orderId));
    expect(mine.length).toBeGreaterThanOrEqual(5);
    const ranked = [...mine].sort((a, b) => a.since.localeCompare(b.since) || b.value - a.value);
    expect(mine.map((i) => [i.since, i.value])).toEqual(ranked.map((i) => [i.since, i.value]));
  });

  it('filters by stage and shows the stuck reasons on the order and in GET /orders?stuck=', async () => {
    const byStage = await stack.http.get('/api/supervision/stuck?stage=develop&limit=200').set(auth(supervisor)).expect(200);
    expect(byStage.body.items.length).toBeGreaterThan(0);
    expect(byStage.body.items.every((i: StuckItem) => i.stage === 'develop')).toBe(true);

    const detail = await stack.http.get(`/api/orders/${orders.overdue}`).set(auth(rep)).expect(200);
    expect(detail.body.stuck.map((s: { reason: string }) => s.reason)).toContain('task_overdue');

    const stuck = await stack.http.get(`/api/orders?stuck=true&q=Stuck%20overdue&limit=200`).set(auth(supervisor)).expect(200);
    expect(stuck.body.items.map((o: { id: string }) => o.id)).toContain(orders.overdue);
    const notStuck = await stack.http.get(`/api/orders?stuck=false&limit=200`).set(auth(supervisor)).expect(200);
    expect(notStuck.body.items.map((o: { id: string }) => o.id)).not.toContain(orders.overdue);
  });

  it('refuses a bad reason, a bad cursor, another region and reps', async () => {
    const bad = await stack.http.get('/api/supervision/stuck?reason=sleepy').set(auth(supervisor)).expect(400);
    expect(bad.body.errors[0].field).toBe('reason');
    const cursor = await stack.http.get('/api/supervision/stuck?cursor=WyJ4Il0').set(auth(supervisor)).expect(400);
    expect(cursor.body.errors[0]).toMatchObject({ field: 'cursor', code: 'invalid_cursor' });
    await stack.http.get('/api/supervision/stuck?region=west').set(auth(supervisor)).expect(403);
    await stack.http.get('/api/supervision/stuck').set(auth(rep)).expect(403);
    await stack.http.get('/api/supervision/stuck').expect(401);
    const west = await stack.http.get('/api/supervision/stuck?region=west').set(auth(admin)).expect(200);
    expect(west.body.items.every((i: StuckItem) => i.region === 'west')).toBe(true);
  });
});

describe('given an open incident', () => {
  it('lists it, resolves it by skipping through the workflow, and audits who, what and why', async () => {
    const list = await stack.http.get(`/api/incidents?status=open&orderId=${orders.incident}`).set(auth(supervisor)).expect(200);
    expect(list.body.items).toHaveLength(1);
    const incident = list.body.items[0];
    expect(incident).toMatchObject({ orderId: orders.incident, nodeId: 'erp', activity: 'alwaysFails', status: 'open', region: 'east' });
    expect(incident.error).toContain('the ERP is down');
    await stack.http.get(`/api/incidents/${incident.id}`).set(auth(supervisor)).expect(200);

    const bad = await stack.http.post(`/api/incidents/${incident.id}/resolve`).set(auth(supervisor)).send({ action: 'ignore' }).expect(400);
    expect(bad.body.errors[0].field).toBe('action');
    await stack.http.post(`/api/incidents/${incident.id}/resolve`).set(auth(rep)).send({ action: 'skip' }).expect(403);

    const res = await stack.http.post(`/api/incidents/${incident.id}/resolve`).set(auth(supervisor))
      .send({ action: 'skip', reason: 'sent to the ERP by hand', variables: { erpRef: 'MANUAL-1' } }).expect(200);
    expect(res.body).toMatchObject({ id: incident.id, action: 'skip', accepted: true });

    const done = await orderStatus(stack.http, admin, orders.incident, 'completed');
    expect(done.variables).toMatchObject({ erpRef: 'MANUAL-1' });
    const resolved = await eventually(async () => {
      const r = await stack.http.get(`/api/incidents?status=resolved&orderId=${orders.incident}`).set(auth(supervisor)).expect(200);
      return r.body.items[0];
    });
    expect(resolved).toMatchObject({ resolution: 'skip', resolvedBy: 'supervisor' });

    const again = await stack.http.post(`/api/incidents/${incident.id}/resolve`).set(auth(supervisor)).send({ action: 'retry' }).expect(409);
    expect(again.body.code).toBe('incident_not_open');

    const audit = await stack.http.get(`/api/audit?target=incident:${incident.id}`).set(auth(supervisor)).expect(200);
    expect(audit.body.items[0]).toMatchObject({ actor: 'supervisor', action: 'incident.resolve', reason: 'sent to the ERP by hand', region: 'east' });
    expect(audit.body.items[0].data).toMatchObject({ action: 'skip', orderId: orders.incident });
  });

  it('aborts an order when the supervisor decides so', async () => {
    const orderId = await startOrder(stack.http, rep, { templateKey: keys.incident, title: 'Abort me' });
    const incident = await eventually(async () => (await stack.http.get(`/api/incidents?orderId=${orderId}`).set(auth(admin))).body.items?.[0]);
    await stack.http.post(`/api/incidents/${incident.id}/resolve`).set(auth(admin)).send({ action: 'abort', reason: 'order withdrawn' }).expect(200);
    await orderStatus(stack.http, admin, orderId, 'aborted');
    const stuck = await stack.http.get(`/api/orders/${orderId}`).set(auth(admin)).expect(200);
    expect(stuck.body.stuck).toEqual([]);
  });

  it('answers unknown and malformed incident ids with 404, and bad queries with 400', async () => {
    await stack.http.get('/api/incidents/not-a-uuid').set(auth(supervisor)).expect(404);
    await stack.http.post('/api/incidents/00000000-0000-4000-8000-000000000000/resolve').set(auth(supervisor)).send({ action: 'retry' }).expect(404);
    const status = await stack.http.get('/api/incidents?status=closed').set(auth(supervisor)).expect(400);
    expect(status.body.errors[0].field).toBe('status');
    const order = await stack.http.get('/api/incidents?orderId=42').set(auth(supervisor)).expect(400);
    expect(order.body.errors[0].field).toBe('orderId');
  });
});

describe('given a message wait', () => {
  it('stops counting it as waiting_too_long once the message arrives, and audits the message', async () => {
    await stuckOf(orders.waiting, 'waiting_too_long');
    await stack.http.post(`/api/orders/${orders.waiting}/messages/paymentReceived`).set(auth(supervisor)).send({ payload: { amount: 10 }, reason: 'finance confirmed by phone' }).expect(202);
    await orderStatus(stack.http, admin, orders.waiting, 'completed');
    const [wait] = await stack.ds.query(`SELECT count(*)::int AS n FROM order_waits WHERE order_id = $1`, [orders.waiting]);
    expect(wait.n).toBe(0);
    const audit = await stack.http.get(`/api/audit?target=order:${orders.waiting}&action=order.message`).set(auth(admin)).expect(200);
    expect(audit.body.items[0]).toMatchObject({ actor: 'supervisor', reason: 'finance confirmed by phone', data: { name: 'paymentReceived' } });
  });
});

/**
 * Analytics through HTTP on real orders: the funnel, per-node durations, and the time
 * allocation (the domain brief's Table 1) measured from completed tasks.
 *
 * The tasks are completed through the API; their timestamps are then moved into a window of a
 * past year picked per run (July = off-season, December = peak), so the figures are exact.
 */
import { startStack, type Stack } from '../support/stack';
import { auth, linear, openTask, orderStatus, publish, startOrder, uniqueKey } from './api-support';

let stack: Stack;
let admin: string;
let supervisor: string;
let rep: string;
const key = uniqueKey('analytics');
const year = 1990 + Math.floor(Math.random() * 30);
const day = 1 + Math.floor(Math.random() * 27);
const at = (month: number, time: string) => new Date(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${time}Z`);
const orders: string[] = [];

async function complete(orderId: string, nodeId: string, token: string, data: Record<string, unknown>): Promise<string> {
  const task = await openTask(stack.http, token, orderId, nodeId);
  await stack.http.post(`/api/tasks/${task.id}/complete`).set(auth(token)).send({ data }).expect(200);
  return task.id;
}

async function setTimes(taskId: string, times: { created: Date; claimed?: Date; completed: Date }) {
  await stack.ds.query(`UPDATE tasks SET created_at = $2, claimed_at = $3, completed_at = $4 WHERE id = $1`,
    [taskId, times.created, times.claimed ?? null, times.completed]);
}

beforeAll(async () => {
  stack = await startStack();
  [admin, supervisor, rep] = await Promise.all(['admin', 'supervisor', 'rep1'].map((u) => stack.login(u)));
  await publish(stack.http, admin, linear(key, [
    { id: 'survey', type: 'userTask', name: 'Market survey', role: 'rep', stage: 'develop', category: 'market_visits' },
    { id: 'approve', type: 'userTask', name: 'Approve distributor', role: 'supervisor', stage: 'place', category: 'team_talks' },
    { id: 'cool', type: 'timer', name: 'Cooling-off', duration: 'PT0.5S', stage: 'place' },
    { id: 'visit', type: 'userTask', name: 'Visit outlets', role: 'rep', stage: 'place' },
  ], [{ id: 'develop', name: 'Develop' }, { id: 'place', name: 'Place' }]));
  for (let i = 0; i < 3; i += 1) orders.push(await startOrder(stack.http, rep, { templateKey: key, title: `Analytics ${i}` }));

  // Order 0 runs to the end; order 1 stops at `visit`; order 2 stays at `survey`.
  const s0 = await complete(orders[0], 'survey', rep, { timeSpentMinutes: 30 });
  const a0 = await complete(orders[0], 'approve', supervisor, { timeSpentMinutes: 60 });
  const v0 = await complete(orders[0], 'visit', rep, {});
  const s1 = await complete(orders[1], 'survey', rep, {});
  const a1 = await complete(orders[1], 'approve', supervisor, {});
  await openTask(stack.http, rep, orders[1], 'visit');
  await openTask(stack.http, rep, orders[2], 'survey');
  await orderStatus(stack.http, admin, orders[0], 'completed');
  // The projection (stage, status, events) is written just after each task row.
  await orderStatus(stack.http, admin, orders[1], 'waiting');
  await orderStatus(stack.http, admin, orders[2], 'waiting');

  await setTimes(s0, { created: at(7, '09:00:00'), completed: at(7, '10:00:00') }); // reported 30 min; lasted 1 h
  await setTimes(a0, { created: at(7, '09:00:00'), completed: at(7, '09:20:00') }); // reported 60 min
  await setTimes(v0, { created: at(12, '08:00:00'), completed: at(12, '18:00:00') }); // 10 h → capped at 8 h
  await setTimes(s1, { created: at(12, '09:00:00'), completed: at(12, '10:30:00') }); // 90 min
  await setTimes(a1, { created: at(12, '08:00:00'), claimed: at(12, '10:00:00'), completed: at(12, '10:45:00') }); // 45 min from the claim
}, 120_000);
afterAll(() => stack?.close());

describe('GET /analytics/funnel', () => {
  it('counts orders per stage reached and currently in, in the template\'s stage order', async () => {
    const res = await stack.http.get(`/api/analytics/funnel?templateKey=${key}`).set(auth(supervisor)).expect(200);
    expect(res.body.stages).toEqual([
      { id: 'develop', name: 'Develop', reached: 3, current: 1 },
      { id: 'place', name: 'Place', reached: 2, current: 1 },
    ]);
    expect(res.body.totals).toEqual({ orders: 3, active: 2, completed: 1, cancelled: 0, aborted: 0 });
    expect(res.body.region).toBe('east');
  });

  it('covers every template without a key, and refuses an unknown key or another region', async () => {
    const all = await stack.http.get('/api/analytics/funnel').set(auth(admin)).expect(200);
    expect(all.body.stages.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['develop', 'place']));
    await stack.http.get('/api/analytics/funnel?templateKey=no-such-template').set(auth(admin)).expect(404);
    await stack.http.get(`/api/analytics/funnel?templateKey=${key}&region=west`).set(auth(supervisor)).expect(403);
    const west = await stack.http.get(`/api/analytics/funnel?templateKey=${key}&region=west`).set(auth(admin)).expect(200);
    expect(west.body.totals.orders).toBe(0);
  });
});

describe('GET /analytics/durations', () => {
  it('gives p50/p90 per node: user tasks from task rows, other nodes from their events', async () => {
    const res = await stack.http.get(`/api/analytics/durations?templateKey=${key}&version=1`).set(auth(supervisor)).expect(200);
    const byId = Object.fromEntries(res.body.nodes.map((n: { nodeId: string }) => [n.nodeId, n]));
    expect(res.body.nodes.map((n: { nodeId: string }) => n.nodeId)).toEqual(['start', 'survey', 'approve', 'cool', 'visit', 'end']);
    // survey: 1 h and 90 min → percentile_cont interpolates.
    expect(byId.survey).toMatchObject({ source: 'tasks', samples: 2, p50Ms: 4_500_000, p90Ms: 5_220_000, stage: 'develop', name: 'Market survey' });
    expect(byId.approve).toMatchObject({ source: 'tasks', samples: 2, p50Ms: (20 * 60_000 + 165 * 60_000) / 2 });
    expect(byId.cool).toMatchObject({ source: 'events', samples: 2, type: 'timer' });
    expect(byId.cool.p50Ms).toBeGreaterThanOrEqual(500);
    expect(byId.cool.p90Ms).toBeGreaterThanOrEqual(byId.cool.p50Ms);
    expect(byId.visit).toMatchObject({ source: 'tasks', samples: 1, p50Ms: 10 * 3_600_000 });
    expect(byId.start).toMatchObject({ source: 'events', samples: 3 });
  });

  it('answers unknown templates and versions with 404', async () => {
    await stack.http.get(`/api/analytics/durations?templateKey=${key}&version=99`).set(auth(supervisor)).expect(404);
    await stack.http.get('/api/analytics/durations?templateKey=no-such-template').set(auth(supervisor)).expect(404);
  });
});

describe('GET /analytics/time-allocation', () => {
  const window = `from=${year}-01-01&to=${year + 1}-01-01`;
  type Row = { category: string; share: Record<string, number | null>; minutes: Record<string, number>; tasks: Record<string, number>; baseline: Record<string, number> };
  const row = (rows: Row[], category: string) => rows.find((r) => r.category === category)!;

  it('measures share of time per category, role and season beside the brief\'s baseline', async () => {
    const res = await stack.http.get(`/api/analytics/time-allocation?${window}`).set(auth(supervisor)).expect(200);
    expect(res.body.columns).toEqual([
      { key: 'rep_off', role: 'rep', season: 'off', tasks: 1, minutes: 30 },
      { key: 'rep_peak', role: 'rep', season: 'peak', tasks: 2, minutes: 570 },
      { key: 'manager_off', role: 'manager', season: 'off', tasks: 1, minutes: 60 },
      { key: 'manager_peak', role: 'manager', season: 'peak', tasks: 1, minutes: 45 },
    ]);
    const rows: Row[] = res.body.rows;
    expect(rows).toHaveLength(18);
    expect(row(rows, 'market_visits').share).toEqual({ rep_off: 100, rep_peak: 15.8, manager_off: 0, manager_peak: 0 });
    expect(row(rows, 'other').share).toEqual({ rep_off: 0, rep_peak: 84.2, manager_off: 0, manager_peak: 0 });
    expect(row(rows, 'team_talks').share).toEqual({ rep_off: 0, rep_peak: 0, manager_off: 100, manager_peak: 100 });
    expect(row(rows, 'other').minutes.rep_peak).toBe(480);
    expect(row(rows, 'travelling')).toMatchObject({ baseline: { rep_off: 18, rep_peak: 19, manager_off: 14, manager_peak: 14 }, tasks: { rep_off: 0 } });
    expect(res.body.rule.peakMonths).toEqual([1, 2, 9, 10, 11, 12]);
  });

  it('narrows to one role or season', async () => {
    const reps = await stack.http.get(`/api/analytics/time-allocation?${window}&role=rep&season=peak`).set(auth(admin)).expect(200);
    expect(reps.body.columns.map((c: { key: string }) => c.key)).toEqual(['rep_peak']);
    expect(row(reps.body.rows, 'market_visits').share).toEqual({ rep_peak: 15.8 });
    const managers = await stack.http.get(`/api/analytics/time-allocation?${window}&role=supervisor`).set(auth(admin)).expect(200);
    expect(managers.body.columns.map((c: { key: string }) => c.key)).toEqual(['manager_off', 'manager_peak']);
  });

  it('has no shares where there are no tasks, and supervisors stay in their region', async () => {
    const empty = await stack.http.get(`/api/analytics/time-allocation?from=${year}-03-01&to=${year}-04-01`).set(auth(supervisor)).expect(200);
    expect(row(empty.body.rows, 'market_visits').share.rep_off).toBeNull();
    await stack.http.get(`/api/analytics/time-allocation?${window}&region=west`).set(auth(supervisor)).expect(403);
    const west = await stack.http.get(`/api/analytics/time-allocation?${window}&region=west`).set(auth(admin)).expect(200);
    expect(west.body.columns.every((c: { tasks: number }) => c.tasks === 0)).toBe(true);
  });
});

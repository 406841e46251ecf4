/**
 * The demo orders of `npm start`, seeded through the public API on the real stack: each
 * scenario reaches its step of fmcg-order-cycle, the demo template makes orders stuck for its
 * three deadline reasons (with a 3-second deadline here), a bad SKU code opens an incident, and
 * finance sees an unmatched payment.
 */
import { seedDemoOrders, SCENARIOS, type SeededOrders } from '../../apps/api/src/seed/seed-orders';
import type { ApiCall } from '../../apps/api/src/seed/demo-api';
import { DEMO_PASSWORD, eventually, startStack, type Stack } from '../support/stack';

let stack: Stack;
let seeded: SeededOrders;
let admin: string;

/** The seeding's HTTP calls, through supertest instead of a port. */
const supertestApi = (s: Stack): ApiCall => async (method, path, token, body, contentType = 'application/json') => {
  let req = s.http[method.toLowerCase() as 'get' | 'post' | 'put'](`/api${path}`);
  if (token) req = req.set('Authorization', `Bearer ${token}`);
  if (body !== undefined) req = req.set('Content-Type', contentType).send(body as object);
  const res = await req;
  return { status: res.status, body: res.body };
};

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.login('admin');
  // Earlier runs on a kept test database shipped demo stock away and left shipments in transit
  // (which rightly lower the next suggestions): start from a stocked HQ with nothing on the way.
  await stack.ds.query(`UPDATE hq_stock SET on_hand = reserved + 5000 WHERE sku_id LIKE 'SNK-%' AND sku_id NOT IN ('SNK-007', 'SNK-020')`);
  await stack.ds.query(`UPDATE shipments SET delivered_at = now(), status = 'delivered' WHERE distributor_id ~ '^D[0-9]{2}$' AND delivered_at IS NULL`);
  seeded = await seedDemoOrders(supertestApi(stack), { password: DEMO_PASSWORD, stuckAfter: 'PT3S', timeoutMs: 90_000 });
}, 240_000);
afterAll(() => stack?.close());

const auth = () => ({ Authorization: `Bearer ${admin}` });

describe('given the demo orders seeded through the API', () => {
  it('every scenario stands at its step of the value chain', async () => {
    expect(seeded.orders.filter((o) => !o.reached)).toEqual([]);
    for (const [i, s] of SCENARIOS.entries()) {
      const order = (await stack.http.get(`/api/orders/${seeded.orders[i].id}`).set(auth()).expect(200)).body;
      if (s.stopAt === 'incident') expect(order.status).toBe('incident');
      else expect(order.activeNodes).toContain(s.stopAt);
    }
    const stages = await Promise.all(seeded.orders.map(async (o) => (await stack.http.get(`/api/orders/${o.id}`).set(auth())).body.stage));
    expect(new Set(stages)).toEqual(new Set(['develop', 'place', 'fulfil', 'track', 'expand']));
  });

  it('the orders carry real business data: a plan waiting for payment, a shipment in transit, an analysed report', async () => {
    const ids = Object.fromEntries(SCENARIOS.map((s, i) => [s.distributorId, seeded.orders[i].id]));
    const [waiting] = await stack.ds.query(`SELECT status, amount_due::float8 AS due FROM demand_plans WHERE order_id = $1`, [ids.D04]);
    expect(waiting).toMatchObject({ status: 'published' });
    expect(waiting.due).toBeGreaterThan(0);
    expect(await stack.ds.query(`SELECT status FROM shipments WHERE order_id = $1`, [ids.D05])).toEqual([{ status: 'in_transit' }]);
    expect((await stack.ds.query(`SELECT replenishment_needed AS r FROM sell_through_analyses WHERE order_id = $1`, [ids.D09]))[0]).toEqual({ r: true });
    expect(await stack.ds.query(`SELECT count(*)::int AS n FROM shelf_audits WHERE order_id = $1 AND NOT passed`, [ids.D08])).toEqual([{ n: 1 }]);
  });

  it('supervision lists stuck orders for each of the five reasons', async () => {
    const ids = new Set([...seeded.stuck.map((s) => s.id), ...seeded.orders.map((o) => o.id)]);
    const all = ['incident', 'task_overdue', 'waiting_too_long', 'stage_overdue', 'no_progress'];
    const reasons = await eventually(async () => {
      const mine = new Set((await allStuck()).filter((i) => ids.has(i.orderId)).map((i) => i.reason));
      return all.every((r) => mine.has(r)) && mine;
    }, 30_000, 'all five reasons');
    expect(reasons).toEqual(new Set(all));
  });

  /** Every stuck item, page by page: other suites sharing the database may fill a page of 200. */
  async function allStuck(): Promise<{ orderId: string; reason: string }[]> {
    const items: { orderId: string; reason: string }[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { orderId: string; reason: string }[]; nextCursor: string | null } } = await stack.http.get(`/api/supervision/stuck?limit=200${cursor ? `&cursor=${cursor}` : ''}`).set(auth()).expect(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  }

  it('finance sees the unmatched payment notice', async () => {
    const res = await stack.http.get('/api/payments?status=unmatched&limit=200').set(auth()).expect(200);
    expect(res.body.items.map((p: { id: string }) => p.id)).toContain(seeded.unmatchedPaymentId);
  });
});

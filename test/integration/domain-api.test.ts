/**
 * The domain endpoints through HTTP on the real stack: sell-through uploads (CSV and JSON)
 * refused with row/column errors and nothing stored, or stored and announced to the order;
 * payment notices matched to the waiting order (partial payments add up) or kept as unmatched;
 * master data and HQ stock.
 */
import { publishIfMissing } from '../../apps/api/src/seed/seed-demo';
import { eventually, startStack, type Stack } from '../support/stack';
import { type Domain, type World, agreedPlan, newWorld } from './domain-fixtures';
import { createDomainActivities } from '@orderpath/activities';

let stack: Stack;
let domain: Domain;
let admin: string;
let rep: string;
let w: World;

const WAIT_FOR_REPORT_AND_PAYMENT = {
  key: 'domain-api-wait', name: 'Waits for a report and a payment', stages: [{ id: 'place', name: 'Place' }],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'report', type: 'messageCatch', message: 'sellThroughReported', stage: 'place' },
    { id: 'pay', type: 'messageCatch', message: 'paymentReceived', stage: 'place' },
    { id: 'end', type: 'end' },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'report' }, { id: 'e2', source: 'report', target: 'pay' }, { id: 'e3', source: 'pay', target: 'end' }],
};

beforeAll(async () => {
  stack = await startStack();
  domain = createDomainActivities({ ds: stack.ds });
  admin = await stack.login('admin');
  rep = await stack.login('rep1');
  await publishIfMissing(stack.ds, WAIT_FOR_REPORT_AND_PAYMENT);
  w = await newWorld(stack.ds, { skuCount: 2 });
  await stack.ds.query(`UPDATE distributors SET region_id = 'east' WHERE id = $1`, [w.distributorId]);
}, 120_000);
afterAll(() => stack?.close());

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const stored = async () => (await stack.ds.query(`SELECT count(*)::int AS n FROM sell_through_reports WHERE distributor_id = $1`, [w.distributorId]))[0].n;

async function newOrder(): Promise<string> {
  const res = await stack.http.post('/api/orders').set(auth(rep)).send({ templateKey: WAIT_FOR_REPORT_AND_PAYMENT.key, title: 'Domain API order', distributorId: w.distributorId }).expect(201);
  return res.body.id;
}

const csv = (lines: string[]) => ['sku,period,opening_stock,sell_in,sell_through,closing_stock', ...lines].join('\n');

describe('POST /api/orders/:id/sell-through', () => {
  let orderId: string;
  beforeAll(async () => { orderId = await newOrder(); });

  const upload = (body: string) => stack.http.post(`/api/orders/${orderId}/sell-through`).set(auth(rep)).set('Content-Type', 'text/csv').send(body);

  it('refuses wrong columns with 422, naming them on row 1, and stores nothing', async () => {
    const res = await upload(`sku,period,opening,sell_in,sell_through,closing_stock\n${w.skus[0]},2026-05,1,1,1,1`).expect(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('invalid_sell_through');
    expect(res.body.errors).toEqual([
      expect.objectContaining({ row: 1, column: 'opening', code: 'unknown_column' }),
      expect.objectContaining({ row: 1, column: 'opening_stock', code: 'missing_column' }),
    ]);
    expect(await stored()).toBe(0);
  });

  it('refuses negative quantities and unknown SKUs naming line and column, storing none of the good lines', async () => {
    const res = await upload(csv([`${w.skus[0]},2026-05,10,100,90,20`, `${w.skus[1]},2026-05,10,-100,90,20`, `NOPE,2026-05,10,100,90,20`])).expect(422);
    expect(res.body.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code]))
      .toEqual([[3, 'sell_in', 'negative'], [4, 'sku', 'unknown_sku']]);
    expect(res.body.errors[0].field).toBe('row 3: sell_in');
    expect(await stored()).toBe(0);
  });

  it('stores a good report, announces its month to the order, and refuses a month already reported or repeated in the file (CSV and JSON)', async () => {
    const res = await upload(csv([`${w.skus[0]},2026-05,10,100,90,20`, `${w.skus[1]},2026-05,0,50,40,10`])).expect(201);
    expect(res.body).toMatchObject({ stored: 2, periods: ['2026-05'], latestPeriod: '2026-05', signalled: true });
    await eventually(async () => (await stack.http.get(`/api/orders/${orderId}`).set(auth(rep))).body.activeNodes?.includes('pay'), 20_000, 'the order past the report wait');
    const order = await stack.http.get(`/api/orders/${orderId}`).set(auth(rep)).expect(200);
    expect(order.body.variables).toMatchObject({ sellThroughPeriod: '2026-05', sellThroughRows: 2 });

    const csvAgain = await upload(csv([`${w.skus[1]},2026-06,10,100,90,20`, `${w.skus[0]},2026-05,20,0,5,15`, `${w.skus[1]},2026-06,10,100,90,20`])).expect(422);
    expect(csvAgain.body.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code]))
      .toEqual([[3, 'period', 'duplicate_period'], [4, 'period', 'duplicate_row']]);
    const again = await stack.http.post(`/api/orders/${orderId}/sell-through`).set(auth(rep))
      .send({ rows: [{ sku: w.skus[0], period: '2026-05', openingStock: 20, sellIn: 0, sellThrough: 5, closingStock: 15 }] }).expect(422);
    expect(again.body.errors).toEqual([expect.objectContaining({ row: 1, column: 'period', code: 'duplicate_period' })]);
    expect(await stored()).toBe(2);
  });
});

describe('POST /api/payments', () => {
  it('stores a payment for an unknown order as unmatched and lists it under ?status=unmatched', async () => {
    const res = await stack.http.post('/api/payments').set(auth(admin))
      .send({ orderId: '00000000-0000-4000-8000-000000000000', distributorId: w.distributorId, amount: 123.45, paidAt: '2026-05-03T10:00:00Z' }).expect(201);
    expect(res.body).toMatchObject({ status: 'unmatched', orderId: null, amount: 123.45, signalled: false });
    expect(res.body.unmatchedReason).toMatch(/does not exist/);
    const list = await stack.http.get('/api/payments?status=unmatched&limit=200').set(auth(admin)).expect(200);
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain(res.body.id);
  });

  it('adds partial payments up and signals paymentReceived to the waiting order once the plan is paid in full', async () => {
    const orderId = await newOrder();
    const planId = await agreedPlan(domain, w, { [w.skus[0]]: 10 }, { orderId, period: '2026-06', publish: true });
    await stack.http.post(`/api/orders/${orderId}/messages/sellThroughReported`).set(auth(rep)).send({ payload: {} }).expect(202);
    const half = await stack.http.post('/api/payments').set(auth(admin)).send({ orderId, distributorId: w.distributorId, amount: 500, paidAt: '2026-06-02T08:00:00Z' }).expect(201);
    expect(half.body).toMatchObject({ status: 'matched', planId, plan: { amountDue: 1000, amountPaid: 500, outstanding: 500 }, signalled: false });
    const rest = await stack.http.post('/api/payments').set(auth(admin)).send({ orderId, distributorId: w.distributorId, amount: 500, paidAt: '2026-06-03T08:00:00Z' }).expect(201);
    expect(rest.body).toMatchObject({ plan: { amountPaid: 1000, outstanding: 0, status: 'paid' }, signalled: true });
    const done = await eventually(async () => {
      const o = await stack.http.get(`/api/orders/${orderId}`).set(auth(rep));
      return o.body.status === 'completed' && o.body;
    }, 20_000, 'the order to complete');
    expect(done.variables).toMatchObject({ paymentStatus: 'paid', amountPaid: 1000, planId });
  });

  it('refuses reps (403) and malformed notices (400)', async () => {
    await stack.http.post('/api/payments').set(auth(rep)).send({ distributorId: 'x', amount: 1, paidAt: '2026-01-01T00:00:00Z' }).expect(403);
    const bad = await stack.http.post('/api/payments').set(auth(admin)).send({ distributorId: 'x', amount: -1, paidAt: 'yesterday' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['amount', 'paidAt']);
  });
});

describe('master data', () => {
  it('lists regions, the caller\'s distributors, SKUs and HQ stock; admins restock', async () => {
    const regions = await stack.http.get('/api/regions').set(auth(rep)).expect(200);
    expect(regions.body.items.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['east', 'west']));
    const mine = await stack.http.get(`/api/distributors?q=${w.distributorId}`).set(auth(rep)).expect(200);
    expect(mine.body.items).toEqual([expect.objectContaining({ id: w.distributorId, regionId: 'east' })]);
    await stack.http.get('/api/distributors?regionId=west').set(auth(rep)).expect(403);
    const profile = await stack.http.get(`/api/distributors/${w.distributorId}`).set(auth(rep)).expect(200);
    expect(profile.body.recentSellThrough).toEqual([expect.objectContaining({ period: '2026-05', sellThrough: 130 })]);
    await stack.http.put(`/api/hq-stock/${w.skus[0]}`).set(auth(rep)).send({ onHand: 5 }).expect(403);
    const restocked = await stack.http.put(`/api/hq-stock/${w.skus[0]}`).set(auth(admin)).send({ onHand: 4321 }).expect(200);
    expect(restocked.body).toMatchObject({ sku: w.skus[0], onHand: 4321 });
    const forecast = await stack.http.get(`/api/distributors/${w.distributorId}/forecast`).set(auth(rep)).expect(200);
    expect(forecast.body).toMatchObject({ period: '2026-06', basis: { historyTo: '2026-05' } });
  });
});

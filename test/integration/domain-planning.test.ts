/**
 * Place against real PostgreSQL: forecast from sell-through history, the plan with suggested vs
 * agreed quantities and the override rule, publishing with the amount due, payment notices
 * (partial payments add up, unknown orders kept as unmatched) and the reminder date.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { recordPaymentNotice } from '@orderpath/activities/domain/payments';
import { addPeriods, periodAt } from '@orderpath/activities/domain/periods';
import { type Domain, type World, addHistory, agreedPlan, newWorld, openDomainDb } from './domain-fixtures';

let ds: DataSource;
let domain: Domain;
beforeAll(async () => ({ ds, domain } = await openDomainDb()));
afterAll(() => ds?.destroy());

async function orderFor(w: World): Promise<string> {
  const id = randomUUID();
  await ds.query(`INSERT INTO templates (key, name, draft) VALUES ('domain-test', 'Domain test', '{}') ON CONFLICT DO NOTHING`);
  await ds.query(`INSERT INTO template_versions (key, version, definition) VALUES ('domain-test', 1, '{}') ON CONFLICT DO NOTHING`);
  await ds.query(`INSERT INTO orders (id, workflow_id, template_key, template_version, title, status, distributor_id) VALUES ($1, $2, 'domain-test', 1, 'test', 'running', $3)`,
    [id, `order-${id}`, w.distributorId]);
  return id;
}

describe('forecastDemand', () => {
  it('given 18 months of history, plans the next month with Holt-Winters per SKU, net of stock, with the basis of each number', async () => {
    const w = await newWorld(ds, { skuCount: 2 });
    await addHistory(ds, w, '2026-06', 18);
    const f = await domain.forecastDemand({ distributorId: w.distributorId });
    expect(f.period).toBe('2026-07');
    expect(f.basis).toMatchObject({ historyTo: '2026-06', methods: { 'holt-winters': 2 }, leadTimeDays: 7 });
    for (const line of f.lines) {
      expect(line).toMatchObject({ method: 'holt-winters', historyPeriods: 18, lastHistoryPeriod: '2026-06' });
      expect(Math.abs(line.suggestedQty - Math.max(0, line.forecast + line.leadTimeDemand + line.safetyStock - line.projectedStock - line.inTransit))).toBeLessThanOrEqual(1);
      expect(line.leadTimeDemand).toBeGreaterThan(0);
      expect(line.forecast).toBeGreaterThan(100);
    }
    expect(f.planRows).toEqual(f.lines.map((l) => ({ sku: l.sku, suggestedQty: l.suggestedQty, agreedQty: l.suggestedQty })));
  });

  it('given no history at all, plans the current month with zero suggestions', async () => {
    const w = await newWorld(ds, { skuCount: 1 });
    await ds.query(`INSERT INTO ka_agreements (distributor_id, chain, listing_fee, skus) VALUES ($1, 'FreshMart', 0, $2)`, [w.distributorId, w.skus]);
    const f = await domain.forecastDemand({ distributorId: w.distributorId });
    expect(f.period).toBe(periodAt(new Date()));
    expect(f.lines).toEqual([expect.objectContaining({ sku: w.skus[0], method: 'none', suggestedQty: 0 })]);
  });

  it('counts goods in transit against the suggestion', async () => {
    const w = await newWorld(ds, { skuCount: 1, hqStock: 10_000 });
    await addHistory(ds, w, '2026-06', 14);
    const before = (await domain.forecastDemand({ distributorId: w.distributorId })).lines[0];
    const planId = await agreedPlan(domain, w, { [w.skus[0]]: 50 }, { period: '2026-06' });
    await domain.allocateStock({ planId });
    await domain.createShipment({ planId });
    const after = (await domain.forecastDemand({ distributorId: w.distributorId })).lines[0];
    expect(after.inTransit).toBe(50);
    expect(after.suggestedQty).toBe(Math.max(0, before.suggestedQty - 50));
  });

  it('refuses an unknown distributor as a non-retryable failure', async () => {
    await expect(domain.forecastDemand({ distributorId: 'nobody' })).rejects.toMatchObject({ type: 'unknown_distributor', nonRetryable: true });
  });
});

describe('demand plan', () => {
  let w: World;
  let planId: string;
  beforeEach(async () => {
    w = await newWorld(ds, { skuCount: 2 });
    ({ planId } = await domain.saveDemandPlan({ distributorId: w.distributorId, period: '2026-03', lines: [{ sku: w.skus[0], suggestedQty: 100 }, { sku: w.skus[1], suggestedQty: 50 }] }));
  });

  it('refuses an agreed quantity 50 % above the suggestion without a reason, naming the SKU, and stores nothing', async () => {
    const rows = [{ sku: w.skus[0], agreedQty: 150 }, { sku: w.skus[1], agreedQty: 50 }];
    await expect(domain.agreeDemandPlan({ planId, rows })).rejects.toMatchObject({
      type: 'override_reason_required', nonRetryable: true, details: [{ errors: [expect.objectContaining({ row: 1, column: 'overrideReason' })] }],
    });
    const [plan] = await ds.query(`SELECT status FROM demand_plans WHERE id = $1`, [planId]);
    expect(plan.status).toBe('suggested');
  });

  it('stores suggested and agreed quantities with the reason, and publishes the plan value as the amount due', async () => {
    const agreed = await domain.agreeDemandPlan({ planId, rows: [{ sku: w.skus[0], agreedQty: 150, overrideReason: 'KA promotion' }, { sku: w.skus[1], agreedQty: 55 }] });
    expect(agreed).toMatchObject({ planValue: 20_500, agreedTotal: 205, deviations: [{ sku: w.skus[0], deviation: 0.5, overrideReason: 'KA promotion' }] });
    const lines = await ds.query(`SELECT sku_id AS sku, suggested_qty AS s, agreed_qty AS a, override_reason AS r FROM demand_plan_lines WHERE plan_id = $1 ORDER BY sku_id`, [planId]);
    expect(lines).toEqual([{ sku: w.skus[0], s: 100, a: 150, r: 'KA promotion' }, { sku: w.skus[1], s: 50, a: 55, r: null }]);
    const published = await domain.publishPlanToHq({ planId });
    expect(published).toMatchObject({ amountDue: 20_500, amountPaid: 0, paymentStatus: 'awaiting' });
    expect(published.paymentReference).toMatch(/^OP-202603-/);
    expect(await domain.publishPlanToHq({ planId })).toEqual(published);
    await expect(domain.agreeDemandPlan({ planId, rows: [] })).rejects.toMatchObject({ type: 'plan_not_editable' });
  });
});

describe('payment notices', () => {
  it('add partial payments up and settle the plan (signalling the order) exactly once, when the total reaches the amount due', async () => {
    const w = await newWorld(ds, { skuCount: 1 });
    const orderId = await orderFor(w);
    const planId = await agreedPlan(domain, w, { [w.skus[0]]: 10 }, { orderId, publish: true });
    const paidAt = new Date().toISOString();

    const first = await recordPaymentNotice(ds, { orderId, distributorId: w.distributorId, amount: 600, paidAt });
    expect(first).toMatchObject({ payment: { status: 'matched', planId }, plan: { amountDue: 1000, amountPaid: 600, outstanding: 400, status: 'published' }, signal: null });
    const second = await recordPaymentNotice(ds, { orderId, distributorId: w.distributorId, amount: 400, paidAt, noticeId: `n-${w.tag}` });
    expect(second.signal).toMatchObject({ orderId, workflowId: `order-${orderId}`, message: 'paymentReceived', correlation: planId, payload: { paymentStatus: 'paid', amountPaid: 1000 } });
    const repeat = await recordPaymentNotice(ds, { orderId, distributorId: w.distributorId, amount: 400, paidAt, noticeId: `n-${w.tag}` });
    expect(repeat).toMatchObject({ duplicate: true, signal: null });
    const extra = await recordPaymentNotice(ds, { orderId, distributorId: w.distributorId, amount: 50, paidAt });
    expect(extra.signal).toBeNull();
    expect((await ds.query(`SELECT status FROM demand_plans WHERE id = $1`, [planId]))[0].status).toBe('paid');
  });

  it('match by the plan payment reference', async () => {
    const w = await newWorld(ds, { skuCount: 1 });
    const orderId = await orderFor(w);
    const planId = await agreedPlan(domain, w, { [w.skus[0]]: 1 }, { orderId, publish: true });
    const [{ ref }] = await ds.query(`SELECT payment_reference AS ref FROM demand_plans WHERE id = $1`, [planId]);
    const paid = await recordPaymentNotice(ds, { reference: ref, distributorId: w.distributorId, amount: 100, paidAt: new Date().toISOString() });
    expect(paid.signal?.correlation).toBe(planId);
  });

  it('for an unknown order, a wrong distributor or an unknown reference are stored as unmatched with the reason, never dropped', async () => {
    const w = await newWorld(ds, { skuCount: 1 });
    const orderId = await orderFor(w);
    const paidAt = new Date().toISOString();
    const unknown = await recordPaymentNotice(ds, { orderId: randomUUID(), distributorId: w.distributorId, amount: 10, paidAt });
    const wrong = await recordPaymentNotice(ds, { orderId, distributorId: 'someone-else', amount: 10, paidAt });
    const ref = await recordPaymentNotice(ds, { reference: 'OP-NOPE', distributorId: w.distributorId, amount: 10, paidAt });
    for (const p of [unknown, wrong, ref]) expect(p.payment.status).toBe('unmatched');
    expect(unknown.payment.unmatchedReason).toMatch(/does not exist/);
    expect(wrong.payment.unmatchedReason).toMatch(/is for distributor/);
    expect(ref.payment.unmatchedReason).toMatch(/no plan has payment reference/);
  });
});

describe('payment reminder date', () => {
  it('is today plus the stock cover minus the lead time; later when there is more stock', async () => {
    const w = await newWorld(ds, { skuCount: 1, leadTimeDays: 5 });
    const last = addPeriods(periodAt(new Date()), -1);
    await addHistory(ds, w, last, 6);
    const r = await domain.paymentReminderDate({ distributorId: w.distributorId });
    expect(r.leadTimeDays).toBe(5);
    expect(r.stockCoverDays).toBeGreaterThan(5);
    // Whole days from now; the reported cover is rounded to 0.1 day.
    const days = (new Date(r.paymentReminderAt).getTime() - Date.now()) / 86_400_000;
    expect(Math.abs(days - ((r.stockCoverDays as number) - 5))).toBeLessThan(1.1);
    await ds.query(`UPDATE sell_through_reports SET closing_stock = closing_stock * 3, opening_stock = opening_stock * 3 WHERE distributor_id = $1 AND period = $2`, [w.distributorId, last]);
    const more = await domain.paymentReminderDate({ distributorId: w.distributorId });
    expect(new Date(more.paymentReminderAt).getTime()).toBeGreaterThan(new Date(r.paymentReminderAt).getTime());
  });
});

/**
 * Acceptance: one order on the standard template `fmcg-order-cycle` walks Develop → Place →
 * Fulfil → Track → Expand and loops back to Place for a second cycle, on the time-skipping
 * server with the real worker and activities. Tasks are completed as rep and supervisor through
 * the workflow's completeTask update; payments, delivery and sell-through arrive as the API
 * sends them. Then the business results are checked in PostgreSQL.
 */
import { messageSignal } from '@orderpath/workflows/messages';
import { definitionSchema } from '@orderpath/workflows/definition/schema';
import { recordPaymentNotice } from '@orderpath/activities/domain/payments';
import { addPeriods, periodAt } from '@orderpath/activities/domain/periods';
import { ingestSellThrough } from '@orderpath/activities/domain/sell-through/ingest-sell-through.activity';
import fmcgOrderCycle from '../../apps/api/src/seed/templates/fmcg-order-cycle.json';
import { type World, addHistory, addOutlets, newWorld } from '../integration/domain-fixtures';
import { useTimeSkippingHarness } from './helpers/harness';
import { type OrderHandle, complete, openTask, runChain, startOrder, until } from './helpers/orders';

const harness = useTimeSkippingHarness();
const template = definitionSchema.parse(fmcgOrderCycle);

interface Ctx { orderId: string; handle: OrderHandle; w: World; outlets: string[] }

const prefillOf = async (taskId: string) => (await harness.h.ds.query(`SELECT prefill FROM tasks WHERE id = $1`, [taskId]))[0].prefill;

async function doTask(c: Ctx, nodeId: string, data: Record<string, unknown> | ((prefill: Record<string, unknown>) => Record<string, unknown>), by = 'rep1') {
  const task = await openTask(harness.h.ds, c.orderId, nodeId);
  const values = typeof data === 'function' ? data(await prefillOf(task.id)) : data;
  await complete(c.handle, task.id, values, by);
  return task;
}

const signal = (c: Ctx, name: string, correlation: unknown, payload: Record<string, unknown>) =>
  c.handle.signal(messageSignal, { name, correlation, payload });

async function planOf(c: Ctx, period: string) {
  return until(`the plan for ${period}`, async () => (await harness.h.ds.query(
    `SELECT id, status, payment_reference AS "paymentReference", amount_due::float8 AS "amountDue", forecast_basis AS basis FROM demand_plans WHERE order_id = $1 AND period = $2`,
    [c.orderId, period]))[0]);
}

async function develop(c: Ctx) {
  await doTask(c, 'market-survey', { marketSize: 120, competitors: 'Brand B holds eye level at FreshMart', channelMix: ['ka', 'traditional'] });
  await doTask(c, 'strategy-plan', { demandEstimate: 900, positioning: 'Mid-price gifting snacks', channelStructure: 'mixed' });
  const assessment = (p: Record<string, unknown>) => ({ ...p, financialStrength: 'strong', proposedAnnualTarget: 1_200_000 });
  const first = await doTask(c, 'assess-distributor', (p) => {
    // Pre-filled from the distributor's profile by the loadDistributor service task.
    expect(p).toMatchObject({ distributorId: c.w.distributorId, distributorName: `Distributor ${c.w.tag}`, regionId: c.w.regionId, leadTimeDays: 7 });
    return assessment(p);
  });
  await doTask(c, 'approve-distributor', { distributorDecision: 'reject', approvedAnnualTarget: 1_200_000, decisionComment: 'Check the fleet first' }, 'supervisor');
  const second = await doTask(c, 'assess-distributor', assessment);
  expect([first.iteration, second.iteration]).toEqual([1, 2]);
  await doTask(c, 'approve-distributor', { distributorDecision: 'approve', approvedAnnualTarget: 1_000_000 }, 'supervisor');
  await doTask(c, 'ka-negotiate', { kaChain: `FreshMart-${c.w.tag}`, listingFee: 80_000, kaSkus: c.w.skus.slice(0, 2).join(', '), kaPaymentDays: 60 });
  await doTask(c, 'approve-listing-fee', { listingFeeDecision: 'approve' }, 'supervisor');
}

/** Agrees the plan (cycle 1: one SKU 50 % above the suggestion, first without a reason), pays, returns the plan. */
async function place(c: Ctx, cycle: 1 | 2, period: string) {
  const agree = await openTask(harness.h.ds, c.orderId, 'agree-plan');
  const rows = (await prefillOf(agree.id)).planRows as { sku: string; suggestedQty: number; agreedQty: number }[];
  expect(rows.map((r) => r.sku)).toEqual(c.w.skus);
  if (cycle === 1) {
    const bumped = rows.map((r, i) => (i === 0 ? { ...r, agreedQty: r.suggestedQty + Math.max(10, Math.ceil(r.suggestedQty * 0.5)) } : r));
    await complete(c.handle, agree.id, { planRows: bumped, distributorCashNote: 'Cash is fine after Mid-Autumn' });
    // The template's own check sends the rep back for the missing reason before anything is recorded.
    await doTask(c, 'plan-reasons', { planRows: bumped.map((r, i) => (i === 0 ? { ...r, overrideReason: 'FreshMart promotion week' } : r)) });
  } else {
    await complete(c.handle, agree.id, { planRows: rows });
  }
  const plan = await until('the published plan', async () => { const p = await planOf(c, period); return p.status !== 'suggested' && p.status !== 'agreed' && p; });
  const paidAt = new Date().toISOString();
  if (cycle === 1) {
    // No money yet a day later: the stock cover is used up, so the rep gets the reminder.
    await harness.h.env.sleep('25 hours');
    await doTask(c, 'remind-payment', { contactOutcome: 'promised', promisedPaymentDate: '2030-01-15' });
    const half = await recordPaymentNotice(harness.h.ds, { orderId: c.orderId, distributorId: c.w.distributorId, amount: Math.floor(plan.amountDue / 2), paidAt });
    expect(half.signal).toBeNull();
    const rest = await recordPaymentNotice(harness.h.ds, { orderId: c.orderId, distributorId: c.w.distributorId, amount: plan.amountDue - Math.floor(plan.amountDue / 2), paidAt });
    await signal(c, 'paymentReceived', rest.signal!.correlation, rest.signal!.payload);
  } else {
    const paid = await recordPaymentNotice(harness.h.ds, { reference: plan.paymentReference, distributorId: c.w.distributorId, amount: plan.amountDue, paidAt });
    await signal(c, 'paymentReceived', paid.signal!.correlation, paid.signal!.payload);
  }
  return plan;
}

async function fulfil(c: Ctx, planId: string) {
  // The third SKU is scarce at HQ: the rep reviews the partial allocation and ships what is reserved.
  await doTask(c, 'review-allocation', (p) => {
    expect(p.shipPartial).toBe(true);
    return { shipPartial: true, allocationNote: 'rest on backorder' };
  });
  await doTask(c, 'arrange-shipment', { carrier: 'SF Express', trackingNumber: `SF-${planId.slice(0, 6)}` });
  const shipment = await until('the shipment', async () => (await harness.h.ds.query(`SELECT id FROM shipments WHERE plan_id = $1`, [planId]))[0]);
  await signal(c, 'deliveryConfirmed', shipment.id, { receivedBy: 'Warehouse Zhang' });
}

async function track(c: Ctx, period: string, cycle: 1 | 2) {
  await doTask(c, 'distribute', { outletsServed: 14, newOutletsOpened: cycle === 1 ? 2 : 0 });
  const good = { facings: 5, priceTag: true, displayPosition: 'eye_level', inStock: true };
  await doTask(c, 'shelf-audit', (p) => {
    const rows = p.auditResults as { outletId: string; outletName: string }[];
    expect(rows.map((r) => r.outletId)).toEqual(c.outlets);
    // Cycle 1: the second KA outlet has one facing at the bottom and no price tag.
    return { auditResults: rows.map((r, i) => ({ ...r, ...good, ...(cycle === 1 && i === 1 ? { facings: 1, priceTag: false, displayPosition: 'bottom' } : {}), photoRefs: `IMG_${i}.jpg` })) };
  });
  if (cycle === 1) await doTask(c, 'corrective-action', (p) => ({ correctiveActions: `${String(p.correctiveActions)}\nMoved to eye level, tagged`, fixedAll: true }));
  // The 进销存 report for the plan month, as POST /orders/:id/sell-through stores and announces it.
  // Cycle 1: the first SKU is nearly sold out (a stock-out risk); cycle 2: two months of stock everywhere.
  const rows = c.w.skus.map((sku, i) => (cycle === 1
    ? { sku, period, openingStock: 300, sellIn: 400, sellThrough: 450 + 50 * i, closingStock: i === 0 ? 40 : 250 }
    : { sku, period, openingStock: 600, sellIn: 800, sellThrough: 450 + 50 * i, closingStock: 900 }));
  const report = await ingestSellThrough(harness.h.ds, { distributorId: c.w.distributorId, orderId: c.orderId, rows, format: 'json', source: 'json' });
  await signal(c, 'sellThroughReported', report.latestPeriod, { sellThroughPeriod: report.latestPeriod, sellThroughBatchId: report.batchId });
  if (cycle === 1) await doTask(c, 'replenishment', (p) => ({ replenishmentPlan: String(p.replenishmentPlan), replenishmentOrdered: true }));
  await until('the analysis', async () => (await harness.h.ds.query(`SELECT 1 FROM sell_through_analyses WHERE distributor_id = $1 AND period = $2`, [c.w.distributorId, period]))[0]);
  // The second audit of the cycle comes seven days later.
  await harness.h.env.sleep('7 days');
  await doTask(c, 'shelf-audit', (p) => ({ auditResults: (p.auditResults as object[]).map((r) => ({ ...r, ...good })) }));
}

async function expand(c: Ctx, nextCycle: boolean) {
  await doTask(c, 'expansion-plan', (p) => ({ ...p, newSkus: '', newOutlets: 'Prospect: Lianhua Market 3', targetGrowthPct: 12, nextCycle }));
}

describe('given a KA + traditional distributor with 18 months of seasonal sell-through and one scarce SKU at HQ', () => {
  it('when one order runs two cycles through all five stages, then plans, payments, stock, shipments, analyses, audits and expansion plans are stored and cycle 2 forecasts from cycle 1\'s sell-through', async () => {
    const { h } = harness;
    const w = await newWorld(h.ds, { skuCount: 3, hqStock: 5000 });
    await h.ds.query(`UPDATE hq_stock SET on_hand = 5 WHERE sku_id = $1`, [w.skus[2]]);
    const p0 = addPeriods(periodAt(new Date()), -3);
    await addHistory(h.ds, w, p0, 18);
    const outlets = await addOutlets(h.ds, w, 2, 'ka');
    await h.ds.query(`UPDATE outlets SET distributor_id = NULL WHERE id = ANY($1)`, [outlets]);
    const order = { distributorId: w.distributorId, region: w.regionId, createdBy: 'rep1', title: `FMCG ${w.tag}` };
    const { orderId, handle } = await startOrder(h, template, { order: { ...order }, historyLimit: 400 });
    await h.ds.query(`UPDATE orders SET region = $2 WHERE id = $1`, [orderId, w.regionId]);
    const c: Ctx = { orderId, handle, w, outlets };
    const [p1, p2] = [addPeriods(p0, 1), addPeriods(p0, 2)];

    await develop(c);
    const plan1 = await place(c, 1, p1);
    await fulfil(c, plan1.id);
    await track(c, p1, 1);
    await expand(c, true);
    const plan2 = await place(c, 2, p2);
    await fulfil(c, plan2.id);
    await track(c, p2, 2);
    await expand(c, false);

    await expect(handle.result()).resolves.toMatchObject({ status: 'completed' });
    const q = (sql: string, params: unknown[] = [orderId]) => h.ds.query(sql, params);

    // Develop: the distributor signed with the approved target, the KA entry recorded and listed.
    expect((await q(`SELECT annual_target::float8 AS t, status FROM distributors WHERE id = $1`, [w.distributorId]))[0]).toEqual({ t: 1_000_000, status: 'active' });
    expect(await q(`SELECT listing_fee::float8 AS fee, skus FROM ka_agreements WHERE order_id = $1`)).toEqual([{ fee: 80_000, skus: w.skus.slice(0, 2) }]);

    // Place: both plans stored with suggested and agreed quantities, the override with its reason, both paid.
    const plans = await q(`SELECT id, period, status, forecast_basis AS basis FROM demand_plans WHERE order_id = $1 ORDER BY period`);
    expect(plans.map((p: { period: string; status: string }) => [p.period, p.status])).toEqual([[p1, 'paid'], [p2, 'paid']]);
    const lines1 = await q(`SELECT sku_id AS sku, suggested_qty AS s, agreed_qty AS a, override_reason AS r FROM demand_plan_lines WHERE plan_id = $1 ORDER BY sku_id`, [plans[0].id]);
    expect(lines1[0].a).toBeGreaterThan(lines1[0].s * 1.2);
    expect(lines1[0].r).toBe('FreshMart promotion week');
    expect(lines1.slice(1).every((l: { s: number; a: number; r: string | null }) => l.a === l.s && l.r === null)).toBe(true);
    const payments = await q(`SELECT plan_id AS plan, status FROM payments WHERE order_id = $1`);
    expect(payments.filter((p: { plan: string }) => p.plan === plans[0].id)).toHaveLength(2);
    expect(payments.every((p: { status: string }) => p.status === 'matched')).toBe(true);
    expect(await q(`SELECT count(*)::int AS n FROM tasks WHERE order_id = $1 AND node_id = 'remind-payment'`)).toEqual([{ n: 1 }]);

    // Fulfil: stock reserved and shipped, HQ stock down by what was shipped, the scarce SKU backordered.
    const shipped = await q(`SELECT l.sku_id AS sku, sum(l.qty)::int AS qty FROM shipments s JOIN shipment_lines l ON l.shipment_id = s.id
      WHERE s.order_id = $1 AND s.delivered_at IS NOT NULL GROUP BY l.sku_id ORDER BY l.sku_id`);
    expect(shipped.map((s: { sku: string }) => s.sku)).toEqual(w.skus);
    const stock = await q(`SELECT sku_id AS sku, on_hand AS "onHand", reserved FROM hq_stock WHERE sku_id = ANY($1) ORDER BY sku_id`, [w.skus]);
    stock.forEach((s: { sku: string; onHand: number; reserved: number }, i: number) => {
      expect(s.reserved).toBe(0);
      expect(s.onHand).toBe((i === 2 ? 5 : 5000) - shipped[i].qty);
    });
    expect(await q(`SELECT count(*)::int AS n FROM stock_reservations WHERE plan_id = ANY($1) AND status = 'shipped'`, [plans.map((p: { id: string }) => p.id)])).toEqual([{ n: 6 }]);
    expect((await q(`SELECT sum(qty)::int AS n FROM backorders WHERE plan_id = ANY($1) AND sku_id = $2 AND status = 'open'`, [plans.map((p: { id: string }) => p.id), w.skus[2]]))[0].n).toBeGreaterThan(0);

    // Track: sell-through analysed (cycle 1 flagged the low stock), a low audit score made a corrective task.
    const analyses = await q(`SELECT period, replenishment_needed AS r FROM sell_through_analyses WHERE distributor_id = $1 ORDER BY period`, [w.distributorId]);
    expect(analyses).toEqual([{ period: p1, r: true }, { period: p2, r: false }]);
    const audits = await q(`SELECT period, round, count(*)::int AS outlets, bool_and(passed) AS passed FROM shelf_audits WHERE order_id = $1 GROUP BY period, round ORDER BY period, round`);
    expect(audits).toEqual([
      { period: p1, round: 1, outlets: 2, passed: false }, { period: p1, round: 2, outlets: 2, passed: true },
      { period: p2, round: 1, outlets: 2, passed: true }, { period: p2, round: 2, outlets: 2, passed: true },
    ]);
    expect(await q(`SELECT status, completed_by AS by FROM tasks WHERE order_id = $1 AND node_id = 'corrective-action'`)).toEqual([{ status: 'completed', by: 'rep1' }]);

    // Expand: both expansion plans stored; the first asked for the next cycle.
    expect(await q(`SELECT period, next_cycle AS next, new_outlets AS outlets FROM expansion_plans WHERE order_id = $1 ORDER BY period`)).toEqual([
      { period: p1, next: true, outlets: ['Prospect:', 'Lianhua', 'Market', '3'] }, { period: p2, next: false, outlets: ['Prospect:', 'Lianhua', 'Market', '3'] },
    ]);

    // Cycle 2 forecast from cycle 1's sell-through: one more month of history, ending with the month reported in Track.
    expect(plans[0].basis).toMatchObject({ period: p1, historyTo: p0 });
    expect(plans[1].basis).toMatchObject({ period: p2, historyTo: p1 });
    const basis2 = await q(`SELECT basis FROM demand_plan_lines WHERE plan_id = $1`, [plans[1].id]);
    expect(basis2.map((b: { basis: { lastHistoryPeriod: string; historyPeriods: number; method: string } }) => [b.basis.lastHistoryPeriod, b.basis.historyPeriods, b.basis.method]))
      .toEqual(w.skus.map(() => [p1, 19, 'holt-winters']));

    // The tasks went to reps and supervisors, all five stages were entered, and Place twice.
    const roles = await q(`SELECT DISTINCT role, completed_by AS by FROM tasks WHERE order_id = $1 ORDER BY role`);
    expect(roles).toEqual([{ role: 'rep', by: 'rep1' }, { role: 'supervisor', by: 'supervisor' }]);
    const stages = (await q(`SELECT data->>'to' AS stage FROM order_events WHERE order_id = $1 AND type = 'stage_changed' ORDER BY seq`)).map((e: { stage: string }) => e.stage);
    expect(stages).toEqual(['develop', 'place', 'fulfil', 'track', 'expand', 'place', 'fulfil', 'track', 'expand']);
    expect((await runChain(h.env.client, handle.workflowId, handle.firstExecutionRunId)).length).toBeGreaterThanOrEqual(2);
  }, 300_000);
});

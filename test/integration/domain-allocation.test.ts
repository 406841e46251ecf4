/**
 * allocateStock and createShipment against real PostgreSQL: row locks keep concurrent
 * allocations from overselling, shortfalls become backorders and production requests, and
 * re-runs are idempotent.
 */
import type { DataSource } from 'typeorm';
import { type Domain, type World, agreedPlan, newWorld, openDomainDb } from './domain-fixtures';

let ds: DataSource;
let domain: Domain;
beforeAll(async () => ({ ds, domain } = await openDomainDb()));
afterAll(() => ds?.destroy());

const stockOf = async (sku: string) => (await ds.query(`SELECT on_hand AS "onHand", reserved FROM hq_stock WHERE sku_id = $1`, [sku]))[0];

describe('given one scarce SKU (100 cases at HQ)', () => {
  let w: World;
  beforeEach(async () => { w = await newWorld(ds, { skuCount: 1, hqStock: 100 }); });

  it('when 20 plans of 10–14 cases allocate at the same time, HQ never reserves more than it has and each plan gets reserved + backordered = requested', async () => {
    const sku = w.skus[0];
    const requests = Array.from({ length: 20 }, (_, i) => 10 + (i % 5));
    const plans = [];
    for (const [i, qty] of requests.entries()) plans.push(await agreedPlan(domain, w, { [sku]: qty }, { period: `2030-${String((i % 12) + 1).padStart(2, '0')}` }));

    const results = await Promise.all(plans.map((planId) => domain.allocateStock({ planId })));

    const stock = await stockOf(sku);
    expect(stock.reserved).toBe(100);
    expect(stock.onHand).toBe(100);
    results.forEach(({ allocation }, i) => {
      expect(allocation.reservedTotal + allocation.backorderedTotal).toBe(requests[i]);
    });
    expect(results.reduce((a, r) => a + r.allocation.reservedTotal, 0)).toBe(100);
    const [{ reserved, backordered, requested }] = await ds.query(
      `SELECT (SELECT sum(qty) FROM stock_reservations WHERE sku_id = $1)::int AS reserved,
              (SELECT sum(qty) FROM backorders WHERE sku_id = $1 AND status = 'open')::int AS backordered,
              (SELECT sum(qty) FROM production_requests WHERE sku_id = $1 AND status = 'requested')::int AS requested`, [sku]);
    expect(reserved).toBe(100);
    expect(backordered).toBe(requests.reduce((a, b) => a + b, 0) - 100);
    expect(requested).toBe(backordered);
  });

  it('when a partly allocated plan is allocated again after a restock, it tops up from the new stock and closes its backorder', async () => {
    const sku = w.skus[0];
    const planId = await agreedPlan(domain, w, { [sku]: 130 });
    const first = await domain.allocateStock({ planId });
    expect(first.allocation.lines).toEqual([{ sku, requested: 130, reserved: 100, backordered: 30 }]);
    expect(first.allocationShortfall).toBe(30);

    const again = await domain.allocateStock({ planId });
    expect(again.allocation.lines).toEqual(first.allocation.lines);
    expect((await stockOf(sku)).reserved).toBe(100);

    await ds.query(`UPDATE hq_stock SET on_hand = on_hand + 50 WHERE sku_id = $1`, [sku]);
    const topped = await domain.allocateStock({ planId });
    expect(topped.allocation).toMatchObject({ reservedTotal: 130, backorderedTotal: 0, fullyAllocated: true });
    const [backorder] = await ds.query(`SELECT status FROM backorders WHERE plan_id = $1`, [planId]);
    expect(backorder.status).toBe('fulfilled');
    const [production] = await ds.query(`SELECT status FROM production_requests WHERE plan_id = $1`, [planId]);
    expect(production.status).toBe('cancelled');
  });
});

describe('given an allocated plan', () => {
  it('when it ships, HQ on-hand and reserved go down by the shipped cases, a repeat changes nothing, and delivery is confirmed once', async () => {
    const w = await newWorld(ds, { skuCount: 2, hqStock: 500 });
    const planId = await agreedPlan(domain, w, { [w.skus[0]]: 40, [w.skus[1]]: 60 });
    await domain.allocateStock({ planId });

    const shipped = await domain.createShipment({ planId, carrier: 'SF Express' });
    const repeat = await domain.createShipment({ planId });

    expect(repeat.shipmentId).toBe(shipped.shipmentId);
    expect(shipped.shippedCases).toBe(100);
    expect(await stockOf(w.skus[0])).toEqual({ onHand: 460, reserved: 0 });
    expect(await stockOf(w.skus[1])).toEqual({ onHand: 440, reserved: 0 });
    expect(new Date(shipped.shipmentEta).getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);

    const delivered = await domain.confirmDelivery({ shipmentId: shipped.shipmentId, deliveredAt: new Date().toISOString(), receivedBy: 'warehouse' });
    const again = await domain.confirmDelivery({ shipmentId: shipped.shipmentId, deliveredAt: '2099-01-01T00:00:00Z' });
    expect(delivered.deliveredOnTime).toBe(true);
    expect(again.deliveredAt).toBe(delivered.deliveredAt);
    // Shipping again after the shipment would find nothing reserved: allocation is closed for the plan.
    expect((await domain.allocateStock({ planId })).allocation.reservedTotal).toBe(100);
  });

  it('refuses to allocate a plan that was never agreed, as a non-retryable failure', async () => {
    const w = await newWorld(ds, { skuCount: 1 });
    const { planId } = await domain.saveDemandPlan({ distributorId: w.distributorId, period: '2026-01', lines: [{ sku: w.skus[0], suggestedQty: 5 }] });
    await expect(domain.allocateStock({ planId })).rejects.toMatchObject({ type: 'plan_not_agreed', nonRetryable: true });
  });
});

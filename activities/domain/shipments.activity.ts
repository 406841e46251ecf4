/**
 * Fulfil: ship a plan's reserved stock (HQ on-hand and reserved go down together, in one
 * transaction with the stock rows locked in SKU order) and confirm its delivery.
 */
import type { DataSource } from 'typeorm';
import type { ActivityDeps } from '../deps';
import { activityNow, addDays } from './activity-clock';
import { lockPlan } from './demand-plan.activity';
import { requireDistributor } from './distributors.activity';
import { DomainRuleError, domainActivity } from './domain-error';

export interface CreateShipmentInput { planId: string; orderId?: string | null; carrier?: string | null; trackingNumber?: string | null }

const SHIPMENT = `SELECT id, plan_id AS "planId", eta, shipped_at AS "shippedAt", delivered_at AS "deliveredAt", status FROM shipments`;

async function linesOf(ds: DataSource, shipmentId: string) {
  return ds.query(`SELECT sku_id AS sku, qty FROM shipment_lines WHERE shipment_id = $1 ORDER BY sku_id`, [shipmentId]);
}

async function createShipment(ds: DataSource, input: CreateShipmentInput) {
  const shipment = await ds.transaction(async (tx) => {
    const plan = await lockPlan(tx, input.planId);
    const [existing] = await tx.query(`${SHIPMENT} WHERE plan_id = $1`, [plan.id]);
    if (existing) return existing;
    const lines: { sku: string; qty: number }[] = await tx.query(
      `SELECT sku_id AS sku, qty FROM stock_reservations WHERE plan_id = $1 AND status = 'reserved' AND qty > 0 ORDER BY sku_id`, [plan.id]);
    if (lines.length === 0) throw new DomainRuleError('nothing_to_ship', `plan ${plan.id} has no reserved stock to ship; allocate stock first`);
    await tx.query(`SELECT sku_id FROM hq_stock WHERE sku_id = ANY($1) ORDER BY sku_id FOR UPDATE`, [lines.map((l) => l.sku)]);
    for (const l of lines) {
      await tx.query(`UPDATE hq_stock SET on_hand = on_hand - $2, reserved = reserved - $2, updated_at = now() WHERE sku_id = $1`, [l.sku, l.qty]);
    }
    await tx.query(`UPDATE stock_reservations SET status = 'shipped', updated_at = now() WHERE plan_id = $1 AND status = 'reserved'`, [plan.id]);
    const distributor = await requireDistributor(ds, plan.distributorId);
    const now = activityNow();
    const [created] = await tx.query(
      `INSERT INTO shipments (plan_id, order_id, distributor_id, carrier, tracking_number, shipped_at, eta)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, plan_id AS "planId", eta, shipped_at AS "shippedAt", delivered_at AS "deliveredAt", status`,
      [plan.id, input.orderId ?? plan.orderId, plan.distributorId, input.carrier ?? null, input.trackingNumber ?? null, now, addDays(now, distributor.leadTimeDays)]);
    for (const l of lines) await tx.query(`INSERT INTO shipment_lines (shipment_id, sku_id, qty) VALUES ($1, $2, $3)`, [created.id, l.sku, l.qty]);
    return created;
  });
  const lines = await linesOf(ds, shipment.id);
  return {
    shipmentId: shipment.id as string, shipmentEta: new Date(shipment.eta).toISOString(),
    shippedCases: lines.reduce((a: number, l: { qty: number }) => a + l.qty, 0), shipmentLines: lines,
  };
}

async function confirmDelivery(ds: DataSource, input: { shipmentId: string; deliveredAt?: string | null; receivedBy?: string | null }) {
  const at = input.deliveredAt ? new Date(input.deliveredAt) : activityNow();
  if (Number.isNaN(at.getTime())) throw new DomainRuleError('invalid_input', `deliveredAt '${String(input.deliveredAt)}' is not a date`);
  const id = typeof input.shipmentId === 'string' && /^[0-9a-f-]{36}$/i.test(input.shipmentId) ? input.shipmentId : null;
  // coalesce keeps the first confirmation: a retry or a duplicate message changes nothing.
  const [rows]: [{ id: string; eta: Date; deliveredAt: Date }[], number] = id ? await ds.query(
    `UPDATE shipments SET delivered_at = coalesce(delivered_at, $2), received_by = coalesce(received_by, $3), status = 'delivered'
      WHERE id = $1 RETURNING id, eta, delivered_at AS "deliveredAt"`, [id, at, input.receivedBy ?? null]) : [[], 0];
  if (!rows[0]) throw new DomainRuleError('unknown_shipment', `shipment '${String(input.shipmentId)}' does not exist`);
  const s = rows[0];
  return { deliveredAt: new Date(s.deliveredAt).toISOString(), deliveredOnTime: new Date(s.deliveredAt).getTime() <= new Date(s.eta).getTime() };
}

export function shipmentActivities({ ds }: ActivityDeps) {
  return {
    createShipment: domainActivity((input: CreateShipmentInput) => createShipment(ds, input)),
    confirmDelivery: domainActivity((input: { shipmentId: string; deliveredAt?: string | null; receivedBy?: string | null }) => confirmDelivery(ds, input)),
  };
}

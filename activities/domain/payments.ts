/**
 * Payment notices from finance/ERP. A notice names an order or a plan's payment reference; it is
 * matched to the order's published plan, and when the plan's matched payments reach the amount
 * due the plan turns `paid` — exactly once, under a row lock — and the caller must signal the
 * order (`paymentReceived`, correlated by plan id). Notices that cannot be matched are stored as
 * `unmatched` with the reason, never dropped.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { DomainRuleError } from './domain-error';

export interface PaymentNotice {
  orderId?: string | null;
  reference?: string | null;
  distributorId: string;
  amount: number;
  paidAt: string | Date;
  /** The sender's id of the notice; a repeat with the same id is not stored twice. */
  noticeId?: string | null;
}

/** What the caller must send to the order when a plan became paid. */
export interface PaymentSignal {
  orderId: string;
  workflowId: string;
  message: 'paymentReceived';
  correlation: string;
  payload: { paymentStatus: 'paid'; amountPaid: number; amountDue: number; paidAt: string; planId: string };
}

export interface PaymentView {
  id: string; noticeId: string | null; orderId: string | null; planId: string | null; reference: string | null; distributorId: string;
  amount: number; paidAt: Date; receivedAt: Date; status: 'matched' | 'unmatched'; unmatchedReason: string | null;
}

export interface RecordedPayment {
  payment: PaymentView;
  duplicate: boolean;
  plan: { id: string; amountDue: number; amountPaid: number; outstanding: number; status: string } | null;
  signal: PaymentSignal | null;
}

interface Target { orderId: string | null; planId: string | null; reason: string | null }

export const PAYMENT_COLUMNS = `id, notice_id AS "noticeId", order_id AS "orderId", plan_id AS "planId", reference, distributor_id AS "distributorId",
  amount::float8 AS amount, paid_at AS "paidAt", received_at AS "receivedAt", status, unmatched_reason AS "unmatchedReason"`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function resolveTarget(tx: EntityManager, n: PaymentNotice): Promise<Target> {
  if (n.reference) {
    const [plan] = await tx.query(`SELECT id, order_id AS "orderId", distributor_id AS "distributorId" FROM demand_plans WHERE payment_reference = $1`, [n.reference]);
    if (!plan || !plan.orderId) return { orderId: null, planId: null, reason: `no plan has payment reference ${n.reference}` };
    if (plan.distributorId !== n.distributorId) return { orderId: null, planId: null, reason: `reference ${n.reference} belongs to distributor ${plan.distributorId}, not ${n.distributorId}` };
    return { orderId: plan.orderId, planId: plan.id, reason: null };
  }
  if (!n.orderId) return { orderId: null, planId: null, reason: 'the notice names neither an order nor a payment reference' };
  const [order] = UUID.test(n.orderId) ? await tx.query(`SELECT id, distributor_id AS "distributorId" FROM orders WHERE id = $1`, [n.orderId]) : [];
  if (!order) return { orderId: null, planId: null, reason: `order ${n.orderId} does not exist` };
  if (order.distributorId && order.distributorId !== n.distributorId) {
    return { orderId: null, planId: null, reason: `order ${n.orderId} is for distributor ${order.distributorId}, not ${n.distributorId}` };
  }
  const [plan] = await tx.query(
    `SELECT id FROM demand_plans WHERE order_id = $1 AND status IN ('published', 'paid') ORDER BY (status = 'published') DESC, period DESC LIMIT 1`, [order.id]);
  return { orderId: order.id, planId: plan?.id ?? null, reason: null };
}

/** Settles the plan when its matched payments reach the amount due; returns the signal to send (once). */
async function settle(tx: EntityManager, planId: string, paidAt: Date): Promise<{ plan: RecordedPayment['plan']; signal: PaymentSignal | null }> {
  const [plan] = await tx.query(
    `SELECT p.id, p.order_id AS "orderId", p.status, p.amount_due::float8 AS "amountDue", o.workflow_id AS "workflowId"
       FROM demand_plans p LEFT JOIN orders o ON o.id = p.order_id WHERE p.id = $1 FOR UPDATE OF p`, [planId]);
  const [{ paid }] = await tx.query(`SELECT coalesce(sum(amount), 0)::float8 AS paid FROM payments WHERE plan_id = $1 AND status = 'matched'`, [planId]);
  const due = Number(plan.amountDue ?? 0);
  let status: string = plan.status;
  let signal: PaymentSignal | null = null;
  if (plan.status === 'published' && paid >= due) {
    await tx.query(`UPDATE demand_plans SET status = 'paid', paid_at = $2 WHERE id = $1`, [planId, paidAt]);
    status = 'paid';
    if (plan.orderId) {
      signal = {
        orderId: plan.orderId, workflowId: plan.workflowId, message: 'paymentReceived', correlation: planId,
        payload: { paymentStatus: 'paid', amountPaid: paid, amountDue: due, paidAt: paidAt.toISOString(), planId },
      };
    }
  }
  return { plan: { id: planId, amountDue: due, amountPaid: paid, outstanding: Math.max(0, Math.round((due - paid) * 100) / 100), status }, signal };
}

function checkNotice(n: PaymentNotice): Date {
  const paidAt = new Date(n.paidAt);
  if (Number.isNaN(paidAt.getTime())) throw new DomainRuleError('invalid_payment', 'paidAt is not a date', [{ field: 'paidAt', code: 'invalid_date', message: 'paidAt must be an ISO date-time' }]);
  if (!(Number(n.amount) > 0)) throw new DomainRuleError('invalid_payment', 'amount must be greater than 0', [{ field: 'amount', code: 'min', message: 'amount must be > 0' }]);
  return paidAt;
}

/** Stores a payment notice, matching it to an order when it can (see the file comment). */
export async function recordPaymentNotice(ds: DataSource, n: PaymentNotice): Promise<RecordedPayment> {
  const paidAt = checkNotice(n);
  return ds.transaction(async (tx) => {
    if (n.noticeId) {
      const [existing] = await tx.query(`SELECT ${PAYMENT_COLUMNS} FROM payments WHERE notice_id = $1`, [n.noticeId]);
      if (existing) return { payment: existing, duplicate: true, plan: null, signal: null };
    }
    const target = await resolveTarget(tx, n);
    const [payment]: PaymentView[] = await tx.query(
      `INSERT INTO payments (notice_id, claimed_order_id, reference, distributor_id, amount, paid_at, status, unmatched_reason, order_id, plan_id, matched_at, matched_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $9::uuid IS NULL THEN NULL ELSE now() END, CASE WHEN $9::uuid IS NULL THEN NULL ELSE 'auto' END)
       RETURNING ${PAYMENT_COLUMNS}`,
      [n.noticeId ?? null, n.orderId ?? null, n.reference ?? null, n.distributorId, n.amount, paidAt, target.orderId ? 'matched' : 'unmatched',
        target.reason, target.orderId, target.planId]);
    if (!target.planId) return { payment, duplicate: false, plan: null, signal: null };
    return { payment, duplicate: false, ...(await settle(tx, target.planId, paidAt)) };
  });
}

/** Matches an unmatched notice to an order by hand (supervisor), then settles as for a new notice. */
export async function matchPayment(ds: DataSource, paymentId: string, orderId: string, by: string): Promise<RecordedPayment> {
  return ds.transaction(async (tx) => {
    const [payment] = UUID.test(paymentId) ? await tx.query(`SELECT ${PAYMENT_COLUMNS} FROM payments WHERE id = $1 FOR UPDATE`, [paymentId]) : [];
    if (!payment) throw new DomainRuleError('unknown_payment', `payment ${paymentId} does not exist`);
    if (payment.status !== 'unmatched') throw new DomainRuleError('payment_already_matched', `payment ${paymentId} is already matched to order ${payment.orderId}`);
    const target = await resolveTarget(tx, { ...payment, orderId, reference: null });
    if (!target.orderId) throw new DomainRuleError('cannot_match', target.reason ?? 'cannot match');
    const [updated]: PaymentView[] = await tx.query(
      `UPDATE payments SET status = 'matched', unmatched_reason = NULL, order_id = $2, plan_id = $3, matched_at = now(), matched_by = $4
        WHERE id = $1 RETURNING ${PAYMENT_COLUMNS}`, [paymentId, target.orderId, target.planId, by]);
    if (!target.planId) return { payment: updated, duplicate: false, plan: null, signal: null };
    return { payment: updated, duplicate: false, ...(await settle(tx, target.planId, new Date(payment.paidAt))) };
  });
}

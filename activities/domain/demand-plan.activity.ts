/**
 * Place: store the suggested plan, record what was agreed with the distributor (the override
 * rule enforced here too), publish it to head office with the amount due and a payment reference.
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { ActivityDeps } from '../deps';
import { requireDistributor } from './distributors.activity';
import { DomainRuleError, type RuleViolation, domainActivity, requireText } from './domain-error';
import type { ForecastLine } from './forecast-demand.activity';
import { type AgreedLine, deviationShare, missingReasons, needsReason } from './plan-deviation';
import { isPeriod } from './periods';

export interface SaveDemandPlanInput {
  orderId?: string | null;
  distributorId: string;
  period: string;
  lines: Pick<ForecastLine, 'sku' | 'suggestedQty'>[] & Partial<ForecastLine>[];
  basis?: Record<string, unknown>;
}

export interface AgreeDemandPlanInput {
  planId: string;
  rows: { sku: string; agreedQty: number; overrideReason?: string | null; suggestedQty?: number }[];
  agreedBy?: string | null;
}

interface PlanRow { id: string; orderId: string | null; distributorId: string; period: string; status: string; amountDue: string | null; paymentReference: string | null }

const PLAN = `SELECT id, order_id AS "orderId", distributor_id AS "distributorId", period, status, amount_due AS "amountDue",
  payment_reference AS "paymentReference" FROM demand_plans`;

async function findPlan(db: EntityManager | DataSource, planId: unknown, lock: boolean): Promise<PlanRow> {
  const id = typeof planId === 'string' && /^[0-9a-f-]{36}$/i.test(planId) ? planId : null;
  const [plan]: PlanRow[] = id ? await db.query(`${PLAN} WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]) : [];
  if (!plan) throw new DomainRuleError('unknown_plan', `demand plan '${String(planId)}' does not exist`);
  return plan;
}

/** The plan, row-locked until the transaction `tx` ends; unknown ids are a DomainRuleError. */
export const lockPlan = (tx: EntityManager, planId: unknown) => findPlan(tx, planId, true);
export const requirePlan = (db: EntityManager | DataSource, planId: unknown) => findPlan(db, planId, false);

async function saveDemandPlan(ds: DataSource, input: SaveDemandPlanInput) {
  const distributor = await requireDistributor(ds, input.distributorId);
  if (!isPeriod(input.period)) throw new DomainRuleError('invalid_input', `period '${String(input.period)}' is not YYYY-MM`);
  return ds.transaction(async (tx) => {
    const inserted: { id: string }[] = await tx.query(
      `INSERT INTO demand_plans (order_id, distributor_id, period, forecast_basis) VALUES ($1, $2, $3, $4)
       ON CONFLICT (order_id, period) DO NOTHING RETURNING id`,
      [input.orderId ?? null, distributor.id, input.period, JSON.stringify(input.basis ?? {})]);
    const planId = inserted[0]?.id ?? (await tx.query(`SELECT id FROM demand_plans WHERE order_id = $1 AND period = $2`, [input.orderId, input.period]))[0].id;
    const plan = await lockPlan(tx, planId);
    // A retry after the plan moved on must not overwrite what was agreed.
    if (plan.status !== 'suggested') return { planId, planStatus: plan.status };
    for (const line of input.lines ?? []) {
      const { sku, suggestedQty, ...basis } = line;
      await tx.query(
        `INSERT INTO demand_plan_lines (plan_id, sku_id, suggested_qty, basis) VALUES ($1, $2, $3, $4)
         ON CONFLICT (plan_id, sku_id) DO UPDATE SET suggested_qty = EXCLUDED.suggested_qty, basis = EXCLUDED.basis`,
        [planId, sku, Math.max(0, Math.round(Number(suggestedQty) || 0)), JSON.stringify(basis)]);
    }
    return { planId, planStatus: plan.status };
  });
}

function checkRows(rows: AgreeDemandPlanInput['rows'], suggested: Map<string, number>): AgreedLine[] {
  const errors: RuleViolation[] = [];
  const seen = new Set<string>();
  const lines: AgreedLine[] = [];
  (Array.isArray(rows) ? rows : []).forEach((r, i) => {
    const row = i + 1;
    if (seen.has(r?.sku)) errors.push({ row, column: 'sku', code: 'duplicate_sku', message: `SKU ${r.sku} appears twice` });
    seen.add(r?.sku);
    if (!suggested.has(r?.sku)) errors.push({ row, column: 'sku', code: 'unknown_sku', message: `SKU ${String(r?.sku)} is not a line of this plan` });
    if (!Number.isSafeInteger(r?.agreedQty) || r.agreedQty < 0) errors.push({ row, column: 'agreedQty', code: 'invalid_quantity', message: 'agreedQty must be a whole number ≥ 0' });
    lines.push({ sku: r?.sku, suggestedQty: suggested.get(r?.sku) ?? 0, agreedQty: r?.agreedQty, overrideReason: r?.overrideReason ?? null });
  });
  for (const sku of suggested.keys()) {
    if (!seen.has(sku)) errors.push({ column: 'sku', code: 'missing_line', message: `SKU ${sku} of the plan has no agreed quantity` });
  }
  if (errors.length) throw new DomainRuleError('invalid_plan_rows', `the agreed plan is invalid: ${errors.map((e) => e.message).join('; ')}`, errors);
  const missing = missingReasons(lines);
  if (missing.length) {
    throw new DomainRuleError('override_reason_required',
      `agreed quantities deviate more than 20 % from the suggestion without a reason for ${missing.map((l) => l.sku).join(', ')}`,
      missing.map((l) => ({ row: lines.indexOf(l) + 1, column: 'overrideReason', code: 'override_reason_required', message: `SKU ${l.sku}: agreed ${l.agreedQty} vs suggested ${l.suggestedQty} needs a reason` })));
  }
  return lines;
}

async function planValue(tx: EntityManager, planId: string): Promise<number> {
  const [{ value }] = await tx.query(
    `SELECT coalesce(sum(l.agreed_qty * s.price), 0) AS value FROM demand_plan_lines l JOIN skus s ON s.id = l.sku_id WHERE l.plan_id = $1`, [planId]);
  return Number(value);
}

async function agreeDemandPlan(ds: DataSource, input: AgreeDemandPlanInput) {
  return ds.transaction(async (tx) => {
    const plan = await lockPlan(tx, input.planId);
    if (!['suggested', 'agreed'].includes(plan.status)) {
      throw new DomainRuleError('plan_not_editable', `plan ${plan.id} is already ${plan.status}; it can no longer be changed`);
    }
    const stored: { sku: string; suggestedQty: number }[] = await tx.query(
      `SELECT sku_id AS sku, suggested_qty AS "suggestedQty" FROM demand_plan_lines WHERE plan_id = $1`, [plan.id]);
    // The stored suggestion is the reference, whatever the form sent back as suggestedQty.
    const lines = checkRows(input.rows, new Map(stored.map((s) => [s.sku, s.suggestedQty])));
    for (const l of lines) {
      const reason = typeof l.overrideReason === 'string' && l.overrideReason.trim() !== '' ? l.overrideReason.trim() : null;
      await tx.query(`UPDATE demand_plan_lines SET agreed_qty = $3, override_reason = $4 WHERE plan_id = $1 AND sku_id = $2`, [plan.id, l.sku, l.agreedQty, reason]);
    }
    await tx.query(`UPDATE demand_plans SET status = 'agreed', agreed_at = now(), agreed_by = $2 WHERE id = $1`, [plan.id, input.agreedBy ?? null]);
    const deviations = lines.filter(needsReason).map((l) => ({ sku: l.sku, suggestedQty: l.suggestedQty, agreedQty: l.agreedQty, deviation: deviationShare(l), overrideReason: l.overrideReason }));
    return { planId: plan.id, planValue: await planValue(tx, plan.id), agreedTotal: lines.reduce((a, l) => a + l.agreedQty, 0), deviations };
  });
}

async function publishPlanToHq(ds: DataSource, input: { planId: string }) {
  return ds.transaction(async (tx) => {
    const plan = await lockPlan(tx, input.planId);
    if (plan.status === 'suggested' || plan.status === 'cancelled') {
      throw new DomainRuleError('plan_not_agreed', `plan ${plan.id} is ${plan.status}; agree it with the distributor before publishing`);
    }
    if (plan.status === 'agreed') {
      const due = await planValue(tx, plan.id);
      const reference = `OP-${plan.period.replace('-', '')}-${plan.distributorId}-${plan.id.slice(0, 8)}`.toUpperCase();
      // Payments that arrived for the order before the plan existed count towards it.
      if (plan.orderId) await tx.query(`UPDATE payments SET plan_id = $1 WHERE order_id = $2 AND plan_id IS NULL AND status = 'matched'`, [plan.id, plan.orderId]);
      const [{ paid }] = await tx.query(`SELECT coalesce(sum(amount), 0) AS paid FROM payments WHERE plan_id = $1 AND status = 'matched'`, [plan.id]);
      const settled = Number(paid) >= due;
      await tx.query(
        `UPDATE demand_plans SET status = $2, amount_due = $3, payment_reference = $4, published_at = now(), paid_at = CASE WHEN $2 = 'paid' THEN now() END WHERE id = $1`,
        [plan.id, settled ? 'paid' : 'published', due, reference]);
      if (plan.orderId) await tx.query(`UPDATE orders SET value = $2 WHERE id = $1`, [plan.orderId, due]);
    }
    const current = await lockPlan(tx, plan.id);
    const [{ paid }] = await tx.query(`SELECT coalesce(sum(amount), 0) AS paid FROM payments WHERE plan_id = $1 AND status = 'matched'`, [plan.id]);
    return {
      planId: plan.id, amountDue: Number(current.amountDue), amountPaid: Number(paid), paymentReference: current.paymentReference,
      paymentStatus: current.status === 'paid' ? 'paid' : 'awaiting',
    };
  });
}

export function demandPlanActivities({ ds }: ActivityDeps) {
  return {
    saveDemandPlan: domainActivity((input: SaveDemandPlanInput) => saveDemandPlan(ds, input)),
    agreeDemandPlan: domainActivity((input: AgreeDemandPlanInput) => {
      requireText(input.planId, 'planId');
      return agreeDemandPlan(ds, input);
    }),
    publishPlanToHq: domainActivity((input: { planId: string }) => publishPlanToHq(ds, input)),
  };
}

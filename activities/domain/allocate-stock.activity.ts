/**
 * allocateStock: reserves HQ stock for a plan's agreed quantities in ONE transaction. The plan
 * row is locked first (re-runs of one plan serialise), then the hq_stock rows of its SKUs with
 * SELECT … FOR UPDATE in SKU order — a stable order, so concurrent allocations never deadlock —
 * and no two allocations can read the same free stock. Shortfalls become backorders and
 * production requests. Re-running tops up backorders from new stock (idempotent otherwise).
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { ActivityDeps } from '../deps';
import { allocateLine } from './allocation';
import { lockPlan } from './demand-plan.activity';
import { DomainRuleError, domainActivity } from './domain-error';

export interface AllocationLine { sku: string; requested: number; reserved: number; backordered: number }
export interface Allocation { planId: string; lines: AllocationLine[]; reservedTotal: number; backorderedTotal: number; fullyAllocated: boolean }

const ALLOCATABLE = ['agreed', 'published', 'paid'];

async function applyLine(tx: EntityManager, planId: string, sku: string, requested: number, already: number, available: number): Promise<AllocationLine> {
  const a = allocateLine(requested, already, available);
  if (a.delta !== 0) await tx.query(`UPDATE hq_stock SET reserved = reserved + $2, updated_at = now() WHERE sku_id = $1`, [sku, a.delta]);
  await tx.query(
    `INSERT INTO stock_reservations (plan_id, sku_id, qty) VALUES ($1, $2, $3)
     ON CONFLICT (plan_id, sku_id) DO UPDATE SET qty = EXCLUDED.qty, updated_at = now()`, [planId, sku, a.reserved]);
  if (a.backordered > 0) {
    await tx.query(
      `INSERT INTO backorders (plan_id, sku_id, qty) VALUES ($1, $2, $3)
       ON CONFLICT (plan_id, sku_id) DO UPDATE SET qty = EXCLUDED.qty, status = 'open', updated_at = now()`, [planId, sku, a.backordered]);
    await tx.query(
      `INSERT INTO production_requests (plan_id, sku_id, qty) VALUES ($1, $2, $3)
       ON CONFLICT (plan_id, sku_id) DO UPDATE SET qty = EXCLUDED.qty WHERE production_requests.status = 'requested'`, [planId, sku, a.backordered]);
  } else {
    await tx.query(`UPDATE backorders SET qty = 0, status = 'fulfilled', updated_at = now() WHERE plan_id = $1 AND sku_id = $2 AND status = 'open'`, [planId, sku]);
    await tx.query(`UPDATE production_requests SET status = 'cancelled' WHERE plan_id = $1 AND sku_id = $2 AND status = 'requested'`, [planId, sku]);
  }
  return { sku, requested, reserved: a.reserved, backordered: a.backordered };
}

export async function currentAllocation(db: EntityManager | DataSource, planId: string): Promise<Allocation> {
  const lines: AllocationLine[] = await db.query(
    `SELECT l.sku_id AS sku, coalesce(l.agreed_qty, 0) AS requested, coalesce(r.qty, 0) AS reserved, coalesce(b.qty, 0) AS backordered
       FROM demand_plan_lines l
       LEFT JOIN stock_reservations r ON r.plan_id = l.plan_id AND r.sku_id = l.sku_id
       LEFT JOIN backorders b ON b.plan_id = l.plan_id AND b.sku_id = l.sku_id AND b.status = 'open'
      WHERE l.plan_id = $1 ORDER BY l.sku_id`, [planId]);
  return summarise(planId, lines);
}

function summarise(planId: string, lines: AllocationLine[]): Allocation {
  const reservedTotal = lines.reduce((a, l) => a + l.reserved, 0);
  const backorderedTotal = lines.reduce((a, l) => a + l.backordered, 0);
  return { planId, lines, reservedTotal, backorderedTotal, fullyAllocated: backorderedTotal === 0 };
}

export async function allocateStock(ds: DataSource, planId: string): Promise<Allocation> {
  return ds.transaction(async (tx) => {
    const plan = await lockPlan(tx, planId);
    if (!ALLOCATABLE.includes(plan.status)) throw new DomainRuleError('plan_not_agreed', `plan ${plan.id} is ${plan.status}; only agreed plans take stock`);
    const [shipped] = await tx.query(`SELECT 1 FROM shipments WHERE plan_id = $1`, [plan.id]);
    if (shipped) return currentAllocation(tx, plan.id);
    const wanted: { sku: string; requested: number; already: number }[] = await tx.query(
      `SELECT l.sku_id AS sku, coalesce(l.agreed_qty, 0) AS requested, coalesce(r.qty, 0) AS already
         FROM demand_plan_lines l LEFT JOIN stock_reservations r ON r.plan_id = l.plan_id AND r.sku_id = l.sku_id
        WHERE l.plan_id = $1 ORDER BY l.sku_id`, [plan.id]);
    const stock: { sku: string; available: number }[] = await tx.query(
      `SELECT sku_id AS sku, on_hand - reserved AS available FROM hq_stock WHERE sku_id = ANY($1) ORDER BY sku_id FOR UPDATE`,
      [wanted.map((w) => w.sku)]);
    const lines: AllocationLine[] = [];
    for (const w of wanted) {
      const available = stock.find((s) => s.sku === w.sku)?.available ?? 0;
      lines.push(await applyLine(tx, plan.id, w.sku, w.requested, w.already, available));
    }
    return summarise(plan.id, lines);
  });
}

export function allocateStockActivities({ ds }: ActivityDeps) {
  return {
    allocateStock: domainActivity(async (input: { planId: string }) => {
      const allocation = await allocateStock(ds, input.planId);
      return { allocation, allocationShortfall: allocation.backorderedTotal };
    }),
  };
}

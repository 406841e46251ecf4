/**
 * Demo orders for `npm start`: a dozen real orders on fmcg-order-cycle, each driven through the
 * public API to a different point of the value chain, plus one stuck order per reason (demo
 * template with short deadlines) and an unmatched payment notice. Run by the API once it answers
 * and only when there are no orders yet (demo-orders.service.ts).
 */
import { ORDER_END_STATUSES } from '@orderpath/workflows/interpreter/ports';
import { type ApiCall, DemoApiError, login, ok, poll } from './demo-api';
import { DEMO_DISTRIBUTORS } from './demo-domain';
import { type OrderView, type ScenarioOptions, type StepCtx, TASK_STEPS, WAIT_STEPS } from './demo-order-steps';
import { DEMO_STUCK_KEY, type StuckScenario, demoStuckTemplate } from './demo-stuck-template';

export interface Scenario {
  distributorId: string;
  rep: 'rep1' | 'rep2' | 'rep3';
  title: string;
  /** The order stops once this node is active (or has an open incident, for 'incident'; or has ended, for 'completed'). */
  stopAt: string;
  /** Tasks and waits left for a person (or the distributor) to do, not driven, while heading for stopAt. */
  leave?: string[];
  variables?: Record<string, unknown>;
  options?: ScenarioOptions;
}

export const SCENARIOS: Scenario[] = [
  { distributorId: 'D01', rep: 'rep1', title: 'Hangzhou Xinda — new market plan', stopAt: 'market-survey' },
  { distributorId: 'D02', rep: 'rep1', title: 'Ningbo Haitong — distributor approval', stopAt: 'approve-distributor' },
  { distributorId: 'D07', rep: 'rep3', title: 'Chengdu Tianfu — Yonghui entry', stopAt: 'approve-listing-fee', options: { kaFee: 90_000 } },
  { distributorId: 'D10', rep: 'rep3', title: 'Kunming Caiyun — Yonghui entry (bad SKU code)', stopAt: 'incident', options: { kaSkus: 'SNK-001, SNK-999' } },
  { distributorId: 'D03', rep: 'rep1', title: 'Shaoxing Jinhe — monthly plan', stopAt: 'agree-plan' },
  { distributorId: 'D04', rep: 'rep2', title: 'Suzhou Wanjia — waiting for payment', stopAt: 'wait-payment' },
  { distributorId: 'D05', rep: 'rep2', title: 'Wuxi Fengyuan — in delivery', stopAt: 'wait-delivery' },
  { distributorId: 'D06', rep: 'rep2', title: 'Jiaxing Huamei — on the shelves', stopAt: 'shelf-audit', leave: ['distribute', 'wait-sell-through'] },
  { distributorId: 'D09', rep: 'rep3', title: 'Mianyang Yongsheng — stock running low', stopAt: 'replenishment', leave: ['distribute', 'shelf-audit'], options: { thinStock: true } },
  { distributorId: 'D08', rep: 'rep3', title: 'Chongqing Shancheng — growing the order', stopAt: 'expansion-plan', variables: { auditRoundsPerCycle: 1 }, options: { failAudit: true } },
];

/** One demo template order per stuck reason the template can cause (DESIGN.md §5). */
const STUCK_ORDERS: { scenario: StuckScenario; distributorId: string; rep: 'rep1' | 'rep2' | 'rep3' }[] = [
  { scenario: 'task_overdue', distributorId: 'D02', rep: 'rep1' },
  { scenario: 'waiting_too_long', distributorId: 'D05', rep: 'rep2' },
  { scenario: 'stage_overdue', distributorId: 'D08', rep: 'rep3' },
  { scenario: 'no_progress', distributorId: 'D06', rep: 'rep2' },
];

export interface SeedOrdersOptions {
  password: string;
  /** Deadline of the demo stuck template (default PT2M). */
  stuckAfter?: string;
  /** Per scenario (default 4 minutes). */
  timeoutMs?: number;
  log?: (message: string) => void;
}

export interface SeededOrders { orders: { title: string; id: string; reached: boolean; error?: string }[]; stuck: { scenario: string; id: string }[]; unmatchedPaymentId: string }


function reached(s: Scenario, o: OrderView): boolean {
  if (s.stopAt === 'incident' || s.stopAt === 'completed') return o.status === s.stopAt;
  return o.activeNodes.includes(s.stopAt);
}

/** Completes whatever open task or wait the order shows, until it reaches the scenario's stop. */
export async function drive(api: ApiCall, tokens: Record<string, string>, s: Scenario, orderId: string, timeoutMs: number): Promise<void> {
  const done = new Set<string>();
  const region = DEMO_DISTRIBUTORS.find((d) => d.id === s.distributorId)!.regionId;
  const supervisor = region === 'east' ? tokens.supervisor : tokens.admin;
  await poll(`${s.title} at ${s.stopAt}`, async () => {
    const order = await ok<OrderView>(api, 'GET', `/orders/${orderId}`, tokens.admin);
    if (reached(s, order)) return true;
    if ((ORDER_END_STATUSES as readonly string[]).includes(order.status) || order.status === 'incident') throw new DemoApiError(`${s.title} is ${order.status} before reaching ${s.stopAt}`);
    const ctx: StepCtx = { api, tokens, order, distributorId: s.distributorId, rep: s.rep, options: s.options ?? {} };
    const tasks = (await ok<{ items: { id: string; nodeId: string; role: string }[] }>(api, 'GET', `/tasks?orderId=${orderId}&status=open`, tokens.admin)).items;
    for (const t of tasks.filter((t) => !done.has(t.id) && TASK_STEPS[t.nodeId] && !s.leave?.includes(t.nodeId) && t.nodeId !== s.stopAt)) {
      const detail = await ok<{ prefill: Record<string, unknown> }>(api, 'GET', `/tasks/${t.id}`, tokens.admin);
      await ok(api, 'POST', `/tasks/${t.id}/complete`, t.role === 'supervisor' ? supervisor : tokens[s.rep], { data: TASK_STEPS[t.nodeId](detail.prefill ?? {}, ctx) });
      done.add(t.id);
    }
    for (const node of order.activeNodes.filter((n) => WAIT_STEPS[n] && n !== s.stopAt && !s.leave?.includes(n))) {
      const key = `${node}:${String(order.variables.planId ?? '')}`;
      if (done.has(key)) continue;
      await WAIT_STEPS[node](ctx);
      done.add(key);
    }
    return false;
  }, timeoutMs, 400);
}

async function ensureStuckTemplate(api: ApiCall, admin: string, after: string): Promise<void> {
  const created = await api('POST', '/templates', admin, { key: DEMO_STUCK_KEY, name: 'Demo: follow-ups that get stuck', definition: demoStuckTemplate(after) });
  if (created.status !== 201 && created.status !== 409) throw new DemoApiError(`creating ${DEMO_STUCK_KEY} answered ${created.status}`);
  if (created.status === 201) await ok(api, 'POST', `/templates/${DEMO_STUCK_KEY}/publish`, admin, { reason: 'demo data' });
}

export async function seedDemoOrders(api: ApiCall, opts: SeedOrdersOptions): Promise<SeededOrders> {
  const log = opts.log ?? (() => undefined);
  const tokens: Record<string, string> = {};
  for (const user of ['admin', 'supervisor', 'rep1', 'rep2', 'rep3']) tokens[user] = await login(api, user, opts.password);
  await ensureStuckTemplate(api, tokens.admin, opts.stuckAfter ?? 'PT2M');

  const orders = await Promise.all(SCENARIOS.map(async (s) => {
    const order = await ok<{ id: string }>(api, 'POST', '/orders', tokens[s.rep], { templateKey: 'fmcg-order-cycle', title: s.title, distributorId: s.distributorId, variables: s.variables ?? {} });
    try {
      await drive(api, tokens, s, order.id, opts.timeoutMs ?? 240_000);
      log(`demo order "${s.title}" is at ${s.stopAt}`);
      return { title: s.title, id: order.id, reached: true };
    } catch (err) {
      log(`demo order "${s.title}" stopped early: ${(err as Error).message}`);
      return { title: s.title, id: order.id, reached: false, error: (err as Error).message };
    }
  }));
  const stuck = await Promise.all(STUCK_ORDERS.map(async ({ scenario, distributorId, rep }) => {
    const d = DEMO_DISTRIBUTORS.find((x) => x.id === distributorId)!;
    const order = await ok<{ id: string }>(api, 'POST', '/orders', tokens[rep], { templateKey: DEMO_STUCK_KEY, title: `${d.name} — ${scenario.replace(/_/g, ' ')} follow-up`, distributorId, variables: { scenario } });
    return { scenario, id: order.id };
  }));
  // Money that arrived without anything to match: finance's queue.
  const unmatched = await ok<{ id: string }>(api, 'POST', '/payments', tokens.admin, { reference: 'BANK-TRX-88213', distributorId: 'D05', amount: 18_600, paidAt: new Date().toISOString(), noticeId: 'demo-unmatched-1' });
  return { orders, stuck, unmatchedPaymentId: unmatched.id };
}

/**
 * What a demo rep or supervisor enters at each step of fmcg-order-cycle, and how the outside
 * world answers the order's waits (finance pays, the distributor confirms delivery and sends its
 * 进销存 report) — all through the public API.
 */
import { type ApiCall, ok } from './demo-api';
import { DEMO_DISTRIBUTORS, carriedSkus } from './demo-domain';

export interface OrderView { id: string; status: string; stage: string | null; activeNodes: string[]; variables: Record<string, unknown> }
export interface StepCtx { api: ApiCall; tokens: Record<string, string>; order: OrderView; distributorId: string; rep: string; options: ScenarioOptions }
export interface ScenarioOptions { kaFee?: number; kaSkus?: string; thinStock?: boolean; failAudit?: boolean }

type Prefill = Record<string, unknown>;
type Row = Record<string, string | number>;
export type TaskStep = (prefill: Prefill, ctx: StepCtx) => Record<string, unknown>;
export type WaitStep = (ctx: StepCtx) => Promise<void>;

const distributor = (id: string) => DEMO_DISTRIBUTORS.find((d) => d.id === id)!;
const chainOf = (id: string) => (distributor(id).regionId === 'east' ? 'FreshMart' : 'Yonghui');

export const TASK_STEPS: Record<string, TaskStep> = {
  'market-survey': (_p, c) => ({ marketSize: 150, competitors: 'Three national brands; a local brand wins on price in county shops', channelMix: distributor(c.distributorId).channels }),
  'strategy-plan': () => ({ demandEstimate: 1800, positioning: 'Mid-price snacks, gift packs for the festivals', channelStructure: 'mixed', promotionPlan: 'Tasting days in KA stores before Spring Festival' }),
  'assess-distributor': (p) => ({ ...p, financialStrength: 'strong', proposedAnnualTarget: p.proposedAnnualTarget ?? 5_000_000, assessmentNotes: 'Own fleet of 6 vans; covers 300 outlets' }),
  'approve-distributor': (p) => ({ distributorDecision: 'approve', approvedAnnualTarget: p.approvedAnnualTarget ?? 5_000_000 }),
  'ka-negotiate': (_p, c) => ({ kaChain: chainOf(c.distributorId), listingFee: c.options.kaFee ?? 30_000,
    kaSkus: c.options.kaSkus ?? carriedSkus(DEMO_DISTRIBUTORS.indexOf(distributor(c.distributorId))).slice(0, 4).join(', '), kaPaymentDays: 60 }),
  'approve-listing-fee': () => ({ listingFeeDecision: 'approve' }),
  'agree-plan': (p) => ({ planRows: p.planRows, distributorCashNote: 'Cash is fine; pays on time' }),
  'plan-reasons': (p) => ({ planRows: (p.planRows as Row[]).map((r) => ({ ...r, overrideReason: r.overrideReason || 'Agreed with the distributor' })) }),
  'remind-payment': () => ({ contactOutcome: 'promised' }),
  'review-allocation': () => ({ shipPartial: true, allocationNote: 'Rest follows from the next production run' }),
  'arrange-shipment': (_p, c) => ({ carrier: 'SF Express', trackingNumber: `SF${c.order.id.slice(0, 8).toUpperCase()}` }),
  'distribute': () => ({ outletsServed: 18, newOutletsOpened: 1 }),
  'shelf-audit': (p, c) => ({ auditResults: (p.auditResults as Row[]).map((r, i) => ({ ...r, facings: 5, priceTag: true, displayPosition: 'eye_level', inStock: true,
    ...(c.options.failAudit && i === 0 ? { facings: 1, priceTag: false, displayPosition: 'bottom' } : {}), photoRefs: `audit-${r.outletId}.jpg` })) }),
  'corrective-action': (p) => ({ correctiveActions: `${String(p.correctiveActions ?? '')}\nRe-faced and tagged with the store manager`, fixedAll: true }),
  'expansion-plan': (p) => ({ newSkus: p.newSkus ?? '', newOutlets: p.newOutlets ?? '', promotions: p.promotions ?? '', targetGrowthPct: 10, nextCycle: false }),
  'replenishment': (p) => ({ replenishmentPlan: p.replenishmentPlan ?? 'Top up the fast movers', replenishmentOrdered: true }),
};

async function pay(c: StepCtx): Promise<void> {
  const v = c.order.variables;
  const outstanding = Math.round((Number(v.amountDue ?? 0) - Number(v.amountPaid ?? 0)) * 100) / 100;
  if (outstanding <= 0) return;
  await ok(c.api, 'POST', '/payments', c.tokens.admin, { orderId: c.order.id, distributorId: c.distributorId, amount: outstanding, paidAt: new Date().toISOString(), noticeId: `demo-${v.planId}` });
}

/** The distributor's report for the plan month: opening = last closing, sell-in = what was agreed. */
function reportRows(c: StepCtx) {
  const v = c.order.variables;
  const agreed = new Map(((v.planRows ?? []) as Row[]).map((r) => [String(r.sku), Number(r.agreedQty)]));
  return ((v.forecastLines ?? []) as Row[]).map((l) => {
    const opening = Number(l.closingStock ?? 0);
    const sellIn = agreed.get(String(l.sku)) ?? 0;
    const sellThrough = Math.floor((opening + sellIn) * (c.options.thinStock ? 0.97 : 0.6));
    return { sku: l.sku, period: v.planPeriod, openingStock: opening, sellIn, sellThrough, closingStock: opening + sellIn - sellThrough };
  });
}

export const WAIT_STEPS: Record<string, WaitStep> = {
  'wait-payment': pay,
  'wait-payment-after-reminder': pay,
  'wait-delivery': async (c) => {
    await ok(c.api, 'POST', `/orders/${c.order.id}/messages/deliveryConfirmed`, c.tokens[c.rep], { correlation: c.order.variables.shipmentId, payload: { receivedBy: 'Warehouse' } });
  },
  'wait-sell-through': async (c) => {
    await ok(c.api, 'POST', `/orders/${c.order.id}/sell-through`, c.tokens[c.rep], { rows: reportRows(c) });
  },
};

/**
 * Fixtures of the domain integration and workflow tests: a fresh region, distributor and SKUs
 * with unique ids per call (the test database outlives single runs), written by the same
 * functions the demo seed uses.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDomainActivities } from '@orderpath/activities';
import { createDataSource } from '@orderpath/activities/db/data-source';
import {
  type SkuRecord, insertSellThrough, seasonalSellThrough, setHqStock, stockRows, upsertDistributor, upsertOutlet, upsertRegion, upsertSku,
} from '../../apps/api/src/seed/domain-records';
import { addPeriods } from '@orderpath/activities/domain/periods';
import { requireEnv } from '../support/env';

export type Domain = ReturnType<typeof createDomainActivities>;

export async function openDomainDb(): Promise<{ ds: DataSource; domain: Domain }> {
  const ds = await createDataSource(requireEnv('TEST_DATABASE_URL'), 30).initialize();
  return { ds, domain: createDomainActivities({ ds }) };
}

export interface World {
  tag: string;
  regionId: string;
  distributorId: string;
  skus: string[];
}

/** A region, a distributor (lead time 7 d, KA + traditional) and `skuCount` SKUs priced 100/case. */
export async function newWorld(ds: DataSource, opts: { skuCount?: number; hqStock?: number; leadTimeDays?: number; channels?: string[] } = {}): Promise<World> {
  const tag = randomUUID().slice(0, 8);
  const regionId = `r-${tag}`;
  await upsertRegion(ds, { id: regionId, name: `Region ${tag}` });
  const distributorId = `D-${tag}`;
  await upsertDistributor(ds, { id: distributorId, name: `Distributor ${tag}`, regionId, channels: opts.channels ?? ['ka', 'traditional'], leadTimeDays: opts.leadTimeDays ?? 7, annualTarget: 1_000_000 });
  const skus: string[] = [];
  for (let i = 1; i <= (opts.skuCount ?? 2); i++) {
    const sku: SkuRecord = { id: `S-${tag}-${i}`, name: `Snack ${i} (${tag})`, price: 100, caseSize: 24 };
    await upsertSku(ds, sku);
    await setHqStock(ds, sku.id, opts.hqStock ?? 1000);
    skus.push(sku.id);
  }
  return { tag, regionId, distributorId, skus };
}

/** `months` of seasonal history for each SKU, ending with `lastPeriod`. */
export async function addHistory(ds: DataSource, w: World, lastPeriod: string, months: number, base = 200, distributorId = w.distributorId): Promise<void> {
  const first = addPeriods(lastPeriod, -(months - 1));
  const periods = Array.from({ length: months }, (_, i) => addPeriods(first, i));
  for (const [i, sku] of w.skus.entries()) {
    const series = seasonalSellThrough({ base: base * (1 + i * 0.5), months, firstMonth: Number(first.slice(5)), noise: 0.05, seed: i + 1, growthPerMonth: 0.01 });
    await insertSellThrough(ds, distributorId, sku, stockRows(periods, series));
  }
}

export async function addOutlets(ds: DataSource, w: World, count: number, kind: 'ka' | 'traditional' = 'ka'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) {
    const id = `O-${w.tag}-${kind}-${i}`;
    await upsertOutlet(ds, { id, name: `${kind === 'ka' ? 'FreshMart' : 'Corner shop'} ${i} (${w.tag})`, kind, chain: kind === 'ka' ? `FreshMart-${w.tag}` : null, distributorId: w.distributorId, regionId: w.regionId, listedSkus: [w.skus[0]] });
    ids.push(id);
  }
  return ids;
}

/** A plan for the distributor with the given agreed quantities, agreed (and published when asked). */
export async function agreedPlan(domain: Domain, w: World, quantities: Record<string, number>, opts: { period?: string; orderId?: string; publish?: boolean } = {}): Promise<string> {
  const lines = Object.entries(quantities).map(([sku, qty]) => ({ sku, suggestedQty: qty }));
  const { planId } = await domain.saveDemandPlan({ distributorId: w.distributorId, period: opts.period ?? '2026-01', orderId: opts.orderId, lines });
  await domain.agreeDemandPlan({ planId, rows: lines.map((l) => ({ sku: l.sku, agreedQty: l.suggestedQty })) });
  if (opts.publish) await domain.publishPlanToHq({ planId });
  return planId;
}

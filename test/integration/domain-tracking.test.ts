/**
 * Develop, Track and Expand activities against real PostgreSQL: signing a distributor and its KA
 * entry, ingesting and analysing sell-through (all-or-nothing), shelf audit scoring, expansion.
 */
import type { DataSource } from 'typeorm';
import { ingestSellThrough } from '@orderpath/activities/domain/sell-through/ingest-sell-through.activity';
import { type Domain, type World, addHistory, addOutlets, newWorld, openDomainDb } from './domain-fixtures';

let ds: DataSource;
let domain: Domain;
beforeAll(async () => ({ ds, domain } = await openDomainDb()));
afterAll(() => ds?.destroy());

const reportRows = async (w: World) => (await ds.query(`SELECT count(*)::int AS n FROM sell_through_reports WHERE distributor_id = $1`, [w.distributorId]))[0].n;
const row = (sku: string, period: string, o: Record<string, unknown> = {}) => ({ sku, period, openingStock: 20, sellIn: 100, sellThrough: 90, closingStock: 30, ...o });

describe('Develop', () => {
  it('signs a distributor with its approved target and records its KA entry, listing the SKUs at the chain outlets it now serves', async () => {
    const w = await newWorld(ds, { skuCount: 2 });
    const signed = await domain.signDistributor({ distributorId: `N-${w.tag}`, name: 'New Foods', regionId: w.regionId, channels: ['ka'], annualTarget: 2_400_000, leadTimeDays: 5 });
    expect(signed.distributor).toMatchObject({ id: `N-${w.tag}`, status: 'active', annualTarget: 2_400_000, leadTimeDays: 5, channels: ['ka'] });
    await ds.query(`INSERT INTO outlets (id, name, kind, chain, region_id) VALUES ($1, 'FreshMart 1', 'ka', $2, $3)`, [`K-${w.tag}`, `Chain-${w.tag}`, w.regionId]);
    const ka = await domain.recordKaEntry({ distributorId: `N-${w.tag}`, chain: `Chain-${w.tag}`, listingFee: 80_000, skus: `${w.skus[0]}, ${w.skus[1]}`, paymentDays: 60 });
    expect(ka.kaOutletsListed).toBe(1);
    const [outlet] = await ds.query(`SELECT distributor_id AS d, listed_skus AS skus FROM outlets WHERE id = $1`, [`K-${w.tag}`]);
    expect(outlet).toEqual({ d: `N-${w.tag}`, skus: [...w.skus].sort() });
    await expect(domain.recordKaEntry({ distributorId: `N-${w.tag}`, chain: 'X', listingFee: 1, skus: 'NOPE' })).rejects.toMatchObject({ type: 'unknown_sku' });
  });
});

describe('sell-through ingest', () => {
  it('stores a valid report in one go and refuses a later report for the same period, storing nothing of it', async () => {
    const w = await newWorld(ds, { skuCount: 2 });
    const stored = await ingestSellThrough(ds, { distributorId: w.distributorId, rows: [row(w.skus[0], '2026-05'), row(w.skus[1], '2026-05')] });
    expect(stored).toMatchObject({ stored: 2, periods: ['2026-05'], latestPeriod: '2026-05', alreadyStored: false });
    await expect(ingestSellThrough(ds, { distributorId: w.distributorId, rows: [row(w.skus[0], '2026-06'), row(w.skus[1], '2026-05')] }))
      .rejects.toMatchObject({ code: 'invalid_sell_through', errors: [{ row: 2, column: 'period', code: 'duplicate_period', message: expect.any(String) }] });
    expect(await reportRows(w)).toBe(2);
  });

  it('refuses negative quantities and unknown SKUs with their row and column, storing none of the valid rows', async () => {
    const w = await newWorld(ds, { skuCount: 1 });
    const rows = [row(w.skus[0], '2026-05'), row(w.skus[0], '2026-06', { sellThrough: -4 }), row('NO-SUCH-SKU', '2026-06')];
    await expect(ingestSellThrough(ds, { distributorId: w.distributorId, rows })).rejects.toMatchObject({
      errors: [{ row: 2, column: 'sellThrough', code: 'negative', message: expect.any(String) }, { row: 3, column: 'sku', code: 'unknown_sku', message: expect.any(String) }],
    });
    expect(await reportRows(w)).toBe(0);
  });

  it('is idempotent for a retried batch (same batch id), as the activity is', async () => {
    const w = await newWorld(ds, { skuCount: 1 });
    const input = { distributorId: w.distributorId, rows: [row(w.skus[0], '2026-05')], batchId: `b-${w.tag}` };
    await domain.ingestSellThrough(input);
    expect(await domain.ingestSellThrough(input)).toMatchObject({ stored: 0, alreadyStored: true });
    expect(await reportRows(w)).toBe(1);
  });
});

describe('sell-through analysis', () => {
  it('rates a SKU with stock for less than the lead time as high risk, suggests replenishment, and stores the analysis', async () => {
    const w = await newWorld(ds, { skuCount: 2, leadTimeDays: 10 });
    await addHistory(ds, w, '2026-04', 3, 300);
    // SKU 0 sells ~10 a day and has 40 left (4 days); SKU 1 has plenty.
    await ingestSellThrough(ds, { distributorId: w.distributorId, rows: [
      row(w.skus[0], '2026-05', { openingStock: 40, sellIn: 300, sellThrough: 300, closingStock: 40 }),
      row(w.skus[1], '2026-05', { openingStock: 2000, sellIn: 0, sellThrough: 300, closingStock: 1700 }),
    ] });
    const a = await domain.analyseSellThrough({ distributorId: w.distributorId, period: '2026-05' });
    expect(a).toMatchObject({ stockOutRisk: 'high', replenishmentNeeded: true });
    const [risky, safe] = a.sellThroughAnalysis.lines;
    expect(risky).toMatchObject({ sku: w.skus[0], risk: 'high' });
    expect(risky.replenishQty).toBeGreaterThan(300);
    expect(safe).toMatchObject({ sku: w.skus[1], risk: 'low', replenishQty: 0 });
    expect(a.replenishmentText).toContain(w.skus[0]);
    const [stored] = await ds.query(`SELECT stock_out_risk AS risk, replenishment_needed AS needed FROM sell_through_analyses WHERE distributor_id = $1 AND period = '2026-05'`, [w.distributorId]);
    expect(stored).toEqual({ risk: 'high', needed: true });
  });
});

describe('shelf audits', () => {
  it('lists the KA outlets to audit, scores each outlet, names the failing ones with their issues, and stores the round once', async () => {
    const w = await newWorld(ds, { skuCount: 1 });
    const [ka1, ka2] = await addOutlets(ds, w, 2, 'ka');
    await addOutlets(ds, w, 2, 'traditional');
    const { auditRows } = await domain.listAuditOutlets({ distributorId: w.distributorId });
    expect(auditRows.map((r) => r.outletId)).toEqual([ka1, ka2]);
    const results = [
      { outletId: ka1, facings: 4, priceTag: true, displayPosition: 'eye_level' as const, inStock: true, photoRefs: 'IMG_1.jpg, IMG_2.jpg' },
      { outletId: ka2, facings: 1, priceTag: false, displayPosition: 'bottom' as const, inStock: true },
    ];
    const scored = await domain.scoreShelfAudit({ period: '2026-05', round: 1, results });
    expect(scored).toMatchObject({ auditRound: 1, auditPassed: false, auditFailedOutlets: [{ outletId: ka2, score: 38 }] });
    expect(scored.auditIssuesText).toContain('no price tag');
    await domain.scoreShelfAudit({ period: '2026-05', round: 1, results });
    const audits = await ds.query(`SELECT outlet_id AS o, score, passed, photos FROM shelf_audits WHERE outlet_id = ANY($1) ORDER BY outlet_id`, [[ka1, ka2]]);
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({ score: 100, passed: true, photos: [{ ref: 'IMG_1.jpg', outletId: ka1, round: 1 }, { ref: 'IMG_2.jpg', outletId: ka1, round: 1 }] });
  });
});

describe('expansion', () => {
  it('suggests SKUs the region buys that the distributor lacks and uncovered outlets, and stores the plan', async () => {
    const w = await newWorld(ds, { skuCount: 3 });
    await addHistory(ds, { ...w, skus: [w.skus[0]] }, '2026-05', 6);
    await ds.query(`INSERT INTO distributors (id, name, region_id, channels) VALUES ($1, 'Neighbour', $2, '{traditional}')`, [`NB-${w.tag}`, w.regionId]);
    await addHistory(ds, { ...w, skus: [w.skus[2]] }, '2026-05', 3, 500, `NB-${w.tag}`);
    await ds.query(`INSERT INTO outlets (id, name, kind, region_id) VALUES ($1, 'Uncovered shop', 'traditional', $2)`, [`U-${w.tag}`, w.regionId]);
    const s = await domain.suggestExpansion({ distributorId: w.distributorId, period: '2026-05' });
    expect(s.expansionSuggestions.skuGaps).toEqual([expect.objectContaining({ sku: w.skus[2], reason: 'sells_in_region_not_carried' })]);
    expect(s.expansionSuggestions.outletGaps).toEqual(expect.arrayContaining([expect.objectContaining({ outletId: `U-${w.tag}`, reason: 'no_distributor' })]));
    const saved = await domain.saveExpansionPlan({ distributorId: w.distributorId, period: '2026-05', newSkus: s.suggestedSkusText, newOutlets: `U-${w.tag}, Prospect shop`, nextCycle: true, suggestions: s.expansionSuggestions });
    const [plan] = await ds.query(`SELECT new_skus AS skus, new_outlets AS outlets, next_cycle AS next FROM expansion_plans WHERE id = $1`, [saved.expansionPlanId]);
    expect(plan).toEqual({ skus: [w.skus[2]], outlets: [`U-${w.tag}`, 'Prospect', 'shop'], next: true });
  });
});

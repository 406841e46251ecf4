/**
 * Demo master data for `npm start`: 25 snack SKUs with HQ stock (two of them scarce), 10
 * distributors in the two demo regions, 40 outlets (KA chains and traditional shops, some not yet
 * covered), and 18 months of seasonal sell-through per distributor and carried SKU, ending last
 * month. Deterministic and idempotent (ON CONFLICT DO NOTHING), in a few batched statements.
 */
import type { DataSource } from 'typeorm';
import { addPeriods, periodAt } from '@orderpath/activities/domain/periods';
import { SNACK_SEASONALITY, seasonalSellThrough, stockRows } from './domain-records';

const GIFTING = [2.1, 1.6, 0.6, 0.55, 0.6, 0.7, 0.65, 0.75, 1.6, 1.5, 0.6, 0.9];
const SUMMER = [0.8, 0.85, 0.9, 1.0, 1.15, 1.3, 1.35, 1.3, 1.05, 0.9, 0.7, 0.7];
const LINES: [string, string, number, number, number[]][] = [
  // name, category, price per case (CNY), units per case, seasonality
  ['Spicy Puffed Corn 60 g', 'puffed', 96, 48, SNACK_SEASONALITY], ['Seaweed Rice Crisps 80 g', 'puffed', 108, 40, SNACK_SEASONALITY],
  ['Shrimp Chips 70 g', 'puffed', 102, 40, SUMMER], ['Cheese Balls 90 g', 'puffed', 120, 36, SNACK_SEASONALITY],
  ['Roasted Sunflower Seeds 250 g', 'nuts', 168, 24, GIFTING], ['Salted Peanuts 350 g', 'nuts', 150, 24, SNACK_SEASONALITY],
  ['Mixed Nuts Gift Can 500 g', 'nuts', 480, 12, GIFTING], ['Walnut Kernels 200 g', 'nuts', 312, 20, GIFTING],
  ['Milk Biscuits 400 g', 'biscuits', 132, 24, SNACK_SEASONALITY], ['Sesame Crackers 300 g', 'biscuits', 114, 24, SNACK_SEASONALITY],
  ['Egg Rolls 250 g', 'biscuits', 156, 20, GIFTING], ['Sandwich Cookies 360 g', 'biscuits', 138, 24, SNACK_SEASONALITY],
  ['Spicy Beef Jerky 100 g', 'meat', 360, 30, GIFTING], ['Pork Floss Rolls 200 g', 'meat', 276, 20, SNACK_SEASONALITY],
  ['Duck Neck Bites 150 g', 'meat', 222, 30, SUMMER], ['Fish Tofu Snack 120 g', 'meat', 144, 40, SUMMER],
  ['Fruit Gummies 200 g', 'candy', 90, 48, SUMMER], ['White Rabbit Style Toffee 400 g', 'candy', 198, 24, GIFTING],
  ['Hawthorn Rolls 300 g', 'candy', 84, 40, SNACK_SEASONALITY], ['Mooncake Gift Box 6 pcs', 'gift', 420, 8, [0.2, 0.2, 0.2, 0.2, 0.2, 0.3, 0.8, 3.2, 5.5, 0.6, 0.2, 0.6]],
  ['New Year Snack Hamper', 'gift', 456, 6, [4.2, 2.4, 0.3, 0.2, 0.2, 0.2, 0.2, 0.2, 0.4, 0.6, 0.9, 2.2]],
  ['Dried Mango 150 g', 'fruit', 126, 30, SUMMER], ['Red Dates 500 g', 'fruit', 180, 20, GIFTING],
  ['Konjac Jelly 10 pcs', 'candy', 72, 36, SUMMER], ['Crispy Rice Cake 400 g', 'biscuits', 99, 24, SNACK_SEASONALITY],
];
export const DEMO_SKUS = LINES.map(([name, category, price, caseSize, seasonality], i) => ({
  id: `SNK-${String(i + 1).padStart(3, '0')}`, name, category, price, caseSize, seasonality,
}));
/** HQ stock per SKU in cases; SNK-007 (gift cans) is short and SNK-020 (mooncakes) sold out before the season. */
const hqStock = (sku: string, i: number) => (sku === 'SNK-007' ? 40 : sku === 'SNK-020' ? 0 : 600 + ((i * 337) % 2400));

export const DEMO_DISTRIBUTORS = [
  { id: 'D01', name: 'Hangzhou Xinda Trading', regionId: 'east', channels: ['ka', 'traditional'], leadTimeDays: 4, creditTermsDays: 45, annualTarget: 12_000_000, rep: 'rep1' },
  { id: 'D02', name: 'Ningbo Haitong Foods', regionId: 'east', channels: ['ka', 'traditional'], leadTimeDays: 5, creditTermsDays: 30, annualTarget: 8_500_000, rep: 'rep1' },
  { id: 'D03', name: 'Shaoxing Jinhe Distribution', regionId: 'east', channels: ['traditional'], leadTimeDays: 6, creditTermsDays: 30, annualTarget: 4_200_000, rep: 'rep1' },
  { id: 'D04', name: 'Suzhou Wanjia Supply Chain', regionId: 'east', channels: ['ka'], leadTimeDays: 3, creditTermsDays: 60, annualTarget: 9_800_000, rep: 'rep2' },
  { id: 'D05', name: 'Wuxi Fengyuan Commerce', regionId: 'east', channels: ['traditional', 'wholesale'], leadTimeDays: 5, creditTermsDays: 30, annualTarget: 3_600_000, rep: 'rep2' },
  { id: 'D06', name: 'Jiaxing Huamei Trading', regionId: 'east', channels: ['ka', 'traditional'], leadTimeDays: 4, creditTermsDays: 45, annualTarget: 5_100_000, rep: 'rep2' },
  { id: 'D07', name: 'Chengdu Tianfu Foods', regionId: 'west', channels: ['ka', 'traditional'], leadTimeDays: 9, creditTermsDays: 45, annualTarget: 10_400_000, rep: 'rep3' },
  { id: 'D08', name: 'Chongqing Shancheng Distribution', regionId: 'west', channels: ['traditional'], leadTimeDays: 10, creditTermsDays: 30, annualTarget: 6_300_000, rep: 'rep3' },
  { id: 'D09', name: 'Mianyang Yongsheng Trading', regionId: 'west', channels: ['traditional', 'wholesale'], leadTimeDays: 11, creditTermsDays: 30, annualTarget: 2_800_000, rep: 'rep3' },
  { id: 'D10', name: 'Kunming Caiyun Commerce', regionId: 'west', channels: ['ka', 'traditional'], leadTimeDays: 12, creditTermsDays: 60, annualTarget: 4_700_000, rep: 'rep3' },
];

const CHAINS: Record<string, string[]> = { east: ['FreshMart', 'Lianhua', 'RT-Mart'], west: ['Yonghui', 'Hongqi'] };
const CITIES: Record<string, string[]> = { east: ['Hangzhou', 'Ningbo', 'Suzhou', 'Wuxi', 'Jiaxing', 'Shaoxing'], west: ['Chengdu', 'Chongqing', 'Mianyang', 'Kunming'] };

/** 40 outlets: 16 KA stores and 24 traditional shops; every eighth one has no distributor yet. */
export function demoOutlets() {
  return Array.from({ length: 40 }, (_, i) => {
    const d = DEMO_DISTRIBUTORS[i % 10];
    const ka = i % 5 < 2 && d.channels.includes('ka');
    const chain = ka ? CHAINS[d.regionId][i % CHAINS[d.regionId].length] : null;
    const city = CITIES[d.regionId][i % CITIES[d.regionId].length];
    return {
      id: `OUT-${String(i + 1).padStart(3, '0')}`, name: ka ? `${chain} ${city} #${i + 1}` : `${city} corner shop #${i + 1}`,
      kind: ka ? 'ka' as const : 'traditional' as const, chain, distributorId: i % 8 === 7 ? null : d.id, regionId: d.regionId, city,
      listedSkus: carriedSkus(i % 10).slice(0, ka ? 8 : 5),
    };
  });
}

/** The SKUs distributor number `n` (0-based) carries: 17–22 of the 25, always the core range. */
export function carriedSkus(n: number): string[] {
  return DEMO_SKUS.filter((_, i) => i < 6 || (i * 7 + n * 3) % 10 < 6 + (n % 3)).map((s) => s.id);
}

async function insertMany(ds: DataSource, table: string, columns: string[], types: string[], rows: unknown[][], conflict = 'DO NOTHING') {
  if (rows.length === 0) return;
  const arrays = columns.map((_, c) => rows.map((r) => r[c]));
  const unnest = types.map((t, i) => `$${i + 1}::${t}[]`).join(', ');
  await ds.query(`INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${unnest}) ON CONFLICT ${conflict}`, arrays);
}

export async function seedDemoDomain(ds: DataSource, now = new Date()): Promise<void> {
  await insertMany(ds, 'skus', ['id', 'name', 'category', 'price', 'case_size'], ['text', 'text', 'text', 'numeric', 'int'],
    DEMO_SKUS.map((s) => [s.id, s.name, s.category, s.price, s.caseSize]));
  // Array columns do not travel through unnest(); the few rows are set one by one, once.
  for (const s of DEMO_SKUS) await ds.query(`UPDATE skus SET seasonality = $2 WHERE id = $1 AND seasonality IS NULL`, [s.id, s.seasonality]);
  await insertMany(ds, 'hq_stock', ['sku_id', 'on_hand'], ['text', 'int'], DEMO_SKUS.map((s, i) => [s.id, hqStock(s.id, i)]));
  await insertMany(ds, 'distributors', ['id', 'name', 'region_id', 'lead_time_days', 'credit_terms_days', 'annual_target', 'rep'],
    ['text', 'text', 'text', 'int', 'int', 'numeric', 'text'], DEMO_DISTRIBUTORS.map((d) => [d.id, d.name, d.regionId, d.leadTimeDays, d.creditTermsDays, d.annualTarget, d.rep]));
  for (const d of DEMO_DISTRIBUTORS) await ds.query(`UPDATE distributors SET channels = $2 WHERE id = $1 AND channels = '{traditional}'`, [d.id, d.channels]);
  const outlets = demoOutlets();
  await insertMany(ds, 'outlets', ['id', 'name', 'kind', 'chain', 'distributor_id', 'region_id', 'city'], ['text', 'text', 'text', 'text', 'text', 'text', 'text'],
    outlets.map((o) => [o.id, o.name, o.kind, o.chain, o.distributorId, o.regionId, o.city]));
  for (const o of outlets) await ds.query(`UPDATE outlets SET listed_skus = $2 WHERE id = $1 AND listed_skus = '{}'`, [o.id, o.listedSkus]);
  await seedSellThrough(ds, now);
}

async function seedSellThrough(ds: DataSource, now: Date): Promise<void> {
  const last = addPeriods(periodAt(now), -1);
  const first = addPeriods(last, -17);
  const periods = Array.from({ length: 18 }, (_, i) => addPeriods(first, i));
  const rows: unknown[][] = [];
  DEMO_DISTRIBUTORS.forEach((d, n) => {
    const scale = d.annualTarget / 12_000_000;
    for (const sku of carriedSkus(n)) {
      const s = DEMO_SKUS.find((x) => x.id === sku)!;
      const base = Math.max(8, Math.round((60_000 * scale) / s.price));
      const series = seasonalSellThrough({ base, months: 18, firstMonth: Number(first.slice(5)), seasonality: s.seasonality, growthPerMonth: 0.008 * ((n % 4) - 1), noise: 0.08, seed: n * 31 + Number(sku.slice(4)) });
      // Stock for about three weeks of the coming month; D03 and D09 keep thin stock, so their
      // analyses and payment reminders show stock-out risk.
      for (const r of stockRows(periods, series, n === 2 || n === 8 ? 0.15 : 0.7)) {
        rows.push([d.id, sku, r.period, r.openingStock, r.sellIn, r.sellThrough, r.closingStock, `seed:${d.id}`]);
      }
    }
  });
  await insertMany(ds, 'sell_through_reports', ['distributor_id', 'sku_id', 'period', 'opening_stock', 'sell_in', 'sell_through', 'closing_stock', 'batch_id', 'source'],
    ['text', 'text', 'text', 'int', 'int', 'int', 'int', 'text', 'text'], rows.map((r) => [...r, 'seed']));
}

/**
 * ingestSellThrough: validates a whole 进销存 report and stores it in one transaction, or stores
 * nothing and refuses it with every row/column error. Retries are idempotent by `batchId`: rows
 * already stored under the same batch count as done; rows of the same distributor, SKU and
 * period stored by another report are a `duplicate_period` refusal.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { ActivityDeps } from '../../deps';
import { requireDistributor } from '../distributors.activity';
import { DomainRuleError, type RuleViolation, domainActivity } from '../domain-error';
import { type ReportFormat, type SellThroughRow, checkHeader, checkRows, parseRow } from './rows';

export interface IngestSellThroughInput {
  distributorId: string;
  orderId?: string | null;
  /** Records keyed by the format's column names (CSV: text values). */
  rows: unknown[];
  format?: ReportFormat;
  /** CSV only: the header as read, and each record's line number (header = 1). */
  header?: string[];
  rowNumbers?: number[];
  source?: 'csv' | 'json' | 'form' | 'seed';
  /** Same batch id ⇒ same report (retry-safe). Default: a new id per call. */
  batchId?: string;
}

export interface IngestResult {
  batchId: string;
  stored: number;
  alreadyStored: boolean;
  periods: string[];
  latestPeriod: string;
  skus: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseAll(input: IngestSellThroughInput, format: ReportFormat): { rows: SellThroughRow[]; errors: RuleViolation[] } {
  const errors: RuleViolation[] = format === 'csv' && input.header ? checkHeader(input.header) : [];
  if (errors.length) return { rows: [], errors };
  const rows: SellThroughRow[] = [];
  input.rows.forEach((raw, i) => {
    const row = input.rowNumbers?.[i] ?? i + 1;
    if (!isRecord(raw)) {
      errors.push({ row, code: 'not_an_object', message: 'each row must be an object of column values' });
      return;
    }
    const parsed = parseRow(raw, row, format);
    errors.push(...parsed.errors);
    if (parsed.value) rows.push(parsed.value);
  });
  return { rows, errors };
}

function refuse(errors: RuleViolation[]): never {
  const shown = errors.slice(0, 5).map((e) => `row ${e.row ?? '?'}${e.column ? ` ${e.column}` : ''}: ${e.message}`).join('; ');
  throw new DomainRuleError('invalid_sell_through', `the report was refused and nothing was stored (${errors.length} error${errors.length > 1 ? 's' : ''}): ${shown}`, errors);
}

async function store(tx: EntityManager, distributorId: string, input: IngestSellThroughInput, rows: SellThroughRow[], batchId: string): Promise<number> {
  let stored = 0;
  const clashes: SellThroughRow[] = [];
  for (const r of rows) {
    const inserted: unknown[] = await tx.query(
      `INSERT INTO sell_through_reports (distributor_id, sku_id, period, opening_stock, sell_in, sell_through, closing_stock, order_id, batch_id, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (distributor_id, sku_id, period) DO NOTHING RETURNING 1`,
      [distributorId, r.sku, r.period, r.openingStock, r.sellIn, r.sellThrough, r.closingStock, input.orderId ?? null, batchId, input.source ?? input.format ?? 'json']);
    if (inserted.length) stored++;
    else clashes.push(r);
  }
  if (clashes.length === 0) return stored;
  const [{ others }] = await tx.query(
    `SELECT count(*)::int AS others FROM sell_through_reports WHERE distributor_id = $1 AND batch_id <> $2
        AND (sku_id, period) IN (SELECT * FROM unnest($3::text[], $4::text[]))`,
    [distributorId, batchId, clashes.map((c) => c.sku), clashes.map((c) => c.period)]);
  // Rows of this very batch: a retry after a commit whose answer was lost. Anything else raced us.
  if (others > 0) refuse(clashes.map((c) => ({ row: c.row, column: 'period', code: 'duplicate_period', message: `SKU ${c.sku} in ${c.period} was already reported by this distributor` })));
  return stored;
}

export async function ingestSellThrough(ds: DataSource, input: IngestSellThroughInput): Promise<IngestResult> {
  const distributor = await requireDistributor(ds, input.distributorId);
  const format: ReportFormat = input.format ?? 'json';
  if (!Array.isArray(input.rows) || input.rows.length === 0) refuse([{ code: 'no_rows', message: 'the report has no rows' }]);
  const batchId = input.batchId ?? randomUUID();
  const parsed = parseAll(input, format);
  const skus = [...new Set(parsed.rows.map((r) => r.sku))];
  const known: { id: string }[] = await ds.query(`SELECT id FROM skus WHERE id = ANY($1)`, [skus]);
  const stored: { key: string }[] = await ds.query(
    `SELECT sku_id || '|' || period AS key FROM sell_through_reports WHERE distributor_id = $1 AND sku_id = ANY($2) AND batch_id <> $3`,
    [distributor.id, skus, batchId]);
  const errors = [...parsed.errors, ...checkRows(parsed.rows, format, { knownSkus: new Set(known.map((k) => k.id)), stored: new Set(stored.map((s) => s.key)) })];
  if (errors.length) refuse(errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)));
  const count = await ds.transaction((tx) => store(tx, distributor.id, input, parsed.rows, batchId));
  const periods = [...new Set(parsed.rows.map((r) => r.period))].sort();
  return { batchId, stored: count, alreadyStored: count < parsed.rows.length, periods, latestPeriod: periods[periods.length - 1], skus: skus.length };
}

export function ingestSellThroughActivities({ ds }: ActivityDeps) {
  return {
    /** For templates that collect the report in a form (table rows in JSON shape); pass a batchId for retry safety. */
    ingestSellThrough: domainActivity((input: IngestSellThroughInput) => ingestSellThrough(ds, { source: 'form', ...input, format: 'json' })),
  };
}

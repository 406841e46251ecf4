/**
 * Row-level validation of a distributor's sell-in / sell-through / stock report (进销存). The
 * same rules for CSV (header `sku,period,opening_stock,sell_in,sell_through,closing_stock`,
 * values as text, row = line number in the file, the header being line 1) and JSON (objects with
 * `sku, period, openingStock, sellIn, sellThrough, closingStock`, row = index + 1). Every problem
 * is reported with its row and column; the caller stores nothing when there is any.
 */
import type { RuleViolation } from '../domain-error';
import { isPeriod } from '../periods';

export interface SellThroughRow {
  row: number;
  sku: string;
  period: string;
  openingStock: number;
  sellIn: number;
  sellThrough: number;
  closingStock: number;
}

export type ReportFormat = 'csv' | 'json';
type QuantityKey = 'openingStock' | 'sellIn' | 'sellThrough' | 'closingStock';

/** Field → column name per format. */
export const COLUMNS: Record<keyof Omit<SellThroughRow, 'row'>, Record<ReportFormat, string>> = {
  sku: { csv: 'sku', json: 'sku' },
  period: { csv: 'period', json: 'period' },
  openingStock: { csv: 'opening_stock', json: 'openingStock' },
  sellIn: { csv: 'sell_in', json: 'sellIn' },
  sellThrough: { csv: 'sell_through', json: 'sellThrough' },
  closingStock: { csv: 'closing_stock', json: 'closingStock' },
};
const FIELDS = Object.keys(COLUMNS) as (keyof typeof COLUMNS)[];
const QUANTITIES: QuantityKey[] = ['openingStock', 'sellIn', 'sellThrough', 'closingStock'];

export const columnNames = (format: ReportFormat) => FIELDS.map((f) => COLUMNS[f][format]);

/** Missing, unknown and repeated columns of a CSV header (reported on row 1). */
export function checkHeader(header: string[]): RuleViolation[] {
  const expected = columnNames('csv');
  const errors: RuleViolation[] = [];
  const seen = new Set<string>();
  for (const raw of header) {
    const column = raw.trim();
    if (seen.has(column)) errors.push({ row: 1, column, code: 'duplicate_column', message: `column '${column}' appears twice` });
    else if (!expected.includes(column)) errors.push({ row: 1, column, code: 'unknown_column', message: `'${column}' is not a column of the report; the columns are ${expected.join(', ')}` });
    seen.add(column);
  }
  for (const column of expected) {
    if (!seen.has(column)) errors.push({ row: 1, column, code: 'missing_column', message: `column '${column}' is missing` });
  }
  return errors;
}

function quantity(value: unknown, format: ReportFormat): number | { code: string; message: string } {
  const text = format === 'csv' && typeof value === 'string' ? value.trim() : value;
  if (text === undefined || text === null || text === '') return { code: 'required', message: 'a quantity is required' };
  const n = typeof text === 'number' ? text : format === 'csv' && /^-?\d+(\.\d+)?$/.test(String(text)) ? Number(text) : NaN;
  if (typeof text !== 'number' && format === 'json') return { code: 'invalid_type', message: 'must be a number' };
  if (!Number.isFinite(n)) return { code: 'not_a_number', message: `'${String(text)}' is not a number` };
  if (n < 0) return { code: 'negative', message: `quantities cannot be negative (got ${n})` };
  if (!Number.isInteger(n)) return { code: 'not_integer', message: `quantities are whole cases (got ${n})` };
  return n;
}

/** Parses one record; `values` is keyed by the format's column names. */
export function parseRow(values: Record<string, unknown>, row: number, format: ReportFormat): { value?: SellThroughRow; errors: RuleViolation[] } {
  const errors: RuleViolation[] = [];
  const fail = (field: keyof typeof COLUMNS, code: string, message: string) => errors.push({ row, column: COLUMNS[field][format], code, message });
  if (format === 'json') {
    for (const key of Object.keys(values).filter((k) => !columnNames('json').includes(k))) {
      errors.push({ row, column: key, code: 'unknown_column', message: `'${key}' is not a column of the report` });
    }
  }
  const sku = typeof values[COLUMNS.sku[format]] === 'string' ? (values[COLUMNS.sku[format]] as string).trim() : '';
  if (!sku) fail('sku', 'required', 'the SKU code is required');
  const period = typeof values.period === 'string' ? values.period.trim() : '';
  if (!isPeriod(period)) fail('period', period ? 'invalid_period' : 'required', `period must be YYYY-MM (got '${String(values.period ?? '')}')`);
  const q: Partial<Record<QuantityKey, number>> = {};
  for (const field of QUANTITIES) {
    const parsed = quantity(values[COLUMNS[field][format]], format);
    if (typeof parsed === 'number') q[field] = parsed;
    else fail(field, parsed.code, parsed.message);
  }
  if (errors.length) return { errors };
  const value = { row, sku, period, ...(q as Record<QuantityKey, number>) };
  if (value.closingStock > value.openingStock + value.sellIn) {
    fail('closingStock', 'stock_not_balanced', `closing stock ${value.closingStock} exceeds opening ${value.openingStock} + sell-in ${value.sellIn}`);
    return { errors };
  }
  return { value, errors };
}

export interface RowContext {
  knownSkus: ReadonlySet<string>;
  /** `sku|period` keys already stored for the distributor. */
  stored: ReadonlySet<string>;
}

/** Cross-row rules: unknown SKUs, the same SKU and period twice in the upload, periods already reported. */
export function checkRows(rows: SellThroughRow[], format: ReportFormat, ctx: RowContext): RuleViolation[] {
  const errors: RuleViolation[] = [];
  const firstRow = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.sku}|${r.period}`;
    if (!ctx.knownSkus.has(r.sku)) errors.push({ row: r.row, column: COLUMNS.sku[format], code: 'unknown_sku', message: `SKU '${r.sku}' does not exist` });
    if (firstRow.has(key)) errors.push({ row: r.row, column: 'period', code: 'duplicate_row', message: `SKU ${r.sku} in ${r.period} already appears in row ${firstRow.get(key)}` });
    else firstRow.set(key, r.row);
    if (ctx.stored.has(key)) errors.push({ row: r.row, column: 'period', code: 'duplicate_period', message: `SKU ${r.sku} in ${r.period} was already reported by this distributor` });
  }
  return errors;
}

/**
 * The body of `POST /orders/:id/sell-through` → records for ingestSellThrough. CSV (text/csv):
 * the first line is the header; each record keeps its line number, so errors point at the line
 * a spreadsheet shows. JSON: an array of rows, or `{ rows: [...] }`.
 */
import { parse } from 'csv-parse/sync';
import type { RuleViolation } from '@orderpath/activities/domain/domain-error';

export type ParsedReport =
  | { ok: true; format: 'csv' | 'json'; header?: string[]; rows: unknown[]; rowNumbers?: number[] }
  | { ok: false; errors: RuleViolation[] };

interface CsvRecord { record: string[]; info: { lines: number } }

export function parseCsvReport(text: string): ParsedReport {
  let records: CsvRecord[];
  try {
    records = parse(text, { info: true, skip_empty_lines: true, relax_column_count: true, bom: true, trim: true }) as unknown as CsvRecord[];
  } catch (err) {
    const e = err as { lines?: number; message: string };
    return { ok: false, errors: [{ row: e.lines, code: 'invalid_csv', message: e.message }] };
  }
  if (records.length === 0) return { ok: false, errors: [{ row: 1, code: 'no_rows', message: 'the CSV is empty; the first line must be the header' }] };
  const [head, ...data] = records;
  const header = head.record.map((c) => c.trim());
  const errors: RuleViolation[] = [];
  const rows: Record<string, string>[] = [];
  const rowNumbers: number[] = [];
  for (const { record, info } of data) {
    if (record.length !== header.length) {
      errors.push({ row: info.lines, code: 'wrong_column_count', message: `the line has ${record.length} values for ${header.length} columns` });
      continue;
    }
    rows.push(Object.fromEntries(header.map((column, i) => [column, record[i]])));
    rowNumbers.push(info.lines);
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, format: 'csv', header, rows, rowNumbers };
}

export function parseJsonReport(body: unknown): ParsedReport {
  const rows = Array.isArray(body) ? body : (body as { rows?: unknown })?.rows;
  const extra = !Array.isArray(body) && body && typeof body === 'object' ? Object.keys(body).filter((k) => k !== 'rows') : [];
  if (!Array.isArray(rows) || extra.length) {
    return { ok: false, errors: [{ field: extra[0] ?? 'rows', code: 'invalid_body', message: 'send an array of rows, or { "rows": [...] }, as JSON — or the report as text/csv' }] };
  }
  return { ok: true, format: 'json', rows };
}

import { parseCsvReport, parseJsonReport } from './parse-report';

describe('parsing a sell-through upload', () => {
  it('reads CSV records keyed by the header, with the line number of each record (blank lines skipped)', () => {
    const parsed = parseCsvReport('\uFEFFsku,period,opening_stock\nA,2026-01,5\n\nB , 2026-02 ,7\n');
    expect(parsed).toEqual({ ok: true, format: 'csv', header: ['sku', 'period', 'opening_stock'],
      rows: [{ sku: 'A', period: '2026-01', opening_stock: '5' }, { sku: 'B', period: '2026-02', opening_stock: '7' }], rowNumbers: [2, 4] });
  });

  it('refuses lines with a different number of values than the header, naming the line', () => {
    expect(parseCsvReport('sku,period\nA,2026-01\nB\n')).toEqual({ ok: false, errors: [expect.objectContaining({ row: 3, code: 'wrong_column_count' })] });
  });

  it('refuses an empty or unparseable CSV', () => {
    expect(parseCsvReport('')).toMatchObject({ ok: false, errors: [{ code: 'no_rows' }] });
    expect(parseCsvReport('sku,period\n"A,2026-01\n')).toMatchObject({ ok: false, errors: [{ code: 'invalid_csv' }] });
  });

  it('takes JSON as an array or { rows }, and nothing else', () => {
    expect(parseJsonReport([{ sku: 'A' }])).toEqual({ ok: true, format: 'json', rows: [{ sku: 'A' }] });
    expect(parseJsonReport({ rows: [] })).toEqual({ ok: true, format: 'json', rows: [] });
    expect(parseJsonReport({ data: [] })).toMatchObject({ ok: false, errors: [{ field: 'data', code: 'invalid_body' }] });
  });
});

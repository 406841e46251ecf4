import { checkHeader, checkRows, parseRow } from './rows';

const csv = (o: Record<string, string>) => ({ sku: 'SNK-01', period: '2026-03', opening_stock: '10', sell_in: '50', sell_through: '40', closing_stock: '20', ...o });

describe('sell-through report rows', () => {
  it('accepts a well-formed CSV record as whole cases', () => {
    expect(parseRow(csv({}), 2, 'csv')).toEqual({ value: { row: 2, sku: 'SNK-01', period: '2026-03', openingStock: 10, sellIn: 50, sellThrough: 40, closingStock: 20 }, errors: [] });
  });

  it('refuses negative, fractional and non-numeric quantities naming row and column', () => {
    const { errors } = parseRow(csv({ sell_in: '-5', sell_through: '1.5', closing_stock: 'ten' }), 7, 'csv');
    expect(errors).toEqual([
      expect.objectContaining({ row: 7, column: 'sell_in', code: 'negative' }),
      expect.objectContaining({ row: 7, column: 'sell_through', code: 'not_integer' }),
      expect.objectContaining({ row: 7, column: 'closing_stock', code: 'not_a_number' }),
    ]);
  });

  it('refuses a bad period and a missing SKU', () => {
    const { errors } = parseRow(csv({ sku: ' ', period: '2026-13' }), 3, 'csv');
    expect(errors.map((e) => [e.column, e.code])).toEqual([['sku', 'required'], ['period', 'invalid_period']]);
  });

  it('refuses closing stock larger than opening stock plus sell-in (swapped columns)', () => {
    expect(parseRow(csv({ closing_stock: '61' }), 2, 'csv').errors).toEqual([expect.objectContaining({ column: 'closing_stock', code: 'stock_not_balanced' })]);
  });

  it('in JSON wants numbers, camelCase keys and no other keys', () => {
    const { errors } = parseRow({ sku: 'A', period: '2026-03', openingStock: '10', sellIn: 5, sellThrough: 5, closingStock: 5, colour: 'red' }, 1, 'json');
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([[1, 'colour', 'unknown_column'], [1, 'openingStock', 'invalid_type']]);
  });

  it('reports missing, unknown and repeated header columns on row 1', () => {
    const errors = checkHeader(['sku', 'period', 'opening', 'sell_in', 'sell_in', 'closing_stock']);
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [1, 'opening', 'unknown_column'], [1, 'sell_in', 'duplicate_column'], [1, 'opening_stock', 'missing_column'], [1, 'sell_through', 'missing_column'],
    ]);
    expect(checkHeader(['closing_stock', 'sku', 'period', 'opening_stock', 'sell_in', 'sell_through'])).toEqual([]);
  });

  it('refuses unknown SKUs, a SKU twice in one period, and periods already reported', () => {
    const row = (r: number, sku: string, period: string) => ({ row: r, sku, period, openingStock: 0, sellIn: 0, sellThrough: 0, closingStock: 0 });
    const errors = checkRows([row(2, 'A', '2026-03'), row(3, 'X', '2026-03'), row(4, 'A', '2026-03'), row(5, 'B', '2026-02')], 'csv',
      { knownSkus: new Set(['A', 'B']), stored: new Set(['B|2026-02']) });
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([[3, 'sku', 'unknown_sku'], [4, 'period', 'duplicate_row'], [5, 'period', 'duplicate_period']]);
  });
});

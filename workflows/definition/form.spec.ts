import { defaultFormValues, validateFormData } from './form';
import { isIsoDate } from './form-field-check';
import type { FormField } from './schema';

const fields: FormField[] = [
  { key: 'outlet', type: 'text', label: 'Outlet', required: true, min: 2, max: 10 },
  { key: 'notes', type: 'textarea', label: 'Notes' },
  { key: 'fee', type: 'number', label: 'Fee', min: 0, max: 1000 },
  { key: 'facings', type: 'integer', label: 'Facings' },
  { key: 'listed', type: 'boolean', label: 'Listed' },
  { key: 'visit', type: 'date', label: 'Visit' },
  { key: 'channel', type: 'select', label: 'Channel', options: [{ value: 'KA', label: 'KA' }, { value: 'GT', label: 'GT' }] },
  { key: 'tags', type: 'multiselect', label: 'Tags', max: 2, options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }, { value: 'c', label: 'C' }] },
  { key: 'lines', type: 'table', label: 'Lines', required: true, max: 3, columns: [
    { key: 'sku', type: 'text', label: 'SKU', required: true },
    { key: 'qty', type: 'integer', label: 'Qty', min: 1 },
  ] },
];

const good = {
  outlet: 'Mart', notes: '', fee: 12.5, facings: 3, listed: true, visit: '2024-02-29', channel: 'KA', tags: ['a', 'c'],
  lines: [{ sku: 'A1', qty: 2 }, { sku: 'B2' }],
};

const errorsOf = (data: unknown, list: FormField[] = fields) => {
  const result = validateFormData(list, data);
  return result.ok ? [] : result.errors;
};

describe('validateFormData', () => {
  it('given data that satisfies every field when validated then it is ok and the value equals the data', () => {
    expect(validateFormData(fields, good)).toEqual({ ok: true, value: good });
  });

  it('given only the required fields when validated then it is ok and absent fields stay absent', () => {
    expect(validateFormData(fields, { outlet: 'Mart', lines: [{ sku: 'A' }] })).toEqual({ ok: true, value: { outlet: 'Mart', lines: [{ sku: 'A' }] } });
  });

  it('given an optional field sent as null when validated then null is kept, so the variable is cleared', () => {
    expect(validateFormData(fields, { ...good, fee: null })).toMatchObject({ ok: true, value: { fee: null } });
  });

  it.each<[string, string, string, Record<string, unknown>]>([
    ['a missing required text', 'outlet', 'required', { outlet: undefined }],
    ['an empty required text', 'outlet', 'required', { outlet: '' }],
    ['an empty required table', 'lines', 'required', { lines: [] }],
    ['a number as text', 'outlet', 'invalid_type', { outlet: 42 }],
    ['text too short', 'outlet', 'min', { outlet: 'M' }],
    ['text too long', 'outlet', 'max', { outlet: 'Supermarket 24' }],
    ['a number sent as a string', 'fee', 'invalid_type', { fee: '12' }],
    ['NaN as a number', 'fee', 'invalid_type', { fee: Number.NaN }],
    ['a number below min', 'fee', 'min', { fee: -1 }],
    ['a number above max', 'fee', 'max', { fee: 1001 }],
    ['a fraction as an integer', 'facings', 'invalid_type', { facings: 2.5 }],
    ['a string as a boolean', 'listed', 'invalid_type', { listed: 'yes' }],
    ['a date in another format', 'visit', 'invalid_date', { visit: '29/02/2024' }],
    ['a day that does not exist', 'visit', 'invalid_date', { visit: '2023-02-29' }],
    ['a date as a number', 'visit', 'invalid_type', { visit: 20240229 }],
    ['a value outside the options', 'channel', 'invalid_option', { channel: 'HORECA' }],
    ['a list for a select', 'channel', 'invalid_type', { channel: ['KA'] }],
    ['a multiselect with an unknown option', 'tags', 'invalid_option', { tags: ['a', 'z'] }],
    ['a multiselect with an option twice', 'tags', 'duplicate_option', { tags: ['a', 'a'] }],
    ['a multiselect above max count', 'tags', 'max', { tags: ['a', 'b', 'c'] }],
    ['a multiselect given as text', 'tags', 'invalid_type', { tags: 'a' }],
    ['a table given as an object', 'lines', 'invalid_type', { lines: { sku: 'A' } }],
    ['a table row missing a required column', 'lines[2].sku', 'required', { lines: [{ sku: 'A' }, { sku: 'B' }, { qty: 1 }] }],
    ['a table row with a bad column value', 'lines[0].qty', 'min', { lines: [{ sku: 'A', qty: 0 }] }],
    ['a table above max count', 'lines', 'max', { lines: [{ sku: 'A' }, { sku: 'B' }, { sku: 'C' }, { sku: 'D' }] }],
    ['a table row with an unknown column', 'lines[0].colour', 'unknown_field', { lines: [{ sku: 'A', colour: 'red' }] }],
    ['a table row that is not an object', 'lines[0]', 'not_an_object', { lines: ['A'] }],
    ['a key that is not a field', 'discount', 'unknown_field', { discount: 5 }],
  ])('given %s when validated then the error is at %s with code %s', (_, field, code, change) => {
    expect(errorsOf({ ...good, ...change })).toEqual([{ field, code, message: expect.any(String) }]);
  });

  it.each([[null], [[]], ['text'], [7]])('given %j instead of an object when validated then it is not_an_object', (data) => {
    expect(errorsOf(data)).toEqual([{ field: '', code: 'not_an_object', message: expect.any(String) }]);
  });

  it('given several problems when validated then every one is reported, in field order with unknown keys last', () => {
    expect(errorsOf({ outlet: '', fee: 'x', extra: 1, lines: [{ sku: 'A' }] }).map((e) => `${e.field}:${e.code}`)).toEqual([
      'outlet:required', 'fee:invalid_type', 'extra:unknown_field',
    ]);
  });

  it('given a required field error when validated then the message names the label', () => {
    expect(errorsOf({ ...good, outlet: '' })[0].message).toBe('Outlet is required.');
  });

  it('given a field keyed __proto__ when validated then the value keeps it as plain data', () => {
    const result = validateFormData([{ key: '__proto__', type: 'text', label: 'P' }], JSON.parse('{"__proto__": "x"}'));
    expect(result.ok && Object.getPrototypeOf(result.value)).toBe(Object.prototype);
    expect(result.ok && Object.keys(result.value)).toEqual(['__proto__']);
  });
});

describe('isIsoDate', () => {
  it.each([['2024-02-29', true], ['2023-02-28', true], ['2000-02-29', true], ['1900-02-29', false], ['2024-13-01', false], ['2024-04-31', false], ['2024-4-1', false]])(
    'given %s when checked then it is %s',
    (date, valid) => {
      expect(isIsoDate(date)).toBe(valid);
    },
  );
});

describe('defaultFormValues', () => {
  const withDefaults: FormField[] = [
    { key: 'fee', type: 'number', label: 'Fee', default: 'vars.proposedFee * 2' },
    { key: 'outlet', type: 'text', label: 'Outlet', default: 'order.outletName|upper' },
    { key: 'broken', type: 'number', label: 'Broken', default: 'vars.name|round' },
    { key: 'refused', type: 'text', label: 'Refused', default: 'process.env' },
    { key: 'missing', type: 'text', label: 'Missing', default: 'vars.nothing' },
    { key: 'plain', type: 'text', label: 'Plain' },
  ];

  it('given default expressions when evaluated then good ones pre-fill and failing or undefined ones are left out', () => {
    const scope = { vars: { proposedFee: 100, name: 'x' }, order: { outletName: 'mart' } };
    expect(defaultFormValues(withDefaults, scope)).toEqual({ fee: 200, outlet: 'MART' });
  });
});

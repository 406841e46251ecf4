import type { FormField } from '@orderpath/workflows/definition/schema';
import { validateFormData } from '@orderpath/workflows/definition/form';
import { errorsByField, toFormData, toInputs } from './form-values';

const fields: FormField[] = [
  { key: 'quantity', type: 'integer', label: 'Quantity', required: true, min: 1 },
  { key: 'price', type: 'number', label: 'Price' },
  { key: 'note', type: 'text', label: 'Note' },
  { key: 'ok', type: 'boolean', label: 'OK' },
  { key: 'lines', type: 'table', label: 'Lines', columns: [{ key: 'qty', type: 'integer', label: 'Qty', min: 1 }] },
];

describe('form values', () => {
  it('turns typed text into numbers and leaves empty optional inputs out', () => {
    const data = toFormData(fields, { quantity: '12', price: '', note: '', ok: true, lines: [{ qty: '3' }] });
    expect(data).toEqual({ quantity: 12, ok: true, lines: [{ qty: 3 }] });
    expect(validateFormData(fields, data).ok).toBe(true);
  });

  it('sends text that is not a number as text, so the shared validator names the field', () => {
    const result = validateFormData(fields, toFormData(fields, { quantity: 'twelve', lines: [{ qty: '0' }] }));
    expect(result.ok).toBe(false);
    const errors = errorsByField(result.ok ? [] : result.errors);
    expect(Object.keys(errors).sort()).toEqual(['lines[0].qty', 'quantity']);
  });

  it('sends a cleared prefilled field as null so its variable is cleared', () => {
    expect(toFormData(fields, { quantity: '1', note: '' }, new Set(['note']))).toEqual({ quantity: 1, ok: false, lines: [], note: null });
  });

  it('shows prefilled numbers as text in the inputs', () => {
    expect(toInputs(fields, { quantity: 5, lines: [{ qty: 2 }] })).toMatchObject({ quantity: '5', price: '', ok: false, lines: [{ qty: '2' }] });
  });
});

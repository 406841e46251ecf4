/**
 * Form data of user tasks: one validator for the workflow's `completeTask` update validator, the
 * API and the browser, so all three accept and refuse exactly the same data.
 *
 * Rules: `required` (absent, null, '' or an empty list is missing); a type check per field type
 * — no coercion, so the browser sends numbers as numbers; `date` is YYYY-MM-DD and a real day;
 * `select` values are option values; `min`/`max` bound a number's value, a text's length and a
 * multiselect's or table's count; table rows are checked against `columns` (errors at paths such
 * as `lines[2].qty`); keys that are not fields are refused (`unknown_field`). A key sent as null
 * or '' is kept, so clearing an optional field clears its variable.
 *
 * Error codes: not_an_object, unknown_field, required, invalid_type, invalid_date,
 * invalid_option, duplicate_option, min, max.
 */
import { type ExpressionScope, evaluate } from './expressions';
import { type FormError, checkValue, isEmpty } from './form-field-check';
import type { FormField } from './schema';

export type { FormError } from './form-field-check';

/** The outcome of {@link validateFormData}: the accepted values, or every error found. */
export type FormResult = { ok: true; value: Record<string, unknown> } | { ok: false; errors: FormError[] };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const join = (prefix: string, key: string): string => (prefix === '' ? key : `${prefix}.${key}`);

// defineProperty, not assignment: a field keyed `__proto__` must stay data, not a prototype.
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function checkFields(fields: readonly FormField[], data: unknown, prefix: string): { value: Record<string, unknown>; errors: FormError[] } {
  if (!isRecord(data)) {
    const what = prefix === '' ? 'Form data' : `Row ${prefix}`;
    return { value: {}, errors: [{ field: prefix, code: 'not_an_object', message: `${what} must be an object of field values.` }] };
  }
  const value: Record<string, unknown> = {};
  const errors: FormError[] = [];
  const known = new Set(fields.map((f) => f.key));
  for (const field of fields) {
    const path = join(prefix, field.key);
    const raw = Object.prototype.hasOwnProperty.call(data, field.key) ? data[field.key] : undefined;
    if (isEmpty(raw)) {
      if (field.required) errors.push({ field: path, code: 'required', message: `${field.label} is required.` });
      else if (raw !== undefined) setOwn(value, field.key, raw);
      continue;
    }
    const checked = checkValue(field, path, raw, checkFields);
    errors.push(...checked.errors);
    setOwn(value, field.key, checked.value);
  }
  for (const key of Object.keys(data).filter((k) => !known.has(k))) {
    errors.push({ field: join(prefix, key), code: 'unknown_field', message: `'${key}' is not a field of this form.` });
  }
  return { value, errors };
}

/**
 * Validates submitted form data against the fields of a user task's form.
 * @returns `{ ok: true, value }` with only the form's keys, or `{ ok: false, errors }` listing
 * every problem (field order, unknown keys last).
 */
export function validateFormData(fields: readonly FormField[], data: unknown): FormResult {
  const { value, errors } = checkFields(fields, data, '');
  return errors.length === 0 ? { ok: true, value } : { ok: false, errors };
}

/**
 * Pre-fill values: each field's `default` expression evaluated over `scope`. A default that
 * fails to evaluate (or yields undefined) leaves its field out, so one bad default never blocks
 * creating the task.
 */
export function defaultFormValues(fields: readonly FormField[], scope: ExpressionScope): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    if (!field.default) continue;
    try {
      const value = evaluate(field.default, scope);
      if (value !== undefined) setOwn(values, field.key, value);
    } catch {
      // Deliberately ignored: see the doc comment.
    }
  }
  return values;
}

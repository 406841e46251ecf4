/**
 * The value rules of one form field (type, options, min/max). form.ts walks the fields and
 * calls these; a table field calls back into form.ts for each row through `checkRow`.
 */
import type { FormField } from './schema';

/** One problem with submitted form data; `field` is a path such as `lines[2].qty`. */
export interface FormError {
  field: string;
  code: string;
  message: string;
}

/** Checks one table row against the table's columns; `prefix` is the row's path, e.g. `lines[2]`. */
export type RowCheck = (columns: readonly FormField[], row: unknown, prefix: string) => { value: Record<string, unknown>; errors: FormError[] };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD naming a real calendar day (leap years included). Pure: no Date object needed. */
export function isIsoDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/** Missing for `required`: absent, null, empty text or an empty list. */
export function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function fail(field: string, code: string, message: string): FormError[] {
  return [{ field, code, message }];
}

/** min/max on a measured size: the number itself, a text's length, a list's count. */
function range(field: FormField, path: string, size: number, unit: string): FormError[] {
  if (field.min !== undefined && size < field.min) return fail(path, 'min', `${field.label} must be at least ${field.min}${unit}.`);
  if (field.max !== undefined && size > field.max) return fail(path, 'max', `${field.label} must be at most ${field.max}${unit}.`);
  return [];
}

function checkScalar(field: FormField, path: string, value: unknown): FormError[] {
  const wrongType = (what: string) => fail(path, 'invalid_type', `${field.label} must be ${what}.`);
  switch (field.type) {
    case 'text':
    case 'textarea':
      return typeof value === 'string' ? range(field, path, value.length, ' characters') : wrongType('text');
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? range(field, path, value, '') : wrongType('a number');
    case 'integer':
      return Number.isSafeInteger(value) ? range(field, path, value as number, '') : wrongType('a whole number');
    case 'boolean':
      return typeof value === 'boolean' ? [] : wrongType('true or false');
    case 'date':
      if (typeof value !== 'string') return wrongType('a date (YYYY-MM-DD)');
      return isIsoDate(value) ? [] : fail(path, 'invalid_date', `${field.label} must be a real date written YYYY-MM-DD.`);
    default:
      return [];
  }
}

function checkSelect(field: FormField, path: string, value: unknown): FormError[] {
  const allowed = new Set((field.options ?? []).map((o) => o.value));
  if (field.type === 'select') {
    if (typeof value !== 'string') return fail(path, 'invalid_type', `${field.label} must be one of the options.`);
    return allowed.has(value) ? [] : fail(path, 'invalid_option', `${field.label}: '${value}' is not one of the options.`);
  }
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return fail(path, 'invalid_type', `${field.label} must be a list of options.`);
  const bad = (value as string[]).find((v) => !allowed.has(v));
  if (bad !== undefined) return fail(path, 'invalid_option', `${field.label}: '${bad}' is not one of the options.`);
  if (new Set(value).size < value.length) return fail(path, 'duplicate_option', `${field.label} lists an option more than once.`);
  return range(field, path, value.length, ' selected');
}

function checkTable(field: FormField, path: string, value: unknown, checkRow: RowCheck): { value: unknown; errors: FormError[] } {
  if (!Array.isArray(value)) return { value, errors: fail(path, 'invalid_type', `${field.label} must be a list of rows.`) };
  const rows = value.map((row, i) => checkRow(field.columns ?? [], row, `${path}[${i}]`));
  const errors = [...rows.flatMap((r) => r.errors), ...range(field, path, value.length, ' rows')];
  return { value: rows.map((r) => r.value), errors };
}

/**
 * Checks one present, non-null value of `field`. Returns the value to keep (table rows cleaned
 * of nothing but validated) and the errors.
 */
export function checkValue(field: FormField, path: string, value: unknown, checkRow: RowCheck): { value: unknown; errors: FormError[] } {
  if (field.type === 'table') return checkTable(field, path, value, checkRow);
  if (field.type === 'select' || field.type === 'multiselect') return { value, errors: checkSelect(field, path, value) };
  return { value, errors: checkScalar(field, path, value) };
}

/**
 * Between a task form's inputs and the data sent to the server. Inputs hold what the user typed
 * (numbers as text); `toFormData` turns them into typed values without guessing, so that
 * validateFormData (the server's own validator) judges exactly what will be sent.
 */
import type { FormField } from '@orderpath/workflows/definition/schema';
import type { FormError } from '@orderpath/workflows/definition/form';

export type InputValues = Record<string, unknown>;

const NUMERIC = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

function typed(field: FormField, raw: unknown): unknown {
  switch (field.type) {
    case 'number':
    case 'integer': {
      if (typeof raw === 'number') return raw;
      const text = String(raw ?? '').trim();
      if (text === '') return undefined;
      return NUMERIC.test(text) ? Number(text) : text;
    }
    case 'boolean':
      return raw === true || raw === 'true';
    case 'multiselect':
      return Array.isArray(raw) ? raw : [];
    case 'table':
      return Array.isArray(raw) ? raw.map((row) => toFormData(field.columns ?? [], (row ?? {}) as InputValues)) : [];
    default: {
      if (raw === null || raw === undefined) return undefined;
      return String(raw) === '' ? undefined : String(raw);
    }
  }
}

/**
 * Typed data for `POST /tasks/:id/complete`. Empty inputs are left out, except fields that had a
 * value before (`prefilled`), which are sent as null so that clearing them clears the variable.
 */
export function toFormData(fields: readonly FormField[], inputs: InputValues, prefilled: ReadonlySet<string> = new Set()): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = typed(field, inputs[field.key]);
    if (value !== undefined) out[field.key] = value;
    else if (prefilled.has(field.key)) out[field.key] = null;
  }
  return out;
}

/** Input state from prefill / saved data: numbers become text, lists stay lists. */
export function toInputs(fields: readonly FormField[], data: Record<string, unknown> | null | undefined): InputValues {
  const out: InputValues = {};
  for (const field of fields) {
    const v = data?.[field.key];
    if (v === undefined || v === null) {
      out[field.key] = field.type === 'boolean' ? false : field.type === 'multiselect' || field.type === 'table' ? [] : '';
    } else if (field.type === 'table' && Array.isArray(v)) {
      out[field.key] = v.map((row) => toInputs(field.columns ?? [], row as Record<string, unknown>));
    } else if (field.type === 'number' || field.type === 'integer') {
      out[field.key] = String(v);
    } else {
      out[field.key] = v;
    }
  }
  return out;
}

/** Errors by field path (`quantity`, `lines[2].qty`); the first message wins. */
export function errorsByField(errors: readonly Pick<FormError, 'field' | 'message'>[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) if (!(e.field in out)) out[e.field] = e.message;
  return out;
}

import { z } from 'zod';
import { BadRequestError } from './errors';

/** Cursor pagination: an opaque base64url JSON of the last row's sort key. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const limitSchema = z.coerce.number().int().min(1).max(200).default(50);

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The 400 for a cursor this API did not issue. */
export function invalidCursor(): BadRequestError {
  return new BadRequestError('cursor is not one this API issued; start again without it', [
    { field: 'cursor', code: 'invalid_cursor', message: 'malformed cursor' },
  ]);
}

/**
 * Decodes a cursor into its sort key; `check` (one predicate per key part) guards the values
 * before they reach SQL, so a forged cursor is a 400, never a 500.
 */
export function decodeCursor(cursor: string | undefined, arity: number, check?: ((v: unknown) => boolean)[]): unknown[] | null {
  if (!cursor) return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(key) || key.length !== arity) throw invalidCursor();
  if (check && !check.every((ok, i) => ok(key[i]))) throw invalidCursor();
  return key;
}

/** Cursor part checks. */
export const cursorPart = {
  timestamp: (v: unknown): boolean => typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v)),
  uuid: (v: unknown): boolean => typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  bigint: (v: unknown): boolean => typeof v === 'string' && /^\d{1,18}$/.test(v),
  number: (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v),
  text: (v: unknown): boolean => typeof v === 'string' && v.length <= 500,
};

export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => unknown[]): Page<T> {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return { items, nextCursor: more ? encodeCursor(keyOf(items[items.length - 1])) : null };
}

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

export function decodeCursor(cursor: string | undefined, arity: number): unknown[] | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity) return key;
  } catch {
    // fall through to the error below
  }
  throw new BadRequestError('cursor is not one this API issued; start again without it', [
    { field: 'cursor', code: 'invalid_cursor', message: 'malformed cursor' },
  ]);
}

export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => unknown[]): Page<T> {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return { items, nextCursor: more ? encodeCursor(keyOf(items[items.length - 1])) : null };
}

/**
 * Domain refusals from activities/domain cross into HTTP here, once: unknown master data is a
 * 404, everything else the business rules refuse is a 422 whose errors[] carry the row and
 * column (field = "row 3: sell_in", or the field name when there is no row).
 */
import { DomainRuleError } from '@orderpath/activities/domain/domain-error';
import { DomainError, NotFoundError, UnprocessableError } from '../common/errors';

const NOT_FOUND: Record<string, string> = { unknown_distributor: 'distributor', unknown_plan: 'plan', unknown_shipment: 'shipment', unknown_payment: 'payment' };

export function toHttpError(err: unknown): never {
  if (err instanceof DomainRuleError) {
    const what = NOT_FOUND[err.code];
    if (what) throw Object.assign(new NotFoundError(what, ''), { message: err.message });
    const errors = err.errors.map((e) => ({
      field: e.row !== undefined ? `row ${e.row}${e.column ? `: ${e.column}` : ''}` : (e.field ?? e.column ?? 'body'),
      ...(e.row !== undefined ? { row: e.row } : {}), ...(e.column ? { column: e.column } : {}), code: e.code, message: e.message,
    }));
    throw new UnprocessableError(err.code, err.message, { errors });
  }
  if (err instanceof DomainError) throw err;
  throw err;
}

/** Runs domain code, mapping its refusals. */
export async function domainCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    return toHttpError(err);
  }
}

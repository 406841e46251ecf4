import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './errors';

const TYPE_BASE = 'https://orderpath.dev/problems/';

/** Maps every error to RFC 9457 problem+json, once, at the HTTP boundary. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly log = new Logger('ProblemFilter');

  catch(err: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const { status, code, detail, extra } = this.describe(err);
    if (status >= 500) this.log.error(err instanceof Error ? err.stack : String(err));
    res.status(status).type('application/problem+json').json({
      type: `${TYPE_BASE}${code}`,
      title: code.replace(/_/g, ' '),
      status,
      code,
      detail,
      instance: req.originalUrl,
      ...extra,
    });
  }

  private describe(err: unknown): { status: number; code: string; detail: string; extra: Record<string, unknown> } {
    if (err instanceof DomainError) return { status: err.status, code: err.code, detail: err.message, extra: err.extra };
    if (err instanceof HttpException) {
      const status = err.getStatus();
      const body = err.getResponse() as { message?: unknown } | string;
      const raw = err as HttpException & { type?: string };
      // Body-parser failures reach us as HttpExceptions or as errors carrying `type`.
      const message = typeof body === 'string' ? body : Array.isArray(body.message) ? body.message.join('; ') : String(body.message ?? err.message);
      const code = status === 404 ? 'route_not_found' : status === 429 ? 'rate_limited' : status === 413 ? 'payload_too_large' : raw.type ?? `http_${status}`;
      return { status, code, detail: message, extra: {} };
    }
    const db = databaseInputError(err);
    if (db) return db;
    const e = err as { type?: string; status?: number; message?: string };
    if (e?.type === 'entity.parse.failed') return { status: 400, code: 'malformed_json', detail: 'the request body is not valid JSON', extra: {} };
    if (e?.type === 'entity.too.large') return { status: 413, code: 'payload_too_large', detail: 'the request body is too large', extra: {} };
    if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return { status: e.status, code: `http_${e.status}`, detail: e.message ?? 'bad request', extra: {} };
    return { status: 500, code: 'internal_error', detail: 'an unexpected error occurred; it has been logged', extra: {} };
  }
}

/**
 * Safety net: a value that reached PostgreSQL and was refused there (a reference to a row that
 * does not exist, a number out of range) is the caller's input, not a server fault. Validation
 * should catch these first; this keeps a gap from ever becoming a 500.
 */
function databaseInputError(err: unknown): { status: number; code: string; detail: string; extra: Record<string, unknown> } | null {
  if (!(err instanceof QueryFailedError)) return null;
  const { code, detail } = err.driverError as { code?: string; detail?: string };
  if (code === '23503') return { status: 422, code: 'reference_not_found', detail: detail ?? 'a referenced record does not exist', extra: {} };
  if (code && INVALID_VALUE_CODES.has(code)) return { status: 400, code: 'invalid_value', detail: err.message, extra: {} };
  return null;
}

/** numeric_value_out_of_range, invalid_text_representation, invalid_datetime_format, datetime_field_overflow, string_data_right_truncation. */
const INVALID_VALUE_CODES = new Set(['22003', '22P02', '22007', '22008', '22001']);

import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Inject, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config';
import { DomainError } from './errors';

const TYPE_BASE = 'https://orderpath.dev/problems/';

/** An RFC 9457 problem+json body; `instance` is the request URL. */
export function problemBody(status: number, code: string, detail: string, instance: string, extra: Record<string, unknown> = {}) {
  return { type: `${TYPE_BASE}${code}`, title: code.replace(/_/g, ' '), status, code, detail, instance, ...extra };
}

/** Maps every error to RFC 9457 problem+json, once, at the HTTP boundary. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly log = new Logger('ProblemFilter');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  catch(err: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, code, detail, extra } = this.describe(err);
    if (status >= 500) this.log.error(err instanceof Error ? err.stack : String(err));
    void reply.status(status).type('application/problem+json').send(problemBody(status, code, detail, req.originalUrl, extra));
  }

  private describe(err: unknown): { status: number; code: string; detail: string; extra: Record<string, unknown> } {
    if (err instanceof DomainError) return { status: err.status, code: err.code, detail: err.message, extra: err.extra };
    if (err instanceof HttpException) {
      const status = err.getStatus();
      const body = err.getResponse() as { message?: unknown } | string;
      const message = typeof body === 'string' ? body : Array.isArray(body.message) ? body.message.join('; ') : String(body.message ?? err.message);
      // Fastify's own refusals (body over the limit, a body shorter than its Content-Length) reach
      // here as HttpExceptions that Nest made from them.
      if (status === 413) return { status, code: 'payload_too_large', detail: `the request body is larger than ${this.config.bodyLimit}`, extra: {} };
      const code = status === 404 ? 'route_not_found' : status === 429 ? 'rate_limited' : `http_${status}`;
      return { status, code, detail: message, extra: {} };
    }
    const db = databaseInputError(err);
    if (db) return db;
    const e = err as { status?: number; message?: string };
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

/**
 * `Idempotency-Key` for creating POSTs: the first request with a key runs and its answer
 * (status + body) is stored per caller; a repeat within 24 h gets that answer back
 * (`Idempotent-Replayed: true`) instead of a second effect. A repeat while the first still runs
 * is a 409; the same key on another route is a 422. Failed requests store nothing, so a
 * corrected retry may reuse the key.
 */
import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor, UseInterceptors, applyDecorators } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Observable, catchError, from, mergeMap, of } from 'rxjs';
import type { AuthUser } from '../auth/auth.types';
import { Sql } from '../db/sql';
import { urlPath } from '../http/url-path';
import { BadRequestError, ConflictError, UnprocessableError } from './errors';
import { ApiIdempotencyKey } from './openapi';

const MAX_KEY_LENGTH = 200;

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@Inject(Sql) private readonly sql: Sql) {}

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = ctx.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
    const res = ctx.switchToHttp().getResponse<FastifyReply>();
    const key = readKey(req.headers['idempotency-key']);
    if (key === undefined) return next.handle();
    const actor = req.user?.id ?? 'anonymous';
    const claimed: unknown[] = await this.sql.query(
      `INSERT INTO idempotency_keys (actor, key, method, path) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING key`,
      [actor, key, req.method, urlPath(req.url)]);
    if (claimed.length === 0) return of(await this.replay(actor, key, req, res));
    if (Math.random() < 0.01) void this.prune();
    return next.handle().pipe(
      mergeMap(async (body) => {
        await this.sql.query(`UPDATE idempotency_keys SET status = $3, body = $4 WHERE actor = $1 AND key = $2`,
          [actor, key, res.statusCode, JSON.stringify(body ?? null)]);
        return body;
      }),
      catchError((err: unknown) => from(this.forget(actor, key).then(() => { throw err; }))),
    );
  }

  private async replay(actor: string, key: string, req: FastifyRequest, res: FastifyReply): Promise<unknown> {
    const [row]: { method: string; path: string; status: number | null; body: unknown }[] = await this.sql.query(
      `SELECT method, path, status, body FROM idempotency_keys WHERE actor = $1 AND key = $2`, [actor, key]);
    if (!row) throw new ConflictError('idempotency_in_progress', 'a request with this Idempotency-Key just failed or is running; retry');
    if (row.method !== req.method || row.path !== urlPath(req.url)) {
      throw new UnprocessableError('idempotency_key_reused', `this Idempotency-Key was used for ${row.method} ${row.path}; use a new key per request`);
    }
    if (row.status === null) throw new ConflictError('idempotency_in_progress', 'a request with this Idempotency-Key is still running; retry shortly');
    res.status(row.status).header('Idempotent-Replayed', 'true');
    return row.body;
  }

  private async forget(actor: string, key: string): Promise<void> {
    await this.sql.query(`DELETE FROM idempotency_keys WHERE actor = $1 AND key = $2 AND status IS NULL`, [actor, key]).catch(() => undefined);
  }

  private async prune(): Promise<void> {
    await this.sql.query(`DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours'`).catch(() => undefined);
  }
}

function readKey(raw: string | string[] | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!key || key.length > MAX_KEY_LENGTH) {
    throw new BadRequestError(`Idempotency-Key must be 1-${MAX_KEY_LENGTH} characters`, [
      { field: 'Idempotency-Key', code: 'invalid_header', message: `1-${MAX_KEY_LENGTH} characters` },
    ]);
  }
  return key;
}

/** Makes a creating POST honour `Idempotency-Key` (and documents the header). */
export const Idempotent = () => applyDecorators(UseInterceptors(IdempotencyInterceptor), ApiIdempotencyKey());

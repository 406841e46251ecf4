import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth.types';
import { scopedRegion } from '../common/access';
import { type Page, cursorPart, decodeCursor, pageOf } from '../common/pagination';
import { Sql } from '../db/sql';

export interface AuditEntry {
  id: string;
  at: Date;
  actor: string;
  action: string;
  target: string;
  reason: string | null;
  data: Record<string, unknown> | null;
  region: string | null;
}

export interface AuditFilter {
  target?: string;
  actor?: string;
  action?: string;
  cursor?: string;
  limit: number;
}

/** Who did what to which order/task/template, when, and why. */
@Injectable()
export class AuditService {
  constructor(@Inject(Sql) private readonly sql: Sql) {}

  /**
   * Records an action. `region` is the region of the order it touched (supervisors of that
   * region see the entry); entries without one (templates, users) are for admins only.
   */
  async record(user: AuthUser, action: string, target: string, reason: string | null, data?: Record<string, unknown>, region?: string | null): Promise<void> {
    await this.sql.query(`INSERT INTO audit_log (actor, action, target, reason, data, region) VALUES ($1, $2, $3, $4, $5, $6)`,
      [user.username, action, target, reason, data ? JSON.stringify(data) : null, region ?? null]);
  }

  /** Newest first; supervisors see the entries of their region only. */
  async list(f: AuditFilter, user: AuthUser): Promise<Page<AuditEntry>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, v: unknown) => { params.push(v); where.push(sql.replace('?', `$${params.length}`)); };
    if (f.target) add('target = ?', f.target);
    if (f.actor) add('actor = ?', f.actor);
    if (f.action) add('action = ?', f.action);
    const region = scopedRegion(user);
    if (region !== null) add('region = ?', region);
    const after = decodeCursor(f.cursor, 1, [cursorPart.bigint]) as [string] | null;
    if (after) add('id < ?::bigint', after[0]);
    params.push(f.limit + 1);
    const rows: AuditEntry[] = await this.sql.query(
      `SELECT id::text AS id, at, actor, action, target, reason, data, region FROM audit_log
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $${params.length}`, params);
    return pageOf(rows, f.limit, (r) => [r.id]);
  }
}

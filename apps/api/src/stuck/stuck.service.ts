import { Inject, Injectable } from '@nestjs/common';
import { parseDuration } from '@orderpath/workflows/definition/duration';
import type { AuthUser } from '../auth/auth.types';
import { effectiveRegion } from '../common/access';
import { APP_CONFIG, type AppConfig } from '../config';
import { type Page, cursorPart, decodeCursor, pageOf } from '../common/pagination';
import { SqlParams } from '../common/sql-params';
import { ACTIVE_STATUSES, type NoProgressPeriod, type StageSla, type StuckReason, stuckBranchesSql } from './stuck-reasons';
import { Sql } from '../db/sql';

export interface StuckItem {
  orderId: string;
  title: string;
  region: string | null;
  stage: string | null;
  value: number;
  reason: StuckReason;
  since: string;
  nodeId: string | null;
  ageMs: number;
  detail: Record<string, unknown>;
}

export interface StuckFilter {
  reason?: StuckReason;
  stage?: string;
  region?: string;
  cursor?: string;
  limit: number;
}

interface StuckRow {
  order_id: string; reason: StuckReason; since: Date; node_id: string | null; detail: Record<string, unknown> | null;
  title: string; region: string | null; stage: string | null; value: string;
}

const CURSOR_CHECKS = [cursorPart.timestamp, cursorPart.number, cursorPart.uuid, cursorPart.text, cursorPart.text];

/** Stuck orders computed from the projection (tasks, incidents, order_waits, orders) on each read. */
@Injectable()
export class StuckService {
  constructor(
    @Inject(Sql) private readonly sql: Sql,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Ranked by age (oldest `since` first), then order value (highest first); keyset-paginated. */
  async list(f: StuckFilter, user: AuthUser): Promise<Page<StuckItem>> {
    const now = new Date();
    const p = new SqlParams();
    const branches = stuckBranchesSql(p, await this.input(now, f.reason ? [f.reason] : undefined));
    const where = [`o.status IN ${ACTIVE_STATUSES}`];
    const region = effectiveRegion(user, f.region);
    if (region !== null) where.push(`o.region = ${p.add(region)}`);
    if (f.stage) where.push(`o.stage = ${p.add(f.stage)}`);
    const after = decodeCursor(f.cursor, 5, CURSOR_CHECKS) as [string, number, string, string, string] | null;
    if (after) {
      where.push(`(s.since, -o.value, s.order_id, s.reason, coalesce(s.node_id, ''))
        > (${p.add(after[0])}::timestamptz, -${p.add(after[1])}::numeric, ${p.add(after[2])}::uuid, ${p.add(after[3])}, ${p.add(after[4])})`);
    }
    const rows: StuckRow[] = await this.sql.query(
      `SELECT s.*, o.title, o.region, o.stage, o.value FROM (${branches}) AS s(order_id, reason, since, node_id, detail)
       JOIN orders o ON o.id = s.order_id
       WHERE ${where.join(' AND ')}
       ORDER BY s.since, o.value DESC, s.order_id, s.reason, coalesce(s.node_id, '')
       LIMIT ${p.add(f.limit + 1)}`, p.values);
    const page = pageOf(rows, f.limit, (r) => [r.since.toISOString(), Number(r.value), r.order_id, r.reason, r.node_id ?? '']);
    return { items: page.items.map((r) => toItem(r, now)), nextCursor: page.nextCursor };
  }

  /** Why one order is stuck (empty when it is not), oldest reason first. */
  async reasonsFor(orderId: string): Promise<Pick<StuckItem, 'reason' | 'since' | 'nodeId' | 'ageMs' | 'detail'>[]> {
    const now = new Date();
    const p = new SqlParams();
    const id = p.add(orderId);
    const branches = stuckBranchesSql(p, { ...(await this.input(now)), orderIdIs: `= ${id}::uuid` });
    const rows: StuckRow[] = await this.sql.query(
      `SELECT s.* FROM (${branches}) AS s(order_id, reason, since, node_id, detail)
       JOIN orders o ON o.id = s.order_id WHERE o.status IN ${ACTIVE_STATUSES}
       ORDER BY s.since, s.reason, coalesce(s.node_id, '')`, p.values);
    return rows.map((r) => {
      const { reason, since, nodeId, ageMs, detail } = toItem(r, now);
      return { reason, since, nodeId, ageMs, detail };
    });
  }

  /** An SQL predicate "the order `idColumn` is stuck" (for `GET /orders?stuck=`), with its params in `p`. */
  async stuckPredicate(p: SqlParams, idColumn: string): Promise<string> {
    const branches = stuckBranchesSql(p, { ...(await this.input(new Date())), orderIdIs: `= ${idColumn}` });
    return `EXISTS (SELECT 1 FROM (${branches}) AS s(order_id, reason, since, node_id, detail))`;
  }

  private async input(now: Date, reasons?: StuckReason[]) {
    const needs = (reason: StuckReason) => !reasons || reasons.includes(reason);
    return {
      now: now.toISOString(), noProgressAfterMs: this.config.noProgressAfterMs, reasons,
      noProgressPeriods: needs('no_progress') ? await this.noProgressPeriods() : [],
      slas: needs('stage_overdue') ? await this.stageSlas() : [],
    };
  }

  /** Template versions with their own `noProgressAfter` (few: most use the configured default). */
  private async noProgressPeriods(): Promise<NoProgressPeriod[]> {
    const rows: { key: string; version: number; period: string }[] = await this.sql.query(
      `SELECT key, version, definition->>'noProgressAfter' AS period FROM template_versions
       WHERE jsonb_typeof(definition->'noProgressAfter') = 'string'`);
    return rows.flatMap((r) => {
      const periodMs = parseDuration(r.period);
      return periodMs === null ? [] : [{ key: r.key, version: r.version, periodMs }];
    });
  }

  /** Stage SLAs of every published version (a handful of rows per template). */
  private async stageSlas(): Promise<StageSla[]> {
    const rows: { key: string; version: number; stage: string; sla: string }[] = await this.sql.query(
      `SELECT v.key, v.version, s->>'id' AS stage, s->>'sla' AS sla
       FROM template_versions v, jsonb_array_elements(CASE WHEN jsonb_typeof(v.definition->'stages') = 'array' THEN v.definition->'stages' ELSE '[]'::jsonb END) AS s
       WHERE jsonb_typeof(s->'sla') = 'string'`);
    return rows.flatMap((r) => {
      const slaMs = parseDuration(r.sla);
      return slaMs === null ? [] : [{ ...r, slaMs }];
    });
  }
}

function toItem(r: StuckRow, now: Date): StuckItem {
  const since = new Date(r.since);
  return {
    orderId: r.order_id, title: r.title, region: r.region, stage: r.stage, value: Number(r.value ?? 0), reason: r.reason,
    since: since.toISOString(), nodeId: r.node_id, ageMs: Math.max(0, now.getTime() - since.getTime()), detail: r.detail ?? {},
  };
}

import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { resolveIncidentUpdate } from '@orderpath/workflows/messages';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/errors';
import { effectiveRegion, isUuid, regionAllows } from '../common/access';
import { type Page, cursorPart, decodeCursor, pageOf } from '../common/pagination';
import { SqlParams } from '../common/sql-params';
import { mapWorkflowError } from '../orders/workflow-errors';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { Sql } from '../db/sql';

export interface IncidentView {
  id: string; orderId: string; orderTitle: string; region: string | null; nodeId: string; iteration: number;
  activity: string; error: string; attempts: number; status: 'open' | 'resolved'; openedAt: Date;
  resolvedAt: Date | null; resolution: string | null; resolvedBy: string | null;
}

export interface IncidentFilter {
  status: 'open' | 'resolved' | 'all';
  orderId?: string;
  region?: string;
  cursor?: string;
  limit: number;
}

export interface Resolution {
  action: 'retry' | 'skip' | 'abort';
  variables?: Record<string, unknown>;
  reason?: string;
}

const SELECT = `SELECT i.id, i.order_id AS "orderId", o.title AS "orderTitle", o.region, i.node_id AS "nodeId", i.iteration,
  i.activity, i.error, i.attempts, i.status, i.opened_at AS "openedAt", i.resolved_at AS "resolvedAt", i.resolution,
  i.resolved_by AS "resolvedBy", o.workflow_id AS "workflowId"
  FROM incidents i JOIN orders o ON o.id = i.order_id`;

@Injectable()
export class IncidentsService {
  constructor(
    @Inject(Sql) private readonly sql: Sql,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** Oldest first (the longest-waiting decision on top); supervisors see their region. */
  async list(f: IncidentFilter, user: AuthUser): Promise<Page<IncidentView>> {
    const p = new SqlParams();
    const where: string[] = [];
    if (f.status !== 'all') where.push(`i.status = ${p.add(f.status)}`);
    if (f.orderId) where.push(`i.order_id = ${p.add(f.orderId)}::uuid`);
    const region = effectiveRegion(user, f.region);
    if (region !== null) where.push(`o.region = ${p.add(region)}`);
    const after = decodeCursor(f.cursor, 2, [cursorPart.timestamp, cursorPart.uuid]) as [string, string] | null;
    if (after) where.push(`(date_trunc('milliseconds', i.opened_at), i.id) > (${p.add(after[0])}::timestamptz, ${p.add(after[1])}::uuid)`);
    const rows: (IncidentView & { workflowId?: string })[] = await this.sql.query(
      `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY date_trunc('milliseconds', i.opened_at), i.id LIMIT ${p.add(f.limit + 1)}`, p.values);
    const page = pageOf(rows, f.limit, (r) => [new Date(r.openedAt).toISOString(), r.id]);
    return { items: page.items.map(({ workflowId: _w, ...i }) => i), nextCursor: page.nextCursor };
  }

  async get(id: string, user: AuthUser): Promise<IncidentView> {
    const { workflowId: _w, ...incident } = await this.find(id, user);
    return incident;
  }

  /** Executes the workflow's `resolveIncident` update (retry, skip or abort) and audits it. */
  async resolve(id: string, r: Resolution, user: AuthUser) {
    const incident = await this.find(id, user);
    if (incident.status !== 'open') throw new ConflictError('incident_not_open', `incident ${id} is already ${incident.status}`);
    await this.temporal.workflow.getHandle(incident.workflowId)
      .executeUpdate(resolveIncidentUpdate, { args: [{ incidentId: id, action: r.action, variables: r.variables, by: user.username }] })
      .catch(mapWorkflowError);
    await this.audit.record(user, 'incident.resolve', `incident:${id}`, r.reason ?? null,
      { orderId: incident.orderId, nodeId: incident.nodeId, action: r.action, variables: r.variables ?? null }, incident.region);
    return { id, orderId: incident.orderId, action: r.action, accepted: true };
  }

  private async find(id: string, user: AuthUser): Promise<IncidentView & { workflowId: string }> {
    const rows = isUuid(id) ? await this.sql.query(`${SELECT} WHERE i.id = $1`, [id]) : [];
    if (!rows[0]) throw new NotFoundError('incident', id);
    if (!regionAllows(user, rows[0].region)) throw new ForbiddenError(`incident ${id} belongs to another region`);
    return rows[0];
  }
}

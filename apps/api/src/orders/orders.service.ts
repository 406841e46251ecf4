import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { OrderEntity } from '@orderpath/activities/db/entities';
import type { Definition } from '@orderpath/workflows/definition/schema';
import { TASK_QUEUE, cancelUpdate, messageSignal, migrateUpdate, stateQuery } from '@orderpath/workflows/messages';
import type { orderWorkflow } from '@orderpath/workflows/order.workflow';
import { NEW_ORDER_PATCHES } from '@orderpath/workflows/order-patches';
import { TemplateKey } from '@orderpath/workflows/search-attributes';
import type { AuthUser } from '../auth/auth.types';
import { effectiveRegion, isUuid } from '../common/access';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../common/errors';
import { type Page, cursorPart, decodeCursor, pageOf } from '../common/pagination';
import { SqlParams } from '../common/sql-params';
import { AuditService } from '../audit/audit.service';
import { StuckService } from '../stuck/stuck.service';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { TemplatesService } from '../templates/templates.service';
import { orderScopeSql } from './order-scope';
import { mapWorkflowError } from './workflow-errors';
import { Sql } from '../db/sql';

export interface CreateOrder {
  templateKey: string;
  templateVersion?: number;
  title: string;
  distributorId?: string;
  region?: string;
  variables?: Record<string, unknown>;
}

export interface OrderFilter {
  status?: string;
  stage?: string;
  stuck?: 'true' | 'false';
  q?: string;
  templateKey?: string;
  region?: string;
  cursor?: string;
  limit: number;
}

export type OrderView = ReturnType<OrdersService['view']>;

/** Postgres' own text form of created_at keeps microseconds, so the list cursor is exact. */
const CREATED_KEY = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d{1,6})?([+-]\d\d(:?\d\d)?|Z)?$/;

@Injectable()
export class OrdersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Sql) private readonly sql: Sql,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(TemplatesService) private readonly templates: TemplatesService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(StuckService) private readonly stuck: StuckService,
  ) {}

  /** Creates the order row, then starts its workflow pinned to the template version. */
  async create(input: CreateOrder, user: AuthUser, idempotencyKey?: string): Promise<{ order: OrderView; created: boolean }> {
    if (idempotencyKey) {
      const existing = await this.ds.getRepository(OrderEntity).findOneBy({ idempotencyKey });
      if (existing) return { order: this.view(existing), created: false };
    }
    // Non-admins start orders in their own region only.
    const region = effectiveRegion(user, input.region) ?? input.region ?? user.region;
    const template = await this.resolveTemplate(input.templateKey, input.templateVersion);
    const id = randomUUID();
    const repo = this.ds.getRepository(OrderEntity);
    await repo.insert({
      id, workflowId: `order-${id}`, templateKey: template.key, templateVersion: template.version!, title: input.title,
      distributorId: input.distributorId ?? null, region, status: 'starting',
      idempotencyKey: idempotencyKey ?? null, createdBy: user.id, lastEventAt: new Date(),
    });
    const order = { id, title: input.title, distributorId: input.distributorId ?? null, region, createdBy: user.username };
    try {
      await this.temporal.workflow.start<typeof orderWorkflow>('orderWorkflow', {
        taskQueue: TASK_QUEUE,
        workflowId: `order-${id}`,
        args: [{ orderId: id, template, variables: input.variables ?? {}, order, patches: NEW_ORDER_PATCHES }],
        typedSearchAttributes: [{ key: TemplateKey, value: template.key }],
      });
    } catch (err) {
      await repo.delete({ id });
      throw err;
    }
    return { order: this.view((await repo.findOneByOrFail({ id }))), created: true };
  }

  /** Newest first, within what the caller may see; `stuck` filters on the five stuck reasons. */
  async list(f: OrderFilter, user: AuthUser): Promise<Page<OrderView>> {
    const p = new SqlParams();
    const where: string[] = [];
    const scope = orderScopeSql(p, user);
    if (scope) where.push(scope);
    if (f.region !== undefined) {
      effectiveRegion(user, f.region);
      where.push(`o.region = ${p.add(f.region)}`);
    }
    if (f.status) where.push(`o.status = ${p.add(f.status)}`);
    if (f.stage) where.push(`o.stage = ${p.add(f.stage)}`);
    if (f.templateKey) where.push(`o.template_key = ${p.add(f.templateKey)}`);
    if (f.q) {
      const like = p.add(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(o.title ILIKE ${like} OR o.distributor_id ILIKE ${like} OR o.id::text = ${p.add(f.q)})`);
    }
    if (f.stuck) {
      const stuck = await this.stuck.stuckPredicate(p, 'o.id');
      where.push(f.stuck === 'true' ? stuck : `NOT ${stuck}`);
    }
    const after = decodeCursor(f.cursor, 2, [(v) => typeof v === 'string' && CREATED_KEY.test(v), cursorPart.uuid]) as [string, string] | null;
    if (after) where.push(`(o.created_at, o.id) < (${p.add(after[0])}::timestamptz, ${p.add(after[1])}::uuid)`);
    const rows: (OrderEntityRow & { created_key: string })[] = await this.sql.query(
      `SELECT o.*, o.created_at::text AS created_key FROM orders o ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY o.created_at DESC, o.id DESC LIMIT ${p.add(f.limit + 1)}`, p.values);
    const page = pageOf(rows, f.limit, (o) => [o.created_key, o.id]);
    return { items: page.items.map((o) => this.view(fromRow(o))), nextCursor: page.nextCursor };
  }

  /** The order with its variables, open tasks and why it is stuck (empty `stuck` when it is not). */
  async get(id: string, user: AuthUser) {
    const o = await this.find(id, user);
    const tasks = await this.sql.query(
      `SELECT id, node_id AS "nodeId", name, status, assignee, role, due_at AS "dueAt", overdue FROM tasks
       WHERE order_id = $1 AND status = 'open' ORDER BY created_at`, [id]);
    const incidents = await this.sql.query(
      `SELECT id, node_id AS "nodeId", activity, error, attempts, opened_at AS "openedAt" FROM incidents
       WHERE order_id = $1 AND status = 'open' ORDER BY opened_at`, [id]);
    return { ...this.view(o), variables: o.variables, stageSince: o.stageSince, openTasks: tasks, openIncidents: incidents, stuck: await this.stuck.reasonsFor(id) };
  }

  async timeline(id: string, user: AuthUser, cursor: string | undefined, limit: number) {
    await this.find(id, user);
    const after = decodeCursor(cursor, 1, [cursorPart.number]) as [number] | null;
    const rows: { seq: number }[] = await this.sql.query(
      `SELECT seq, type, at, node_id AS "nodeId", iteration, data FROM order_events WHERE order_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [id, after?.[0] ?? 0, limit + 1]);
    return pageOf(rows, limit, (e) => [e.seq]);
  }

  /** Live interpreter state straight from the workflow (tokens, waits, incidents). */
  async state(id: string, user: AuthUser) {
    const o = await this.find(id, user);
    return this.temporal.workflow.getHandle(o.workflowId).query(stateQuery).catch(mapWorkflowError);
  }

  async sendMessage(id: string, name: string, m: { payload: unknown; correlation: unknown; reason: string | null }, user: AuthUser) {
    const o = await this.find(id, user);
    await this.temporal.workflow.getHandle(o.workflowId).signal(messageSignal, { name, payload: m.payload, correlation: m.correlation }).catch(mapWorkflowError);
    await this.audit.record(user, 'order.message', `order:${id}`, m.reason, { name, correlation: m.correlation ?? null }, o.region);
    return { delivered: true };
  }

  async cancel(id: string, reason: string, user: AuthUser) {
    const o = await this.find(id, user);
    await this.temporal.workflow.getHandle(o.workflowId).executeUpdate(cancelUpdate, { args: [{ reason, by: user.username }] }).catch(mapWorkflowError);
    await this.audit.record(user, 'order.cancel', `order:${id}`, reason, undefined, o.region);
    return { status: 'cancelled' };
  }

  async migrate(id: string, toVersion: number, nodeMapping: Record<string, string>, reason: string | null, user: AuthUser) {
    const o = await this.find(id, user);
    const template = await this.templates.version(o.templateKey, toVersion);
    await this.temporal.workflow.getHandle(o.workflowId)
      .executeUpdate(migrateUpdate, { args: [{ template, nodeMapping, by: user.username }] }).catch(mapWorkflowError);
    await this.sql.query(`UPDATE orders SET template_version = $2 WHERE id = $1`, [id, toVersion]);
    await this.audit.record(user, 'order.migrate', `order:${id}`, reason, { from: o.templateVersion, to: toVersion, nodeMapping }, o.region);
    return { templateVersion: toVersion };
  }

  /** The order if it exists (404) and the caller may see it (403). */
  async find(id: string, user: AuthUser): Promise<OrderEntity> {
    const o = isUuid(id) ? await this.ds.getRepository(OrderEntity).findOneBy({ id }) : null;
    if (!o) throw new NotFoundError('order', id);
    const p = new SqlParams();
    const scope = orderScopeSql(p, user);
    if (scope) {
      const visible: unknown[] = await this.sql.query(`SELECT 1 FROM orders o WHERE o.id = ${p.add(id)}::uuid AND ${scope}`, p.values);
      if (!visible.length) throw new ForbiddenError(`order ${id} is not one you may see (other region, or not an order you work on)`);
    }
    return o;
  }

  view(o: OrderEntity) {
    return {
      id: o.id, title: o.title, templateKey: o.templateKey, templateVersion: o.templateVersion, status: o.status,
      stage: o.stage, activeNodes: o.activeNodes, distributorId: o.distributorId, region: o.region,
      value: Number(o.value), workflowId: o.workflowId, createdAt: o.createdAt, lastEventAt: o.lastEventAt, endedAt: o.endedAt,
    };
  }

  private async resolveTemplate(key: string, version?: number): Promise<Definition> {
    if (version !== undefined) return this.templates.version(key, version);
    const latest = await this.templates.latestVersion(key);
    if (latest) return latest;
    const draftOnly = await this.sql.query(`SELECT 1 FROM templates WHERE key = $1`, [key]);
    if (draftOnly.length) throw new UnprocessableError('template_not_published', `template ${key} has no published version; publish it first`);
    throw new NotFoundError('template', key);
  }
}

interface OrderEntityRow {
  id: string; workflow_id: string; template_key: string; template_version: number; title: string; distributor_id: string | null;
  region: string | null; value: string; status: string; stage: string | null; active_nodes: string[]; variables: Record<string, unknown>;
  last_seq: number; last_event_at: Date; stage_since: Date | null; idempotency_key: string | null; created_by: string | null;
  created_at: Date; ended_at: Date | null;
}

function fromRow(r: OrderEntityRow): OrderEntity {
  return Object.assign(new OrderEntity(), {
    id: r.id, workflowId: r.workflow_id, templateKey: r.template_key, templateVersion: r.template_version, title: r.title,
    distributorId: r.distributor_id, region: r.region, value: r.value, status: r.status, stage: r.stage, activeNodes: r.active_nodes,
    variables: r.variables, lastSeq: r.last_seq, lastEventAt: r.last_event_at, stageSince: r.stage_since,
    idempotencyKey: r.idempotency_key, createdBy: r.created_by, createdAt: r.created_at, endedAt: r.ended_at,
  });
}

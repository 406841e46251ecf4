import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { OrderEntity } from '@orderpath/activities/db/entities';
import type { Definition } from '@orderpath/workflows/definition/schema';
import { TASK_QUEUE, cancelUpdate, messageSignal, migrateUpdate, stateQuery } from '@orderpath/workflows/messages';
import type { orderWorkflow } from '@orderpath/workflows/order.workflow';
import { TemplateKey } from '@orderpath/workflows/search-attributes';
import type { AuthUser } from '../auth/auth.types';
import { NotFoundError, UnprocessableError } from '../common/errors';
import { type Page, decodeCursor, pageOf } from '../common/pagination';
import { AuditService } from '../audit/audit.service';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { TemplatesService } from '../templates/templates.service';
import { mapWorkflowError } from './workflow-errors';

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
  q?: string;
  cursor?: string;
  limit: number;
}

@Injectable()
export class OrdersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(TemplatesService) private readonly templates: TemplatesService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** Creates the order row, then starts its workflow pinned to the template version. */
  async create(input: CreateOrder, user: AuthUser, idempotencyKey?: string): Promise<{ order: ReturnType<OrdersService['view']>; created: boolean }> {
    if (idempotencyKey) {
      const existing = await this.ds.getRepository(OrderEntity).findOneBy({ idempotencyKey });
      if (existing) return { order: this.view(existing), created: false };
    }
    const template = await this.resolveTemplate(input.templateKey, input.templateVersion);
    const id = randomUUID();
    const repo = this.ds.getRepository(OrderEntity);
    await repo.insert({
      id, workflowId: `order-${id}`, templateKey: template.key, templateVersion: template.version!, title: input.title,
      distributorId: input.distributorId ?? null, region: input.region ?? user.region, status: 'starting',
      idempotencyKey: idempotencyKey ?? null, createdBy: user.id, lastEventAt: new Date(),
    });
    const order = { id, title: input.title, distributorId: input.distributorId ?? null, region: input.region ?? user.region, createdBy: user.username };
    try {
      await this.temporal.workflow.start<typeof orderWorkflow>('orderWorkflow', {
        taskQueue: TASK_QUEUE,
        workflowId: `order-${id}`,
        args: [{ orderId: id, template, variables: input.variables ?? {}, order }],
        typedSearchAttributes: [{ key: TemplateKey, value: template.key }],
      });
    } catch (err) {
      await repo.delete({ id });
      throw err;
    }
    return { order: this.view((await repo.findOneByOrFail({ id }))), created: true };
  }

  async list(f: OrderFilter): Promise<Page<ReturnType<OrdersService['view']>>> {
    const after = decodeCursor(f.cursor, 2) as [string, string] | null;
    const qb = this.ds.getRepository(OrderEntity).createQueryBuilder('o').orderBy('o.created_at', 'DESC').addOrderBy('o.id', 'DESC').limit(f.limit + 1);
    if (f.status) qb.andWhere('o.status = :status', { status: f.status });
    if (f.stage) qb.andWhere('o.stage = :stage', { stage: f.stage });
    if (f.q) qb.andWhere('o.title ILIKE :q', { q: `%${f.q.replace(/[%_]/g, '\\$&')}%` });
    if (after) qb.andWhere('(o.created_at, o.id) < (:at, :id)', { at: after[0], id: after[1] });
    const rows = await qb.getMany();
    const page = pageOf(rows, f.limit, (o) => [o.createdAt.toISOString(), o.id]);
    return { items: page.items.map((o) => this.view(o)), nextCursor: page.nextCursor };
  }

  async get(id: string) {
    const o = await this.find(id);
    const tasks = await this.ds.query(`SELECT id, node_id AS "nodeId", name, status, assignee, role, due_at AS "dueAt" FROM tasks WHERE order_id = $1 AND status = 'open' ORDER BY created_at`, [id]);
    return { ...this.view(o), variables: o.variables, openTasks: tasks };
  }

  async timeline(id: string) {
    await this.find(id);
    const items = await this.ds.query(
      `SELECT seq, type, at, node_id AS "nodeId", iteration, data FROM order_events WHERE order_id = $1 ORDER BY seq`, [id]);
    return { items, nextCursor: null };
  }

  /** Live interpreter state straight from the workflow (tokens, waits, incidents). */
  async state(id: string) {
    const o = await this.find(id);
    return this.temporal.workflow.getHandle(o.workflowId).query(stateQuery).catch(mapWorkflowError);
  }

  async sendMessage(id: string, name: string, payload: unknown, correlation: unknown, user: AuthUser) {
    const o = await this.find(id);
    await this.temporal.workflow.getHandle(o.workflowId).signal(messageSignal, { name, payload, correlation }).catch(mapWorkflowError);
    await this.audit.record(user, 'order.message', `order:${id}`, null, { name });
    return { delivered: true };
  }

  async cancel(id: string, reason: string, user: AuthUser) {
    const o = await this.find(id);
    await this.temporal.workflow.getHandle(o.workflowId).executeUpdate(cancelUpdate, { args: [{ reason, by: user.username }] }).catch(mapWorkflowError);
    await this.audit.record(user, 'order.cancel', `order:${id}`, reason);
    return { status: 'cancelled' };
  }

  async migrate(id: string, toVersion: number, nodeMapping: Record<string, string>, reason: string | null, user: AuthUser) {
    const o = await this.find(id);
    const template = await this.templates.version(o.templateKey, toVersion);
    await this.temporal.workflow.getHandle(o.workflowId)
      .executeUpdate(migrateUpdate, { args: [{ template, nodeMapping, by: user.username }] }).catch(mapWorkflowError);
    await this.ds.query(`UPDATE orders SET template_version = $2 WHERE id = $1`, [id, toVersion]);
    await this.audit.record(user, 'order.migrate', `order:${id}`, reason, { from: o.templateVersion, to: toVersion, nodeMapping });
    return { templateVersion: toVersion };
  }

  async find(id: string): Promise<OrderEntity> {
    const o = /^[0-9a-f-]{36}$/i.test(id) ? await this.ds.getRepository(OrderEntity).findOneBy({ id }) : null;
    if (!o) throw new NotFoundError('order', id);
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
    const draftOnly = await this.ds.query(`SELECT 1 FROM templates WHERE key = $1`, [key]);
    if (draftOnly.length) throw new UnprocessableError('template_not_published', `template ${key} has no published version; publish it first`);
    throw new NotFoundError('template', key);
  }
}

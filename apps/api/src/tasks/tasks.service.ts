import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { completeTaskUpdate } from '@orderpath/workflows/messages';
import type { AuthUser } from '../auth/auth.types';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/errors';
import { type Page, decodeCursor, pageOf } from '../common/pagination';
import { AuditService } from '../audit/audit.service';
import { mapWorkflowError } from '../orders/workflow-errors';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';

export interface TaskFilter {
  assignee?: string;
  status: string;
  role?: string;
  orderId?: string;
  cursor?: string;
  limit: number;
}

interface TaskRow {
  id: string; orderId: string; nodeId: string; iteration: number; name: string; role: string; assignee: string | null;
  stage: string | null; category: string | null; status: string; dueAt: Date | null; overdue: boolean; createdAt: Date;
  orderTitle: string; region: string | null; workflowId: string;
}

const SELECT = `SELECT t.id, t.order_id AS "orderId", t.node_id AS "nodeId", t.iteration, t.name, t.role, t.assignee, t.stage,
  t.category, t.status, t.due_at AS "dueAt", t.overdue, t.created_at AS "createdAt", o.title AS "orderTitle", o.region,
  o.workflow_id AS "workflowId"
  FROM tasks t JOIN orders o ON o.id = t.order_id`;
const FAR_FUTURE = '9999-12-31T00:00:00.000Z';

@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** The inbox: earliest due first (no due date last), keyset-paginated on (due, id). */
  async list(f: TaskFilter, user: AuthUser): Promise<Page<Omit<TaskRow, 'workflowId'>>> {
    const where: string[] = ['t.status = $1'];
    const params: unknown[] = [f.status];
    const add = (sql: string, v: unknown) => { params.push(v); where.push(sql.replace('?', `$${params.length}`)); };
    if (f.assignee) add('t.assignee = ?', f.assignee === 'me' ? user.username : f.assignee);
    if (f.role) add('t.role = ?', f.role);
    if (f.orderId) add('t.order_id = ?', f.orderId);
    if (!isManager(user)) {
      // Reps see their own tasks and their roles' unassigned queue.
      params.push(user.username, user.roles);
      where.push(`(t.assignee = $${params.length - 1} OR (t.assignee IS NULL AND t.role = ANY($${params.length})))`);
    } else if (!user.roles.includes('admin') && user.region) {
      add('o.region = ?', user.region);
    }
    const after = decodeCursor(f.cursor, 2) as [string, string] | null;
    if (after) {
      params.push(after[0], after[1]);
      where.push(`(coalesce(t.due_at, '${FAR_FUTURE}'), t.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(f.limit + 1);
    const rows: TaskRow[] = await this.ds.query(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY coalesce(t.due_at, '${FAR_FUTURE}'), t.id LIMIT $${params.length}`, params);
    const page = pageOf(rows, f.limit, (t) => [(t.dueAt ?? new Date(FAR_FUTURE)).toISOString(), t.id]);
    return { items: page.items.map(({ workflowId: _w, ...t }) => t), nextCursor: page.nextCursor };
  }

  async get(id: string, user: AuthUser) {
    const t = await this.find(id);
    this.assertCanSee(t, user);
    const [full] = await this.ds.query(`SELECT form, prefill, data, completed_at AS "completedAt", completed_by AS "completedBy" FROM tasks WHERE id = $1`, [id]);
    const [order] = await this.ds.query(`SELECT id, title, status, stage, template_key AS "templateKey", template_version AS "templateVersion", value, variables FROM orders WHERE id = $1`, [t.orderId]);
    const { workflowId: _w, ...task } = t;
    return { ...task, ...full, order: { ...order, value: Number(order.value) } };
  }

  /** Completes the task through the workflow's `completeTask` update: the workflow is the judge. */
  async complete(id: string, data: Record<string, unknown>, user: AuthUser) {
    const t = await this.find(id);
    this.assertCanWork(t, user);
    if (t.status !== 'open') throw new ConflictError('task_not_open', `task ${id} is already ${t.status}`);
    await this.temporal.workflow.getHandle(t.workflowId)
      .executeUpdate(completeTaskUpdate, { args: [{ taskId: id, data, by: user.username }] })
      .catch(mapWorkflowError);
    return { id, status: 'completed' };
  }

  async claim(id: string, user: AuthUser) {
    const t = await this.find(id);
    this.assertCanWork(t, user);
    // TypeORM returns [rows, affectedCount] for UPDATE … RETURNING on PostgreSQL.
    const [rows]: [unknown[], number] = await this.ds.query(
      `UPDATE tasks SET assignee = $2 WHERE id = $1 AND status = 'open' AND (assignee IS NULL OR assignee = $2) RETURNING id`, [id, user.username]);
    if (!rows.length) throw new ConflictError('task_not_claimable', `task ${id} is closed or assigned to someone else`);
    return this.get(id, user);
  }

  async release(id: string, user: AuthUser) {
    const t = await this.find(id);
    if (t.assignee !== user.username && !isManager(user)) throw new ForbiddenError('only the assignee or a supervisor can release this task');
    await this.ds.query(`UPDATE tasks SET assignee = NULL WHERE id = $1 AND status = 'open'`, [id]);
    return this.get(id, user);
  }

  async reassign(id: string, username: string, reason: string | null, user: AuthUser) {
    const t = await this.find(id);
    if (t.status !== 'open') throw new ConflictError('task_not_open', `task ${id} is already ${t.status}`);
    const [target] = await this.ds.query(`SELECT username FROM users WHERE username = $1 OR id::text = $1`, [username]);
    if (!target) throw new NotFoundError('user', username);
    await this.ds.query(`UPDATE tasks SET assignee = $2 WHERE id = $1`, [id, target.username]);
    await this.audit.record(user, 'task.reassign', `task:${id}`, reason, { from: t.assignee, to: target.username });
    return this.get(id, user);
  }

  private async find(id: string): Promise<TaskRow> {
    const rows: TaskRow[] = /^[0-9a-f-]{36}$/i.test(id) ? await this.ds.query(`${SELECT} WHERE t.id = $1`, [id]) : [];
    if (!rows[0]) throw new NotFoundError('task', id);
    return rows[0];
  }

  private assertCanSee(t: TaskRow, user: AuthUser): void {
    if (isManager(user)) return;
    if (t.assignee === user.username || (t.assignee === null && user.roles.includes(t.role as never))) return;
    throw new ForbiddenError(`task ${t.id} is not yours`);
  }

  private assertCanWork(t: TaskRow, user: AuthUser): void {
    if (user.roles.includes('admin')) return;
    if (t.assignee === user.username) return;
    if (t.assignee === null && user.roles.includes(t.role as never)) return;
    throw new ForbiddenError(`task ${t.id} is assigned to ${t.assignee ?? `the ${t.role} queue`}, not to you`);
  }
}

function isManager(user: AuthUser): boolean {
  return user.roles.includes('admin') || user.roles.includes('supervisor');
}

import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { completeTaskUpdate } from '@orderpath/workflows/messages';
import type { AuthUser } from '../auth/auth.types';
import { isAdmin, isManager, isUuid, regionAllows, scopedRegion } from '../common/access';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/errors';
import { type Page, cursorPart, decodeCursor, pageOf } from '../common/pagination';
import { SqlParams } from '../common/sql-params';
import { AuditService } from '../audit/audit.service';
import { Sql } from '../db/sql';
import { isRefusal, mapWorkflowError } from '../orders/workflow-errors';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';

/** Completions refused as task_not_open while the row is open are retried (100, 200, … 1,600 ms). */
const CATCH_UP_ATTEMPTS = 6;
const CATCH_UP_DELAY_MS = 100;

export interface TaskFilter {
  assignee?: string;
  status: string;
  role?: string;
  orderId?: string;
  cursor?: string;
  limit: number;
}

/** A task as the inbox lists it; timestamps as ISO 8601 UTC strings (what `Date#toJSON` gives). */
type InboxTask = {
  id: string; orderId: string; nodeId: string; iteration: number; name: string; role: string; assignee: string | null;
  stage: string | null; category: string | null; status: string; dueAt: string | null; overdue: boolean; createdAt: string;
  orderTitle: string; region: string | null;
};
type TaskRow = InboxTask & { workflowId: string };

export interface TaskComment {
  id: string;
  taskId: string;
  author: string;
  text: string;
  createdAt: Date;
}

/**
 * Timestamps are formatted by PostgreSQL exactly as `Date#toJSON` would (UTC, milliseconds
 * truncated): the inbox answers 100 of them per page, and parsing each into a Date only to print it
 * again was a fifth of the API's allocations and a tenth of its CPU per request (inbox benchmark).
 */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const TASK_COLUMNS = `t.id, t.order_id AS "orderId", t.node_id AS "nodeId", t.iteration, t.name, t.role, t.assignee, t.stage,
  t.category, t.status, ${iso('t.due_at')} AS "dueAt", t.overdue, ${iso('t.created_at')} AS "createdAt", o.title AS "orderTitle", o.region`;
const FROM = 'FROM tasks t JOIN orders o ON o.id = t.order_id';
const LIST = `SELECT ${TASK_COLUMNS} ${FROM}`;
const SELECT = `SELECT ${TASK_COLUMNS}, o.workflow_id AS "workflowId" ${FROM}`;
const FAR_FUTURE = '9999-12-31T00:00:00.000Z';

/**
 * The inbox and task actions. Reps see and work their own tasks and, in their region, the open
 * tasks of their roles' queue; supervisors every task of their region; admins everything.
 */
@Injectable()
export class TasksService {
  constructor(
    @Inject(Sql) private readonly sql: Sql,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** The inbox: earliest due first (no due date last), keyset-paginated on (due, id). */
  async list(f: TaskFilter, user: AuthUser): Promise<Page<InboxTask>> {
    const p = new SqlParams();
    const where: string[] = [`t.status = ${p.add(f.status)}`];
    const assignee = f.assignee === 'me' ? user.username : f.assignee;
    if (assignee) where.push(`t.assignee = ${p.add(assignee)}`);
    if (f.role) where.push(`t.role = ${p.add(f.role)}`);
    if (f.orderId) where.push(`t.order_id = ${p.add(f.orderId)}::uuid`);
    const visible = visibleTo(p, user, assignee);
    if (visible) where.push(visible);
    const after = decodeCursor(f.cursor, 2, [cursorPart.timestamp, cursorPart.uuid]) as [string, string] | null;
    if (after) where.push(afterTask(p, after[0] === FAR_FUTURE ? null : after[0], after[1]));
    // `due_at NULLS LAST, id` is the order of the inbox indexes (assignee|role, due_at, id).
    const rows: InboxTask[] = await this.sql.query(
      `${LIST} WHERE ${where.join(' AND ')} ORDER BY t.due_at ASC NULLS LAST, t.id LIMIT ${p.add(f.limit + 1)}`, p.values);
    return pageOf(rows, f.limit, (t) => [t.dueAt ?? FAR_FUTURE, t.id]);
  }

  /** The task with its form, prefilled data, order summary and comments. */
  async get(id: string, user: AuthUser) {
    const t = await this.find(id);
    this.assertCanSee(t, user);
    return this.detail(t);
  }

  /** Completes the task through the workflow's `completeTask` update: the workflow is the judge. */
  async complete(id: string, data: Record<string, unknown>, user: AuthUser) {
    const t = await this.find(id);
    this.assertCanWork(t, user);
    if (t.status !== 'open') throw new ConflictError('task_not_open', `task ${id} is already ${t.status}`);
    const handle = this.temporal.workflow.getHandle(t.workflowId);
    for (let attempt = 1; ; attempt += 1) {
      try {
        await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: id, data, by: user.username }] });
        return { id, status: 'completed' };
      } catch (err) {
        // The row is written by the workflow's local activity, so it can be visible while the
        // workflow task that wrote it is lost (a worker crash) and the order is still catching up:
        // its refusal then only means "not yet". A refused update changes nothing, so ask again
        // while the row stays open; a completion that really lost closes the row and gets the 409.
        if (attempt >= CATCH_UP_ATTEMPTS || !isRefusal(err, 'task_not_open') || (await this.find(id)).status !== 'open') mapWorkflowError(err);
        await new Promise((resolve) => setTimeout(resolve, CATCH_UP_DELAY_MS * 2 ** (attempt - 1)));
      }
    }
  }

  async claim(id: string, user: AuthUser) {
    const t = await this.find(id);
    this.assertCanWork(t, user);
    const rows = await this.sql.query(
      `UPDATE tasks SET assignee = $2, claimed_at = CASE WHEN assignee IS NULL THEN now() ELSE claimed_at END
       WHERE id = $1 AND status = 'open' AND (assignee IS NULL OR assignee = $2) RETURNING id`, [id, user.username]);
    if (!rows.length) throw new ConflictError('task_not_claimable', `task ${id} is closed or assigned to someone else`);
    return this.get(id, user);
  }

  async release(id: string, user: AuthUser) {
    const t = await this.find(id);
    const manages = isManager(user) && regionAllows(user, t.region);
    if (t.assignee !== user.username && !manages) throw new ForbiddenError('only the assignee or a supervisor of the region can release this task');
    await this.sql.query(`UPDATE tasks SET assignee = NULL, claimed_at = NULL WHERE id = $1 AND status = 'open'`, [id]);
    if (t.assignee !== user.username) await this.audit.record(user, 'task.release', `task:${id}`, null, { from: t.assignee, orderId: t.orderId }, t.region);
    return this.detail(await this.find(id));
  }

  async reassign(id: string, username: string, reason: string | null, user: AuthUser) {
    const t = await this.find(id);
    if (!regionAllows(user, t.region)) throw new ForbiddenError(`task ${id} belongs to another region`);
    if (t.status !== 'open') throw new ConflictError('task_not_open', `task ${id} is already ${t.status}`);
    const [target] = await this.sql.query(`SELECT username FROM users WHERE username = $1 OR id::text = $1`, [username]);
    if (!target) throw new NotFoundError('user', username);
    await this.sql.query(`UPDATE tasks SET assignee = $2, claimed_at = now() WHERE id = $1`, [id, target.username]);
    await this.audit.record(user, 'task.reassign', `task:${id}`, reason, { from: t.assignee, to: target.username, orderId: t.orderId }, t.region);
    return this.get(id, user);
  }

  /** Adds a comment; anyone who may see the task may comment on it, open or closed. */
  async comment(id: string, text: string, user: AuthUser): Promise<TaskComment> {
    const t = await this.find(id);
    this.assertCanSee(t, user);
    const [row]: TaskComment[] = await this.sql.query(
      `INSERT INTO task_comments (task_id, author, text) VALUES ($1, $2, $3)
       RETURNING id, task_id AS "taskId", author, text, created_at AS "createdAt"`, [id, user.username, text]);
    return row;
  }

  private async detail(t: TaskRow) {
    const [full] = await this.sql.query(
      `SELECT form, prefill, data, completed_at AS "completedAt", completed_by AS "completedBy", claimed_at AS "claimedAt" FROM tasks WHERE id = $1`, [t.id]);
    const [order] = await this.sql.query(
      `SELECT id, title, status, stage, region, template_key AS "templateKey", template_version AS "templateVersion", value, variables FROM orders WHERE id = $1`,
      [t.orderId]);
    const comments: TaskComment[] = await this.sql.query(
      `SELECT id, task_id AS "taskId", author, text, created_at AS "createdAt" FROM task_comments WHERE task_id = $1 ORDER BY created_at, id LIMIT 500`, [t.id]);
    const { workflowId: _w, ...task } = t;
    return { ...task, ...full, order: { ...order, value: Number(order.value) }, comments };
  }

  private async find(id: string): Promise<TaskRow> {
    const rows: TaskRow[] = isUuid(id) ? await this.sql.query(`${SELECT} WHERE t.id = $1`, [id]) : [];
    if (!rows[0]) throw new NotFoundError('task', id);
    return rows[0];
  }

  private assertCanSee(t: TaskRow, user: AuthUser): void {
    if (isManager(user) && regionAllows(user, t.region)) return;
    if (isOwnOrQueue(t, user)) return;
    throw new ForbiddenError(`task ${t.id} is not yours (assigned to ${t.assignee ?? `the ${t.role} queue`}${t.region ? ` in region ${t.region}` : ''})`);
  }

  private assertCanWork(t: TaskRow, user: AuthUser): void {
    if (isAdmin(user) || isOwnOrQueue(t, user)) return;
    throw new ForbiddenError(`task ${t.id} is assigned to ${t.assignee ?? `the ${t.role} queue${t.region ? ` of region ${t.region}` : ''}`}, not to you`);
  }
}

/** Keyset condition "after (due, id)" in `due_at NULLS LAST, id` order, written so the index can serve it. */
function afterTask(p: SqlParams, due: string | null, id: string): string {
  const idRef = `${p.add(id)}::uuid`;
  if (due === null) return `(t.due_at IS NULL AND t.id > ${idRef})`;
  const dueRef = `${p.add(due)}::timestamptz`;
  return `(t.due_at > ${dueRef} OR (t.due_at = ${dueRef} AND t.id > ${idRef}) OR t.due_at IS NULL)`;
}

/**
 * The inbox rows the caller may see, as a condition (null: no restriction): managers their region,
 * reps their own tasks and, in their region, their roles' queue. A rep's filter on their own tasks
 * already implies it: repeating `assignee = me` inside the OR made PostgreSQL bitmap-scan, join and
 * sort all ~300 open tasks of the rep for every page (~6 ms) instead of reading the first page in
 * index order (~0.2 ms; measured by the inbox benchmark).
 */
function visibleTo(p: SqlParams, user: AuthUser, assignee: string | undefined): string | null {
  const region = scopedRegion(user);
  if (isManager(user)) return region === null ? null : `o.region = ${p.add(region)}`;
  if (assignee === user.username) return null;
  const queueRegion = region === null ? '' : ` AND o.region = ${p.add(region)}`;
  return `(t.assignee = ${p.add(user.username)} OR (t.assignee IS NULL AND t.role = ANY(${p.add(user.roles)})${queueRegion}))`;
}

/** Assigned to the user, or unassigned in one of their roles' queues within their region. */
function isOwnOrQueue(t: TaskRow, user: AuthUser): boolean {
  if (t.assignee === user.username) return true;
  return t.assignee === null && user.roles.includes(t.role as never) && regionAllows(user, t.region);
}

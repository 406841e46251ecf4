/**
 * userTask: create the task row, wait for its completion (Update completeTask), racing the
 * `dueIn` timer. Overdue with `escalate` (the default) marks the task and keeps waiting;
 * overdue with an edge id cancels the task and leaves on that edge.
 */
import { evaluate } from '../../definition/expressions';
import { defaultFormValues } from '../../definition/form';
import type { NodeOf } from '../../definition/schema';
import { MissingEdgeError } from '../errors';
import type { ProcessContext, WaitOptions } from '../process-context';
import { durationMs, parseIso, toIso } from '../time';
import type { NodeOutcome, TaskRecord, Token, TokenWait, WaitOf } from '../types';

export async function runUserTask(ctx: ProcessContext, token: Token, resume?: TokenWait): Promise<NodeOutcome> {
  let wait: WaitOf<'task'>;
  let created = false;
  if (resume?.kind === 'task') {
    wait = resume;
  } else {
    wait = await createTask(ctx, token, ctx.graph.nodeOf(token.nodeId, 'userTask'));
    created = true;
  }
  const task = ctx.tasks.get(wait.taskId) ?? adoptTask(ctx, token, wait.taskId);
  const overdueEdge = await awaitTask(ctx, token, task, wait, created);
  if (overdueEdge) return [overdueEdge];

  ctx.tasks.delete(task.id);
  Object.assign(ctx.vars, task.data);
  ctx.emit('task_completed', { nodeId: token.nodeId, iteration: token.iteration, data: { taskId: task.id, by: task.by ?? null } });
  // The node is read again: a migration may have moved the token meanwhile.
  const node = ctx.graph.nodeOf(token.nodeId, 'userTask');
  return ctx.graph.normalOutgoing(node);
}

async function createTask(ctx: ProcessContext, token: Token, node: NodeOf<'userTask'>): Promise<WaitOf<'task'>> {
  const scope = ctx.scope();
  const fields = node.form?.fields ?? [];
  const assigned = node.assignee ? evaluate(node.assignee, scope) : null;
  const assignee = assigned === null || assigned === undefined || assigned === '' ? null : String(assigned);
  const dueAt = dueAtOf(node, ctx.ports.now());
  // Registered as open before the row exists: the row is what the API checks before it sends
  // a completion, so no completion can reach the workflow for a task it does not know yet.
  const taskId = ctx.ports.taskId(node.id, token.iteration);
  ctx.tasks.set(taskId, { id: taskId, tokenId: token.id, state: 'open' });
  await ctx.ports.createTask({
    id: taskId, orderId: ctx.orderId, nodeId: node.id, iteration: token.iteration, name: node.name ?? node.id, role: node.role, assignee,
    stage: node.stage ?? ctx.stage, category: node.category ?? null, dueAt, form: node.form ?? null, prefill: defaultFormValues(fields, scope),
  });
  return { kind: 'task', taskId, dueAt };
}

/**
 * Waits for the completion while the due timer runs. Returns the overdue edge to take when the
 * interrupting policy fired, otherwise undefined once the task is completed.
 *
 * The deadline wait loops: an escalation goes on waiting (now without deadline), and a migration
 * wakes it so the deadline is re-derived from the node the token moved to. The wait is set on the
 * token before each event, so the projection says "waiting" (not "running") while it waits.
 */
async function awaitTask(ctx: ProcessContext, token: Token, task: TaskRecord, first: WaitOf<'task'>, created: boolean) {
  let wait = first;
  let event: WaitOptions['event'] = created ? { type: 'task_created', data: { taskId: task.id, dueAt: wait.dueAt } } : undefined;
  while (task.state === 'open') {
    const epoch = ctx.migrations;
    const timeoutMs = wait.dueAt !== null && !wait.overdue ? parseIso(wait.dueAt) - ctx.ports.now() : undefined;
    const settled = await ctx.waitFor(token, wait, { until: () => task.state !== 'open' || ctx.migrations !== epoch, timeoutMs, event });
    event = undefined;
    if (ctx.migrations !== epoch) {
      wait = { ...wait, dueAt: wait.overdue ? wait.dueAt : dueAtOf(ctx.graph.nodeOf(token.nodeId, 'userTask'), parseIso(token.since)) };
    } else if (!settled && task.state === 'open') {
      const edge = await onOverdue(ctx, token, task);
      if (edge) return edge;
      wait = { ...wait, overdue: true };
      event = { type: 'task_overdue', data: { taskId: task.id } };
    }
  }
  // A completion may still be closing the row: the token moves on once it is closed.
  await ctx.waitFor(token, wait, { until: () => task.state === 'completed', event });
  return undefined;
}

/** The due date of a task entered at `enteredAt` on `node`, or null without dueIn. */
function dueAtOf(node: NodeOf<'userTask'>, enteredAt: number): string | null {
  return node.dueIn ? toIso(enteredAt + durationMs(node.dueIn, `dueIn of ${node.id}`)) : null;
}

async function onOverdue(ctx: ProcessContext, token: Token, task: TaskRecord) {
  const node = ctx.graph.nodeOf(token.nodeId, 'userTask');
  const at = { nodeId: node.id, iteration: token.iteration };
  const policy = node.onOverdue ?? 'escalate';
  if (policy === 'escalate') {
    // The task_overdue event follows in awaitTask, once the token shows its wait again.
    await ctx.ports.markTaskOverdue(task.id);
    return undefined;
  }
  const edge = ctx.graph.outgoing(node.id).find((candidate) => candidate.id === policy);
  if (!edge) throw new MissingEdgeError(node.id, policy);
  // Closed synchronously: a completion arriving from now on is refused as task_not_open.
  task.state = 'cancelled';
  ctx.tasks.delete(task.id);
  await ctx.ports.closeTask(task.id, { status: 'cancelled', by: null });
  ctx.emit('task_cancelled', { ...at, data: { taskId: task.id, reason: 'overdue', edgeId: edge.id } });
  return edge;
}

/** A token resumed from a snapshot waits on a task this runtime has not created. */
function adoptTask(ctx: ProcessContext, token: Token, taskId: string): TaskRecord {
  const task: TaskRecord = { id: taskId, tokenId: token.id, state: 'open' };
  ctx.tasks.set(taskId, task);
  return task;
}

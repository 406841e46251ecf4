/**
 * userTask: create the task row, wait for its completion (Update completeTask), racing the
 * `dueIn` timer. Overdue with `escalate` (the default) marks the task and keeps waiting;
 * overdue with an edge id cancels the task and leaves on that edge.
 */
import { evaluate } from '../../definition/expressions';
import { defaultFormValues } from '../../definition/form';
import type { Edge, NodeOf } from '../../definition/schema';
import { MissingEdgeError } from '../errors';
import { PATCHES } from '../ports';
import type { ProcessContext, WaitOptions } from '../process-context';
import { durationMs, parseIso, toIso } from '../time';
import type { NodeOutcome, TaskRecord, Token, TokenWait, WaitOf } from '../types';

export async function runUserTask(ctx: ProcessContext, token: Token, resume?: TokenWait): Promise<NodeOutcome> {
  let wait: WaitOf<'task'>;
  let created: Created | undefined;
  if (resume?.kind === 'task') {
    wait = resume;
  } else {
    created = await createTask(ctx, token, ctx.graph.nodeOf(token.nodeId, 'userTask'));
    wait = created.wait;
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

/** A task this fiber just registered; `row` is its row still being written (PATCHES.taskRowsAlongside). */
interface Created {
  wait: WaitOf<'task'>;
  row?: Promise<unknown>;
}

async function createTask(ctx: ProcessContext, token: Token, node: NodeOf<'userTask'>): Promise<Created> {
  const scope = ctx.scope();
  const fields = node.form?.fields ?? [];
  const assigned = node.assignee ? evaluate(node.assignee, scope) : null;
  const assignee = assigned === null || assigned === undefined || assigned === '' ? null : String(assigned);
  const dueAt = dueAtOf(node, ctx.ports.now());
  // Registered as open before the row exists: the row is what the API checks before it sends
  // a completion, so no completion can reach the workflow for a task it does not know yet.
  const taskId = ctx.ports.taskId(node.id, token.iteration);
  ctx.tasks.set(taskId, { id: taskId, tokenId: token.id, state: 'open' });
  // The row and the wait's events are written side by side; before the patch, one after the other.
  const alongside = ctx.ports.patched?.(PATCHES.taskRowsAlongside) ?? true;
  const row = ctx.ports.createTask({
    id: taskId, orderId: ctx.orderId, nodeId: node.id, iteration: token.iteration, name: node.name ?? node.id, role: node.role, assignee,
    stage: node.stage ?? ctx.stage, category: node.category ?? null, dueAt, form: node.form ?? null, prefill: defaultFormValues(fields, scope),
  });
  const wait: WaitOf<'task'> = { kind: 'task', taskId, dueAt };
  if (alongside) return { wait, row };
  await row;
  return { wait };
}

/**
 * Waits for the completion while the due timer runs. Returns the overdue edge to take when the
 * interrupting policy fired, otherwise undefined once the task is completed.
 *
 * Replay contract: without a migration this issues exactly the waits (and so the flushes and
 * timers) of the first version — a deadline wait until the task closes, then a wait until it is
 * completed — so stored histories replay. A migration wakes either wait and re-derives the
 * deadline from the node the token moved to (only where PATCHES.migrationRearmsDeadlines applies).
 */
async function awaitTask(ctx: ProcessContext, token: Token, task: TaskRecord, first: WaitOf<'task'>, created: Created | undefined) {
  let wait = first;
  let event: WaitOptions['event'] = created ? { type: 'task_created', data: { taskId: task.id, dueAt: wait.dueAt } } : undefined;
  let alongside = created?.row;
  for (;;) {
    const epoch = ctx.migrations;
    const migrated = () => ctx.migrations !== epoch;
    if (wait.dueAt !== null && !wait.overdue) {
      const timeoutMs = parseIso(wait.dueAt) - ctx.ports.now();
      const settled = await ctx.waitFor(token, wait, { until: () => task.state !== 'open' || migrated(), timeoutMs, event, alongside });
      event = undefined;
      alongside = undefined;
      if (!settled && task.state === 'open' && !migrated()) {
        const escalation = await onOverdue(ctx, token, task);
        if (escalation.edge) return escalation.edge;
        wait = { ...wait, overdue: true };
        event = escalation.event;
      }
    }
    if (!migrated()) {
      // A completion may still be closing the row: the token moves on once it is closed.
      await ctx.waitFor(token, wait, { until: () => task.state === 'completed' || migrated(), event, alongside });
      event = undefined;
      alongside = undefined;
    }
    if (task.state === 'completed') return undefined;
    wait = { ...wait, dueAt: wait.overdue ? wait.dueAt : dueAtOf(ctx.graph.nodeOf(token.nodeId, 'userTask'), parseIso(token.since)) };
  }
}

/** The due date of a task entered at `enteredAt` on `node`, or null without dueIn. */
function dueAtOf(node: NodeOf<'userTask'>, enteredAt: number): string | null {
  return node.dueIn ? toIso(enteredAt + durationMs(node.dueIn, `dueIn of ${node.id}`)) : null;
}

/** What the due date passing did: an interrupting edge to take, or the escalation event still to write. */
interface Escalation {
  edge?: Edge;
  event?: WaitOptions['event'];
}

async function onOverdue(ctx: ProcessContext, token: Token, task: TaskRecord): Promise<Escalation> {
  const node = ctx.graph.nodeOf(token.nodeId, 'userTask');
  const at = { nodeId: node.id, iteration: token.iteration };
  const policy = node.onOverdue ?? 'escalate';
  if (policy === 'escalate') {
    await ctx.ports.markTaskOverdue(task.id);
    const event = { type: 'task_overdue', data: { taskId: task.id } };
    // Written by the next wait, once the token shows it again, so the projection keeps saying
    // "waiting"; before the patch it was written at once (and reported the order "running").
    if (ctx.ports.patched?.(PATCHES.overdueWhileWaiting) ?? true) return { event };
    ctx.emit(event.type, { ...at, data: event.data });
    return {};
  }
  const edge = ctx.graph.outgoing(node.id).find((candidate) => candidate.id === policy);
  if (!edge) throw new MissingEdgeError(node.id, policy);
  // Closed synchronously: a completion arriving from now on is refused as task_not_open.
  task.state = 'cancelled';
  ctx.tasks.delete(task.id);
  await ctx.ports.closeTask(task.id, { status: 'cancelled', by: null });
  ctx.emit('task_cancelled', { ...at, data: { taskId: task.id, reason: 'overdue', edgeId: edge.id } });
  return { edge };
}

/** A token resumed from a snapshot waits on a task this runtime has not created. */
function adoptTask(ctx: ProcessContext, token: Token, taskId: string): TaskRecord {
  const task: TaskRecord = { id: taskId, tokenId: token.id, state: 'open' };
  ctx.tasks.set(taskId, task);
  return task;
}

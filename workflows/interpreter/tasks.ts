/**
 * Completing user tasks from outside (the Temporal Update `completeTask`). The waiting fiber
 * only observes the task record; everything that must be atomic happens here synchronously.
 */
import { validateFormData } from '../definition/form';
import { TaskDataInvalidError, TaskNotOpenError } from './errors';
import { PATCHES } from './ports';
import type { ProcessContext } from './process-context';
import type { TaskRecord, Vars } from './types';
import { isPlainObject } from './variables';

/**
 * Checks that the task is open in this order and `data` satisfies the node's form; returns the
 * validated (coerced) data. Without form fields the data object is taken as it is.
 * @throws TaskNotOpenError, TaskDataInvalidError
 */
export function validateCompletion(ctx: ProcessContext, taskId: string, data: unknown): Vars {
  const task = openTask(ctx, taskId);
  const token = ctx.tokens.get(task.tokenId);
  if (!token) throw new TaskNotOpenError(taskId);
  const node = ctx.graph.find(token.nodeId);
  const fields = node?.type === 'userTask' ? (node.form?.fields ?? []) : [];
  if (!isPlainObject(data)) {
    throw new TaskDataInvalidError(taskId, [{ field: '', code: 'not_an_object', message: 'task data must be an object of field values' }]);
  }
  if (fields.length === 0) return { ...data };
  const result = validateFormData(fields, data);
  if (!result.ok) throw new TaskDataInvalidError(taskId, result.errors);
  return result.value;
}

/**
 * Completes an open task: validates and marks it closed synchronously (so of two concurrent
 * completions exactly one wins), releases the waiting token and closes the task row alongside —
 * the token's next steps (the next task's row, the events) are written while the row closes, all
 * within the Update's workflow task; the Update answers once the row is closed. Before
 * PATCHES.taskRowsAlongside the token waited for the closed row.
 */
export async function completeTask(ctx: ProcessContext, taskId: string, data: unknown, by?: string | null): Promise<void> {
  const value = validateCompletion(ctx, taskId, data);
  const task = openTask(ctx, taskId);
  const alongside = ctx.ports.patched?.(PATCHES.taskRowsAlongside) ?? true;
  task.state = alongside ? 'completed' : 'completing';
  task.data = value;
  task.by = by ?? null;
  await ctx.ports.closeTask(taskId, { status: 'completed', data: value, by: by ?? null });
  task.state = 'completed';
}

/** Closes every still-open task as cancelled (order cancelled or aborted). */
export async function cancelOpenTasks(ctx: ProcessContext, reason: string): Promise<void> {
  for (const task of [...ctx.tasks.values()]) {
    if (task.state !== 'open') continue;
    task.state = 'cancelled';
    ctx.tasks.delete(task.id);
    await ctx.ports.closeTask(task.id, { status: 'cancelled', by: null });
    ctx.emit('task_cancelled', { data: { taskId: task.id, reason } });
  }
}

function openTask(ctx: ProcessContext, taskId: string): TaskRecord {
  const task = ctx.tasks.get(taskId);
  if (!task || task.state !== 'open') throw new TaskNotOpenError(taskId);
  return task;
}

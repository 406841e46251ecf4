/**
 * Helpers for workflow tests (and the replay recorder): validated templates with unique keys,
 * starting orders on the harness, and reading what the real activities wrote to PostgreSQL.
 * Polling reads the database, never the clock of the time-skipping server.
 */
import { randomUUID } from 'node:crypto';
import { type Client, WorkflowUpdateFailedError, type WorkflowHandle, type WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { DOMAIN_ACTIVITY_NAMES } from '@orderpath/activities';
import { type Definition, type DefinitionInput, definitionSchema } from '@orderpath/workflows/definition/schema';
import { hasErrors, validateDefinition, type ValidationContext } from '@orderpath/workflows/definition/validate';
import { TASK_QUEUE, completeTaskUpdate, stateQuery } from '@orderpath/workflows/messages';
import type { ProcessSnapshot } from '@orderpath/workflows/interpreter/ports';
import { orderWorkflow, type OrderWorkflowInput } from '@orderpath/workflows/order.workflow';
import { NEW_ORDER_PATCHES } from '@orderpath/workflows/order-patches';
import { poll } from '../../../apps/api/src/seed/demo-api';
import type { WorkflowHarness } from '../../support/workflow-harness';

export type OrderHandle = WorkflowHandle<typeof orderWorkflow>;

/** A key no earlier run of the (persistent, when run by hand) test database has published. */
export function uniqueKey(base: string): string {
  return `${base}-${randomUUID().slice(0, 8)}`;
}

/**
 * Validates like the API does before publishing, and fails loudly with the issues: a test must
 * never run a template that could not be published.
 */
export function checked(input: DefinitionInput, ctx: ValidationContext = {}): Definition {
  const issues = validateDefinition(input, { roles: ['rep', 'supervisor'], ...ctx, activities: [...DOMAIN_ACTIVITY_NAMES, ...(ctx.activities ?? [])] });
  if (hasErrors(issues)) throw new Error(`template ${input.key} is invalid: ${JSON.stringify(issues, null, 2)}`);
  return definitionSchema.parse(input);
}

/** Creates the order row and starts its workflow (call inside h.run so the worker polls). */
export async function startOrder(
  h: WorkflowHarness, template: Definition, extra: Partial<OrderWorkflowInput> = {},
): Promise<{ orderId: string; handle: WorkflowHandleWithFirstExecutionRunId<typeof orderWorkflow> }> {
  const orderId = await h.createOrder(template);
  const handle = await h.env.client.workflow.start(orderWorkflow, {
    taskQueue: TASK_QUEUE, workflowId: `order-${orderId}`, args: [{ orderId, template, variables: {}, patches: NEW_ORDER_PATCHES, ...extra }],
  });
  return { orderId, handle };
}

/** Polls fn (real time, every 50 ms) until it yields a truthy value. */
export function until<T>(what: string, fn: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  return poll(what, fn, timeoutMs, 50);
}

export interface TaskRow { id: string; nodeId: string; iteration: number; status: string; overdue: boolean; dueAt: Date | null }

export async function tasksOf(ds: DataSource, orderId: string): Promise<TaskRow[]> {
  return ds.query(
    `SELECT id, node_id AS "nodeId", iteration, status, overdue, due_at AS "dueAt" FROM tasks WHERE order_id = $1 ORDER BY created_at, iteration`,
    [orderId]);
}

/** The open task at `nodeId`, once the workflow has created it. */
export function openTask(ds: DataSource, orderId: string, nodeId: string): Promise<TaskRow> {
  return until(`an open task at ${nodeId}`, async () => (await tasksOf(ds, orderId)).find((t) => t.nodeId === nodeId && t.status === 'open'));
}

/** Completes a task through the workflow's Update, as the API does. */
export async function complete(handle: OrderHandle, taskId: string, data: Record<string, unknown> = {}, by = 'rep1'): Promise<void> {
  await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, data, by }] });
}

/** The code (ApplicationFailure type) and message an Update was refused with; fails if it was accepted. */
export async function refusal(update: Promise<unknown>): Promise<{ code: string | undefined; message: string; details: unknown }> {
  try {
    await update;
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
      return { code: err.cause.type ?? undefined, message: err.cause.message, details: err.cause.details?.[0] };
    }
    throw err;
  }
  throw new Error('the update was accepted, expected a refusal');
}

/** Opens the task at nodeId and completes it. */
export async function completeAt(h: WorkflowHarness, orderId: string, handle: OrderHandle, nodeId: string, data: Record<string, unknown> = {}): Promise<void> {
  const task = await openTask(h.ds, orderId, nodeId);
  await complete(handle, task.id, data);
}

export interface EventRow { seq: number; type: string; nodeId: string | null; data: Record<string, unknown> | null }

export async function eventsOf(ds: DataSource, orderId: string): Promise<EventRow[]> {
  return ds.query(`SELECT seq, type, node_id AS "nodeId", data FROM order_events WHERE order_id = $1 ORDER BY seq`, [orderId]);
}

/** Waits until the order's projection has an event of `type` (optionally at `nodeId`). */
export function eventually(ds: DataSource, orderId: string, type: string, nodeId?: string): Promise<EventRow> {
  return until(`event ${type}${nodeId ? ` at ${nodeId}` : ''}`, async () =>
    (await eventsOf(ds, orderId)).find((e) => e.type === type && (nodeId === undefined || e.nodeId === nodeId)));
}

export async function orderRow(ds: DataSource, orderId: string): Promise<{ status: string; variables: Record<string, unknown> }> {
  const [row] = await ds.query(`SELECT status, variables FROM orders WHERE id = $1`, [orderId]);
  return row;
}

/** The `state` query, once it shows what `ready` expects. */
export function stateWhen(handle: OrderHandle, what: string, ready: (s: ProcessSnapshot) => boolean): Promise<ProcessSnapshot> {
  return until(what, async () => {
    const state = await handle.query(stateQuery);
    return ready(state) && state;
  });
}

/** Run ids of a workflow from its first run, following each continued-as-new event. */
export async function runChain(client: Client, workflowId: string, firstRunId: string): Promise<string[]> {
  const runs = [firstRunId];
  for (;;) {
    const history = await client.workflow.getHandle(workflowId, runs[runs.length - 1]).fetchHistory();
    const next = history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId;
    if (!next) return runs;
    runs.push(next);
  }
}

/** What a completed order's workflow returns: its variables, and its last events (the end batch). */
export function completedWith(vars: Record<string, unknown>): Record<string, unknown> {
  return { status: 'completed', vars, endEvents: expect.arrayContaining([expect.objectContaining({ type: 'order_completed' })]) as unknown };
}

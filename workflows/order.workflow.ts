/**
 * The Temporal adapter: one long-lived workflow per order that interprets its pinned template
 * version. All graph semantics live in the pure interpreter; this file maps its ports onto
 * Temporal (activities, timers, child workflows, continue-as-new) and wires the messages.
 */
import {
  ActivityFailure, ApplicationFailure, condition, continueAsNew, executeChild,
  allHandlersFinished, patched, proxyActivities, proxyLocalActivities, proxySinks, sleep, upsertSearchAttributes, uuid4, workflowInfo, setHandler,
} from '@temporalio/workflow';
import type { Activities } from '@orderpath/activities';
import { parseDuration } from './definition/duration';
import { OrderStage, OrderStatus, TemplateKey } from './search-attributes';
import type { RetryPolicy } from './definition/schema';
import { childOrderId } from './interpreter/child-order-id';
import { ADAPTER_PATCHES } from './order-patches';
import { ProcessRuntime } from './interpreter/process-runtime';
import { ServiceFailure, type OrderEvent, type Ports, type ProcessInput, type ServiceCall } from './interpreter/ports';
import { serviceResult } from './interpreter/executors/service-task.executor';
import {
  cancelUpdate, completeTaskUpdate, messageSignal, migrateUpdate, resolveIncidentUpdate, stateQuery,
  type OrderSinks, type OrderWorkflowResult,
} from './messages';


export interface OrderWorkflowInput extends ProcessInput {
  /** Continue as new past this many history events (Temporal's own suggestion also counts). */
  historyLimit?: number;
  /** Patch ids that apply without asking `patched()`: NEW_ORDER_PATCHES for a new order (order-patches.ts). */
  patches?: readonly string[];
}

// Engine bookkeeping writes are idempotent database calls: retry them forever with backoff, so an
// outage of PostgreSQL pauses orders instead of failing them.
const engine = proxyActivities<Activities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
});
// Projection events are small, frequent and idempotent by seq: local activities keep them off the
// task queue round trip.
const projection = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '500ms', backoffCoefficient: 2, maximumInterval: '30s' },
});

// Task rows are the inbox. Written by local activities, they land in the same workflow task as
// the step that opens or closes them: a completed task's successor is in the inbox by the time the
// completing Update returns, without two task-queue round trips. Idempotent like the above.
const taskRows = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '500ms', backoffCoefficient: 2, maximumInterval: '30s' },
});

// The order's last batch: in the workflow's result (durable with the order's end), and written by
// the worker before it reports the workflow task that ends the order: no local activity, no second
// activation, no marker. A failed write is redone from the result by the closed-order projector.
const { orderEnd } = proxySinks<OrderSinks>();

const DEFAULT_HISTORY_LIMIT = 10_000;
const serviceProxies = new Map<string, Record<string, (input: unknown) => Promise<unknown>>>();

/** Domain activities run with the node's own retry policy and timeout (default 3 attempts, 5 min). */
function serviceProxy(retry: RetryPolicy | undefined, timeout: string | undefined) {
  // Most nodes set neither: skip serialising the key on every call.
  const key = retry === undefined && timeout === undefined ? '' : JSON.stringify([retry, timeout]);
  let proxy = serviceProxies.get(key);
  if (!proxy) {
    proxy = proxyActivities({
      startToCloseTimeout: parseDuration(timeout ?? 'PT5M') ?? 300_000,
      retry: {
        maximumAttempts: retry?.maxAttempts ?? 3,
        initialInterval: parseDuration(retry?.initialInterval ?? 'PT1S') ?? 1000,
        backoffCoefficient: retry?.backoff ?? 2,
        maximumInterval: parseDuration(retry?.maxInterval ?? 'PT5M') ?? 300_000,
      },
    }) as unknown as Record<string, (input: unknown) => Promise<unknown>>;
    serviceProxies.set(key, proxy);
  }
  return proxy;
}

/** Whether a behaviour change applies to this order: pinned at its start, else Temporal's `patched()`. */
function applies(input: OrderWorkflowInput, id: string): boolean {
  return input.patches?.includes(id) || patched(id);
}

/** Orders whose history predates local task rows keep writing them through regular activities. */
function taskRowWriter(input: OrderWorkflowInput) {
  return applies(input, ADAPTER_PATCHES.localTaskRows) ? taskRows : engine;
}

/** A failed activity (retries exhausted, or non-retryable) becomes the interpreter's ServiceFailure. */
function serviceError(call: ServiceCall, err: unknown): unknown {
  if (!(err instanceof ActivityFailure)) return err;
  const cause = err.cause instanceof Error ? err.cause.message : err.message;
  return new ServiceFailure(cause, call.retry?.maxAttempts ?? 3);
}

/** One `.then`, no async function: each promise in workflow code costs a captured stack trace. */
function runService(call: ServiceCall): Promise<Record<string, unknown>> {
  return serviceProxy(call.retry, call.timeout)[call.activity](call.input).then(serviceResult, (err: unknown) => {
    throw serviceError(call, err);
  });
}

/** The lean fibers' form: the activity's `.then` is the only promise; its result goes to `done` as is. */
function startService(call: ServiceCall, done: (result: unknown) => void, failed: (error: unknown) => void): void {
  serviceProxy(call.retry, call.timeout)[call.activity](call.input).then(done, (err: unknown) => failed(serviceError(call, err)));
}

function ports(input: OrderWorkflowInput, runtime: () => ProcessRuntime, end: { events?: OrderEvent[] }): Ports {
  return {
    // The sandbox's Date is deterministic: it reads the workflow task's start time.
    now: () => new Date().getTime(),
    taskId: () => uuid4(),
    sleep: (ms) => sleep(ms),
    condition: (fn, timeoutMs) => (timeoutMs === undefined ? condition(fn).then(() => true) : condition(fn, timeoutMs)),
    createTask: (spec) => taskRowWriter(input).createTask(spec),
    closeTask: (taskId, outcome) => taskRowWriter(input).closeTask(taskId, outcome),
    markTaskOverdue: (taskId) => engine.markTaskOverdue(taskId),
    runService,
    startService,
    openIncident: (spec) => engine.openIncident(spec),
    closeIncident: (id, resolution) => engine.closeIncident(id, resolution),
    // The live variables: the payload converter serialises them when the activity is scheduled.
    recordEvents: (orderId, events) => projection.recordEvents({ orderId, events, vars: runtime().variables }),
    recordEndEvents: (orderId, events) => {
      end.events = events;
      orderEnd.record({ orderId, events, vars: runtime().variables });
    },
    startChild: async ({ templateKey, templateVersion, nodeId, iteration, variables }) => {
      const template = await engine.loadTemplate(templateKey, templateVersion);
      // Derived, not random: the same call never starts a second child (see child-order-id.ts).
      const orderId = applies(input, ADAPTER_PATCHES.deterministicChildId) ? childOrderId(input.orderId, nodeId, iteration) : uuid4();
      await engine.createChildOrder({ parentOrderId: input.orderId, orderId, template, nodeId });
      const result = await executeChild(orderWorkflow, {
        workflowId: `order-${orderId}`,
        args: [{ orderId, template, variables, order: { ...input.order, parentOrderId: input.orderId, parentNodeId: nodeId, iteration }, patches: input.patches }],
        typedSearchAttributes: [{ key: TemplateKey, value: template.key }],
      });
      if (result.status !== 'completed') throw ApplicationFailure.nonRetryable(`sub-process ${templateKey} ended ${result.status}`);
      return result.vars;
    },
    shouldContinueAsNew: () => {
      const info = workflowInfo();
      return info.continueAsNewSuggested || info.historyLength > (input.historyLimit ?? DEFAULT_HISTORY_LIMIT);
    },
    patched: (id) => applies(input, id),
    setSearchAttributes: ({ stage, status }) =>
      upsertSearchAttributes([
        { key: OrderStage, value: stage ?? null },
        { key: OrderStatus, value: status },
      ]),
  };
}

/** Domain errors from the interpreter cross into Temporal once, as non-retryable failures carrying
 *  their code as the type and their own fields (field errors, reason, node id) as details. */
function asFailure(err: unknown): never {
  if (err instanceof ApplicationFailure) throw err;
  const e = err as Error & { code?: string };
  const details: Record<string, unknown> = { ...e };
  throw ApplicationFailure.create({ type: e.code ?? e.name, message: e.message, nonRetryable: true, details: [details] });
}

export async function orderWorkflow(input: OrderWorkflowInput): Promise<OrderWorkflowResult> {
  const end: { events?: OrderEvent[] } = {};
  const runtime: ProcessRuntime = new ProcessRuntime(input, ports(input, () => runtime, end));
  // The version the order runs on; a successful migration replaces it (carried over continue-as-new).
  let template = input.template;
  const guard = (check: () => void) => { try { check(); } catch (err) { asFailure(err); } };

  setHandler(stateQuery, () => runtime.snapshot());
  setHandler(messageSignal, async ({ name, payload, correlation }) => { await runtime.deliverMessage(name, payload, correlation); });
  setHandler(completeTaskUpdate, async ({ taskId, data, by }) => {
    await runtime.completeTask(taskId, data, by).catch(asFailure);
    return { ok: true as const };
  }, { validator: ({ taskId, data }) => guard(() => runtime.validateCompletion(taskId, data)) });
  setHandler(resolveIncidentUpdate, async ({ incidentId, action, variables, by }) => {
    await runtime.resolveIncident(incidentId, action, variables, by).catch(asFailure);
    return { ok: true as const };
  }, { validator: ({ incidentId, action }) => guard(() => runtime.validateResolution(incidentId, action)) });
  setHandler(migrateUpdate, async ({ template: target, nodeMapping }) => {
    await runtime.migrate(target, nodeMapping).catch(asFailure);
    template = target;
    return { ok: true as const, version: target.version ?? null };
  }, { validator: ({ template: target, nodeMapping }) => guard(() => runtime.validateMigration(target, nodeMapping)) });
  setHandler(cancelUpdate, ({ reason }) => {
    runtime.cancel(reason);
    return { ok: true as const };
  });

  const result = await runtime.run();
  // Let in-flight update handlers (which await activities) finish before the run ends or hands over.
  if (!allHandlersFinished()) await condition(allHandlersFinished);
  if (result.status === 'continueAsNew') {
    return continueAsNew<typeof orderWorkflow>({ ...input, template, resume: result.snapshot });
  }
  return end.events ? { status: result.status, vars: result.vars, endEvents: end.events } : { status: result.status, vars: result.vars };
}

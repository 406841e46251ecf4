/**
 * Builds the OrderPath worker: the interpreter workflow plus every activity, on one task queue.
 * Used by the worker process and by tests (which pass their own connection and data source).
 */
import { Client } from '@temporalio/client';
import { bundleWorkflowCode, type NativeConnection, Runtime, Worker, type WorkerOptions, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createActivities } from '@orderpath/activities';
import { TASK_QUEUE } from '@orderpath/workflows/messages';
import { ClosedOrderProjector } from './closed-order-projector';
import { orderSinks } from './order-end.sink';
import { nativeWorkflowSyntax } from './workflow-syntax';

export const WORKFLOWS_PATH = require.resolve('@orderpath/workflows/order.workflow');

/**
 * Modules evaluated once per workflow thread and shared by every order on it, instead of once per
 * order: the expression engine (jexl, and our module with its compiled-expression cache) and the
 * interpreter. They hold no per-order state — the cache maps source text to its compiled form — and
 * the SDK freezes their exports. Halves the memory of an order parked in the sticky cache.
 */
const PRELOADED_MODULES = [
  require.resolve('jexl'),
  require.resolve('@orderpath/workflows/definition/expressions'),
  require.resolve('@orderpath/workflows/interpreter/process-runtime'),
];

/** Bundles the workflow code once (webpack + swc); reuse the bundle across workers in one process. */
export function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH, preloadModules: PRELOADED_MODULES, logger: quietBundlerLogger, webpackConfigHook: nativeWorkflowSyntax,
  });
}

export interface CreateWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  ds: DataSource;
  workflowBundle?: WorkflowBundleWithSourceMap;
  taskQueue?: string;
  /** Extra activities (tests register failing or slow ones). */
  extraActivities?: Record<string, (...args: never[]) => Promise<unknown>>;
  tuning?: Partial<WorkerOptions>;
  /** Sweeps of the closed-order projector (closed-order-projector.ts); defaults 10 / 30 minutes. */
  endProjector?: { sweepEveryMs?: number; sweepLookbackMs?: number };
}

/** How often the closed-order projector looks at orders whose end write failed. */
const END_PROJECTOR_INTERVAL_MS = 5_000;

/** The worker and, beside it, the closed-order projector that backs up the order workflow's end sink. */
export interface OrderPathWorker {
  worker: Worker;
  projector: ClosedOrderProjector;
  /** Runs the worker, and the projector's passes while it runs; resolves once both have stopped. */
  run(): Promise<void>;
}

export async function createWorker(o: CreateWorkerOptions): Promise<OrderPathWorker> {
  const activities = createActivities({ ds: o.ds });
  const log = Runtime.instance().logger;
  const projector = new ClosedOrderProjector({
    client: new Client({ connection: o.connection, namespace: o.namespace }), ds: o.ds, recordEvents: activities.recordEvents, log, ...o.endProjector,
  });
  const worker = await Worker.create({
    connection: o.connection,
    namespace: o.namespace,
    taskQueue: o.taskQueue ?? TASK_QUEUE,
    workflowBundle: o.workflowBundle ?? (await bundleWorkflows()),
    activities: { ...activities, ...o.extraActivities },
    sinks: orderSinks({ write: activities.recordEvents, failed: (workflowId) => projector.endWriteFailed(workflowId), log }),
    ...o.tuning,
  });
  return {
    worker, projector,
    async run() {
      const stop = new AbortController();
      const passes = projector.loop(END_PROJECTOR_INTERVAL_MS, stop.signal);
      try {
        await worker.run();
      } finally {
        stop.abort();
        await passes;
      }
    },
  };
}

const quietBundlerLogger = {
  log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined,
  warn: (message: string) => console.warn(message), error: (message: string) => console.error(message),
};

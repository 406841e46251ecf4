/**
 * Builds the OrderPath worker: the interpreter workflow plus every activity, on one task queue.
 * Used by the worker process and by tests (which pass their own connection and data source).
 */
import { bundleWorkflowCode, type NativeConnection, Worker, type WorkerOptions, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createActivities } from '@orderpath/activities';
import { TASK_QUEUE } from '@orderpath/workflows/messages';
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
}

export async function createWorker(o: CreateWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: o.connection,
    namespace: o.namespace,
    taskQueue: o.taskQueue ?? TASK_QUEUE,
    workflowBundle: o.workflowBundle ?? (await bundleWorkflows()),
    activities: { ...createActivities({ ds: o.ds }), ...o.extraActivities },
    ...o.tuning,
  });
}

const quietBundlerLogger = {
  log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined,
  warn: (message: string) => console.warn(message), error: (message: string) => console.error(message),
};

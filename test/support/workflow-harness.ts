/**
 * Workflow tests: a Temporal test environment (time-skipping or dev server), the real worker with
 * the real activities on the test database, and helpers to create orders for ad-hoc templates.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@orderpath/activities/db/data-source';
import type { Definition } from '@orderpath/workflows/definition/schema';
import { publishIfMissing } from '../../apps/api/src/seed/seed-demo';
import type { ClosedOrderProjector } from '../../apps/worker/src/closed-order-projector';
import { bundleWorkflows, createWorker, type CreateWorkerOptions } from '../../apps/worker/src/worker.factory';
import { requireEnv } from './env';

export interface WorkflowHarness {
  env: TestWorkflowEnvironment;
  ds: DataSource;
  worker: Worker;
  /** The worker's closed-order projector; its passes run only when a test calls them. */
  projector: ClosedOrderProjector;
  /** Publishes the template (version 1, once per key) and inserts an order row; returns the order id. */
  createOrder(template: Definition, title?: string): Promise<string>;
  /** Runs fn while the worker polls. */
  run<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openWorkflowHarness(
  startEnv: () => Promise<TestWorkflowEnvironment>,
  extra: Pick<CreateWorkerOptions, 'extraActivities'> = {},
): Promise<WorkflowHarness> {
  const ds = await createDataSource(requireEnv('TEST_DATABASE_URL'), 10).initialize();
  const env = await startEnv();
  const { worker, projector } = await createWorker({
    connection: env.nativeConnection, namespace: env.namespace ?? 'default', ds, workflowBundle: await bundleWorkflows(), ...extra,
  });
  return {
    env, ds, worker, projector,
    async createOrder(template, title = template.name) {
      await publishIfMissing(ds, { ...template, version: undefined });
      const id = randomUUID();
      await ds.query(
        `INSERT INTO orders (id, workflow_id, template_key, template_version, title, status) VALUES ($1, $2, $3, 1, $4, 'starting')`,
        [id, `order-${id}`, template.key, title]);
      return id;
    },
    run: (fn) => worker.runUntil(fn),
    async close() {
      await env.teardown();
      await ds.destroy();
    },
  };
}

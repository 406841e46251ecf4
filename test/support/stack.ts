/**
 * The real stack for integration tests, in-process: PostgreSQL (the test database), a throwaway
 * Temporal dev server, the OrderPath worker and the NestJS API. Use one per test file.
 */
import type { INestApplication } from '@nestjs/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@orderpath/activities/db/data-source';
import { createApp } from '../../apps/api/src/app.factory';
import { loadConfig } from '../../apps/api/src/config';
import { seedDemo } from '../../apps/api/src/seed/seed-demo';
import { bundleWorkflows, createWorker, type CreateWorkerOptions } from '../../apps/worker/src/worker.factory';
import { requireEnv } from './env';
import { startDevServer } from './temporal-env';

export const DEMO_PASSWORD = 'test-password';

export interface Stack {
  app: INestApplication;
  http: ReturnType<typeof request>;
  env: TestWorkflowEnvironment;
  ds: DataSource;
  worker: Worker;
  /** Resolves when the worker has stopped (after stopWorker()). */
  workerDone: Promise<void>;
  stopWorker(): Promise<void>;
  startWorker(): Promise<void>;
  login(username: string): Promise<string>;
  close(): Promise<void>;
}

export interface StackOptions extends Pick<CreateWorkerOptions, 'extraActivities'> {
  /** false: no in-process worker (the test runs worker processes itself). */
  worker?: boolean;
}

export async function startStack({ worker = true, ...extra }: StackOptions = {}): Promise<Stack> {
  const url = requireEnv('TEST_DATABASE_URL');
  const ds = await createDataSource(url, 10).initialize();
  await seedDemo(ds, DEMO_PASSWORD);
  const env = await startDevServer();
  const bundle = await bundleWorkflows();
  const address = env.connection.options.address;
  const config = { ...loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: env.namespace ?? 'default', JWT_SECRET: 'test-secret-test-secret-test-secret!!' }) };
  const app = await createApp(config, { logLevels: ['error'] });
  const newWorker = () => createWorker({ connection: env.nativeConnection, namespace: env.namespace ?? 'default', ds, workflowBundle: bundle, ...extra });

  const stack: Stack = {
    app, env, ds, http: request(app.getHttpServer()),
    worker: undefined as unknown as Worker,
    workerDone: Promise.resolve(),
    async stopWorker() {
      if (stack.worker?.getState() === 'RUNNING') stack.worker.shutdown();
      await stack.workerDone;
    },
    async startWorker() {
      const orderPath = await newWorker();
      stack.worker = orderPath.worker;
      stack.workerDone = orderPath.run();
    },
    async login(username) {
      const res = await stack.http.post('/api/auth/login').send({ username, password: DEMO_PASSWORD }).expect(200);
      return res.body.accessToken as string;
    },
    async close() {
      await stack.stopWorker().catch(() => undefined);
      await app.close();
      await env.teardown();
      await ds.destroy();
    },
  };
  if (worker) await stack.startWorker();
  return stack;
}

/** Polls fn until it returns a truthy value (or throws after timeoutMs). */
export async function eventually<T>(fn: () => Promise<T | undefined | null | false>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

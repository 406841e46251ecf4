/**
 * The two sides of the engine benchmark, each a worker process on its own task queue of the same
 * dev server: `handwritten` (baseline) and `interpreter` (OrderPath). A side turns order seeds into
 * starters; the interpreter's need their order rows first (the projection's foreign key), which
 * the API would insert before starting the workflow — done before the clock starts.
 */
import type { Client, WorkflowHandle } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Definition } from '@orderpath/workflows/definition/schema';
import type { OrderWorkflowResult } from '@orderpath/workflows/messages';
import type { orderWorkflow } from '@orderpath/workflows/order.workflow';
import { NEW_ORDER_PATCHES } from '@orderpath/workflows/order-patches';
import { TemplateKey } from '@orderpath/workflows/search-attributes';
import type { ProcessStats } from '../support/child-protocol';
import { ROOT, type Service, forkTs } from '../support/processes';
import type { HandwrittenResult, handwrittenOrder } from '../handwritten.workflow';

export type SideKey = 'handwritten' | 'interpreter';

export interface WorkerStats extends ProcessStats {
  calls: number;
  cachedWorkflows: number;
  busy: number;
}

export type Starter = () => Promise<WorkflowHandle>;
export type OrderResult = OrderWorkflowResult | HandwrittenResult;

export interface Side {
  key: SideKey;
  worker: Service;
  /** Starters for orders with these seeds; `hold` parks each order at its first timer for a day. */
  prepare(seeds: number[], hold: boolean): Promise<Starter[]>;
  stats(gc?: boolean): Promise<WorkerStats>;
}

export interface SideDeps {
  client: Client;
  ds: DataSource;
  address: string;
  databaseUrl: string;
  template: Definition;
  holdTemplate: Definition;
}

const DAY_MS = 86_400_000;

export async function startSides(deps: SideDeps): Promise<Record<SideKey, Side>> {
  const [handwritten, interpreter] = await Promise.all((['handwritten', 'interpreter'] as const).map((key) => spawnWorker(key, deps)));
  return {
    handwritten: side('handwritten', handwritten, async (seeds, hold) => seeds.map((seed) => () =>
      deps.client.workflow.start<typeof handwrittenOrder>('handwrittenOrder', {
        taskQueue: queueOf('handwritten'), workflowId: `bench-hw-${randomUUID()}`,
        args: [{ seed, timersMs: [hold ? DAY_MS : 1000, 1000] }],
      }))),
    interpreter: side('interpreter', interpreter, async (seeds, hold) => {
      const template = hold ? deps.holdTemplate : deps.template;
      const ids = seeds.map(() => randomUUID());
      await deps.ds.query(
        `INSERT INTO orders (id, workflow_id, template_key, template_version, title, status)
         SELECT id, 'order-' || id, $2, 1, 'Bench order', 'starting' FROM unnest($1::uuid[]) AS id`, [ids, template.key]);
      return seeds.map((seed, i) => () => deps.client.workflow.start<typeof orderWorkflow>('orderWorkflow', {
        taskQueue: queueOf('interpreter'), workflowId: `order-${ids[i]}`,
        args: [{ orderId: ids[i], template, variables: { seed }, order: { title: 'Bench order' }, patches: NEW_ORDER_PATCHES }],
        typedSearchAttributes: [{ key: TemplateKey, value: template.key }],
      }));
    }),
  };
}

function side(key: SideKey, worker: Service, prepare: Side['prepare']): Side {
  return { key, worker, prepare, stats: (gc = false) => worker.request<WorkerStats>('stats', { gc }) };
}

const queueOf = (key: SideKey) => `bench-engine-${key}`;

async function spawnWorker(key: SideKey, deps: SideDeps): Promise<Service> {
  const worker = forkTs(`${key} worker`, `${ROOT}/test/bench/engine/engine-worker.child.ts`, {
    ...process.env, BENCH_SIDE: key, BENCH_TASK_QUEUE: queueOf(key), TEMPORAL_ADDRESS: deps.address, DATABASE_URL: deps.databaseUrl,
  }, ['--expose-gc', ...(process.env.BENCH_WORKER_FLAGS?.split(' ').filter(Boolean) ?? []), '-r', `${ROOT}/test/bench/support/heap-probe.ts`]);
  await worker.waitForOutput('bench worker ready', 180_000);
  return worker;
}

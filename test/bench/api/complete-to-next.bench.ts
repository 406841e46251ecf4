/**
 * `complete_to_next`: a rep completes task A of a two-task order (POST /api/tasks/:id/complete) and
 * waits until task B shows in GET /api/tasks?orderId=… (polled every 5 ms) — through the API
 * process, the Temporal update into the order workflow, the worker's activities and PostgreSQL.
 * Baseline: a bare Temporal update round trip (`executeUpdate` on update-echo.workflow.ts) on the
 * same dev server. One completion at a time, ours and the baseline interleaved sample by sample. Tunable: BENCH_NEXT_ORDERS (per side, 200).
 */
import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import type { Benchmark, BenchContext } from '../support/benchmark';
import { openBenchDb, publishBenchTemplate } from '../support/bench-db';
import { startDevServer } from '../support/dev-server';
import { spawnTs } from '../support/processes';
import type { Figure } from '../support/results';
import { type LatencySummary, fmtMs, sleep, summarize } from '../support/stats';
import { startApi } from './api-process';
import { type JsonClient, expectStatus } from './http-client';
import twoTasks from './two-tasks.template.json';
import { ECHO_TASK_QUEUE, echoUpdate, readyQuery, type updateEcho } from './update-echo.workflow';

const ORDERS = Number(process.env.BENCH_NEXT_ORDERS ?? 200);
const WARMUP = 10;
const POLL_MS = 5;

export const completeToNextBench: Benchmark = { name: 'complete_to_next', group: 'api', run };

async function run(ctx: BenchContext): Promise<Figure[]> {
  const ds = await openBenchDb(ctx.databaseUrl);
  const server = await startDevServer();
  try {
    await publishBenchTemplate(ds, twoTasks);
    const env = { ...process.env, DATABASE_URL: ctx.databaseUrl, TEMPORAL_ADDRESS: server.address, TEMPORAL_NAMESPACE: 'default' };
    const worker = spawnTs('worker', 'apps/worker/src/main.ts', env);
    const echo = spawnTs('echo worker', 'test/bench/api/echo-worker.child.ts', env);
    const [api] = await Promise.all([
      startApi(ctx.databaseUrl, server.address), worker.waitForOutput('worker polling', 180_000), echo.waitForOutput('bench echo worker ready', 180_000),
    ]);
    const { client } = await api.login('rep1');
    // Warm-up, then the samples interleaved one by one (ours, raw, ours, …) so that load from
    // elsewhere on the machine hits both sides alike.
    await measureInterleaved(await throughApi(client, ds, WARMUP), await bareUpdate(server.client, WARMUP));
    split.completeMs.length = 0;
    split.afterMs.length = 0;
    const samples = await measureInterleaved(await throughApi(client, ds, ORDERS), await bareUpdate(server.client, ORDERS));
    client.close();
    const oursSummary = summarize(samples.ours);
    const rawSummary = summarize(samples.raw);
    ctx.log(`complete_to_next: API complete → next task visible ${line(oursSummary)}`);
    ctx.log(`complete_to_next: bare executeUpdate round trip   ${line(rawSummary)}`);
    ctx.log(`complete_to_next: of which POST …/complete answered ${line(summarize(split.completeMs))}; then task B visible after ${line(summarize(split.afterMs))}`);
    return [
      { metric: 'p99_ms', value: oursSummary.p99, baseline: rawSummary.p99, unit: 'ms', target: { on: 'value', op: '<=', limit: 300 } },
      { metric: 'ratio_vs_raw', value: oursSummary.p99, baseline: rawSummary.p99, unit: 'ms (p99)', target: { on: 'ratio', op: '<=', limit: 1.5 } },
    ];
  } finally {
    await server.stop();
    await ds.destroy();
  }
}

/** Measures the next sample (one completion or one update); ms. */
type Sampler = () => Promise<number>;

async function measureInterleaved(ours: Sampler[], raw: Sampler[]): Promise<{ ours: number[]; raw: number[] }> {
  const out = { ours: [] as number[], raw: [] as number[] };
  for (let i = 0; i < ours.length; i++) {
    out.ours.push(await ours[i]());
    out.raw.push(await raw[i]());
  }
  return out;
}

/** Where ours spends its time: the POST …/complete answer vs the wait for task B after it. */
const split = { completeMs: [] as number[], afterMs: [] as number[] };

/** Ours: orders created through the API up front (each waits at task A); a sample completes A and polls for B. */
async function throughApi(client: JsonClient, ds: DataSource, count: number): Promise<Sampler[]> {
  const orderIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const order = expectStatus(await client.post<{ id: string }>('/api/orders', { templateKey: twoTasks.key, title: `Next-task bench ${i}` }), 201, 'POST /api/orders');
    orderIds.push(order.id);
  }
  const taskA = await openTasks(ds, orderIds, 'a');
  return orderIds.map((orderId) => async () => {
    const t0 = performance.now();
    expectStatus(await client.post(`/api/tasks/${taskA.get(orderId)}/complete`, { data: { quantity: 3 } }), 200, 'complete task A');
    const t1 = performance.now();
    for (;;) {
      const page = expectStatus(await client.get<{ items: { nodeId: string }[] }>(`/api/tasks?orderId=${orderId}`), 200, 'GET /api/tasks?orderId');
      if (page.items.some((t) => t.nodeId === 'b')) break;
      if (performance.now() - t0 > 30_000) throw new Error(`task B of order ${orderId} did not show within 30 s`);
      await sleep(POLL_MS);
    }
    const t2 = performance.now();
    split.completeMs.push(t1 - t0);
    split.afterMs.push(t2 - t1);
    return t2 - t0;
  });
}

/** Waits until every order has its open task at `nodeId`; returns orderId → taskId. */
async function openTasks(ds: DataSource, orderIds: string[], nodeId: string): Promise<Map<string, string>> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const rows: { orderId: string; id: string }[] = await ds.query(
      `SELECT order_id AS "orderId", id FROM tasks WHERE order_id = ANY($1::uuid[]) AND node_id = $2 AND status = 'open'`, [orderIds, nodeId]);
    if (rows.length === orderIds.length) return new Map(rows.map((r) => [r.orderId, r.id]));
    if (Date.now() > deadline) throw new Error(`only ${rows.length} of ${orderIds.length} orders reached task ${nodeId} within 60 s`);
    await sleep(100);
  }
}

/** Baseline: workflows started and answering a query up front; a sample is one executeUpdate. */
async function bareUpdate(client: Client, count: number): Promise<Sampler[]> {
  const handles = await Promise.all(Array.from({ length: count }, () => client.workflow.start<typeof updateEcho>('updateEcho', {
    taskQueue: ECHO_TASK_QUEUE, workflowId: `bench-echo-${randomUUID()}`,
  })));
  await Promise.all(handles.map((handle) => handle.query(readyQuery)));
  return handles.map((handle) => async () => {
    const t0 = performance.now();
    await handle.executeUpdate(echoUpdate, { args: [{ taskId: randomUUID(), data: { quantity: 3 }, by: 'rep1' }] });
    return performance.now() - t0;
  });
}

function line(s: LatencySummary): string {
  return `${s.count} samples: p50 ${fmtMs(s.p50)}, p90 ${fmtMs(s.p90)}, p99 ${fmtMs(s.p99)}, max ${fmtMs(s.max)}`;
}

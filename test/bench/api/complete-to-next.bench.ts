/**
 * `complete_to_next`: a rep completes task A of a two-task order (POST /api/tasks/:id/complete) and
 * waits until task B shows in GET /api/tasks?orderId=… (polled every 5 ms) — through the API
 * process, the Temporal update into the order workflow (interpreter, task rows, projection) and
 * PostgreSQL.
 * Baseline: the same two tasks written by hand as a plain Temporal workflow
 * (two-tasks-by-hand.workflow.ts: its update closes A's row and opens B's through the same
 * activities), driven by a raw `executeUpdate` from this process — no API, no interpreter, no
 * projection — and task B awaited through the same GET. The bare update round trip (an update
 * handler that only records the call, update-echo.workflow.ts) is measured alongside and printed,
 * to show what Temporal itself costs. One completion at a time, the three interleaved sample by
 * sample. Tunable: BENCH_NEXT_ORDERS (per side, 200).
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
import { BASELINE_TASK_QUEUE } from './baseline-workflows';
import { type JsonClient, expectStatus } from './http-client';
import twoTasks from './two-tasks.template.json';
import { byHandCompleteUpdate, openTaskQuery, type twoTasksByHand } from './two-tasks-by-hand.workflow';
import { echoUpdate, readyQuery, type updateEcho } from './update-echo.workflow';

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
    const baselines = spawnTs('baseline worker', 'test/bench/api/baseline-worker.child.ts', env);
    const [api] = await Promise.all([
      startApi(ctx.databaseUrl, server.address), worker.waitForOutput('worker polling', 180_000), baselines.waitForOutput('bench baseline worker ready', 180_000),
    ]);
    const { client } = await api.login('rep1');
    const sides = async (count: number) => {
      const ours = await throughApi(client, ds, count);
      return { ours, byHand: await byHand(server.client, client, ds, count), bare: await bareUpdate(server.client, count) };
    };
    // Warm-up, then the samples interleaved one by one (ours, by hand, bare, ours, …) so that load
    // from elsewhere on the machine hits every side alike.
    await measureInterleaved(await sides(WARMUP));
    split.completeMs.length = 0;
    split.afterMs.length = 0;
    const samples = await measureInterleaved(await sides(ORDERS));
    client.close();
    const oursSummary = summarize(samples.ours);
    const byHandSummary = summarize(samples.byHand);
    ctx.log(`complete_to_next: API complete → next task visible      ${line(oursSummary)}`);
    ctx.log(`complete_to_next: by hand, raw executeUpdate → visible  ${line(byHandSummary)}`);
    ctx.log(`complete_to_next: bare executeUpdate round trip        ${line(summarize(samples.bare))}`);
    ctx.log(`complete_to_next: of which POST …/complete answered ${line(summarize(split.completeMs))}; then task B visible after ${line(summarize(split.afterMs))}`);
    return [
      { metric: 'p99_ms', value: oursSummary.p99, baseline: byHandSummary.p99, unit: 'ms', target: { on: 'value', op: '<=', limit: 300 } },
      { metric: 'ratio_vs_raw', value: oursSummary.p99, baseline: byHandSummary.p99, unit: 'ms (p99)', target: { on: 'ratio', op: '<=', limit: 1.5 } },
    ];
  } finally {
    await server.stop();
    await ds.destroy();
  }
}

/** Measures the next sample (one completion or one update); ms. */
type Sampler = () => Promise<number>;

async function measureInterleaved<K extends string>(sides: Record<K, Sampler[]>): Promise<Record<K, number[]>> {
  const names = Object.keys(sides) as K[];
  const out = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  const count = Math.min(...names.map((name) => sides[name].length));
  for (let i = 0; i < count; i++) {
    for (const name of names) out[name].push(await sides[name][i]());
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
    await untilTaskB(client, orderId, t0);
    const t2 = performance.now();
    split.completeMs.push(t1 - t0);
    split.afterMs.push(t2 - t1);
    return t2 - t0;
  });
}

/** Polls the inbox of the order until task B shows (every POLL_MS). */
async function untilTaskB(client: JsonClient, orderId: string, t0: number): Promise<void> {
  for (;;) {
    const page = expectStatus(await client.get<{ items: { nodeId: string }[] }>(`/api/tasks?orderId=${orderId}`), 200, 'GET /api/tasks?orderId');
    if (page.items.some((t) => t.nodeId === 'b')) return;
    if (performance.now() - t0 > 30_000) throw new Error(`task B of order ${orderId} did not show within 30 s`);
    await sleep(POLL_MS);
  }
}

/**
 * Baseline: order rows like the API's (same template, the rep's region) run by the hand-written
 * workflow, each waiting at task A; a sample is one raw executeUpdate, then the same wait for B.
 */
async function byHand(temporal: Client, client: JsonClient, ds: DataSource, count: number): Promise<Sampler[]> {
  const [{ region }] = await ds.query(`SELECT region FROM orders WHERE template_key = $1 ORDER BY created_at DESC LIMIT 1`, [twoTasks.key]);
  const handles = await Promise.all(Array.from({ length: count }, async (_, i) => {
    const orderId = randomUUID();
    const workflowId = `bench-by-hand-${orderId}`;
    await ds.query(`INSERT INTO orders (id, workflow_id, template_key, template_version, title, region, status)
      SELECT $1, $2, key, version, $3, $4, 'running' FROM template_versions WHERE key = $5 ORDER BY version DESC LIMIT 1`,
    [orderId, workflowId, `By-hand bench ${i}`, region, twoTasks.key]);
    return { orderId, handle: await temporal.workflow.start<typeof twoTasksByHand>('twoTasksByHand', { taskQueue: BASELINE_TASK_QUEUE, workflowId, args: [{ orderId }] }) };
  }));
  const taskA = new Map<string, string>();
  for (const { orderId, handle } of handles) {
    const deadline = Date.now() + 60_000;
    let open: string | null;
    while (!(open = await handle.query(openTaskQuery))) {
      if (Date.now() > deadline) throw new Error(`by-hand order ${orderId} did not open task A within 60 s`);
      await sleep(50);
    }
    taskA.set(orderId, open);
  }
  return handles.map(({ orderId, handle }) => async () => {
    const t0 = performance.now();
    await handle.executeUpdate(byHandCompleteUpdate, { args: [{ taskId: taskA.get(orderId)!, data: { quantity: 3 }, by: 'rep1' }] });
    await untilTaskB(client, orderId, t0);
    return performance.now() - t0;
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

/** For reference: workflows started and answering a query up front; a sample is one executeUpdate. */
async function bareUpdate(client: Client, count: number): Promise<Sampler[]> {
  const handles = await Promise.all(Array.from({ length: count }, () => client.workflow.start<typeof updateEcho>('updateEcho', {
    taskQueue: BASELINE_TASK_QUEUE, workflowId: `bench-echo-${randomUUID()}`,
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

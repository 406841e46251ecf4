/**
 * `engine`: OrderPath's interpreter against a hand-written Temporal workflow doing the same work
 * (test/bench/handwritten.workflow.ts), on one dev server, each side's worker in its own process.
 * Throughput and worker CPU over ABBA rounds of N concurrent orders after a warm-up round; memory
 * per order parked in the sticky cache. Tunables: BENCH_ENGINE_ORDERS (120), BENCH_ENGINE_ROUNDS (6),
 * BENCH_ENGINE_HELD (500); BENCH_WORKER_FLAGS adds Node flags to both workers (for experiments).
 */
import type { WorkflowHandle } from '@temporalio/client';
import { performance } from 'node:perf_hooks';
import type { Benchmark, BenchContext } from '../support/benchmark';
import { openBenchDb, publishBenchTemplate } from '../support/bench-db';
import { startDevServer } from '../support/dev-server';
import type { Figure } from '../support/results';
import { allPostgresCpuMs, cpuMsByThread } from '../support/processes';
import { sleep } from '../support/stats';
import { BENCH_ACTIVITY_NAMES, CALLS_BEFORE_FIRST_TIMER, CALLS_PER_ORDER, referenceVars } from './bench.activities';
import rawTemplate from './engine.template.json';
import { historyShape, longestGaps } from './history-shape';
import { type OrderResult, type Side, type SideKey, startSides } from './sides';

const ORDERS = Number(process.env.BENCH_ENGINE_ORDERS ?? 120);
const ROUNDS = Number(process.env.BENCH_ENGINE_ROUNDS ?? 6);
const HELD = Number(process.env.BENCH_ENGINE_HELD ?? 500);

interface Phase {
  /** One order of the phase, to show its history. */
  sample: WorkflowHandle;
  /** The order that ended last: the one that set the phase's wall time. */
  slowest: WorkflowHandle;
  orders: number;
  wallMs: number;
  workerCpuMs: number;
  /** The worker's CPU by thread name (JS thread, GC helpers, the SDK's native runtime). */
  workerThreadsMs: Record<string, number>;
  serverCpuMs: number;
  /** Every PostgreSQL process's CPU over the phase (the projection's writes, and whatever else PostgreSQL did meanwhile). */
  postgresCpuMs: number;
  calls: number;
  /** When the orders ended, ms after the first start: the spread behind the phase's wall time. */
  ended: { p50: number; p90: number; last: number };
}

export const engineBench: Benchmark = { name: 'engine', group: 'engine', run };

async function run(ctx: BenchContext): Promise<Figure[]> {
  const ds = await openBenchDb(ctx.databaseUrl);
  const server = await startDevServer();
  try {
    const template = await publishBenchTemplate(ds, rawTemplate, BENCH_ACTIVITY_NAMES);
    const holdTemplate = await publishBenchTemplate(ds, holdVariant(rawTemplate), BENCH_ACTIVITY_NAMES);
    ctx.log(`engine: template ${template.key}: ${template.nodes.length} nodes, ${CALLS_PER_ORDER} activity calls per order; starting both workers`);
    const sides = await startSides({ client: server.client, ds, address: server.address, databaseUrl: ctx.databaseUrl, template, holdTemplate });
    const order: SideKey[] = ['handwritten', 'interpreter'];
    let seed = 0;
    const nextSeeds = (n: number) => Array.from({ length: n }, () => seed++);
    const serverCpuMs = () => server.service.cpuMs();
    // Warm-up: a full round per side, not counted. A worker's first orders pay for its JIT (more
    // code to compile on the interpreter's side); a worker that runs for months pays that once.
    for (const key of order) logPhase(ctx, 'warm-up', key, await runPhase(sides[key], nextSeeds(ORDERS), serverCpuMs));

    // ABBA: the sides swap places every round, so a drift of the shared dev server (it slows as
    // finished workflows pile up in its in-memory store) falls on both alike.
    const phases: Record<SideKey, Phase[]> = { handwritten: [], interpreter: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      for (const key of round % 2 === 1 ? order : [...order].reverse()) {
        const phase = await runPhase(sides[key], nextSeeds(ORDERS), serverCpuMs);
        phases[key].push(phase);
        logPhase(ctx, `round ${round}`, key, phase);
      }
    }
    for (const key of order) ctx.log(`engine: one ${key} order: ${await historyShape(phases[key][0].sample)}`);
    for (const key of order) {
      ctx.log(`engine: ${key} slowest orders per round: ${(await Promise.all(phases[key].map((p) => longestGaps(p.slowest)))).join('; ')}`);
    }
    const memory: Record<SideKey, { rssMb: number; heapMb: number }> = {
      handwritten: await measureHeld(sides.handwritten, nextSeeds(HELD)),
      interpreter: await measureHeld(sides.interpreter, nextSeeds(HELD)),
    };
    for (const key of order) {
      ctx.log(`engine: ${key} with ${HELD} orders parked in the cache: +${memory[key].rssMb.toFixed(3)} MB RSS, +${memory[key].heapMb.toFixed(3)} MB V8 heap per order`);
    }
    await Promise.all(order.map((key) => sides[key].worker.stop()));
    return figures(phases, memory);
  } finally {
    await server.stop();
    await ds.destroy();
  }
}

const fmtS = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function logPhase(ctx: BenchContext, label: string, key: SideKey, phase: Phase): void {
  const per = (ms: number) => (ms / phase.orders).toFixed(1);
  ctx.log(`engine: ${label} ${key.padEnd(11)} ${phase.orders} orders in ${fmtS(phase.wallMs)} = ${(phase.orders / phase.wallMs * 1000).toFixed(1)} orders/s; `
    + `worker CPU ${per(phase.workerCpuMs)} ms/order (${byThread(phase)}), dev server CPU ${per(phase.serverCpuMs)}, PostgreSQL ${per(phase.postgresCpuMs)} ms/order; `
    + `orders ended after ${fmtS(phase.ended.p50)} (p50), ${fmtS(phase.ended.p90)} (p90), ${fmtS(phase.ended.last)} (last)`);
}

/** e.g. "node 19.3, tokio-runtime-w 8.2": the worker's CPU per order by thread name, largest first. */
const byThread = (phase: Phase) => Object.entries(phase.workerThreadsMs).filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1])
  .map(([name, ms]) => `${name} ${(ms / phase.orders).toFixed(1)}`).join(', ');

/** The same template with a day-long first timer: orders park there (memory phase). */
function holdVariant(raw: typeof rawTemplate): Record<string, unknown> {
  return {
    ...raw, key: `${raw.key}-hold`,
    nodes: raw.nodes.map((node) => (node.id === 't1' ? { ...node, duration: 'P1D' } : node)),
  };
}

/** Starts all orders at once, waits for every result, checks each did the full work. */
async function runPhase(side: Side, seeds: number[], serverCpuMs: () => number): Promise<Phase> {
  const starters = await side.prepare(seeds, false);
  const before = await side.stats();
  const threadsBefore = cpuMsByThread(side.worker.pid);
  const serverBefore = serverCpuMs();
  const postgresBefore = allPostgresCpuMs();
  const t0 = performance.now();
  const handles = await Promise.all(starters.map((start) => start()));
  const endedMs: number[] = [];
  let slowest = handles[0];
  const results = await Promise.all(handles.map((handle) => (handle.result() as Promise<OrderResult>).then((result) => {
    endedMs.push(performance.now() - t0);
    slowest = handle;
    return result;
  })));
  const wallMs = performance.now() - t0;
  endedMs.sort((a, b) => a - b);
  const ended = { p50: endedMs[Math.floor(endedMs.length * 0.5)], p90: endedMs[Math.floor(endedMs.length * 0.9)], last: wallMs };
  const after = await side.stats();
  const postgresMs = allPostgresCpuMs() - postgresBefore;
  const threadsAfter = cpuMsByThread(side.worker.pid);
  const workerThreadsMs = Object.fromEntries(Object.entries(threadsAfter).map(([name, ms]) => [name, ms - (threadsBefore[name] ?? 0)]));
  const calls = after.calls - before.calls;
  if (calls !== seeds.length * CALLS_PER_ORDER) throw new Error(`${side.key}: ${calls} activity calls for ${seeds.length} orders, expected ${CALLS_PER_ORDER} each`);
  await Promise.all(results.map(async (result, i) => {
    const want = await referenceVars(seeds[i]);
    const got = { seed: result.vars.seed, value: result.vars.value, score: result.vars.score, ok: result.vars.ok };
    if (result.status !== 'completed' || JSON.stringify(got) !== JSON.stringify(want)) {
      throw new Error(`${side.key}: order with seed ${seeds[i]} ended ${result.status} with ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
    }
  }));
  return { sample: handles[0], slowest, orders: seeds.length, wallMs, workerCpuMs: after.cpuMs - before.cpuMs, workerThreadsMs, serverCpuMs: serverCpuMs() - serverBefore, postgresCpuMs: postgresMs, calls, ended };
}

/** Parks `seeds.length` orders on a day-long timer and measures the worker's growth per order. */
async function measureHeld(side: Side, seeds: number[]): Promise<{ rssMb: number; heapMb: number }> {
  const starters = await side.prepare(seeds, true);
  // Let the allocator settle after the throughput phases, so the baseline is not inflated by garbage.
  await side.stats(true);
  await sleep(2000);
  const before = await side.stats(true);
  await Promise.all(starters.map((start) => start()));
  const deadline = Date.now() + 90_000;
  for (;;) {
    const now = await side.stats();
    const parked = now.calls - before.calls >= seeds.length * CALLS_BEFORE_FIRST_TIMER
      && now.cachedWorkflows - before.cachedWorkflows >= seeds.length && now.busy === 0;
    if (parked) break;
    if (Date.now() > deadline) throw new Error(`${side.key}: orders not parked after 90 s (${now.cachedWorkflows} cached, ${now.calls - before.calls} calls)`);
    await sleep(250);
  }
  await sleep(2000);
  await side.stats(true);
  const after = await side.stats(true);
  return { rssMb: (after.rssMb - before.rssMb) / seeds.length, heapMb: (after.heapUsedMb - before.heapUsedMb) / seeds.length };
}

function figures(phases: Record<SideKey, Phase[]>, memory: Record<SideKey, { rssMb: number }>): Figure[] {
  const total = (key: SideKey) => phases[key].reduce<Omit<Phase, 'sample' | 'slowest' | 'ended' | 'workerThreadsMs' | 'postgresCpuMs'>>((sum, p) => ({
    orders: sum.orders + p.orders, wallMs: sum.wallMs + p.wallMs, workerCpuMs: sum.workerCpuMs + p.workerCpuMs,
    serverCpuMs: sum.serverCpuMs + p.serverCpuMs, calls: sum.calls + p.calls,
  }), { orders: 0, wallMs: 0, workerCpuMs: 0, serverCpuMs: 0, calls: 0 });
  const ours = total('interpreter');
  const base = total('handwritten');
  const perSecond = (n: number, ms: number) => (n / ms) * 1000;
  return [
    { metric: 'throughput_ratio', value: perSecond(ours.orders, ours.wallMs), baseline: perSecond(base.orders, base.wallMs), unit: 'orders/s',
      target: { on: 'ratio', op: '>=', limit: 0.9 } },
    { metric: 'cpu_ratio', value: ours.workerCpuMs / ours.orders, baseline: base.workerCpuMs / base.orders, unit: 'worker CPU ms/order',
      target: { on: 'ratio', op: '<=', limit: 1.15 } },
    { metric: 'activities_per_s', value: perSecond(ours.calls, ours.wallMs), baseline: perSecond(base.calls, base.wallMs), unit: 'activities/s' },
    { metric: 'mb_per_cached_order', value: memory.interpreter.rssMb, baseline: memory.handwritten.rssMb, unit: 'MB RSS/order',
      target: { on: 'value', op: '<=', limit: 0.5 } },
  ];
}

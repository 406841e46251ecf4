/**
 * `npm run bench [-- <name|group>…]`: runs the benchmarks (all, or those named), prints the result
 * table and writes test/bench/results/latest.json (DESIGN.md §8). Exits 0 when targets are missed
 * (the table says so) and 1 when a benchmark crashed. Run through infra/bench.sh, which prepares
 * PostgreSQL, the bench database and the Temporal CLI.
 */
import os from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { completeToNextBench } from './api/complete-to-next.bench';
import { inboxBench } from './api/inbox.bench';
import { designer2000Bench, designer500Bench } from './designer.bench';
import { engineBench } from './engine/engine.bench';
import type { Benchmark } from './support/benchmark';
import { describeMachine } from './support/machine';
import { stopAll } from './support/processes';
import { type BenchResult, RESULTS_FILE, formatTable, toResult, writeResults } from './support/results';

// The load generator is this process. Like the API (apps/api/src/main.ts), it parses a 19 KB inbox
// page per request, and V8's allocation-site pretenuring can flip it into long scavenges: in full
// runs its CPU per inbox request went from 0.13 to 0.22 ms, and the API side's p99 with it (ratio
// 2.0–2.2 against 1.3–1.4 with the inbox run alone). Both sides of every benchmark share it.
setFlagsFromString('--no-allocation-site-pretenuring');

const BENCHMARKS: Benchmark[] = [engineBench, inboxBench, completeToNextBench, designer500Bench, designer2000Bench];

function select(args: string[]): Benchmark[] {
  if (args.length === 0) return BENCHMARKS;
  const unknown = args.filter((a) => !BENCHMARKS.some((b) => b.name === a || b.group === a));
  if (unknown.length) {
    const names = [...new Set(BENCHMARKS.flatMap((b) => [b.group, b.name]))].join(', ');
    throw new Error(`unknown benchmark ${unknown.join(', ')}; choose from: ${names}`);
  }
  return BENCHMARKS.filter((b) => args.includes(b.name) || args.includes(b.group));
}

async function main(): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set: run benchmarks through `npm run bench` (infra/bench.sh prepares the database)');
  const selected = select(process.argv.slice(2));
  const machine = describeMachine();
  const log = (message: string) => console.error(`[bench] ${message}`);
  log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}; load average ${loadAverage()}`);
  const results: BenchResult[] = [];
  const crashed: string[] = [];
  for (const bench of selected) {
    const started = Date.now();
    log(`${bench.name}: running`);
    try {
      const figures = await bench.run({ databaseUrl, log });
      const at = new Date();
      results.push(...figures.map((f) => toResult(bench.name, f, machine, at)));
      log(`${bench.name}: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    } catch (err) {
      crashed.push(bench.name);
      log(`${bench.name}: CRASHED after ${((Date.now() - started) / 1000).toFixed(0)} s: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    } finally {
      await stopAll();
    }
  }
  writeResults(results);
  console.log(`\n${formatTable(results)}\n`);
  console.log(`results: ${RESULTS_FILE}${crashed.length ? `\ncrashed: ${crashed.join(', ')}` : ''}`);
  return crashed.length ? 1 : 0;
}

function loadAverage(): string {
  return os.loadavg().map((l) => l.toFixed(2)).join(' ');
}

main().then((code) => process.exit(code), async (err) => {
  console.error(err instanceof Error ? err.message : err);
  await stopAll();
  process.exit(2);
});

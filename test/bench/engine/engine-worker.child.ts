/**
 * One side of the engine benchmark in its own process, so its CPU and memory are its own:
 * BENCH_SIDE=interpreter runs the real OrderPath worker (createWorker: the interpreter workflow,
 * every engine activity, projection to PostgreSQL, the closed-order projector) plus the bench activities; BENCH_SIDE=handwritten
 * runs test/bench/handwritten.workflow.ts with the same bench activities. Same worker tuning both.
 */
import 'reflect-metadata';
import { DefaultLogger, NativeConnection, Runtime, Worker, makeTelemetryFilterString } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@orderpath/activities/db/data-source';
import { createWorker } from '../../../apps/worker/src/worker.factory';
import { nativeWorkflowSyntax } from '../../../apps/worker/src/workflow-syntax';
import { processStats, serveParent } from '../support/child-protocol';
import { benchActivities } from './bench.activities';

async function main(): Promise<void> {
  const side = process.env.BENCH_SIDE;
  const taskQueue = process.env.BENCH_TASK_QUEUE!;
  Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'ERROR' }) } } });
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
  let calls = 0;
  const counted = Object.fromEntries(Object.entries(benchActivities).map(([name, fn]) =>
    [name, (input: never) => { calls += 1; return fn(input); }]));
  // Sticky cache large enough for the memory phase; everything else at the SDK defaults.
  const tuning = { maxCachedWorkflows: Number(process.env.BENCH_MAX_CACHED ?? 2000) };
  let ds: DataSource | undefined;
  let worker: Worker;
  let run: () => Promise<void>;
  if (side === 'interpreter') {
    ds = await createDataSource(process.env.DATABASE_URL, 20).initialize();
    // Sweeps of the closed-order projector at 1/30 of their production period and lookback: each
    // order is listed as often as in production (~3 times), within the length of a run.
    const orderPath = await createWorker({
      connection, namespace: 'default', ds, taskQueue, extraActivities: counted, tuning, endProjector: { sweepEveryMs: 20_000, sweepLookbackMs: 60_000 },
    });
    worker = orderPath.worker;
    run = orderPath.run;
  } else if (side === 'handwritten') {
    worker = await Worker.create({
      connection, namespace: 'default', taskQueue, activities: counted, ...tuning,
      workflowsPath: require.resolve('../handwritten.workflow'),
      // Compiled like OrderPath's workflow code (apps/worker/src/workflow-syntax.ts).
      bundlerOptions: { webpackConfigHook: nativeWorkflowSyntax },
    });
    run = () => worker.run();
  } else {
    throw new Error(`BENCH_SIDE must be interpreter or handwritten, not ${side}`);
  }
  serveParent({
    stats: async ({ gc }: { gc?: boolean }) => {
      const status = worker.getStatus();
      return {
        ...await processStats(gc ?? false), calls, cachedWorkflows: status.numCachedWorkflows,
        busy: status.numInFlightWorkflowActivations + status.numInFlightActivities,
      };
    },
  });
  const running = run();
  console.log(`bench worker ready (${side} on ${taskQueue})`);
  // worker.run() resolves after SIGTERM once in-flight work is done (the SDK installs the handler).
  await running;
  await connection.close();
  await ds?.destroy();
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

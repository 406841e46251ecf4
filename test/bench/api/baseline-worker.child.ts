/**
 * The worker of the complete_to_next baselines (baseline-workflows.ts), in its own process, with
 * the engine's task-row activities on its own connection pool.
 */
import { DefaultLogger, NativeConnection, Runtime, Worker, makeTelemetryFilterString } from '@temporalio/worker';
import { createEngineActivities } from '@orderpath/activities';
import { createDataSource } from '@orderpath/activities/db/data-source';
import { BASELINE_TASK_QUEUE } from './baseline-workflows';

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'ERROR' }) } } });
  const ds = await createDataSource(process.env.DATABASE_URL).initialize();
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
  const worker = await Worker.create({
    connection, namespace: 'default', taskQueue: BASELINE_TASK_QUEUE,
    workflowsPath: require.resolve('./baseline-workflows'), activities: createEngineActivities({ ds }),
  });
  const running = worker.run();
  console.log('bench baseline worker ready');
  await running;
  await connection.close();
  await ds.destroy();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

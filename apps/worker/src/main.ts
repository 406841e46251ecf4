import 'reflect-metadata';
import { NativeConnection, Runtime, makeTelemetryFilterString, DefaultLogger } from '@temporalio/worker';
import { createDataSource } from '@orderpath/activities/db/data-source';
import { createWorker } from './worker.factory';

async function main(): Promise<void> {
  Runtime.install({
    logger: new DefaultLogger((process.env.LOG_LEVEL as 'INFO' | undefined) ?? 'WARN'),
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }) } },
  });
  const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
  const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
  const ds = await createDataSource(undefined, Number(process.env.WORKER_DB_POOL ?? 20)).initialize();
  const connection = await NativeConnection.connect({ address });
  const orderPath = await createWorker({ connection, namespace, ds });
  console.log(`OrderPath worker polling task queue on ${address} (namespace ${namespace})`);
  // run() resolves after SIGINT/SIGTERM once in-flight tasks are done (the SDK installs the handlers).
  await orderPath.run();
  await connection.close();
  await ds.destroy();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

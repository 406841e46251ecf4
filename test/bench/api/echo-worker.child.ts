/** The worker of the complete_to_next baseline (update-echo.workflow.ts), in its own process. */
import { ECHO_TASK_QUEUE } from './update-echo.workflow';
import { DefaultLogger, NativeConnection, Runtime, Worker, makeTelemetryFilterString } from '@temporalio/worker';

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'ERROR' }) } } });
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
  const worker = await Worker.create({
    connection, namespace: 'default', taskQueue: ECHO_TASK_QUEUE, workflowsPath: require.resolve('./update-echo.workflow'),
  });
  const running = worker.run();
  console.log('bench echo worker ready');
  await running;
  await connection.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

/**
 * A throwaway Temporal dev server for one benchmark: the official CLI, in memory, headless, on a
 * free port, with OrderPath's search attributes. Both sides of a comparison share it.
 */
import { Client, Connection } from '@temporalio/client';
import { freePort } from './net';
import { type Service, spawnService } from './processes';
import { sleep } from './stats';

export interface DevServer {
  address: string;
  service: Service;
  connection: Connection;
  client: Client;
  stop(): Promise<void>;
}

export function temporalCli(): string {
  const cli = process.env.TEMPORAL_CLI_PATH;
  if (!cli) throw new Error('TEMPORAL_CLI_PATH is not set: run benchmarks through `npm run bench` (infra/bench.sh finds the CLI)');
  return cli;
}

export async function startDevServer(): Promise<DevServer> {
  const port = await freePort();
  const address = `127.0.0.1:${port}`;
  const service = spawnService('temporal dev server', temporalCli(), [
    'server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(port), '--log-level', 'error',
    '--search-attribute', 'OrderStage=Keyword', '--search-attribute', 'OrderStatus=Keyword', '--search-attribute', 'TemplateKey=Keyword',
  ], process.env);
  const connection = await connectWhenUp(address, service);
  const client = new Client({ connection, namespace: 'default' });
  return {
    address, service, connection, client,
    async stop() {
      await connection.close().catch(() => undefined);
      await service.stop();
    },
  };
}

async function connectWhenUp(address: string, service: Service): Promise<Connection> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (!service.alive) throw new Error(`the Temporal dev server exited:\n${service.tail()}`);
    let connection: Connection | undefined;
    try {
      connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.workflowService.describeNamespace({ namespace: 'default' });
      return connection;
    } catch (err) {
      await connection?.close().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`the Temporal dev server did not answer on ${address} in 60s: ${String(err)}\n${service.tail()}`, { cause: err });
      await sleep(300);
    }
  }
}

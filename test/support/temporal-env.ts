import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, makeTelemetryFilterString, Runtime } from '@temporalio/worker';
import { OrderStage, OrderStatus, TemplateKey } from '@orderpath/workflows/search-attributes';
import { requireEnv } from './env';

let runtimeInstalled = false;
function quietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({
      logger: new DefaultLogger('WARN'),
      telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'ERROR' }) } },
    });
  } catch {
    // Already installed by another suite in this process.
  }
}

/** A throwaway Temporal dev server (real server, in memory) with OrderPath's search attributes. */
export function startDevServer(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: requireEnv('TEMPORAL_CLI_PATH') },
      searchAttributes: [OrderStage, OrderStatus, TemplateKey],
      ip: '127.0.0.1',
      extraArgs: ['--headless', '--log-level', 'error'],
    },
  });
}

/** The time-skipping test server (timers of months pass in seconds), with our search attributes. */
export async function startTimeSkipping(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: requireEnv('TEMPORAL_TEST_SERVER_PATH') } },
  });
  const keyword = temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries([OrderStage, OrderStatus, TemplateKey].map((k) => [k.name, keyword])),
  });
  return env;
}

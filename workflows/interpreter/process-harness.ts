/**
 * Test support (export-only): start a ProcessRuntime over FakePorts in one call and drive it.
 * Usable by any spec that needs a running order without Temporal.
 */
import { type Definition, type DefinitionInput, definitionSchema } from '../definition/schema';
import { FakePorts } from './fake-ports';
import type { ProcessSnapshot } from './ports';
import { ProcessRuntime } from './process-runtime';
import type { ProcessResult } from './types';

export interface ProcessHarness {
  ports: FakePorts;
  runtime: ProcessRuntime;
  /** The pending result of `runtime.run()`. */
  result: Promise<ProcessResult>;
  /** Completes the single open task of `nodeId` as `by` and lets the runtime move on. */
  complete(nodeId: string, data?: Record<string, unknown>, by?: string): Promise<void>;
  /** Lets every fiber run until all wait (or end). */
  settle(): Promise<void>;
}

export interface StartOptions {
  variables?: Record<string, unknown>;
  order?: Record<string, unknown>;
  ports?: FakePorts;
  resume?: ProcessSnapshot;
  orderId?: string;
}

/** Parses the template (applying schema defaults) like the API does before starting an order. */
export function template(definition: DefinitionInput | Definition): Definition {
  return definitionSchema.parse(definition);
}

export function startProcess(definition: DefinitionInput | Definition, options: StartOptions = {}): ProcessHarness {
  const ports = options.ports ?? new FakePorts();
  const runtime = new ProcessRuntime(
    { orderId: options.orderId ?? 'order-1', template: template(definition), variables: options.variables, order: options.order, resume: options.resume },
    ports,
  );
  const result = runtime.run();
  // Specs await it when they care; a rejection must not surface as an unhandled one meanwhile.
  result.catch(() => undefined);
  return {
    ports,
    runtime,
    result,
    settle: () => ports.settle(),
    async complete(nodeId, data = {}, by = 'rep1') {
      await ports.settle();
      const open = ports.openTasks(nodeId);
      if (open.length !== 1) throw new Error(`expected one open task at ${nodeId}, found ${open.length}`);
      await runtime.completeTask(open[0].id, data, by);
      await ports.settle();
    },
  };
}

/**
 * One time-skipping server and one polling worker per test file. The worker runs in the
 * background for the whole file because `Worker.runUntil` shuts the worker down when its
 * function ends, and a worker cannot run twice: one `h.run()` per file would force one test.
 */
import type { CreateWorkerOptions } from '../../../apps/worker/src/worker.factory';
import { startDevServer, startTimeSkipping } from '../../support/temporal-env';
import { openWorkflowHarness, type WorkflowHarness } from '../../support/workflow-harness';

/** Registers beforeAll/afterAll; read `.h` inside tests. */
export function useTimeSkippingHarness(extra: Pick<CreateWorkerOptions, 'extraActivities'> = {}): { h: WorkflowHarness } {
  return useHarness(startTimeSkipping, extra);
}

/** The same on a dev server: real time, and Temporal's visibility (listing closed workflows). */
export function useDevServerHarness(extra: Pick<CreateWorkerOptions, 'extraActivities'> = {}): { h: WorkflowHarness } {
  return useHarness(startDevServer, extra);
}

function useHarness(startEnv: typeof startTimeSkipping, extra: Pick<CreateWorkerOptions, 'extraActivities'>): { h: WorkflowHarness } {
  const holder = { h: undefined as unknown as WorkflowHarness };
  let running: Promise<void> | undefined;
  beforeAll(async () => {
    holder.h = await openWorkflowHarness(startEnv, extra);
    running = holder.h.worker.run();
  }, 120_000);
  afterAll(async () => {
    if (!holder.h) return;
    if (holder.h.worker.getState() === 'RUNNING') holder.h.worker.shutdown();
    await running?.catch(() => undefined);
    await holder.h.close();
  }, 60_000);
  return holder;
}

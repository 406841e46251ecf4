/**
 * The complete_to_next reference figure: a workflow whose `completeTask` update (same name and payload as
 * the order workflow's) only records the task id and returns — the bare cost of a Temporal update
 * round trip, with no task rows, no activities, no projection.
 */
import { condition, defineQuery, defineUpdate, setHandler } from '@temporalio/workflow';
import type { CompleteTaskInput } from '@orderpath/workflows/messages';

export const echoUpdate = defineUpdate<{ ok: true }, [CompleteTaskInput]>('completeTask');
export const readyQuery = defineQuery<boolean>('ready');

export async function updateEcho(): Promise<void> {
  const received: string[] = [];
  setHandler(readyQuery, () => true);
  setHandler(echoUpdate, ({ taskId }) => {
    received.push(taskId);
    return { ok: true as const };
  });
  // Runs until the benchmark's dev server goes away.
  await condition(() => false);
}

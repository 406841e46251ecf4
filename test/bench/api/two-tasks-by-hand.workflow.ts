/**
 * The complete_to_next baseline: the bench template's two tasks written by hand as a plain
 * Temporal workflow. It opens task A's row; its `completeTask` update (same name and payload as
 * the order workflow's) closes A's row and opens B's, then returns — the same rows through the
 * same activities (as local activities, as one would by hand), without an interpreter, events,
 * the projection or the API in front.
 */
import { condition, defineQuery, defineUpdate, proxyLocalActivities, setHandler, uuid4 } from '@temporalio/workflow';
import type { EngineActivities } from '@orderpath/activities';
import type { CompleteTaskInput } from '@orderpath/workflows/messages';
import type { TaskSpec } from '@orderpath/workflows/interpreter/ports';

export const byHandCompleteUpdate = defineUpdate<{ ok: true }, [CompleteTaskInput]>('completeTask');
/** The id of the open task, once its row is written. */
export const openTaskQuery = defineQuery<string | null>('openTask');

const rows = proxyLocalActivities<EngineActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '500ms', backoffCoefficient: 2, maximumInterval: '30s' },
});

export interface ByHandInput {
  orderId: string;
}

export async function twoTasksByHand({ orderId }: ByHandInput): Promise<void> {
  const task = (nodeId: string, name: string, category: string): TaskSpec => ({
    id: uuid4(), orderId, nodeId, iteration: 1, name, role: 'rep', assignee: null, stage: 'place', category,
    dueAt: null, form: null, prefill: {},
  });
  let open: string | null = null;
  setHandler(openTaskQuery, () => open);
  setHandler(byHandCompleteUpdate, async ({ taskId, data, by }) => {
    if (taskId !== open) throw new Error(`task ${taskId} is not open`);
    open = null;
    await rows.closeTask(taskId, { status: 'completed', data, by });
    open = await rows.createTask(task('b', 'Confirm delivery', 'delivery_replenishment'));
    return { ok: true as const };
  });
  open = await rows.createTask(task('a', 'Confirm quantity', 'order_processing'));
  // Task B is the end of the measured path; the workflow stays until the dev server goes away.
  await condition(() => false);
}

/**
 * Behaviour changes of the order workflow, and the list a new order is started with.
 *
 * A new order carries every current patch id in its input (`OrderWorkflowInput.patches`): the
 * workflow takes them as applying without asking Temporal's `patched()`, which would record a marker
 * and make core upsert `TemporalChangeVersion` for each — history events and a visibility update per
 * order for nothing, since a new order runs the newest code from its first task. Replay stays safe:
 * the list is in the workflow's input, so every replay of the order sees the same one. Orders started
 * without a list (before it existed) and patches added after an order started go through `patched()`.
 */
import { PATCHES } from './interpreter/ports';

/** Behaviour changes of the Temporal adapter (order.workflow.ts); the interpreter's are in PATCHES. */
export const ADAPTER_PATCHES = {
  deterministicChildId: 'deterministic-child-order-id',
  localTaskRows: 'task-rows-by-local-activity',
} as const;

/** What a new order is started with: every patch of this code. */
export const NEW_ORDER_PATCHES: readonly string[] = [...Object.values(PATCHES), ...Object.values(ADAPTER_PATCHES)];

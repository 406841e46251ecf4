/**
 * Every signal, query and update of the order workflow, typed, shared by the worker and the API.
 */
import { defineQuery, defineSignal, defineUpdate, type Sinks } from '@temporalio/workflow';
import type { RecordEventsInput } from '@orderpath/activities';
import type { Definition } from './definition/schema';
import type { OrderEvent, ProcessSnapshot } from './interpreter/ports';

export const TASK_QUEUE = 'orderpath';

export interface CompleteTaskInput {
  taskId: string;
  data: Record<string, unknown>;
  /** The user completing it (username). */
  by: string;
}
export interface ResolveIncidentInput {
  incidentId: string;
  action: 'retry' | 'skip' | 'abort';
  variables?: Record<string, unknown>;
  by: string;
}
export interface MessageInput {
  name: string;
  correlation?: unknown;
  payload?: unknown;
}
export interface MigrateInput {
  template: Definition;
  nodeMapping: Record<string, string>;
  by: string;
}
export interface CancelInput {
  reason: string;
  by: string;
}

/** Completes a user task; the validator refuses unknown/closed tasks and data failing the form. */
export const completeTaskUpdate = defineUpdate<{ ok: true }, [CompleteTaskInput]>('completeTask');
export const resolveIncidentUpdate = defineUpdate<{ ok: true }, [ResolveIncidentInput]>('resolveIncident');
/** Moves the waiting order onto another template version; refused with a reason when unsafe. */
export const migrateUpdate = defineUpdate<{ ok: true; version: number | null }, [MigrateInput]>('migrate');
export const cancelUpdate = defineUpdate<{ ok: true }, [CancelInput]>('cancel');
/** A business message (e.g. paymentReceived); kept until a token waits for it. */
export const messageSignal = defineSignal<[MessageInput]>('message');
export const stateQuery = defineQuery<ProcessSnapshot>('state');

export interface OrderWorkflowResult {
  status: 'completed' | 'cancelled' | 'aborted';
  vars: Record<string, unknown>;
  /**
   * The order's last projection events (ports.recordEndEvents), when its end handed them over:
   * written by the worker's `orderEnd` sink as the order completes, and by the closed-order
   * projector from here if that write was lost (apps/worker/src/closed-order-projector.ts).
   */
  endEvents?: OrderEvent[];
}

/** Calls from the order workflow to its worker, outside history (sinks). */
export interface OrderSinks extends Sinks {
  orderEnd: {
    /** Writes the order's last batch, as the recordEvents activity would; not called on replay. */
    record(batch: RecordEventsInput): void;
  };
}

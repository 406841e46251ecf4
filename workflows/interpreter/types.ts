/**
 * Types of the interpreter that are not part of the adapter contract (ports.ts).
 */
import type { Edge } from '../definition/schema';
import type { ProcessSnapshot, TokenState } from './ports';

/** How `ProcessRuntime.run()` ends. */
export type ProcessResult =
  | { status: 'completed' | 'cancelled' | 'aborted'; vars: Record<string, unknown> }
  | { status: 'continueAsNew'; snapshot: ProcessSnapshot };

/** A supervisor's decision on an incident. */
export type IncidentAction = 'retry' | 'skip' | 'abort';
export const INCIDENT_ACTIONS: readonly IncidentAction[] = ['retry', 'skip', 'abort'];

export type Vars = Record<string, unknown>;
export type TokenWait = NonNullable<TokenState['wait']>;
export type WaitOf<K extends TokenWait['kind']> = Extract<TokenWait, { kind: K }>;

/** A message handed to a waiting token, consumed by its fiber when it wakes. */
export interface DeliveredMessage {
  name: string;
  correlation?: unknown;
  payload: unknown;
  at: string;
}

/** A live token: the carried state plus a mailbox that never leaves the runtime. */
export interface Token extends TokenState {
  inbox?: DeliveredMessage;
}

/**
 * Lifecycle of an open user task as the runtime sees it. completeTask leaves `open`
 * synchronously, so a second completion is refused at once: to `completed` (the token moves on
 * while the row closes), or — before PATCHES.taskRowsAlongside — to `completing` until it is closed.
 */
export interface TaskRecord {
  id: string;
  tokenId: string;
  state: 'open' | 'completing' | 'completed' | 'cancelled';
  data?: Vars;
  by?: string | null;
}

export interface IncidentRecord {
  id: string;
  tokenId: string;
  nodeId: string;
  activity: string;
  error: string;
  since: string;
  state: 'open' | 'resolving' | 'resolved';
  action?: IncidentAction;
  variables?: Vars;
  by?: string | null;
}

/** Why the run stops before all tokens reach an end. The first request wins. */
export type StopRequest =
  | { kind: 'cancelled'; reason: string }
  | { kind: 'aborted'; incidentId: string; by: string | null }
  | { kind: 'continueAsNew' }
  | { kind: 'failed'; error: unknown };

/** Where a fiber picks up: the edge it arrived by, and a wait to re-attach to when resuming. */
export interface Arrival {
  via?: string;
  resume?: TokenWait;
}

/** What an executor decides: leave on these edges (several = fork); none = the token ends. */
export type NodeOutcome = Edge[];

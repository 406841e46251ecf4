/**
 * The interpreter's view of the outside world. The Temporal adapter (order.workflow.ts) implements
 * these with workflow APIs and proxied activities; unit tests implement them with fakes.
 * Everything here must be deterministic given the same history.
 */
import type { Definition, RetryPolicy } from '../definition/schema';

/** A projection event; written idempotently by (orderId, seq). */
export interface OrderEvent {
  seq: number;
  /** e.g. order_started, node_entered, node_completed, task_created, task_completed, task_overdue,
   *  incident_opened, incident_resolved, message_received, stage_changed, order_completed, … */
  type: string;
  at: string; // ISO timestamp (workflow time)
  nodeId?: string;
  iteration?: number;
  data?: Record<string, unknown>;
  /**
   * Snapshot for the projection, taken when the event was appended: carried by the last event of
   * each batch written (the store applies it when its seq is the newest seen).
   */
  snapshot?: { status: OrderStatus; stage: string | null; activeNodes: string[] };
}

export type OrderStatus = 'running' | 'waiting' | 'incident' | 'completed' | 'cancelled' | 'aborted';
/** Statuses an order never leaves. */
export const ORDER_END_STATUSES: readonly OrderStatus[] = ['completed', 'cancelled', 'aborted'];

export interface TaskSpec {
  /** Chosen by the workflow before the row exists, so a completion can never outrun it. */
  id: string;
  orderId: string;
  nodeId: string;
  iteration: number;
  name: string;
  role: string;
  assignee: string | null;
  stage: string | null;
  category: string | null;
  dueAt: string | null;
  form: unknown;
  prefill: Record<string, unknown>;
}

export interface IncidentSpec {
  orderId: string;
  nodeId: string;
  iteration: number;
  activity: string;
  error: string;
  attempts: number;
}

export interface ServiceCall {
  activity: string;
  input: Record<string, unknown>;
  retry?: RetryPolicy;
  timeout?: string;
  nodeId: string;
}

export interface Ports {
  /** Workflow time in ms since epoch. */
  now(): number;
  /** The id for a new task at this node iteration: unique, deterministic under replay. */
  taskId(nodeId: string, iteration: number): string;
  sleep(ms: number): Promise<void>;
  /** Resolves true when fn() holds, false on timeout. */
  condition(fn: () => boolean, timeoutMs?: number): Promise<boolean>;
  /** Creates the task row with spec.id (or finds it): idempotent on orderId+nodeId+iteration. Returns the row's id. */
  createTask(spec: TaskSpec): Promise<string>;
  /** Marks the task row closed (completed with data, or cancelled). Idempotent. */
  closeTask(taskId: string, outcome: { status: 'completed' | 'cancelled'; data?: Record<string, unknown>; by?: string | null }): Promise<void>;
  /** Marks a task overdue in the read model (escalation). */
  markTaskOverdue(taskId: string): Promise<void>;
  /** Runs a domain activity with the node's retry policy; rejects with ServiceFailure when attempts are exhausted. */
  runService(call: ServiceCall): Promise<Record<string, unknown>>;
  /**
   * `runService` in callback form, for the lean fibers (PATCHES.leanFibers): calls exactly one of
   * `done` / `failed` (a ServiceFailure when attempts are exhausted) from the activity's own
   * settlement, creating no promise of its own. `done` gets the activity's result as it came (the
   * interpreter takes a non-record as `{ result }`), so a host can hand it to the settlement as is:
   * no frame of the host's between the settlement and the walk (each frame costs in every captured
   * promise stack). Hosts may omit it (runService is used instead).
   */
  startService?(call: ServiceCall, done: (result: unknown) => void, failed: (error: unknown) => void): void;
  openIncident(spec: IncidentSpec): Promise<string>;
  closeIncident(incidentId: string, resolution: { action: string; by?: string | null }): Promise<void>;
  /** Writes projection events (idempotent by seq). */
  recordEvents(orderId: string, events: OrderEvent[]): Promise<void>;
  /**
   * Takes the order's last batch of events (its end: completed, cancelled or aborted), called once
   * every earlier batch is written (PATCHES.endBatchHandOver). The host makes it durable with the
   * run's own end (Temporal: in the workflow's result) and writes it like `recordEvents`, so the
   * end costs no awaited write. Hosts may omit it: the last batch then goes to `recordEvents`.
   */
  recordEndEvents?(orderId: string, events: OrderEvent[]): void;
  /** Runs another published template as a child order; resolves with the child's final variables. */
  startChild(call: { templateKey: string; templateVersion?: number; nodeId: string; iteration: number; variables: Record<string, unknown> }): Promise<Record<string, unknown>>;
  /** Tells whether history is large enough that the run should continue as new at a safe point. */
  shouldContinueAsNew(): boolean;
  /** Visibility: search attributes for the Temporal Web UI. */
  setSearchAttributes(attrs: { stage: string | null; status: OrderStatus }): void;
  /**
   * Whether a behaviour change `id` (one of PATCHES) applies: false only while replaying a
   * history recorded before the change (Temporal's `patched()`). Call it at the point where the
   * old and new behaviour part. Hosts without histories omit it: everything applies.
   */
  patched?(id: string): boolean;
}

/**
 * Interpreter behaviour changes gated by `ports.patched` so that histories recorded before them
 * keep replaying (see README.md, "Changing behaviour"). Never remove or reuse an id while
 * orders started before it may still run.
 */
export const PATCHES = {
  /** A migration wakes deadline waits so they re-arm from the target node. */
  migrationRearmsDeadlines: 'migration-rearms-deadlines',
  /** task_overdue is written once the token shows its wait again (the projection stays "waiting"). */
  overdueWhileWaiting: 'overdue-while-waiting',
  /** A completed task's token moves on while its row closes (both in the Update's workflow task). */
  taskRowsAlongside: 'task-rows-alongside',
  /**
   * Asked once per run, before its first event. Fibers pass start, end and gateways without
   * awaiting; a fresh service task or timer is one awaited call (a stop abandons it instead of
   * waking a condition); search attributes are upserted where events are flushed, not per change.
   */
  fastPath: 'engine-fast-path',
  /**
   * Asked once per run, first (a run it applies to also takes the fast path, without asking).
   * Fibers continue from callbacks instead of an async loop, and a service task's activity is
   * started through `startService`: one promise of ours per step where the fast path made three.
   */
  leanFibers: 'engine-lean-fibers',
  /**
   * Asked at the order's end, where the host takes the last batch (`ports.recordEndEvents`): the
   * batch goes there instead of an awaited `recordEvents`.
   */
  endBatchHandOver: 'end-batch-handed-over',
} as const;

/** Thrown by runService when the activity failed for good (retries exhausted or non-retryable). */
export class ServiceFailure extends Error {
  constructor(message: string, readonly attempts: number) {
    super(message);
    this.name = 'ServiceFailure';
  }
}

export interface ProcessInput {
  orderId: string;
  template: Definition;
  variables?: Record<string, unknown>;
  /** Order metadata visible to expressions as `order`. */
  order?: Record<string, unknown>;
  /** Present when continuing as new or migrating: the carried state. */
  resume?: ProcessSnapshot;
}

export interface TokenState {
  id: string;
  nodeId: string;
  iteration: number;
  since: string;
  /** What the token waits for, if anything. */
  wait?:
    | { kind: 'task'; taskId: string; dueAt: string | null; overdue?: boolean }
    | { kind: 'timer'; until: string }
    | { kind: 'message'; message: string; correlation?: unknown; expectedBy?: string | null }
    | { kind: 'incident'; incidentId: string; error: string }
    | { kind: 'child'; templateKey: string };
}

/** The state carried across continue-as-new, and returned by the `state` query. */
export interface ProcessSnapshot {
  status: OrderStatus;
  stage: string | null;
  vars: Record<string, unknown>;
  tokens: TokenState[];
  iterations: Record<string, number>;
  /** Arrivals at parallel joins: joinNodeId → edge ids arrived. */
  joins: Record<string, string[]>;
  /** Messages received with no token waiting yet (never lost). */
  pendingMessages: { name: string; correlation?: unknown; payload: unknown; at: string }[];
  openIncidents: { id: string; nodeId: string; activity: string; error: string; since: string }[];
  seq: number;
  cycle: number;
  templateKey: string;
  templateVersion: number | null;
}

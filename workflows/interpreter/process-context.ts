/**
 * The mutable state of one running order and the primitives every executor uses: emitting
 * events, waiting (always interruptible by cancel / abort), and stopping.
 *
 * Decision: every wait — timers included — is `ports.condition(pred || stopped, timeout)` rather
 * than `ports.sleep`, so cancel, abort and failures wake all fibers at once and they unwind.
 */
import type { ExpressionScope } from '../definition/expressions';
import { EventLog } from './event-log';
import { ProcessGraph } from './graph';
import { PATCHES, type OrderEvent, type OrderStatus, type Ports, type ProcessInput, type ProcessSnapshot } from './ports';
import { toIso } from './time';
import type { IncidentRecord, StopRequest, TaskRecord, Token, TokenWait, Vars } from './types';

/**
 * The largest last batch handed over with the order's end, as JSON: a larger one is written by an
 * awaited flush instead, keeping the workflow's result (and a parent's history, for a sub-process)
 * well below Temporal's payload limits (a warning at 512 KB, a refusal at 2 MB). A batch grows by
 * running many steps with no wait anyone watches in between, or with long event data (a
 * cancellation's reason, an activity's error).
 */
export const END_BATCH_MAX_CHARS = 256 * 1024;

/** Thrown inside fibers when the run stops; fibers unwind on it silently. */
export class Stopped extends Error {
  constructor() {
    super('process stopped');
    this.name = 'Stopped';
  }
}

export interface WaitOptions {
  /** The wait ends when this holds. */
  until: () => boolean;
  /** Gives up after this long; `waitFor` then resolves false. */
  timeoutMs?: number;
  /** Appended once the token shows the wait, so its snapshot says "waiting". */
  event?: { type: string; data?: Vars };
  /** Work started just before the wait (a task's row), settled together with the flush. */
  alongside?: Promise<unknown>;
}

export class ProcessContext {
  readonly orderId: string;
  readonly order: Vars;
  graph: ProcessGraph;
  vars: Vars;
  readonly tokens = new Map<string, Token>();
  iterations: Record<string, number> = {};
  joins: Record<string, string[]> = {};
  pendingMessages: ProcessSnapshot['pendingMessages'] = [];
  readonly tasks = new Map<string, TaskRecord>();
  readonly incidents = new Map<string, IncidentRecord>();
  stage: string | null = null;
  cycle = 0;
  /** Bumped by each migration: waits with a deadline wake on it and re-derive the deadline. */
  migrations = 0;
  stop: StopRequest | null = null;
  finished = false;
  /** PATCHES.fastPath applies to this run (decided once, by `ProcessRuntime.run`). */
  fastPath = false;
  /** PATCHES.leanFibers applies to this run (then so does the fast path). */
  lean = false;
  /** Fibers of the run before PATCHES.fastPath, awaited by `allFibersDone`. */
  readonly fibers = new Set<Promise<void>>();
  readonly log: EventLog;
  private tokenCounter = 0;
  private reported: { status: OrderStatus; stage: string | null } | null = null;
  /** Status and stage of the newest event (fast path: reported at the next flush). */
  private latest: { status: OrderStatus; stage: string | null } | null = null;
  /** Fast path: fibers running, and how many of them await work a stop abandons. */
  private live = 0;
  private parked = 0;
  private onFiberChange: (() => void) | undefined;
  private isoOf = Number.NaN;
  private iso = '';

  constructor(input: ProcessInput, readonly ports: Ports) {
    this.orderId = input.orderId;
    this.order = { id: input.orderId, ...input.order };
    this.graph = new ProcessGraph(input.template);
    this.vars = { ...variableDefaults(input), ...input.variables };
    this.log = new EventLog(input.orderId, ports, input.resume?.seq ?? 0);
  }

  /** Workflow time as ISO text; formatted once per instant (it stands still within a workflow task). */
  nowIso(): string {
    const now = this.ports.now();
    if (now !== this.isoOf) {
      this.isoOf = now;
      this.iso = toIso(now);
    }
    return this.iso;
  }

  scope(): ExpressionScope {
    return { vars: this.vars, order: this.order };
  }

  status(): OrderStatus {
    if (this.stop?.kind === 'cancelled') return 'cancelled';
    if (this.stop?.kind === 'aborted') return 'aborted';
    if (this.finished) return 'completed';
    if (this.incidents.size > 0) return 'incident';
    if (this.tokens.size === 0) return 'running';
    for (const token of this.tokens.values()) if (token.wait === undefined) return 'running';
    return 'waiting';
  }

  activeNodes(): string[] {
    const nodes: string[] = [];
    for (const token of this.tokens.values()) if (!nodes.includes(token.nodeId)) nodes.push(token.nodeId);
    return nodes;
  }

  /** Appends an event carrying the current projection snapshot; reports status/stage changes. */
  emit(type: string, fields: Pick<OrderEvent, 'nodeId' | 'iteration' | 'data'> = {}): void {
    const snapshot = { status: this.status(), stage: this.stage, activeNodes: this.activeNodes() };
    this.log.append(type, this.nowIso(), fields, snapshot);
    if (this.fastPath) this.latest = snapshot;
    else this.report(snapshot);
  }

  /**
   * Writes the buffered events. On the fast path the search attributes follow at the same points
   * (before a wait, at the end), so they say what the projection says, with one upsert per wait
   * instead of one per change of status or stage.
   */
  flush(): Promise<void> {
    if (this.fastPath && this.latest) this.report(this.latest);
    return this.log.flush();
  }

  /**
   * Writes the order's last batch: handed to `ports.recordEndEvents` when the host takes it
   * (PATCHES.endBatchHandOver) and the batch is no larger than END_BATCH_MAX_CHARS (it travels in
   * the workflow's result); otherwise flushed like any other.
   */
  async flushEnd(): Promise<void> {
    const take = this.ports.recordEndEvents;
    if (!take || this.log.pendingSize() > END_BATCH_MAX_CHARS || !(this.ports.patched?.(PATCHES.endBatchHandOver) ?? true)) return this.flush();
    if (this.fastPath && this.latest) this.report(this.latest);
    const batch = await this.log.handOver();
    if (batch.length > 0) take.call(this.ports, this.orderId, batch);
  }

  private report(now: { status: OrderStatus; stage: string | null }): void {
    if (this.reported?.status === now.status && this.reported.stage === now.stage) return;
    this.reported = now;
    this.ports.setSearchAttributes({ stage: now.stage, status: now.status });
  }

  newToken(nodeId: string): Token {
    this.tokenCounter += 1;
    const token: Token = { id: `t${this.tokenCounter}`, nodeId, iteration: this.iterations[nodeId] ?? 0, since: this.nowIso() };
    this.tokens.set(token.id, token);
    return token;
  }

  /** Adds a carried token (resume), keeping new ids clear of it. */
  adoptToken(token: Token): void {
    this.tokens.set(token.id, token);
    const n = Number(/^t(\d+)$/.exec(token.id)?.[1] ?? 0);
    if (n > this.tokenCounter) this.tokenCounter = n;
  }

  /** Records the first reason to stop; later requests are ignored. Waiting fibers wake. */
  requestStop(request: StopRequest): void {
    if (this.stop !== null) return;
    this.stop = request;
    this.onFiberChange?.();
  }

  throwIfStopped(): void {
    if (this.stop !== null) throw new Stopped();
  }

  /**
   * Shows `wait` on the token, appends `event`, flushes the event buffer, then waits for
   * `until()` (true) or the timeout (false). Throws Stopped when the run stops meanwhile.
   */
  async waitFor(token: Token, wait: TokenWait, options: WaitOptions): Promise<boolean> {
    token.wait = wait;
    if (options.event) this.emit(options.event.type, { nodeId: token.nodeId, iteration: token.iteration, data: options.event.data });
    await (options.alongside ? Promise.all([this.flush(), options.alongside]) : this.flush());
    this.throwIfStopped();
    const timeoutMs = options.timeoutMs;
    const held = timeoutMs !== undefined && timeoutMs <= 0
      ? options.until()
      : await this.ports.condition(() => this.stop !== null || options.until(), timeoutMs);
    this.throwIfStopped();
    token.wait = undefined;
    return held;
  }

  /**
   * Awaits side-effecting work (activity, child order) but gives up when the run stops, so
   * cancel and abort never wait for a long activity. The abandoned promise's outcome is ignored.
   */
  async unlessStopped<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    const tracked = work.finally(() => {
      settled = true;
    });
    tracked.catch(() => undefined);
    await this.ports.condition(() => settled || this.stop !== null);
    this.throwIfStopped();
    return tracked;
  }

  /**
   * Fast path: a plain delay (a timer) — shows `wait`, appends `event`, flushes unless told not to,
   * sleeps, then returns `next()`. No condition: a stop does not wake it, the fiber is parked (the
   * run stops without it). Chained, not async: each promise in workflow code has its cost.
   */
  sleepFor<T>(token: Token, wait: TokenWait, ms: number, event: NonNullable<WaitOptions['event']>, flush: boolean, next: () => T): Promise<T> {
    token.wait = wait;
    this.emit(event.type, { nodeId: token.nodeId, iteration: token.iteration, data: event.data });
    if (!flush) return this.sleepParked(token, ms, next);
    return this.flush().then(() => this.sleepParked(token, ms, next));
  }

  private sleepParked<T>(token: Token, ms: number, next: () => T): Promise<T> {
    this.throwIfStopped();
    this.park();
    return this.ports.sleep(ms).then(() => {
      this.unpark();
      this.throwIfStopped();
      token.wait = undefined;
      return next();
    }, (error: unknown) => {
      this.unpark();
      throw error;
    });
  }

  /** Fast path: counts a fiber from its start to its end. */
  fiberStarted(): void {
    this.live += 1;
  }

  fiberEnded(): void {
    this.live -= 1;
    this.onFiberChange?.();
  }

  /**
   * Fast path: the fiber now awaits work that a stop abandons (an activity, a timer) until
   * `unpark()`. Such a fiber does not hold the run up once it stops; should the work settle later,
   * the fiber finds the run stopped.
   */
  park(): void {
    this.parked += 1;
    this.onFiberChange?.();
  }

  unpark(): void {
    this.parked -= 1;
  }

  /**
   * Resolves when every fiber, including ones forked meanwhile, has ended — on the fast path also
   * once the run has stopped and every fiber left is parked on abandoned work.
   */
  allFibersDone(): Promise<void> {
    if (!this.fastPath) return this.allFibersEnded();
    return new Promise<void>((resolve) => {
      const check = () => {
        if (this.live === 0 || (this.stop !== null && this.live === this.parked)) resolve();
      };
      this.onFiberChange = check;
      check();
    });
  }

  private async allFibersEnded(): Promise<void> {
    while (this.fibers.size > 0) await Promise.all([...this.fibers]);
  }
}

function variableDefaults(input: ProcessInput): Vars {
  const defaults: Vars = {};
  for (const variable of input.template.variables ?? []) {
    if (variable.default !== undefined) defaults[variable.key] = variable.default;
  }
  return defaults;
}

/**
 * In-memory Ports for unit tests of the interpreter (and anyone driving it without Temporal).
 *
 * Time is virtual: `now()` only moves when a test calls `advance()`, or on its own when
 * `autoAdvance` is on and everything is idle (like Temporal's time-skipping server).
 * `condition()` is polled on macrotask ticks, so it sees state changed by runtime calls made
 * from the test; `settle()` resolves once nothing has progressed for a few ticks.
 */
import type { IncidentSpec, OrderEvent, OrderStatus, Ports, ServiceCall, TaskSpec } from './ports';
import { ServiceFailure } from './ports';

type Waiter = { fn: () => boolean; deadline?: number; resolve: (held: boolean) => void };
export type ServiceHandler = (input: Record<string, unknown>, call: ServiceCall) => Record<string, unknown> | Promise<Record<string, unknown>>;

export interface FakeTask {
  id: string;
  spec: TaskSpec;
  status: 'open' | 'completed' | 'cancelled';
  overdue: boolean;
  data?: Record<string, unknown>;
  by?: string | null;
}

export interface FakeIncident {
  id: string;
  spec: IncidentSpec;
  status: 'open' | 'closed';
  resolution?: { action: string; by?: string | null };
}

const IDLE_TICKS = 3;
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

export class FakePorts implements Ports {
  time: number;
  autoAdvance = false;
  readonly tasks = new Map<string, FakeTask>();
  readonly incidents = new Map<string, FakeIncident>();
  /** Every event written, in write order. */
  readonly events: OrderEvent[] = [];
  readonly batches: OrderEvent[][] = [];
  /** The newest run's last batch, when its end handed it over (recordEndEvents); it is in `batches` too. */
  endBatch?: OrderEvent[];
  readonly serviceCalls: ServiceCall[] = [];
  readonly childCalls: { templateKey: string; nodeId: string; iteration: number; variables: Record<string, unknown> }[] = [];
  readonly searchAttributes: { stage: string | null; status: OrderStatus }[] = [];
  /** Activity fakes by name; a missing one fails like an exhausted activity. */
  services: Record<string, ServiceHandler> = {};
  children: Record<string, (variables: Record<string, unknown>) => Record<string, unknown>> = {};
  continueAsNew: boolean | (() => boolean) = false;
  /** Set to answer `ports.patched` (e.g. `() => false` to replay behaviour from before a change). */
  patched?: (id: string) => boolean;
  /** Highest number of recordEvents calls seen in flight at once (must stay 1). */
  maxConcurrentWrites = 0;
  private writesInFlight = 0;
  private waiters: Waiter[] = [];
  private pumping = false;
  /** Bumped whenever a waiter is released (by the pump or by settle), so settle sees all progress. */
  private progress = 0;
  private incidentCounter = 0;

  constructor(start: string | number = '2025-01-01T00:00:00.000Z') {
    this.time = typeof start === 'number' ? start : Date.parse(start);
  }

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    return this.condition(() => false, ms).then(() => undefined);
  }

  condition(fn: () => boolean, timeoutMs?: number): Promise<boolean> {
    if (fn()) return Promise.resolve(true);
    return new Promise((resolve) => {
      this.waiters.push({ fn, deadline: timeoutMs === undefined ? undefined : this.time + timeoutMs, resolve });
      this.pump();
    });
  }

  taskId(nodeId: string, iteration: number): string {
    return `task:${nodeId}:${iteration}`;
  }

  async createTask(spec: TaskSpec): Promise<string> {
    const id = spec.id;
    if (!this.tasks.has(id)) this.tasks.set(id, { id, spec, status: 'open', overdue: false });
    return id;
  }

  async closeTask(taskId: string, outcome: { status: 'completed' | 'cancelled'; data?: Record<string, unknown>; by?: string | null }): Promise<void> {
    const task = this.tasks.get(taskId);
    if (task) Object.assign(task, { status: outcome.status, data: outcome.data, by: outcome.by });
  }

  async markTaskOverdue(taskId: string): Promise<void> {
    const task = this.tasks.get(taskId);
    if (task) task.overdue = true;
  }

  async runService(call: ServiceCall): Promise<Record<string, unknown>> {
    this.serviceCalls.push(call);
    // Like a real activity, the work starts after the call returns: a spec may set `services`
    // right after starting a process whose first node is a service task.
    await Promise.resolve();
    const handler = this.services[call.activity];
    if (!handler) throw new ServiceFailure(`no fake for activity ${call.activity}`, call.retry?.maxAttempts ?? 1);
    return handler(call.input, call);
  }

  async openIncident(spec: IncidentSpec): Promise<string> {
    this.incidentCounter += 1;
    const id = `incident-${this.incidentCounter}`;
    this.incidents.set(id, { id, spec, status: 'open' });
    return id;
  }

  async closeIncident(incidentId: string, resolution: { action: string; by?: string | null }): Promise<void> {
    const incident = this.incidents.get(incidentId);
    if (incident) Object.assign(incident, { status: 'closed', resolution });
  }

  async recordEvents(_orderId: string, events: OrderEvent[]): Promise<void> {
    this.writesInFlight += 1;
    this.maxConcurrentWrites = Math.max(this.maxConcurrentWrites, this.writesInFlight);
    await tick(); // a real write takes a while: lets overlapping flushes show up
    this.batches.push(events);
    this.events.push(...events);
    this.writesInFlight -= 1;
  }

  recordEndEvents(_orderId: string, events: OrderEvent[]): void {
    this.endBatch = events;
    this.batches.push(events);
    this.events.push(...events);
  }

  async startChild(call: { templateKey: string; nodeId: string; iteration: number; variables: Record<string, unknown> }): Promise<Record<string, unknown>> {
    this.childCalls.push(call);
    const child = this.children[call.templateKey];
    return child ? child(call.variables) : { ...call.variables };
  }

  shouldContinueAsNew(): boolean {
    return typeof this.continueAsNew === 'function' ? this.continueAsNew() : this.continueAsNew;
  }

  setSearchAttributes(attrs: { stage: string | null; status: OrderStatus }): void {
    this.searchAttributes.push(attrs);
  }

  // ---- test controls ----

  /** Open tasks, optionally of one node. */
  openTasks(nodeId?: string): FakeTask[] {
    return [...this.tasks.values()].filter((task) => task.status === 'open' && (nodeId === undefined || task.spec.nodeId === nodeId));
  }

  openIncidents(): FakeIncident[] {
    return [...this.incidents.values()].filter((incident) => incident.status === 'open');
  }

  /** Waits until no waiter has progressed and no write was in flight for a few ticks (the runtime is blocked or done). */
  async settle(): Promise<void> {
    for (let idle = 0; idle < IDLE_TICKS;) {
      const before = this.progress;
      await tick();
      this.check();
      if (this.progress !== before || this.writesInFlight > 0) idle = 0;
      else if (this.autoAdvance && this.skipToNextDeadline()) idle = 0;
      else idle += 1;
    }
  }

  /** Moves virtual time forward by `ms`, firing timers in deadline order and settling between. */
  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    await this.settle();
    for (;;) {
      const next = this.nextDeadline();
      if (next === undefined || next > target) break;
      this.time = Math.max(this.time, next);
      await this.settle();
    }
    this.time = target;
    await this.settle();
  }

  private nextDeadline(): number | undefined {
    const deadlines = this.waiters.map((waiter) => waiter.deadline).filter((d): d is number => d !== undefined);
    return deadlines.length === 0 ? undefined : Math.min(...deadlines);
  }

  private skipToNextDeadline(): boolean {
    const next = this.nextDeadline();
    if (next === undefined) return false;
    this.time = Math.max(this.time, next);
    return this.check();
  }

  /** Resolves satisfied or expired waiters; true when any did. */
  private check(): boolean {
    const ready = this.waiters.filter((waiter) => waiter.fn() || (waiter.deadline !== undefined && waiter.deadline <= this.time));
    if (ready.length === 0) return false;
    this.waiters = this.waiters.filter((waiter) => !ready.includes(waiter));
    this.progress += 1;
    for (const waiter of ready) waiter.resolve(waiter.fn());
    return true;
  }

  /**
   * Background polling while anyone waits, so tests need not call settle() after every action.
   * With `autoAdvance`, time jumps to the next deadline once nothing else moves.
   */
  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    let idle = 0;
    const loop = () => {
      if (this.check() || this.writesInFlight > 0) idle = 0;
      else if (++idle >= IDLE_TICKS && this.autoAdvance && this.skipToNextDeadline()) idle = 0;
      if (this.waiters.length === 0) {
        this.pumping = false;
        return;
      }
      schedule();
    };
    // Unref'd, a forgotten waiter cannot keep the test process alive. But Node blocks in its poll
    // phase when only unref'd immediates are queued (they run whenever some other timer wakes it,
    // seconds later under load), so a time-skipping run, which nothing else drives, keeps its ref.
    const schedule = () => {
      const immediate = setImmediate(loop);
      if (!this.autoAdvance) immediate.unref();
    };
    schedule();
  }
}

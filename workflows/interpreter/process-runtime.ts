/**
 * ProcessRuntime: the pure interpreter of one order. It walks the template graph with tokens,
 * talks to the world only through `Ports`, and is deterministic given the same port results —
 * so it runs unchanged inside Temporal's workflow sandbox (order.workflow.ts) and in unit tests.
 *
 * @example
 *   const runtime = new ProcessRuntime({ orderId, template, variables }, ports);
 *   // wire Updates/Signals/Queries to completeTask, resolveIncident, deliverMessage, snapshot …
 *   const result = await runtime.run();
 */
import type { Definition } from '../definition/schema';
import { AlreadyStartedError } from './errors';
import { spawnFiber } from './fiber';
import { resolveIncident, validateResolution } from './incidents';
import { deliverMessage } from './messages';
import { applyMigration, planMigration } from './migration';
import { PATCHES, type Ports, type ProcessInput, type ProcessSnapshot } from './ports';
import { ProcessContext } from './process-context';
import { restoreSnapshot, takeSnapshot } from './snapshot';
import { cancelOpenTasks, completeTask, validateCompletion } from './tasks';
import type { IncidentAction, ProcessResult, Vars } from './types';

export class ProcessRuntime {
  private readonly ctx: ProcessContext;
  private started = false;

  constructor(private readonly input: ProcessInput, ports: Ports) {
    this.ctx = new ProcessContext(input, ports);
    if (input.resume) restoreSnapshot(this.ctx, input.resume);
  }

  /**
   * Runs until every token has ended (completed), the order is cancelled or aborted, or a loop's
   * back edge is a good point to continue as new. Rejects only on defects (a bug, a broken
   * template, a port that throws something other than ServiceFailure).
   */
  async run(): Promise<ProcessResult> {
    if (this.started) throw new AlreadyStartedError();
    this.started = true;
    const ctx = this.ctx;
    // Asked before the first event: the patches change when search attributes are upserted. A run
    // on lean fibers does not ask for the fast path it includes (one marker per order, not two).
    ctx.lean = ctx.ports.patched?.(PATCHES.leanFibers) ?? true;
    ctx.fastPath = ctx.lean || (ctx.ports.patched?.(PATCHES.fastPath) ?? true);
    if (this.input.resume) {
      for (const token of ctx.tokens.values()) spawnFiber(ctx, token, { resume: token.wait }, token.wait !== undefined);
    } else {
      ctx.emit('order_started', { data: { templateKey: ctx.graph.definition.key, templateVersion: ctx.graph.definition.version ?? null } });
      spawnFiber(ctx, ctx.newToken(ctx.graph.start().id), {}, false);
    }
    await ctx.allFibersDone();
    return this.finish();
  }

  /**
   * Checks that `taskId` is open here and `data` passes its form; returns the validated data.
   * @throws TaskNotOpenError | TaskDataInvalidError — for the Update validator.
   */
  validateCompletion(taskId: string, data: unknown): Vars {
    return validateCompletion(this.ctx, taskId, data);
  }

  /**
   * Completes a task. The task is closed synchronously before anything is awaited, so of two
   * concurrent completions exactly one wins; resolves once the task row is closed.
   * @throws TaskNotOpenError | TaskDataInvalidError
   */
  completeTask(taskId: string, data: unknown, by?: string | null): Promise<void> {
    return completeTask(this.ctx, taskId, data, by);
  }

  /** @throws IncidentNotOpenError | InvalidIncidentActionError — for the Update validator. */
  validateResolution(incidentId: string, action: string): void {
    validateResolution(this.ctx, incidentId, action);
  }

  /**
   * Resolves an open incident: `retry` runs the node again, `skip` continues past it, `abort`
   * ends the order as aborted. `variables` are merged before retry or skip.
   * @throws IncidentNotOpenError | InvalidIncidentActionError
   */
  resolveIncident(incidentId: string, action: IncidentAction, variables?: Vars, by?: string | null): Promise<void> {
    return resolveIncident(this.ctx, incidentId, action, variables, by);
  }

  /**
   * Hands a message to a waiting catch, or keeps it until one is reached (never lost).
   * Resolves once any resulting events are written.
   */
  async deliverMessage(name: string, payload: unknown, correlation?: unknown): Promise<'delivered' | 'stored'> {
    const outcome = deliverMessage(this.ctx, name, payload, correlation);
    await this.ctx.flush();
    return outcome;
  }

  /** Ends all tokens; open tasks are closed as cancelled and run() resolves 'cancelled'. */
  cancel(reason: string): void {
    if (this.ctx.finished) return;
    this.ctx.requestStop({ kind: 'cancelled', reason });
  }

  /** @throws MigrationRefusedError naming the node that prevents the migration. */
  validateMigration(target: Definition, nodeMapping: Record<string, string>): void {
    planMigration(this.ctx, target, nodeMapping);
  }

  /**
   * Switches a running order to `target`, moving each waiting token to its mapped node. The
   * switch happens synchronously on call; the promise resolves once the `migrated` event is
   * written, or rejects with the refusal.
   * @throws MigrationRefusedError (as a rejection)
   */
  async migrate(target: Definition, nodeMapping: Record<string, string>): Promise<void> {
    applyMigration(this.ctx, planMigration(this.ctx, target, nodeMapping), nodeMapping);
    await this.ctx.flush();
  }

  /** The template version the order runs on now (changes on migrate); carry it into continue-as-new. */
  get definition(): Definition {
    return this.ctx.graph.definition;
  }

  /** The live variables, not a copy: for a port that serialises them at once (an activity's input). */
  get variables(): Vars {
    return this.ctx.vars;
  }

  /** The current state (the `state` query); a copy. */
  snapshot(): ProcessSnapshot {
    return takeSnapshot(this.ctx);
  }

  private async finish(): Promise<ProcessResult> {
    const ctx = this.ctx;
    const stop = ctx.stop;
    if (stop?.kind === 'failed') {
      await ctx.flush().catch(() => undefined);
      throw stop.error;
    }
    if (stop?.kind === 'continueAsNew') {
      await ctx.flush();
      return { status: 'continueAsNew', snapshot: { ...takeSnapshot(ctx), status: 'running', cycle: ctx.cycle + 1 } };
    }
    if (stop?.kind === 'cancelled' || stop?.kind === 'aborted') {
      await this.closeLeftovers(stop.kind);
      ctx.tokens.clear();
      const data = stop.kind === 'cancelled' ? { reason: stop.reason } : { incidentId: stop.incidentId, by: stop.by };
      ctx.emit(`order_${stop.kind}`, { data });
      await ctx.flushEnd();
      return { status: stop.kind, vars: ctx.vars };
    }
    ctx.finished = true;
    ctx.emit('order_completed');
    await ctx.flushEnd();
    return { status: 'completed', vars: ctx.vars };
  }

  private async closeLeftovers(kind: 'cancelled' | 'aborted'): Promise<void> {
    const ctx = this.ctx;
    await cancelOpenTasks(ctx, kind === 'cancelled' ? 'order cancelled' : 'order aborted');
    for (const incident of [...ctx.incidents.values()]) {
      if (incident.state !== 'open') continue;
      ctx.incidents.delete(incident.id);
      await ctx.ports.closeIncident(incident.id, { action: kind, by: null });
      ctx.emit('incident_closed', { nodeId: incident.nodeId, data: { incidentId: incident.id, action: kind } });
    }
    ctx.incidents.clear();
  }
}

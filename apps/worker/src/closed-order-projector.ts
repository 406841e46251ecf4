/**
 * The safety net under the end of every order. An order's last projection events travel in its
 * workflow's result (OrderWorkflowResult.endEvents), and the worker's `orderEnd` sink writes them
 * before the workflow task that ends the order is reported. A crash before that report loses
 * nothing: the task runs again on another worker, sink included. What the sink can lose is its
 * write failing (PostgreSQL unreachable) while the order still ends in Temporal: then this
 * projector writes the batch from the workflow's result.
 *
 * - **Orders whose write failed here** are looked at on every pass, by workflow id, until their end
 *   is written: an order may close well after its sink ran (its last Update still writing its task
 *   row), so the check waits for Temporal to report it completed.
 * - **Sweeps** cover failures this process did not see (another worker's, before a restart): at
 *   start, every completed order Temporal still keeps; then every `sweepEveryMs`, those closed in
 *   the last `sweepLookbackMs`. An order whose projection has not ended (`orders.ended_at` unset)
 *   gets its end from the result.
 *
 * Writes are idempotent, so workers running it side by side only repeat each other.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { RecordEventsInput } from '@orderpath/activities';
import { poolQuery } from '@orderpath/activities/db/pool-query';
import type { OrderWorkflowResult } from '@orderpath/workflows/messages';

export interface ClosedOrderProjectorOptions {
  client: Client;
  ds: DataSource;
  recordEvents(input: RecordEventsInput): Promise<void>;
  /** Between sweeps (default 10 minutes). */
  sweepEveryMs?: number;
  /** How far back a sweep after the first looks (default 30 minutes: each order is seen ~3 times). */
  sweepLookbackMs?: number;
  log?: { warn(message: string): void };
}

const GRPC_UNIMPLEMENTED = 12;
/** Orders listed per page and checked against the projection per query. */
const CHUNK = 500;

type Outcome = 'written' | 'ended' | 'open' | 'gone';

export class ClosedOrderProjector {
  private readonly failed = new Set<string>();
  /** When the next sweep is due; 0: the first, over everything Temporal keeps. */
  private nextSweep = 0;
  private sweeps = true;
  private readonly sweepEveryMs: number;
  private readonly sweepLookbackMs: number;

  constructor(private readonly o: ClosedOrderProjectorOptions) {
    this.sweepEveryMs = o.sweepEveryMs ?? 600_000;
    this.sweepLookbackMs = o.sweepLookbackMs ?? 1_800_000;
  }

  /** The end sink's write for this order's workflow failed: look at it until its end is written. */
  endWriteFailed(workflowId: string): void {
    this.failed.add(workflowId);
  }

  /** Workflow ids whose end a pass still has to write. */
  get pending(): string[] {
    return [...this.failed];
  }

  /**
   * The orders whose write failed, then a sweep when one is due; returns the workflow ids whose end
   * it wrote. An order it could not write stays in `pending`; a failed sweep is tried again next pass.
   */
  async pass(now = Date.now()): Promise<string[]> {
    const written: string[] = [];
    for (const workflowId of this.failed) {
      const outcome = await this.settle(workflowId);
      if (outcome === 'written') written.push(workflowId);
      if (outcome !== 'open') this.failed.delete(workflowId);
    }
    if (this.sweeps && now >= this.nextSweep) {
      // The lookback spans several periods, so a close time a little off the worker's clock is still seen.
      const since = this.nextSweep === 0 ? 0 : now - this.sweepLookbackMs;
      try {
        written.push(...await this.sweep(new Date(since)));
        this.nextSweep = now + this.sweepEveryMs;
      } catch (err) {
        if (grpcCode(err) !== GRPC_UNIMPLEMENTED) throw err;
        this.sweeps = false;
        this.o.log?.warn('closed-order projector: this Temporal server cannot list closed workflows; no sweeps');
      }
    }
    return written;
  }

  /** Runs `pass` every `intervalMs` until `signal` aborts; resolves once stopped. */
  async loop(intervalMs: number, signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        await this.pass();
      } catch (err) {
        this.o.log?.warn(`closed-order projector: pass failed, next in ${intervalMs} ms: ${(err as Error).message}`);
      }
      // Rejects at once when the signal aborts: the loop then ends.
      await sleep(intervalMs, undefined, { signal }).catch(() => undefined);
    }
  }

  /** One order whose write failed: written once Temporal reports it completed. Errors keep it pending. */
  private async settle(workflowId: string): Promise<Outcome> {
    try {
      const handle = this.o.client.workflow.getHandle(workflowId);
      const { status } = await handle.describe();
      if (status.name === 'RUNNING') return 'open';
      if (status.name !== 'COMPLETED') return 'gone';
      const [order] = await poolQuery<{ id: string; ended: boolean }>(this.o.ds,
        `SELECT id, ended_at IS NOT NULL AS ended FROM orders WHERE workflow_id = $1`, [workflowId]);
      if (!order) return 'gone';
      if (order.ended) return 'ended';
      return await this.writeFromResult(order.id, workflowId) ? 'written' : 'gone';
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return 'gone';
      this.o.log?.warn(`closed-order projector: the end of ${workflowId} is not written yet: ${(err as Error).message}`);
      return 'open';
    }
  }

  private async sweep(since: Date): Promise<string[]> {
    const query = `WorkflowType = 'orderWorkflow' AND ExecutionStatus = 'Completed' AND CloseTime >= '${since.toISOString()}'`;
    const written: string[] = [];
    let nextPageToken: Uint8Array | undefined;
    do {
      // The raw list: only ids are read, so no search attributes or memos are decoded.
      const page = await this.o.client.workflowService.listWorkflowExecutions({ namespace: this.o.client.options.namespace, query, pageSize: CHUNK, nextPageToken });
      const runs = new Map(page.executions.flatMap(({ execution }) => (execution?.workflowId && execution.runId ? [[execution.workflowId, execution.runId] as const] : [])));
      if (runs.size > 0) written.push(...await this.sweepChunk(runs));
      nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
    } while (nextPageToken);
    return written;
  }

  /** Of these completed runs (workflow id → run id), writes the end of each order the projection has not ended. */
  private async sweepChunk(runs: Map<string, string>): Promise<string[]> {
    const open = await poolQuery<{ id: string; workflow_id: string }>(this.o.ds,
      `SELECT id, workflow_id FROM orders WHERE workflow_id = ANY($1::text[]) AND ended_at IS NULL`, [[...runs.keys()]]);
    const written: string[] = [];
    for (const order of open) {
      try {
        if (await this.writeFromResult(order.id, order.workflow_id, runs.get(order.workflow_id))) written.push(order.workflow_id);
      } catch (err) {
        // One order the store refuses must not hold up the others: it is looked at by id from now on.
        this.failed.add(order.workflow_id);
        this.o.log?.warn(`closed-order projector: the end of ${order.workflow_id} is not written yet: ${(err as Error).message}`);
      }
    }
    return written;
  }

  /** Writes the end batch carried in the run's result; false when it carries none. */
  private async writeFromResult(orderId: string, workflowId: string, runId?: string): Promise<boolean> {
    const result = await this.o.client.workflow.getHandle(workflowId, runId).result() as OrderWorkflowResult;
    // A run without endEvents ended through an awaited write (older code, or a batch too large).
    if (!result.endEvents?.length) return false;
    await this.o.recordEvents({ orderId, events: result.endEvents, vars: result.vars });
    return true;
  }
}

/** The gRPC status of a failed call (the client wraps the gRPC error in a ServiceError). */
function grpcCode(err: unknown): unknown {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  return e.code ?? e.cause?.code;
}

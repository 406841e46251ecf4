/**
 * The safety net under the end of every order. An order's last projection events travel in its
 * workflow's result (OrderWorkflowResult.endEvents), and the worker's `orderEnd` sink writes them
 * before the workflow task that ends the order is reported. A crash before that report loses
 * nothing: the task runs again on another worker, sink included. What the sink can lose is its
 * write failing (PostgreSQL unreachable) while the order still ends in Temporal: then this
 * projector lists the orders Temporal closed since, and writes the batch from the result of each
 * whose end the projection lacks (`orders.ended_at` unset).
 *
 * It looks only when there may be something to find: at start (every closed order Temporal still
 * keeps, for a failure before a restart) and after a failed write, each time until a pass has
 * succeeded `visibilityLagMs` after it (Temporal lists a closed workflow a moment after it closes). Writes are idempotent, so workers running it side by side only repeat each other.
 */
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { RecordEventsInput } from '@orderpath/activities';
import { poolQuery } from '@orderpath/activities/db/pool-query';
import type { OrderWorkflowResult } from '@orderpath/workflows/messages';

export interface ClosedOrderProjectorOptions {
  client: Client;
  ds: DataSource;
  recordEvents(input: RecordEventsInput): Promise<void>;
  /** How long Temporal may take to list a closed workflow (default 30 s). */
  visibilityLagMs?: number;
  log?: { warn(message: string): void };
}

const GRPC_UNIMPLEMENTED = 12;
const CLOCK_SKEW_MS = 60_000;
/** Orders checked against the projection per query. */
const CHUNK = 500;

export class ClosedOrderProjector {
  /** Closed since when the next pass looks; null: nothing to look for. Start: all that is kept. */
  private since: Date | null = new Date(0);
  /**
   * The newest failed write (at first, the start: a failure just before a restart): passes go on
   * until one has run visibilityLagMs after it.
   */
  private lastFailure = Date.now();
  private unsupported = false;

  constructor(private readonly o: ClosedOrderProjectorOptions) {}

  /** Whether a pass has something to look for. */
  get pending(): boolean {
    return this.since !== null && !this.unsupported;
  }

  /** The end sink's write failed at `at` (before the order's end was reported to Temporal). */
  endWriteFailed(at = new Date()): void {
    this.lastFailure = Math.max(this.lastFailure, at.getTime());
    if (this.since === null || at < this.since) this.since = at;
  }

  /**
   * Looks once, if there is anything to look for; returns the workflow ids whose end it wrote.
   * On failure the same window is looked at again next time.
   */
  async pass(): Promise<string[]> {
    if (!this.pending) return [];
    const since = this.since!;
    const startedAt = Date.now();
    this.since = null;
    try {
      const written = await this.writeMissingEnds(since);
      if (startedAt < this.lastFailure + (this.o.visibilityLagMs ?? 30_000)) this.endWriteFailed(since);
      return written;
    } catch (err) {
      this.endWriteFailed(since);
      if (grpcCode(err) === GRPC_UNIMPLEMENTED) {
        this.unsupported = true;
        this.o.log?.warn('closed-order projector off: this Temporal server cannot list closed workflows');
        return [];
      }
      throw err;
    }
  }

  /** Runs `pass` every `intervalMs` while `alive()` holds; resolves after the loop has stopped. */
  async loop(intervalMs: number, alive: () => boolean): Promise<void> {
    while (alive()) {
      try {
        await this.pass();
      } catch (err) {
        this.o.log?.warn(`closed-order projector: pass failed, retrying in ${intervalMs} ms: ${(err as Error).message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs).unref());
    }
  }

  private async writeMissingEnds(since: Date): Promise<string[]> {
    // Close times are the server's clock, `since` the worker's: allow for the two to differ.
    const from = new Date(Math.max(0, since.getTime() - CLOCK_SKEW_MS)).toISOString();
    const query = `WorkflowType = 'orderWorkflow' AND ExecutionStatus = 'Completed' AND CloseTime >= '${from}'`;
    const written: string[] = [];
    let chunk = new Map<string, string>();
    for await (const execution of this.o.client.workflow.list({ query, pageSize: 1000 })) {
      chunk.set(execution.workflowId, execution.runId);
      if (chunk.size < CHUNK) continue;
      written.push(...await this.writeChunk(chunk));
      chunk = new Map();
    }
    if (chunk.size > 0) written.push(...await this.writeChunk(chunk));
    return written;
  }

  /** Of these closed runs (workflow id → run id), writes the end of each order the projection has not ended. */
  private async writeChunk(runs: Map<string, string>): Promise<string[]> {
    const open = await poolQuery<{ id: string; workflow_id: string }>(this.o.ds,
      `SELECT id, workflow_id FROM orders WHERE workflow_id = ANY($1::text[]) AND ended_at IS NULL`, [[...runs.keys()]]);
    const written: string[] = [];
    for (const order of open) {
      const result = await this.o.client.workflow.getHandle(order.workflow_id, runs.get(order.workflow_id)).result() as OrderWorkflowResult;
      // A run without endEvents ended through an awaited write (older code, or a batch too large).
      if (!result.endEvents?.length) continue;
      await this.o.recordEvents({ orderId: order.id, events: result.endEvents, vars: result.vars });
      written.push(order.workflow_id);
    }
    return written;
  }
}

/** The gRPC status of a failed call (the client wraps the gRPC error in a ServiceError). */
function grpcCode(err: unknown): unknown {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  return e.code ?? e.cause?.code;
}

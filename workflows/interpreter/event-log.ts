/**
 * Buffers projection events and writes them in order. Events get consecutive sequence numbers
 * when appended; `flush()` hands the buffer to ports.recordEvents behind a promise chain, so
 * batches reach the store in seq order and never concurrently, whichever fiber flushes.
 */
import type { OrderEvent, Ports } from './ports';

export class EventLog {
  private buffer: OrderEvent[] = [];
  /** The snapshot taken with the newest buffered event; only a batch's last event carries it. */
  private newest: OrderEvent['snapshot'];
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly orderId: string,
    private readonly ports: Ports,
    private lastSeq: number,
  ) {}

  /** The seq of the newest event appended (0 before any). */
  get seq(): number {
    return this.lastSeq;
  }

  append(type: string, at: string, fields: Pick<OrderEvent, 'nodeId' | 'iteration' | 'data'>, snapshot: NonNullable<OrderEvent['snapshot']>): OrderEvent {
    this.lastSeq += 1;
    const event: OrderEvent = { seq: this.lastSeq, type, at, nodeId: fields.nodeId, iteration: fields.iteration, data: fields.data };
    this.buffer.push(event);
    this.newest = snapshot;
    return event;
  }

  /** The size of the events appended and not yet handed to a write, as JSON (characters). */
  pendingSize(): number {
    return JSON.stringify(this.buffer).length;
  }

  /**
   * Waits for the writes in flight, then takes everything appended since (the newest snapshot on
   * its last event) for the caller to write: the order's last batch (ProcessContext.flushEnd).
   * A write that failed meanwhile put its batch back, so it is taken too.
   */
  async handOver(): Promise<OrderEvent[]> {
    await this.chain;
    const batch = this.buffer;
    this.buffer = [];
    if (batch.length > 0) batch[batch.length - 1].snapshot = this.newest;
    return batch;
  }

  /**
   * Writes everything appended so far. Resolves once this batch and all earlier ones are written;
   * with nothing buffered it still waits for writes in flight. On failure the batch goes back to
   * the front of the buffer (the next flush retries it; writes are idempotent by seq) and the
   * error reaches this flush's awaiter.
   */
  flush(): Promise<void> {
    if (this.buffer.length === 0) return this.chain;
    const batch = this.buffer;
    this.buffer = [];
    // The store applies only the newest snapshot: the others would only fatten the payload.
    batch[batch.length - 1].snapshot = this.newest;
    const written = this.chain.then(() => this.ports.recordEvents(this.orderId, batch)).catch((error: unknown) => {
      this.buffer = [...batch, ...this.buffer];
      throw error;
    });
    this.chain = written.catch(() => undefined);
    return written;
  }
}

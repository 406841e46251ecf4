/**
 * The worker's end of OrderSinks: writes an order's last batch with the projection's own statement
 * before the workflow task that ends the order is reported (the SDK awaits sinks first). A write
 * that fails, or has not answered within `timeoutMs`, is logged and left to the closed-order
 * projector, which redoes it from the workflow's result; the order ends either way.
 */
import type { InjectedSinks } from '@temporalio/worker';
import type { RecordEventsInput } from '@orderpath/activities';
import type { OrderSinks } from '@orderpath/workflows/messages';

export interface OrderEndSinkDeps {
  write(batch: RecordEventsInput): Promise<void>;
  /** The write for this workflow's order failed (the closed-order projector takes it over). */
  failed(workflowId: string): void;
  log: { warn(message: string): void };
  /** Past this the order's workflow task goes on without the write (default 5 s, half its timeout). */
  timeoutMs?: number;
}

export function orderSinks({ write, failed, log, timeoutMs = 5_000 }: OrderEndSinkDeps): InjectedSinks<OrderSinks> {
  return {
    orderEnd: {
      record: {
        fn: async (info, batch) => {
          try {
            await withTimeout(write(batch), timeoutMs);
          } catch (err) {
            failed(info.workflowId);
            log.warn(`order ${batch.orderId}: its end (events ${batch.events[0]?.seq}–${batch.events.at(-1)?.seq}) is not in the projection yet `
              + `(${(err as Error).message}); the closed-order projector writes it from the workflow's result`);
          }
        },
        callDuringReplay: false,
      },
    },
  };
}

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms); });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

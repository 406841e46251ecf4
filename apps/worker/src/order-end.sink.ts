/**
 * The worker's end of OrderSinks: writes an order's last batch with the projection's own statement
 * as the workflow task that ends the order completes (the SDK awaits sinks before reporting it).
 * A failed write is logged and left to the closed-order projector, which redoes it from the result.
 */
import type { InjectedSinks } from '@temporalio/worker';
import type { OrderEndBatch, OrderSinks } from '@orderpath/workflows/messages';

export interface OrderEndSinkDeps {
  write(batch: OrderEndBatch): Promise<void>;
  failed(at: Date): void;
  log: { warn(message: string): void };
}

export function orderSinks({ write, failed, log }: OrderEndSinkDeps): InjectedSinks<OrderSinks> {
  return {
    orderEnd: {
      record: {
        fn: async (_info, batch) => {
          try {
            await write(batch);
          } catch (err) {
            failed(new Date());
            log.warn(`order ${batch.orderId}: its end (events ${batch.events[0]?.seq}–${batch.events.at(-1)?.seq}) is not in the projection yet `
              + `(${(err as Error).message}); the closed-order projector writes it from the workflow's result`);
          }
        },
        callDuringReplay: false,
      },
    },
  };
}

import type { WorkflowInfo } from '@temporalio/workflow';
import type { RecordEventsInput } from '@orderpath/activities';
import { orderSinks } from './order-end.sink';

const info = { workflowId: 'order-o-1' } as WorkflowInfo;
const batch: RecordEventsInput = {
  orderId: 'o-1', vars: { qty: 3 },
  events: [{ seq: 7, type: 'token_ended', at: 't' }, { seq: 8, type: 'order_completed', at: 't', snapshot: { status: 'completed', stage: null, activeNodes: [] } }],
};

function sinkWith(write: (b: RecordEventsInput) => Promise<void>, timeoutMs?: number) {
  const failures: string[] = [];
  const warnings: string[] = [];
  const sinks = orderSinks({ write, failed: (at) => failures.push(at), log: { warn: (m) => warnings.push(m) }, timeoutMs });
  return { record: sinks.orderEnd.record, failures, warnings };
}

describe('orderSinks.orderEnd.record', () => {
  it('writes the batch and is never called on replay', async () => {
    const written: RecordEventsInput[] = [];
    const { record, failures } = sinkWith(async (b) => { written.push(b); });
    await record.fn(info, batch);
    expect(written).toEqual([batch]);
    expect(failures).toEqual([]);
    expect(record.callDuringReplay).toBe(false);
  });

  it('on a failed write, hands the workflow to the projector and names the order and its events in the warning', async () => {
    const { record, failures, warnings } = sinkWith(() => Promise.reject(new Error('connection refused')));
    await expect(record.fn(info, batch)).resolves.toBeUndefined();
    expect(failures).toEqual(['order-o-1']);
    expect(warnings).toEqual([expect.stringContaining('order o-1: its end (events 7–8) is not in the projection yet (connection refused)')]);
  });

  it('gives up on a write that does not answer in time, so the order is not held up by a hung database', async () => {
    const { record, failures, warnings } = sinkWith(() => new Promise(() => undefined), 20);
    await record.fn(info, batch);
    expect(failures).toEqual(['order-o-1']);
    expect(warnings).toEqual([expect.stringContaining('(no answer within 20 ms)')]);
  });
});

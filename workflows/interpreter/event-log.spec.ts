import { EventLog } from './event-log';
import type { OrderEvent, Ports } from './ports';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const snapshot = (status: 'running' | 'completed') => ({ status, stage: null, activeNodes: [] });

/** An EventLog whose writes finish when the test says so. */
function logWithManualWrites() {
  const writes: { events: OrderEvent[]; finish: () => void; fail: (error: Error) => void }[] = [];
  const ports = {
    recordEvents: (_orderId: string, events: OrderEvent[]) =>
      new Promise<void>((resolve, reject) => { writes.push({ events, finish: resolve, fail: reject }); }),
  } as unknown as Ports;
  return { log: new EventLog('order-1', ports, 0), writes };
}

describe('EventLog.handOver (the last batch)', () => {
  it('waits for the write in flight, then takes what was appended after it with the newest snapshot on its last event', async () => {
    // given a batch being written and two events appended meanwhile
    const { log, writes } = logWithManualWrites();
    log.append('order_started', 't0', {}, snapshot('running'));
    const written = log.flush();
    log.append('token_ended', 't1', { nodeId: 'end' }, snapshot('running'));
    log.append('order_completed', 't1', {}, snapshot('completed'));
    // when the end asks for the rest
    let taken: OrderEvent[] | undefined;
    const handOver = log.handOver().then((batch) => { taken = batch; });
    await nextTurn();
    // then nothing is handed over while the earlier write runs
    expect(taken).toBeUndefined();
    writes[0].finish();
    await Promise.all([written, handOver]);
    expect(taken?.map((e) => [e.seq, e.type])).toEqual([[2, 'token_ended'], [3, 'order_completed']]);
    expect(taken?.[0].snapshot).toBeUndefined();
    expect(taken?.[1].snapshot).toEqual(snapshot('completed'));
    expect(log.pendingSize()).toBe(JSON.stringify([]).length); // nothing left
    expect(writes).toHaveLength(1);
  });

  it('takes back a batch whose write failed, ahead of the newer events', async () => {
    // given a write that fails after the end was appended
    const { log, writes } = logWithManualWrites();
    log.append('order_started', 't0', {}, snapshot('running'));
    const failed = log.flush().then(() => 'written', (error: Error) => error.message);
    log.append('order_completed', 't1', {}, snapshot('completed'));
    const taken = log.handOver();
    await nextTurn();
    writes[0].fail(new Error('database down'));
    // then the flush's awaiter sees the failure and the last batch has both events, in seq order
    expect(await failed).toBe('database down');
    expect((await taken).map((e) => e.seq)).toEqual([1, 2]);
    expect((await taken)[1].snapshot).toEqual(snapshot('completed'));
    expect(writes).toHaveLength(1);
  });
});

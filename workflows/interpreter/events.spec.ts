import { chain, def, edge, node } from '../definition/test-builders';
import { PATCHES } from './ports';
import { END_BATCH_MAX_CHARS } from './process-context';
import { startProcess } from './process-harness';

describe('projection events', () => {
  it('events have strictly increasing seq, are flushed before waits, and writes never overlap', async () => {
    // given two branches that begin waiting in the same instant
    const h = startProcess(def(
      [node('start', 'start'), node('fork', 'parallelGateway'), node('a'), node('b', 'timer', { duration: 'PT1H' }),
        node('c', 'messageCatch', { message: 'm' }), node('join', 'parallelGateway'), node('end', 'end')],
      [edge('start', 'fork'), edge('fork', 'a'), edge('fork', 'b'), edge('fork', 'c'), edge('a', 'join'), edge('b', 'join'), edge('c', 'join'),
        edge('join', 'end')],
    ));
    await h.settle();
    // then every event emitted so far is written, although the runtime is only waiting
    const state = h.runtime.snapshot();
    expect(state.status).toBe('waiting');
    expect(h.ports.events.map((e) => e.seq)).toEqual(Array.from({ length: state.seq }, (_, i) => i + 1));
    expect(h.ports.events.map((e) => e.type)).toEqual(expect.arrayContaining(['task_created', 'timer_started', 'message_waiting']));
    expect(h.ports.events.at(-1)?.snapshot).toEqual({ status: 'waiting', stage: null, activeNodes: ['a', 'b', 'c'] });
    // when everything finishes
    await h.complete('a');
    await h.runtime.deliverMessage('m', {});
    await h.ports.advance(3_600_000);
    await expect(h.result).resolves.toMatchObject({ status: 'completed' });
    // then
    const seqs = h.ports.events.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(h.ports.maxConcurrentWrites).toBe(1);
    expect(h.ports.events[0]).toMatchObject({ type: 'order_started' });
    expect(h.ports.events.at(-1)).toMatchObject({ type: 'order_completed', snapshot: { status: 'completed', activeNodes: [] } });
    // only the last event of each batch carries the snapshot (the one the store applies)
    for (const batch of h.ports.batches) {
      expect(batch.at(-1)?.snapshot).toBeDefined();
      expect(batch.slice(0, -1).filter((e) => e.snapshot)).toEqual([]);
    }
  });

  it('each wait begins only after every event emitted before it is written', async () => {
    const h = startProcess(def([node('start', 'start'), node('a'), node('b'), node('end', 'end')], [edge('start', 'a'), edge('a', 'b'), edge('b', 'end')]));
    const atWait: { written: number; emitted: number }[] = [];
    const condition = h.ports.condition.bind(h.ports);
    h.ports.condition = (fn, timeoutMs) => {
      atWait.push({ written: h.ports.events.at(-1)?.seq ?? 0, emitted: h.runtime.snapshot().seq });
      return condition(fn, timeoutMs);
    };
    await h.complete('a');
    await h.complete('b');
    await h.result;
    expect(atWait.length).toBeGreaterThanOrEqual(2);
    for (const { written, emitted } of atWait) expect(written).toBe(emitted);
  });

  it('a timer shorter than a minute writes its events with the next flush; a longer one before it sleeps', async () => {
    // given start → short (30 s) → long (1 h) → end
    const h = startProcess(def(
      [node('start', 'start'), node('short', 'timer', { duration: 'PT30S' }), node('long', 'timer', { duration: 'PT1H' }), node('end', 'end')],
      chain('start', 'short', 'long', 'end'),
    ));
    await h.settle();
    // then nothing is written while the short timer runs
    expect(h.runtime.snapshot().tokens).toEqual([expect.objectContaining({ nodeId: 'short', wait: expect.objectContaining({ kind: 'timer' }) })]);
    expect(h.ports.batches).toHaveLength(0);
    expect(h.ports.searchAttributes).toHaveLength(0);
    // when it fires, the long timer's flush carries both timers' events
    await h.ports.advance(30_000);
    expect(h.ports.batches).toHaveLength(1);
    expect(h.ports.events.map((e) => e.type)).toEqual(expect.arrayContaining(['timer_started', 'timer_fired']));
    expect(h.ports.events.at(-1)).toMatchObject({ type: 'timer_started', nodeId: 'long', snapshot: { status: 'waiting' } });
    expect(h.ports.searchAttributes).toEqual([{ stage: null, status: 'waiting' }]);
    await h.ports.advance(3_600_000);
    await expect(h.result).resolves.toMatchObject({ status: 'completed' });
    expect(h.ports.searchAttributes.at(-1)).toEqual({ stage: null, status: 'completed' });
  });

  it('the end hands its last batch over, search attributes first', async () => {
    // given an order that ends after a message
    const h = startProcess(def(
      [node('start', 'start'), node('pay', 'messageCatch', { message: 'm' }), node('end', 'end')], chain('start', 'pay', 'end'),
    ));
    await h.settle();
    await h.runtime.deliverMessage('m', {});
    await expect(h.result).resolves.toMatchObject({ status: 'completed' });
    // then the last batch went to recordEndEvents, the snapshot on its last event
    expect(h.ports.endBatch?.map((e) => e.type)).toEqual(expect.arrayContaining(['message_received', 'token_ended', 'order_completed']));
    expect(h.ports.endBatch?.at(-1)).toMatchObject({ type: 'order_completed', snapshot: { status: 'completed', activeNodes: [] } });
    expect(h.ports.batches.at(-1)).toBe(h.ports.endBatch);
    expect(h.ports.events.map((e) => e.seq)).toEqual(h.ports.events.map((_, i) => i + 1));
    expect(h.ports.searchAttributes.at(-1)).toEqual({ stage: null, status: 'completed' });
  });

  it('a cancelled order hands its end over too; without the patch (an older history) the end is an awaited write', async () => {
    const wait = def([node('start', 'start'), node('a'), node('end', 'end')], chain('start', 'a', 'end'));
    const cancelled = startProcess(wait);
    await cancelled.settle();
    cancelled.runtime.cancel('customer withdrew');
    await expect(cancelled.result).resolves.toMatchObject({ status: 'cancelled' });
    expect(cancelled.ports.endBatch?.at(-1)).toMatchObject({ type: 'order_cancelled', snapshot: { status: 'cancelled' } });

    const older = startProcess(wait);
    older.ports.patched = (id) => id !== PATCHES.endBatchHandOver;
    await older.complete('a');
    await expect(older.result).resolves.toMatchObject({ status: 'completed' });
    expect(older.ports.endBatch).toBeUndefined();
    expect(older.ports.events.at(-1)).toMatchObject({ type: 'order_completed' });
  });

  it(`a last batch larger than ${END_BATCH_MAX_CHARS / 1024} KB of JSON is an awaited write, not carried in the result`, async () => {
    // given an order cancelled with a very long reason (event data, like an activity's error, has no fixed size)
    const h = startProcess(def([node('start', 'start'), node('a'), node('end', 'end')], chain('start', 'a', 'end')));
    await h.settle();
    const before = h.ports.batches.length;
    h.runtime.cancel('x'.repeat(END_BATCH_MAX_CHARS));
    await expect(h.result).resolves.toMatchObject({ status: 'cancelled' });
    expect(h.ports.endBatch).toBeUndefined();
    expect(h.ports.batches.length).toBeGreaterThan(before);
    expect(h.ports.events.at(-1)).toMatchObject({ type: 'order_cancelled', snapshot: { status: 'cancelled' } });
  });

  it('a last batch just under the limit is handed over', async () => {
    const h = startProcess(def([node('start', 'start'), node('a'), node('end', 'end')], chain('start', 'a', 'end')));
    await h.settle();
    h.runtime.cancel('x'.repeat(END_BATCH_MAX_CHARS - 2_000));
    await expect(h.result).resolves.toMatchObject({ status: 'cancelled' });
    expect(h.ports.endBatch?.at(-1)).toMatchObject({ type: 'order_cancelled' });
  });
});

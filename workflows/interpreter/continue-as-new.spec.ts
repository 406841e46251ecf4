import { def, edge, node } from '../definition/test-builders';
import { FakePorts } from './fake-ports';
import { startProcess } from './process-harness';
import type { ProcessResult } from './types';

/** place → pay → expand → (vars.again) place, default → end: the order cycle in miniature. */
const cycleDef = () => def(
  [node('start', 'start'), node('place', 'userTask', { form: { fields: [{ key: 'again', type: 'boolean', label: 'Again' }] } }),
    node('pay', 'messageCatch', { message: 'paymentReceived' }), node('next', 'exclusiveGateway'), node('end', 'end')],
  [edge('start', 'place'), edge('place', 'pay'), edge('pay', 'next'), edge('next', 'place', { id: 'back', condition: 'vars.again' }),
    edge('next', 'end', { default: true })],
);

describe('continue-as-new', () => {
  it('at a loop back-edge returns a snapshot positioned at the loop target, and resuming continues with vars', async () => {
    // given the host asks to continue as new
    const ports = new FakePorts();
    ports.continueAsNew = true;
    const first = startProcess(cycleDef(), { ports, variables: { distributor: 'D-1' } });
    // two payments arrive early: the first cycle consumes one, the other is kept
    await first.runtime.deliverMessage('paymentReceived', { paid: 1 });
    await first.runtime.deliverMessage('paymentReceived', { paid: 2 });
    await first.complete('place', { again: true });
    // when the token takes the back edge
    const result = (await first.result) as Extract<ProcessResult, { status: 'continueAsNew' }>;
    // then
    expect(result.status).toBe('continueAsNew');
    const { snapshot } = result;
    expect(snapshot.tokens).toEqual([expect.objectContaining({ nodeId: 'place', iteration: 1 })]);
    expect(snapshot.tokens[0].wait).toBeUndefined();
    expect(snapshot).toMatchObject({ cycle: 1, vars: { distributor: 'D-1', again: true, paid: 1 }, iterations: { place: 1, pay: 1, next: 1 } });
    expect(snapshot.pendingMessages).toEqual([expect.objectContaining({ payload: { paid: 2 } })]);
    expect(ports.events.at(-1)).toMatchObject({ type: 'continued_as_new', seq: snapshot.seq });
    // when a new run resumes from it (no more continue-as-new)
    ports.continueAsNew = false;
    const second = startProcess(cycleDef(), { ports, resume: snapshot });
    await second.settle();
    // then it re-enters the loop target as the next iteration, keeping the carried state
    expect(ports.openTasks('place').map((t) => t.id)).toEqual(['task:place:2']);
    expect(ports.events.filter((e) => e.seq > snapshot.seq)[0].seq).toBe(snapshot.seq + 1);
    await second.complete('place', { again: false });
    // the pending payment is consumed by the catch in the new run
    await expect(second.result).resolves.toEqual({ status: 'completed', vars: { distributor: 'D-1', again: false, paid: 2 } });
    const seqs = ports.events.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  it('does not continue as new while several tokens are alive', async () => {
    const ports = new FakePorts();
    ports.continueAsNew = true;
    const h = startProcess(def(
      [node('start', 'start'), node('fork', 'parallelGateway'), node('loop'), node('check', 'exclusiveGateway'), node('other'),
        node('end1', 'end'), node('end2', 'end')],
      [edge('start', 'fork'), edge('fork', 'loop'), edge('fork', 'other'), edge('loop', 'check'),
        edge('check', 'loop', { condition: 'vars.again' }), edge('check', 'end1', { default: true }), edge('other', 'end2')],
    ), { ports, variables: { again: true } });
    await h.complete('loop');
    expect(ports.openTasks().map((t) => t.id).sort()).toEqual(['task:loop:2', 'task:other:1']);
    h.runtime.cancel('test over');
    await expect(h.result).resolves.toMatchObject({ status: 'cancelled' });
  });

  it('never continues as new while a child order runs: the child would be started a second time by the next run', async () => {
    // given a loop beside a sub-process whose child order is still running
    const ports = new FakePorts();
    ports.continueAsNew = true;
    let finishChild: (vars: Record<string, unknown>) => void = () => undefined;
    ports.startChild = (call) => {
      ports.childCalls.push(call);
      return new Promise((resolve) => { finishChild = resolve; });
    };
    const h = startProcess(def(
      [node('start', 'start'), node('fork', 'parallelGateway'), node('loop'), node('check', 'exclusiveGateway'), node('ship', 'subProcess'),
        node('join', 'parallelGateway'), node('end', 'end')],
      [edge('start', 'fork'), edge('fork', 'loop'), edge('fork', 'ship'), edge('loop', 'check'), edge('check', 'loop', { condition: 'vars.again' }),
        edge('check', 'join', { default: true }), edge('ship', 'join'), edge('join', 'end')],
    ), { ports, variables: { again: true } });
    // when the loop takes its back edge twice
    await h.complete('loop');
    await h.complete('loop');
    // then the run goes on in place and the child was started once
    expect(ports.openTasks('loop').map((t) => t.spec.iteration)).toEqual([3]);
    expect(ports.childCalls).toHaveLength(1);
    expect(ports.events.map((e) => e.type)).not.toContain('continued_as_new');
    // when the child is done, the next back edge is a safe point again (the join keeps the arrival)
    finishChild({ shipped: true });
    await h.complete('loop');
    await expect(h.result).resolves.toMatchObject({
      status: 'continueAsNew', snapshot: { vars: { shipped: true, again: true }, joins: { join: ['ship:join'] }, tokens: [{ nodeId: 'check' }] },
    });
  });

  it('resuming a snapshot taken at a task wait re-attaches to the same task instead of creating another', async () => {
    // given an order waiting on a task, whose state is carried into a new runtime
    const ports = new FakePorts();
    const first = startProcess(cycleDef(), { ports });
    await first.settle();
    const snapshot = first.runtime.snapshot();
    first.runtime.cancel('handed over');
    await first.result;
    ports.tasks.get('task:place:1')!.status = 'open'; // the hand-over must not really close it
    // when
    const second = startProcess(cycleDef(), { ports, resume: snapshot });
    await second.settle();
    // then
    expect(ports.tasks.size).toBe(1);
    await second.runtime.completeTask('task:place:1', { again: false });
    await second.runtime.deliverMessage('paymentReceived', {});
    await expect(second.result).resolves.toEqual({ status: 'completed', vars: { again: false } });
    expect(second.runtime.snapshot().iterations).toMatchObject({ place: 1, pay: 1 });
  });
});

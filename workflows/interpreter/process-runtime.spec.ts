import { chain, def, edge, node } from '../definition/test-builders';
import { startProcess } from './process-harness';

const form = (...keys: string[]) => ({ fields: keys.map((key) => ({ key, type: 'number', label: key })) });

describe('ProcessRuntime over graph shapes', () => {
  it('straight line start → task → service → end completes with the merged variables', async () => {
    // given
    const h = startProcess(def(
      [node('start', 'start'), node('a', 'userTask', { form: form('qty') }), node('b', 'serviceTask', { activity: 'double' }), node('end', 'end')],
      chain('start', 'a', 'b', 'end'),
    ));
    h.ports.services.double = (input) => ({ doubled: Number(input.qty) * 2 });
    await h.settle();
    expect(h.runtime.snapshot().tokens).toEqual([expect.objectContaining({ nodeId: 'a', wait: expect.objectContaining({ kind: 'task' }) })]);
    // when
    await h.complete('a', { qty: 21 });
    // then
    await expect(h.result).resolves.toEqual({ status: 'completed', vars: { qty: 21, doubled: 42 } });
    expect(h.ports.tasks.get('task:a:1')).toMatchObject({ status: 'completed', data: { qty: 21 }, by: 'rep1' });
  });

  it('diamond A→{B,C}→D runs D once after both', async () => {
    // given
    const h = startProcess(def(
      [node('start', 'start'), node('A', 'parallelGateway'), node('B'), node('C'), node('J', 'parallelGateway'),
        node('D', 'serviceTask', { activity: 'record' }), node('end', 'end')],
      [...chain('start', 'A'), edge('A', 'B'), edge('A', 'C'), edge('B', 'J'), edge('C', 'J'), ...chain('J', 'D', 'end')],
    ));
    let runs = 0;
    h.ports.services.record = () => ({ runs: ++runs });
    await h.settle();
    expect(h.runtime.snapshot().tokens.map((t) => t.nodeId).sort()).toEqual(['B', 'C']);
    // when one branch finishes
    await h.complete('B');
    // then D has not run yet, the join holds B's arrival
    expect(runs).toBe(0);
    expect(h.runtime.snapshot().joins).toEqual({ J: ['B:J'] });
    // when the other finishes
    await h.complete('C');
    // then
    await expect(h.result).resolves.toMatchObject({ status: 'completed', vars: { runs: 1 } });
    expect(runs).toBe(1);
  });

  it('implicit fork: a task with two outgoing edges starts both branches', async () => {
    const h = startProcess(def(
      [node('start', 'start'), node('a'), node('b'), node('c'), node('end1', 'end'), node('end2', 'end')],
      [...chain('start', 'a'), edge('a', 'b'), edge('a', 'c'), edge('b', 'end1'), edge('c', 'end2')],
    ));
    await h.complete('a');
    expect(h.ports.openTasks().map((t) => t.spec.nodeId).sort()).toEqual(['b', 'c']);
    await h.complete('b');
    await h.complete('c');
    await expect(h.result).resolves.toMatchObject({ status: 'completed' });
  });

  describe('exclusive gateway with default', () => {
    const gatewayDef = () => def(
      [node('start', 'start'), node('x', 'exclusiveGateway'), node('big'), node('small'), node('end', 'end')],
      [edge('start', 'x'), edge('x', 'big', { condition: 'vars.amount > 100' }), edge('x', 'small', { default: true }),
        edge('big', 'end'), edge('small', 'end')],
    );

    it('takes the first edge whose condition holds', async () => {
      const h = startProcess(gatewayDef(), { variables: { amount: 500 } });
      await h.settle();
      expect(h.ports.openTasks().map((t) => t.spec.nodeId)).toEqual(['big']);
      await h.complete('big');
      await expect(h.result).resolves.toMatchObject({ status: 'completed' });
    });

    it('takes the default edge when no condition holds', async () => {
      const h = startProcess(gatewayDef(), { variables: { amount: 5 } });
      await h.settle();
      expect(h.ports.openTasks().map((t) => t.spec.nodeId)).toEqual(['small']);
      await h.complete('small');
      await expect(h.result).resolves.toMatchObject({ status: 'completed' });
    });
  });

  it('parallel inside exclusive: the chosen branch forks and joins, the other is never entered', async () => {
    // given x → (vars.both) fork{p, q} join → m ; x → (default) solo → m ; m → end
    const h = startProcess(def(
      [node('start', 'start'), node('x', 'exclusiveGateway'), node('fork', 'parallelGateway'), node('p', 'serviceTask', { activity: 'p' }),
        node('q', 'serviceTask', { activity: 'q' }), node('join', 'parallelGateway'), node('solo', 'serviceTask', { activity: 'solo' }),
        node('m', 'exclusiveGateway'), node('end', 'end')],
      [edge('start', 'x'), edge('x', 'fork', { condition: 'vars.both' }), edge('x', 'solo', { default: true }),
        edge('fork', 'p'), edge('fork', 'q'), edge('p', 'join'), edge('q', 'join'), edge('join', 'm'), edge('solo', 'm'), edge('m', 'end')],
    ), { variables: { both: true } });
    h.ports.services = { p: () => ({ p: 1 }), q: () => ({ q: 1 }), solo: () => ({ solo: 1 }) };
    // when / then
    await expect(h.result).resolves.toEqual({ status: 'completed', vars: { both: true, p: 1, q: 1 } });
    expect(h.ports.serviceCalls.map((c) => c.activity).sort()).toEqual(['p', 'q']);
    expect(h.runtime.snapshot().iterations).toMatchObject({ m: 1, join: 2, fork: 1 });
    expect(h.runtime.snapshot().iterations.solo).toBeUndefined();
  });

  it('loop with exit after 3 iterations counts each entry and gives each task its own identity', async () => {
    // given work → check → (vars.round < 3) work, default → end
    const h = startProcess(def(
      [node('start', 'start'), node('work', 'userTask', { form: form('round') }), node('check', 'exclusiveGateway'), node('end', 'end')],
      [edge('start', 'work'), edge('work', 'check'), edge('check', 'work', { id: 'again', condition: 'vars.round < 3' }),
        edge('check', 'end', { default: true })],
    ));
    // when
    for (const round of [1, 2, 3]) await h.complete('work', { round });
    // then
    await expect(h.result).resolves.toMatchObject({ status: 'completed', vars: { round: 3 } });
    expect([...h.ports.tasks.keys()]).toEqual(['task:work:1', 'task:work:2', 'task:work:3']);
    expect([...h.ports.tasks.values()].map((t) => t.spec.iteration)).toEqual([1, 2, 3]);
    expect(h.runtime.snapshot().iterations).toMatchObject({ work: 3, check: 3, end: 1 });
  });

  it('stages: entering a node of another stage emits stage_changed and updates the search attributes', async () => {
    const h = startProcess(def(
      [node('start', 'start'), node('plan', 'userTask', { stage: 'place' }), node('ship', 'userTask', { stage: 'fulfil' }), node('end', 'end')],
      chain('start', 'plan', 'ship', 'end'),
      { stages: [{ id: 'place', name: 'Place' }, { id: 'fulfil', name: 'Fulfil' }] },
    ));
    await h.complete('plan');
    expect(h.runtime.snapshot().stage).toBe('fulfil');
    await h.complete('ship');
    await h.result;
    const changes = h.ports.events.filter((e) => e.type === 'stage_changed').map((e) => e.data);
    expect(changes).toEqual([{ from: null, to: 'place' }, { from: 'place', to: 'fulfil' }]);
    expect(h.ports.searchAttributes).toContainEqual({ stage: 'fulfil', status: 'waiting' });
    expect(h.ports.searchAttributes.at(-1)).toEqual({ stage: 'fulfil', status: 'completed' });
    expect(h.ports.tasks.get('task:ship:1')?.spec.stage).toBe('fulfil');
  });

  it('sub-process: runs the child order with the evaluated input and maps its output', async () => {
    const h = startProcess(def(
      [node('start', 'start'), node('child', 'subProcess', { templateKey: 'replenish', input: { qty: 'vars.qty * 2' }, output: { shipped: 'result.qty' } }),
        node('end', 'end')],
      chain('start', 'child', 'end'),
    ), { variables: { qty: 5 } });
    await expect(h.result).resolves.toEqual({ status: 'completed', vars: { qty: 5, shipped: 10 } });
    expect(h.ports.childCalls).toEqual([{ templateKey: 'replenish', nodeId: 'child', iteration: 1, variables: { qty: 10 } }]);
  });
});

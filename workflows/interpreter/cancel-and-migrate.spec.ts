import { chain, def, edge, node } from '../definition/test-builders';
import { MigrationRefusedError } from './errors';
import { startProcess, template } from './process-harness';

describe('cancel', () => {
  it('cancel closes open tasks as cancelled and ends every branch', async () => {
    const h = startProcess(def(
      [node('start', 'start'), node('fork', 'parallelGateway'), node('a'), node('b', 'timer', { duration: 'P7D' }), node('c'),
        node('join', 'parallelGateway'), node('end', 'end')],
      [edge('start', 'fork'), edge('fork', 'a'), edge('fork', 'b'), edge('fork', 'c'), edge('a', 'join'), edge('b', 'join'), edge('c', 'join'),
        edge('join', 'end')],
    ));
    await h.settle();
    expect(h.ports.openTasks()).toHaveLength(2);
    // when
    h.runtime.cancel('customer withdrew');
    // then
    await expect(h.result).resolves.toMatchObject({ status: 'cancelled' });
    expect([...h.ports.tasks.values()].map((t) => t.status)).toEqual(['cancelled', 'cancelled']);
    expect(h.ports.events.at(-1)).toMatchObject({ type: 'order_cancelled', data: { reason: 'customer withdrew' }, snapshot: { status: 'cancelled', activeNodes: [] } });
    expect(h.runtime.snapshot().tokens).toEqual([]);
  });
});

describe('cancel during a long activity', () => {
  it('does not wait for the activity to finish', async () => {
    const h = startProcess(def([node('start', 'start'), node('s', 'serviceTask', { activity: 'slow' }), node('end', 'end')], chain('start', 's', 'end')));
    h.ports.services.slow = () => new Promise(() => undefined);
    await h.settle();
    h.runtime.cancel('no longer needed');
    await expect(h.result).resolves.toMatchObject({ status: 'cancelled' });
  });
});

describe('migrate', () => {
  const v1 = () => template(def(
    [node('start', 'start'), node('approve', 'userTask', { form: { fields: [{ key: 'ok', type: 'boolean', label: 'OK' }] } }),
      node('end', 'end')],
    chain('start', 'approve', 'end'),
    { version: 1 },
  ));
  const v2 = () => template(def(
    [node('start', 'start'), node('approve-v2', 'userTask', { form: { fields: [{ key: 'ok', type: 'boolean', label: 'OK' }] } }),
      node('notify', 'userTask'), node('end', 'end')],
    chain('start', 'approve-v2', 'notify', 'end'),
    { version: 2 },
  ));

  it('migrate succeeds at a wait: the open task keeps its id and the token continues on the new graph', async () => {
    const h = startProcess(v1());
    await h.settle();
    const [task] = h.ports.openTasks('approve');
    // when
    await h.runtime.migrate(v2(), { approve: 'approve-v2' });
    // then
    const state = h.runtime.snapshot();
    expect(state).toMatchObject({ templateVersion: 2, tokens: [{ nodeId: 'approve-v2', wait: { kind: 'task', taskId: task.id } }] });
    expect(h.runtime.definition.version).toBe(2);
    await h.runtime.completeTask(task.id, { ok: true });
    await h.settle();
    expect(h.ports.openTasks().map((t) => t.spec.nodeId)).toEqual(['notify']);
    await h.complete('notify');
    await expect(h.result).resolves.toEqual({ status: 'completed', vars: { ok: true } });
    expect(h.ports.events.map((e) => e.type)).toContain('migrated');
  });

  it('migrate refuses with a reason naming the node when it maps to another kind of node', async () => {
    const h = startProcess(v1());
    await h.settle();
    const target = template(def([node('start', 'start'), node('approve', 'serviceTask'), node('end', 'end')], chain('start', 'approve', 'end')));
    await expect(h.runtime.migrate(target, {})).rejects.toBeInstanceOf(MigrationRefusedError);
    await expect(h.runtime.migrate(v2(), {})).rejects.toThrow(/node 'approve' maps to 'approve', which does not exist/);
    expect(() => h.runtime.validateMigration(target, {})).toThrow(/node 'approve' is a userTask but 'approve' in the target version is a serviceTask/);
    expect(h.runtime.snapshot().templateVersion).toBe(1);
    h.runtime.cancel('test over');
    await h.result;
  });

  it('migrate refuses while a token is not at a task, message or timer wait', async () => {
    const h = startProcess(def(
      [node('start', 'start'), node('charge', 'serviceTask', { activity: 'charge' }), node('end', 'end')],
      chain('start', 'charge', 'end'),
    ));
    let release: (value: Record<string, unknown>) => void = () => undefined;
    h.ports.services.charge = () => new Promise((resolve) => { release = resolve; });
    await h.settle();
    let refusal: MigrationRefusedError | undefined;
    try {
      h.runtime.validateMigration(template(def([node('start', 'start'), node('charge', 'serviceTask'), node('end', 'end')], chain('start', 'charge', 'end'))), {});
    } catch (error) {
      refusal = error as MigrationRefusedError;
    }
    expect(refusal).toMatchObject({ code: 'migration_refused', nodeId: 'charge' });
    expect(refusal?.reason).toMatch(/node 'charge' is moving/);
    release({});
    await expect(h.result).resolves.toMatchObject({ status: 'completed' });
  });
});

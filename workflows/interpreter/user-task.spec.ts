import { chain, def, edge, node } from '../definition/test-builders';
import { TaskDataInvalidError, TaskNotOpenError } from './errors';
import { FakePorts } from './fake-ports';
import { PATCHES } from './ports';
import { startProcess } from './process-harness';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('user tasks', () => {
  it('creates the task with role, evaluated assignee, due date and prefilled form', async () => {
    const h = startProcess(def(
      [node('start', 'start'), node('plan', 'userTask', {
        name: 'Plan demand', role: 'rep', assignee: 'vars.owner', category: 'order_processing', dueIn: 'P2D',
        form: { fields: [{ key: 'qty', type: 'number', label: 'Quantity', default: 'vars.suggested' }] },
      }), node('end', 'end')],
      chain('start', 'plan', 'end'),
    ), { variables: { owner: 'rep2', suggested: 120 } });
    await h.settle();
    const [task] = h.ports.openTasks('plan');
    expect(task.spec).toMatchObject({
      orderId: 'order-1', nodeId: 'plan', iteration: 1, name: 'Plan demand', role: 'rep', assignee: 'rep2',
      category: 'order_processing', dueAt: new Date(h.ports.now() + 2 * DAY).toISOString(), prefill: { qty: 120 },
    });
    expect(h.runtime.snapshot().status).toBe('waiting');
    h.runtime.cancel('test over');
    await h.result;
  });

  it('overdue escalation is non-interrupting: the task is marked overdue and still completes on its edge', async () => {
    // given a task due in one day with the default policy (escalate)
    const h = startProcess(def(
      [node('start', 'start'), node('a', 'userTask', { dueIn: 'P1D' }), node('end', 'end')],
      chain('start', 'a', 'end'),
    ));
    await h.settle();
    // when the due date passes
    await h.ports.advance(DAY + 1);
    // then
    const [task] = h.ports.openTasks('a');
    expect(task.overdue).toBe(true);
    expect(h.ports.events.map((e) => e.type)).toContain('task_overdue');
    // the projection keeps saying the order waits (the event is written once the wait is shown)
    expect(h.ports.events.at(-1)).toMatchObject({ type: 'task_overdue', snapshot: { status: 'waiting', activeNodes: ['a'] } });
    expect(h.runtime.snapshot().tokens[0].wait).toMatchObject({ kind: 'task', taskId: task.id, overdue: true });
    // when completed late
    await h.complete('a');
    await expect(h.result).resolves.toMatchObject({ status: 'completed' });
  });

  it('overdue escalation replaying a history from before the patch writes task_overdue at once, as it did then', async () => {
    const ports = new FakePorts();
    ports.patched = (id) => id !== PATCHES.overdueWhileWaiting;
    const h = startProcess(def([node('start', 'start'), node('a', 'userTask', { dueIn: 'P1D' }), node('end', 'end')], chain('start', 'a', 'end')), { ports });
    await h.settle();
    await h.ports.advance(DAY + 1);
    expect(h.ports.events.at(-1)).toMatchObject({ type: 'task_overdue', snapshot: { status: 'running' } });
    await h.complete('a');
    await expect(h.result).resolves.toMatchObject({ status: 'completed' });
  });

  it('interrupting overdue edge: the task is cancelled and the token takes that edge', async () => {
    // given a → end normally, a → remind when overdue
    const h = startProcess(def(
      [node('start', 'start'), node('a', 'userTask', { dueIn: 'PT4H', onOverdue: 'late' }), node('remind'), node('end', 'end'), node('end2', 'end')],
      [edge('start', 'a'), edge('a', 'end'), edge('a', 'remind', { id: 'late' }), edge('remind', 'end2')],
    ));
    await h.settle();
    const [task] = h.ports.openTasks('a');
    // when
    await h.ports.advance(4 * HOUR);
    // then
    expect(h.ports.tasks.get(task.id)?.status).toBe('cancelled');
    expect(h.ports.openTasks().map((t) => t.spec.nodeId)).toEqual(['remind']);
    await expect(h.runtime.completeTask(task.id, {})).rejects.toBeInstanceOf(TaskNotOpenError);
    await h.complete('remind');
    await expect(h.result).resolves.toMatchObject({ status: 'completed' });
  });

  it('completion before the due date never escalates', async () => {
    const h = startProcess(def([node('start', 'start'), node('a', 'userTask', { dueIn: 'P1D' }), node('end', 'end')], chain('start', 'a', 'end')));
    await h.complete('a');
    await h.ports.advance(2 * DAY);
    await expect(h.result).resolves.toMatchObject({ status: 'completed' });
    expect(h.ports.events.map((e) => e.type)).not.toContain('task_overdue');
  });

  it('concurrent completions: exactly one wins, the other gets task_not_open', async () => {
    const h = startProcess(def(
      [node('start', 'start'), node('a', 'userTask', { form: { fields: [{ key: 'choice', type: 'text', label: 'Choice' }] } }), node('end', 'end')],
      chain('start', 'a', 'end'),
    ));
    await h.settle();
    const [task] = h.ports.openTasks('a');
    // when two completions arrive before either is awaited
    const outcomes = await Promise.allSettled([
      h.runtime.completeTask(task.id, { choice: 'first' }, 'rep1'),
      h.runtime.completeTask(task.id, { choice: 'second' }, 'rep2'),
    ]);
    // then
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    const rejected = outcomes[1] as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(TaskNotOpenError);
    expect(rejected.reason.code).toBe('task_not_open');
    await expect(h.result).resolves.toEqual({ status: 'completed', vars: { choice: 'first' } });
    expect(h.ports.tasks.get(task.id)).toMatchObject({ status: 'completed', by: 'rep1' });
  });

  it('validateCompletion refuses unknown tasks, completed tasks and data failing the form', async () => {
    const h = startProcess(def(
      [node('start', 'start'), node('a', 'userTask', { form: { fields: [{ key: 'fee', type: 'number', label: 'Fee', required: true, min: 0 }] } }),
        node('end', 'end')],
      chain('start', 'a', 'end'),
    ));
    await h.settle();
    const [task] = h.ports.openTasks('a');
    expect(() => h.runtime.validateCompletion('nope', {})).toThrow(TaskNotOpenError);
    let invalid: unknown;
    try {
      h.runtime.validateCompletion(task.id, { fee: -5 });
    } catch (error) {
      invalid = error;
    }
    expect(invalid).toBeInstanceOf(TaskDataInvalidError);
    expect((invalid as TaskDataInvalidError).code).toBe('invalid_task_data');
    expect((invalid as TaskDataInvalidError).errors).toEqual([expect.objectContaining({ field: 'fee' })]);
    expect(() => h.runtime.validateCompletion(task.id, { fee: 10 })).not.toThrow();
    await h.runtime.completeTask(task.id, { fee: 10 });
    expect(() => h.runtime.validateCompletion(task.id, { fee: 10 })).toThrow(TaskNotOpenError);
    await expect(h.result).resolves.toEqual({ status: 'completed', vars: { fee: 10 } });
  });
});

import { canConnect } from './can-connect';
import { chain, def, edge, node } from './test-builders';
import { validateDefinition } from './validate';

const base = () => def(
  [
    node('start', 'start'), node('task'), node('due', 'userTask', { dueIn: 'P1D' }), node('svc', 'serviceTask'),
    node('pay', 'messageCatch', { timeout: 'P7D' }), node('plain-pay', 'messageCatch'),
    node('x', 'exclusiveGateway'), node('p', 'parallelGateway'), node('end', 'end'), node('free'),
  ],
  [...chain('start', 'task', 'x'), edge('due', 'end'), edge('svc', 'end'), edge('pay', 'end'), edge('plain-pay', 'end'), edge('x', 'end'), edge('p', 'end')],
);

describe('canConnect', () => {
  it.each([
    ['a task to a free node', 'free', 'task'],
    ['an exclusive gateway to a second target', 'x', 'svc'],
    ['a parallel gateway to a second target', 'p', 'svc'],
    ['a user task with dueIn to its overdue target', 'due', 'svc'],
    ['a message catch with a timeout to its timeout target', 'pay', 'svc'],
    ['a node into an end', 'free', 'end'],
  ])('given %s when connected then it is allowed', (_, source, target) => {
    expect(canConnect(base(), source, target)).toEqual({ ok: true });
  });

  it.each([
    ['a node to itself', 'task', 'task', 'self_loop'],
    ['anything into the start', 'free', 'start', 'into_start'],
    ['an end to anything', 'end', 'free', 'out_of_end'],
    ['a second edge between the same nodes', 'task', 'x', 'duplicate_edge'],
    ['a second outgoing edge of a plain task', 'task', 'free', 'too_many_outgoing'],
    ['a second outgoing edge of the start', 'start', 'free', 'too_many_outgoing'],
    ['a second outgoing edge of a service task', 'svc', 'free', 'too_many_outgoing'],
    ['a second outgoing edge of a message catch without timeout', 'plain-pay', 'free', 'too_many_outgoing'],
    ['a missing source', 'ghost', 'task', 'unknown_node'],
    ['a missing target', 'task', 'ghost', 'unknown_node'],
  ])('given %s when connected then it is refused', (_, source, target, code) => {
    expect(canConnect(base(), source, target)).toEqual({ ok: false, code, reason: expect.any(String) });
  });

  it('given a user task with dueIn that already has two outgoing edges when connected again then it is refused', () => {
    const d = base();
    d.edges.push(edge('due', 'svc'));
    expect(canConnect(d, 'due', 'free')).toMatchObject({ ok: false, code: 'too_many_outgoing' });
  });

  it('given a refusal of a plain task when read then the reason tells how to branch', () => {
    const result = canConnect(base(), 'task', 'free');
    expect(result.ok ? '' : result.reason).toMatch(/add a gateway, or set dueIn/);
  });

  it('given a connection canConnect allows when the onOverdue edge is named then validateDefinition agrees', () => {
    const d = def([node('start', 'start'), node('due', 'userTask', { dueIn: 'P1D' }), node('boss'), node('end', 'end')],
      [...chain('start', 'due', 'end'), ...chain('boss', 'end')]);
    expect(canConnect(d, 'due', 'boss')).toEqual({ ok: true });
    d.edges.push(edge('due', 'boss', { id: 'late' }));
    (d.nodes[1] as { onOverdue?: string }).onOverdue = 'late';
    expect(validateDefinition(d)).toEqual([]);
  });
});

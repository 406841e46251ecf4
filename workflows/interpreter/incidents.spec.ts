import { chain, def, edge, node } from '../definition/test-builders';
import { IncidentNotOpenError } from './errors';
import { startProcess } from './process-harness';
import { ServiceFailure } from './ports';

const serviceLine = () => def(
  [node('start', 'start'), node('charge', 'serviceTask', { activity: 'charge', input: { amount: 'vars.amount' }, output: { receipt: 'result.id' } }),
    node('after', 'serviceTask', { activity: 'after' }), node('end', 'end')],
  chain('start', 'charge', 'after', 'end'),
);

describe('incidents', () => {
  it('a service failure opens an incident; retry runs the activity again and continues', async () => {
    // given an activity that fails for good once
    const h = startProcess(serviceLine(), { variables: { amount: 40 } });
    let calls = 0;
    h.ports.services.charge = () => {
      calls += 1;
      if (calls === 1) throw new ServiceFailure('card declined', 3);
      return { id: 'r-1' };
    };
    h.ports.services.after = () => ({ done: true });
    await h.settle();
    // then
    const [incident] = h.ports.openIncidents();
    expect(incident.spec).toMatchObject({ orderId: 'order-1', nodeId: 'charge', iteration: 1, activity: 'charge', error: 'card declined', attempts: 3 });
    const state = h.runtime.snapshot();
    expect(state.status).toBe('incident');
    expect(state.openIncidents).toEqual([expect.objectContaining({ id: incident.id, nodeId: 'charge', error: 'card declined' })]);
    expect(state.tokens[0].wait).toEqual({ kind: 'incident', incidentId: incident.id, error: 'card declined' });
    // when
    await h.runtime.resolveIncident(incident.id, 'retry', undefined, 'sup1');
    // then
    await expect(h.result).resolves.toEqual({ status: 'completed', vars: { amount: 40, receipt: 'r-1', done: true } });
    expect(calls).toBe(2);
    expect(h.ports.serviceCalls[0]).toMatchObject({ activity: 'charge', input: { amount: 40 }, nodeId: 'charge' });
    expect(h.ports.incidents.get(incident.id)).toMatchObject({ status: 'closed', resolution: { action: 'retry', by: 'sup1' } });
  });

  it('skip merges the supervisor’s variables and continues without running the activity again', async () => {
    const h = startProcess(serviceLine(), { variables: { amount: 40 } });
    h.ports.services.after = () => ({});
    await h.settle();
    const [incident] = h.ports.openIncidents();
    await h.runtime.resolveIncident(incident.id, 'skip', { receipt: 'manual' }, 'sup1');
    await expect(h.result).resolves.toEqual({ status: 'completed', vars: { amount: 40, receipt: 'manual' } });
    expect(h.ports.serviceCalls.map((c) => c.activity)).toEqual(['charge', 'after']);
    await expect(h.runtime.resolveIncident(incident.id, 'retry')).rejects.toBeInstanceOf(IncidentNotOpenError);
  });

  it('abort ends the whole order as aborted and closes the other branch’s open task', async () => {
    // given a fork: one branch fails, the other waits on a user task
    const h = startProcess(def(
      [node('start', 'start'), node('fork', 'parallelGateway'), node('charge', 'serviceTask', { activity: 'charge' }), node('visit'),
        node('join', 'parallelGateway'), node('end', 'end')],
      [edge('start', 'fork'), edge('fork', 'charge'), edge('fork', 'visit'), edge('charge', 'join'), edge('visit', 'join'), edge('join', 'end')],
    ));
    await h.settle();
    const [incident] = h.ports.openIncidents();
    const [visit] = h.ports.openTasks('visit');
    // when
    await h.runtime.resolveIncident(incident.id, 'abort', undefined, 'sup1');
    // then
    await expect(h.result).resolves.toMatchObject({ status: 'aborted' });
    expect(h.ports.tasks.get(visit.id)?.status).toBe('cancelled');
    expect(h.ports.events.at(-1)).toMatchObject({ type: 'order_aborted', data: { incidentId: incident.id, by: 'sup1' }, snapshot: { status: 'aborted' } });
  });

  it('an exclusive gateway with no true condition and no default opens an incident; retry re-evaluates with new variables', async () => {
    const h = startProcess(def(
      [node('start', 'start'), node('x', 'exclusiveGateway'), node('big'), node('end', 'end')],
      [edge('start', 'x'), edge('x', 'big', { condition: 'vars.amount > 100' }), edge('big', 'end')],
    ), { variables: { amount: 1 } });
    await h.settle();
    const [incident] = h.ports.openIncidents();
    expect(incident.spec).toMatchObject({ nodeId: 'x', activity: 'exclusiveGateway' });
    expect(incident.spec.error).toMatch(/no outgoing condition holds/);
    await h.runtime.resolveIncident(incident.id, 'retry', { amount: 500 });
    await h.complete('big');
    await expect(h.result).resolves.toEqual({ status: 'completed', vars: { amount: 500 } });
  });

  it('an expression error in an input mapping becomes an incident too', async () => {
    const h = startProcess(def(
      [node('start', 'start'), node('s', 'serviceTask', { activity: 'noop', input: { x: 'vars.items|nosuchfn' } }), node('end', 'end')],
      chain('start', 's', 'end'),
    ));
    await h.settle();
    const [incident] = h.ports.openIncidents();
    expect(incident.spec.nodeId).toBe('s');
    h.runtime.cancel('test over');
    await expect(h.result).resolves.toMatchObject({ status: 'cancelled' });
    expect(h.ports.incidents.get(incident.id)).toMatchObject({ status: 'closed', resolution: { action: 'cancelled' } });
  });
});

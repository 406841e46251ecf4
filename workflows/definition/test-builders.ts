/**
 * Tiny builders for template fixtures in tests: `def([node('start', 'start'), …], [edge('start',
 * 'a'), …])`. Export-only and free of jest globals, so any spec (interpreter, API, BPMN) can use
 * them. Each node type gets the least it needs to be valid (a user task a role, a timer a
 * duration, …); pass `extra` to add or override fields.
 */
import type { DefinitionInput, NodeType } from './schema';

type NodeInput = DefinitionInput['nodes'][number];
type EdgeInput = DefinitionInput['edges'][number];

const REQUIRED: Record<NodeType, Record<string, unknown>> = {
  start: {},
  end: {},
  userTask: { role: 'rep' },
  serviceTask: { activity: 'noop' },
  timer: { duration: 'P1D' },
  messageCatch: { message: 'paymentReceived' },
  exclusiveGateway: {},
  parallelGateway: {},
  subProcess: { templateKey: 'child' },
};

/**
 * A node of `type` (default userTask) with what its type requires, plus `extra`; a field set to
 * `undefined` in `extra` is removed (e.g. a timer with `until` and no default `duration`).
 */
export function node(id: string, type: NodeType = 'userTask', extra: Record<string, unknown> = {}): NodeInput {
  const fields: Record<string, unknown> = { id, type, ...REQUIRED[type], ...extra };
  for (const key of Object.keys(fields)) if (fields[key] === undefined) delete fields[key];
  return fields as NodeInput;
}

/**
 * An edge `source → target` with id `source:target` unless `extra.id` says otherwise. Other
 * specs rely on this id format (e.g. join arrivals `['B:J']`): keep it.
 */
export function edge(source: string, target: string, extra: Partial<EdgeInput> = {}): EdgeInput {
  return { id: `${source}:${target}`, source, target, ...extra };
}

/** Edges along a path: chain('start', 'a', 'end') is start→a, a→end. */
export function chain(...ids: string[]): EdgeInput[] {
  return ids.slice(1).map((target, i) => edge(ids[i], target));
}

/** A definition with key `test`, name `Test`, no stages unless `extra` has some. */
export function def(nodes: NodeInput[], edges: EdgeInput[], extra: Partial<DefinitionInput> = {}): DefinitionInput {
  return { key: 'test', name: 'Test', stages: [], nodes, edges, ...extra };
}

/** start → t1 → … → t(n-2) → end: a valid chain of exactly `n` nodes (n ≥ 2). */
export function linearDefinition(n: number, type: NodeType = 'userTask'): DefinitionInput {
  const tasks = Array.from({ length: n - 2 }, (_, i) => node(`t${i + 1}`, type));
  const ids = ['start', ...tasks.map((t) => t.id), 'end'];
  return def([node('start', 'start'), ...tasks, node('end', 'end')], chain(...ids));
}

/** The example of DESIGN.md §3 (KA entry): valid. */
export function kaEntryDefinition(): DefinitionInput {
  return def(
    [
      node('start', 'start'),
      node('negotiate', 'userTask', {
        name: 'Negotiate KA entry', stage: 'develop', role: 'rep', category: 'opening_outlets', dueIn: 'P14D', onOverdue: 'escalate',
        form: { fields: [{ key: 'listingFee', type: 'number', label: 'Listing fee', required: true, min: 0 }] },
      }),
      node('big-fee', 'exclusiveGateway', { name: 'Fee above limit?' }),
      node('approve', 'userTask', { name: 'Approve listing fee', role: 'supervisor' }),
      node('end', 'end'),
    ],
    [
      edge('start', 'negotiate', { id: 'e1' }),
      edge('negotiate', 'big-fee', { id: 'e2' }),
      edge('big-fee', 'approve', { id: 'e3', condition: 'vars.listingFee > 50000' }),
      edge('big-fee', 'end', { id: 'e4', default: true }),
      edge('approve', 'end', { id: 'e5' }),
    ],
    { key: 'ka-entry', name: 'KA entry', stages: [{ id: 'develop', name: 'Develop' }] },
  );
}

/**
 * Valid, with every node kind: a user-task overdue loop, a parallel block holding a sub-process,
 * a timer and a message catch with a timeout loop, and a cycle back to the service task through
 * an `until` timer. Expects activities ['forecastDemand'], roles ['rep', 'supervisor'] and
 * templates ['shipping'].
 */
export function everyKindDefinition(): DefinitionInput {
  return def(
    [
      node('start', 'start'),
      node('survey', 'userTask', {
        stage: 'develop', dueIn: 'P3D', onOverdue: 'to-remind', assignee: 'vars.repId',
        form: { fields: [
          { key: 'outlet', type: 'text', label: 'Outlet', required: true, max: 80 },
          { key: 'channel', type: 'select', label: 'Channel', options: [{ value: 'KA', label: 'Key accounts' }, { value: 'GT', label: 'General trade' }] },
          { key: 'share', type: 'number', label: 'Share', min: 0, max: 100, default: 'vars.lastShare ?: 0' },
          { key: 'lines', type: 'table', label: 'Lines', columns: [
            { key: 'sku', type: 'text', label: 'SKU', required: true },
            { key: 'qty', type: 'integer', label: 'Qty', min: 1 },
          ] },
        ] },
      }),
      node('remind', 'userTask', { role: 'supervisor' }),
      node('forecast', 'serviceTask', {
        stage: 'place', activity: 'forecastDemand', input: { sku: 'vars.sku' }, output: { qty: 'result.qty' },
        retry: { maxAttempts: 5, initialInterval: 'PT10S', maxInterval: 'PT5M' }, timeout: 'PT1M',
      }),
      node('fork', 'parallelGateway'),
      node('ship', 'subProcess', { templateKey: 'shipping', input: { id: 'order.id' } }),
      node('audit', 'timer', { duration: 'P7D' }),
      node('pay', 'messageCatch', { correlation: 'order.id', expectedWithin: 'P30D', timeout: 'P10D', timeoutEdge: 'pay-late' }),
      node('pay-reminder', 'userTask'),
      node('join', 'parallelGateway'),
      node('next', 'exclusiveGateway'),
      node('wait-until', 'timer', { until: 'vars.nextCycleAt', duration: undefined }),
      node('end', 'end'),
    ],
    [
      ...chain('start', 'survey', 'forecast', 'fork'),
      edge('survey', 'remind', { id: 'to-remind' }),
      edge('remind', 'survey'),
      ...chain('fork', 'ship', 'join'),
      ...chain('fork', 'audit', 'join'),
      ...chain('fork', 'pay', 'join'),
      edge('pay', 'pay-reminder', { id: 'pay-late' }),
      edge('pay-reminder', 'pay'),
      edge('join', 'next'),
      edge('next', 'wait-until', { condition: 'vars.nextCycle == true' }),
      edge('wait-until', 'forecast'),
      edge('next', 'end', { default: true }),
    ],
    { stages: [{ id: 'develop', name: 'Develop' }, { id: 'place', name: 'Place', sla: 'P30D' }] },
  );
}

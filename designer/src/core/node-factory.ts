/** New nodes and edges with fresh ids and sensible defaults, so a dropped node is almost valid. */
import type { Definition, Edge, Node, NodeType } from '@orderpath/workflows/definition/schema';
import type { Point } from './commands/move-nodes.command';

const PREFIX: Record<NodeType, string> = {
  start: 'start', end: 'end', userTask: 'task', serviceTask: 'service', timer: 'timer', messageCatch: 'message',
  exclusiveGateway: 'decision', parallelGateway: 'parallel', subProcess: 'call',
};

/** The first `prefix-N` not used by any id in `taken`. */
export function freshId(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!taken.has(id)) return id;
  }
}

export function idsOf(def: Pick<Definition, 'nodes' | 'edges'>): Set<string> {
  return new Set([...def.nodes.map((n) => n.id), ...def.edges.map((e) => e.id)]);
}

/** A node of `type` at `position`, with the defaults the properties panel starts from. */
export function createNode(def: Definition, type: NodeType, position: Point, defaults: { activity?: string } = {}): Node {
  const id = freshId(PREFIX[type], idsOf(def));
  const base = { id, position: { x: Math.round(position.x), y: Math.round(position.y) } };
  switch (type) {
    case 'userTask':
      return { ...base, type, name: 'New task', role: 'rep', form: { fields: [] } };
    case 'serviceTask':
      return { ...base, type, name: 'New service step', activity: defaults.activity ?? 'computeOrderValue' };
    case 'timer':
      return { ...base, type, name: 'Wait', duration: 'P1D' };
    case 'messageCatch':
      return { ...base, type, name: 'Wait for message', message: 'paymentReceived' };
    case 'subProcess':
      return { ...base, type, name: 'Call template', templateKey: 'quick-order' };
    case 'start':
      return { ...base, type, name: 'Start' };
    case 'end':
      return { ...base, type, name: 'End' };
    default:
      return { ...base, type, name: type === 'exclusiveGateway' ? 'Decision' : 'Parallel' };
  }
}

/** An edge between two nodes with a fresh `flow-N` id. */
export function createEdge(def: Pick<Definition, 'nodes' | 'edges'>, source: string, target: string): Edge {
  return { id: freshId('flow', idsOf(def)), source, target };
}

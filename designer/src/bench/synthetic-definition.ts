/**
 * A large template for the frame-time benchmark: a chain of `n` nodes snaking over a grid, in five
 * stages, with every kind of node the canvas draws. Deterministic (no randomness).
 */
import type { Definition, Node } from '@orderpath/workflows/definition/schema';

const STAGES = ['develop', 'place', 'fulfil', 'track', 'expand'];
const KINDS = ['userTask', 'serviceTask', 'userTask', 'timer', 'userTask', 'messageCatch', 'serviceTask', 'exclusiveGateway'] as const;
export const COLUMNS = 25;

function nodeAt(i: number, n: number): Node {
  const position = { x: (i % COLUMNS) * 230, y: Math.floor(i / COLUMNS) * 140 };
  const stage = STAGES[Math.min(STAGES.length - 1, Math.floor((i / n) * STAGES.length))];
  const id = `n${i}`;
  if (i === 0) return { id, type: 'start', name: 'Start', position, stage };
  if (i === n - 1) return { id, type: 'end', name: 'End', position, stage };
  const kind = KINDS[i % KINDS.length];
  switch (kind) {
    case 'userTask': return { id, type: kind, name: `Visit outlet ${i}`, role: 'rep', position, stage, category: 'market_visits', dueIn: 'P3D' };
    case 'serviceTask': return { id, type: kind, name: `Forecast ${i}`, activity: 'forecastDemand', position, stage };
    case 'timer': return { id, type: kind, name: `Wait ${i}`, duration: 'P1D', position, stage };
    case 'messageCatch': return { id, type: kind, name: `Payment ${i}`, message: 'paymentReceived', position, stage };
    default: return { id, type: kind, name: `Decide ${i}`, position, stage };
  }
}

export function syntheticDefinition(n: number): Definition {
  const nodes = Array.from({ length: n }, (_, i) => nodeAt(i, n));
  const edges = nodes.slice(1).map((node, i) => ({ id: `e${i}`, source: nodes[i].id, target: node.id, ...(nodes[i].type === 'exclusiveGateway' ? { default: true } : {}) }));
  return { key: `bench-${n}`, name: `Benchmark ${n}`, stages: STAGES.map((id) => ({ id, name: id })), nodes, edges };
}

import type { FlowEdge, FlowNode } from './flow-types';
import { edgeAt, overviewPaths } from './overview-paths';

const box = (id: string, x: number, y: number): FlowNode =>
  ({ id, type: 'serviceTask', position: { x, y }, measured: { width: 100, height: 40 }, data: {} }) as unknown as FlowNode;
const link = (id: string, source: string, target: string): FlowEdge => ({ id, source, target }) as FlowEdge;

// a (0,0) → b (300,0): segment (100,20)–(300,20); a → c (300,200): segment (100,20)–(300,220)
const nodes = [box('a', 0, 0), box('b', 300, 0), box('c', 300, 200)];
const edges = [link('ab', 'a', 'b'), link('ac', 'a', 'c')];

describe('overview edges', () => {
  it('draws each edge from the source\'s right port to the target\'s left port', () => {
    expect(overviewPaths(nodes, edges)).toEqual([{ key: 'still ', className: '', d: 'M100 20L300 20M100 20L300 220' }]);
  });

  it('finds the edge under a click within the tolerance, the nearest of two', () => {
    expect(edgeAt(nodes, edges, { x: 200, y: 23 }, 5)).toBe('ab');
    expect(edgeAt(nodes, edges, { x: 250, y: 168 }, 5)).toBe('ac');
    // near the shared source both are within reach: the nearer wins
    expect(edgeAt(nodes, edges, { x: 110, y: 21 }, 20)).toBe('ab');
  });

  it('finds nothing away from every segment, or past a segment\'s end', () => {
    expect(edgeAt(nodes, edges, { x: 200, y: 60 }, 5)).toBeNull();
    expect(edgeAt(nodes, edges, { x: 320, y: 20 }, 5)).toBeNull();
    expect(edgeAt([box('a', 0, 0)], edges, { x: 200, y: 20 }, 5)).toBeNull();
  });
});

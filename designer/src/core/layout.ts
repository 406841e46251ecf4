/**
 * Auto-layout with dagre, left to right, node sizes as drawn. Returns top-left positions (React
 * Flow and the template's `position` both mean the top-left corner).
 */
import dagre from '@dagrejs/dagre';
import type { Definition } from '@orderpath/workflows/definition/schema';
import type { Point } from './commands/move-nodes.command';
import { kindOf } from './node-kinds';

export function layoutPositions(def: Pick<Definition, 'nodes' | 'edges'>): Map<string, Point> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 70, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of def.nodes) {
    const { width, height } = kindOf(n.type);
    g.setNode(n.id, { width, height });
  }
  for (const e of def.edges) if (g.hasNode(e.source) && g.hasNode(e.target)) g.setEdge(e.source, e.target);
  dagre.layout(g);
  const out = new Map<string, Point>();
  for (const n of def.nodes) {
    const laid = g.node(n.id) as { x: number; y: number } | undefined;
    const { width, height } = kindOf(n.type);
    if (laid) out.set(n.id, { x: Math.round(laid.x - width / 2), y: Math.round(laid.y - height / 2) });
  }
  return out;
}

/** True when some node has no position (fresh import, API-made template): lay it out on open. */
export function needsLayout(def: Pick<Definition, 'nodes'>): boolean {
  return def.nodes.some((n) => !n.position);
}

/** `def` with every node placed by the layout (used on open, not as an undoable edit). */
export function withLayout<T extends Pick<Definition, 'nodes' | 'edges'>>(def: T): T {
  const positions = layoutPositions(def);
  return { ...def, nodes: def.nodes.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position ?? { x: 0, y: 0 } })) };
}

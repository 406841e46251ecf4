/**
 * The overview's edges (use-level-of-detail.ts): every edge as a straight segment from the source's
 * right port to the target's left port, all edges of one style in one SVG path. Pure: React Flow
 * nodes and edges in, `d` strings by edge class out.
 */
import { kindOf } from '../core/node-kinds';
import type { FlowEdge, FlowNode } from './flow-types';

/** Edge class (issue ring, run/diff mark, default flow; '' for plain) → path data. */
export function overviewPaths(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): Map<string, string> {
  const boxes = new Map(nodes.map((n) => {
    const kind = kindOf(n.type ?? '');
    return [n.id, { x: n.position.x, y: n.position.y, w: n.measured?.width ?? kind.width, h: n.measured?.height ?? kind.height }] as const;
  }));
  const parts = new Map<string, string[]>();
  for (const e of edges) {
    const s = boxes.get(e.source);
    const t = boxes.get(e.target);
    if (!s || !t) continue;
    const key = e.className ?? '';
    const list = parts.get(key) ?? [];
    list.push(`M${Math.round(s.x + s.w)} ${Math.round(s.y + s.h / 2)}L${Math.round(t.x)} ${Math.round(t.y + t.h / 2)}`);
    parts.set(key, list);
  }
  return new Map([...parts].map(([key, list]) => [key, list.join('')]));
}

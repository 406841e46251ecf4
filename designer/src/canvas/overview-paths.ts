/**
 * The overview's edges (use-level-of-detail.ts): every edge as a straight segment from the source's
 * right port to the target's left port, all edges of one style in one SVG path. Edges of nodes being
 * dragged go into paths of their own, so a drag frame changes (and repaints) only those, not the path
 * spanning the whole graph. Pure: React Flow nodes and edges in, paths out.
 */
import { kindOf } from '../core/node-kinds';
import type { FlowEdge, FlowNode } from './flow-types';

export interface OverviewPath {
  /** Stable React key: the class, and whether the path follows a drag. */
  key: string;
  /** Edge class (issue, run/diff mark, default flow); '' for plain edges. */
  className: string;
  d: string;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  moving: boolean;
}

function boxOf(n: FlowNode): Box {
  const kind = kindOf(n.type ?? '');
  return { x: n.position.x, y: n.position.y, w: n.measured?.width ?? kind.width, h: n.measured?.height ?? kind.height, moving: Boolean(n.dragging) };
}

export function overviewPaths(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): OverviewPath[] {
  const boxes = new Map(nodes.map((n) => [n.id, boxOf(n)] as const));
  const parts = new Map<string, { className: string; segments: string[] }>();
  for (const e of edges) {
    const s = boxes.get(e.source);
    const t = boxes.get(e.target);
    if (!s || !t) continue;
    const className = e.className ?? '';
    const key = `${s.moving || t.moving ? 'moving' : 'still'} ${className}`;
    const part = parts.get(key) ?? { className, segments: [] };
    part.segments.push(`M${Math.round(s.x + s.w)} ${Math.round(s.y + s.h / 2)}L${Math.round(t.x)} ${Math.round(t.y + t.h / 2)}`);
    parts.set(key, part);
  }
  return [...parts].map(([key, p]) => ({ key, className: p.className, d: p.segments.join('') }));
}

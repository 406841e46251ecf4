/**
 * The overview's edges (use-level-of-detail.ts): every edge as a straight segment from the source's
 * right port to the target's left port, all edges of one style in one SVG path. Edges of nodes being
 * dragged go into paths of their own, so a drag frame changes (and repaints) only those, not the path
 * spanning the whole graph; `edgeAt` finds the edge under a click. Pure: React Flow nodes and edges in.
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
    const [x1, y1, x2, y2] = segment(s, t);
    part.segments.push(`M${Math.round(x1)} ${Math.round(y1)}L${Math.round(x2)} ${Math.round(y2)}`);
    parts.set(key, part);
  }
  return [...parts].map(([key, p]) => ({ key, className: p.className, d: p.segments.join('') }));
}

/**
 * The edge drawn nearest to `point` (flow coordinates) in the overview, if its segment passes within
 * `tolerance`: the overview's edges are paths without events, so a click on the pane picks one.
 */
export function edgeAt(nodes: readonly FlowNode[], edges: readonly FlowEdge[], point: { x: number; y: number }, tolerance: number): string | null {
  const boxes = new Map(nodes.map((n) => [n.id, n] as const));
  let best: { id: string; distance: number } | null = null;
  for (const e of edges) {
    const s = boxes.get(e.source);
    const t = boxes.get(e.target);
    if (!s || !t) continue;
    const distance = distanceToSegment(point, segment(boxOf(s), boxOf(t)));
    if (distance <= tolerance && (!best || distance < best.distance)) best = { id: e.id, distance };
  }
  return best?.id ?? null;
}

/** From the source's right port to the target's left port: [x1, y1, x2, y2]. */
function segment(s: Box, t: Box): [number, number, number, number] {
  return [s.x + s.w, s.y + s.h / 2, t.x, t.y + t.h / 2];
}

function distanceToSegment(p: { x: number; y: number }, [x1, y1, x2, y2]: [number, number, number, number]): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length2 = dx * dx + dy * dy;
  const along = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - x1) * dx + (p.y - y1) * dy) / length2));
  return Math.hypot(p.x - (x1 + along * dx), p.y - (y1 + along * dy));
}

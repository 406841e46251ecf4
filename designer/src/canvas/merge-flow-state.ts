/**
 * Keeps React Flow's own node state (measured size, selection) when the model changes: a rebuilt
 * node replaces the previous one only if something it shows changed.
 */
import type { FlowEdge, FlowNode } from './flow-types';

export function mergeNodes(prev: readonly FlowNode[], next: readonly FlowNode[]): FlowNode[] {
  const byId = new Map(prev.map((n) => [n.id, n] as const));
  return next.map((n) => {
    const p = byId.get(n.id);
    if (!p) return n;
    if (p.data === n.data && p.type === n.type && p.position.x === n.position.x && p.position.y === n.position.y
      && p.width === n.width && p.height === n.height) return p;
    return { ...n, measured: p.measured, selected: p.selected } as FlowNode;
  });
}

export function mergeEdges(prev: readonly FlowEdge[], next: readonly FlowEdge[]): FlowEdge[] {
  const byId = new Map(prev.map((e) => [e.id, e] as const));
  return next.map((e) => {
    const p = byId.get(e.id);
    if (!p) return e;
    if (p.data?.edge === e.data?.edge && p.className === e.className && p.label === e.label) return p;
    return { ...e, selected: p.selected };
  });
}

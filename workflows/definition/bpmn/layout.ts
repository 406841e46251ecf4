/**
 * Diagram geometry for export: shape sizes, a layered layout for nodes without a canvas position,
 * and orthogonal edge waypoints. Coordinates are BPMN DI coordinates; a node's `position` is the
 * top-left corner of its shape, as in React Flow.
 */
import type { Edge, Node } from '../schema';

export interface Point { x: number; y: number }
export interface Size { width: number; height: number }
export type Bounds = Point & Size;

export const EVENT_SIZE: Size = { width: 36, height: 36 };
export const GATEWAY_SIZE: Size = { width: 50, height: 50 };
export const TASK_SIZE: Size = { width: 100, height: 80 };

const MARGIN = 160;
const COLUMN = 160;
const ROW = 120;
/** Extra space between lanes so that lane bounds (members ± padding) never overlap. */
const BAND_GAP = 60;

/**
 * Positions for the nodes that have none: longest-path layers from the roots (back edges of loops
 * ignored) become columns; within a column, nodes of one lane share a band of rows, in definition
 * order. Nodes that already have a position keep it.
 */
export function autoPositions(
  nodes: readonly Node[], edges: readonly Edge[], sizeOf: (node: Node) => Size,
  laneOf: (nodeId: string) => number = () => 0,
): Map<string, Point> {
  const layerOf = layers(nodes, edges);
  const rowOf = new Map<string, number>();
  const used = new Map<string, number>();
  for (const node of nodes) {
    const slot = `${layerOf.get(node.id)}:${laneOf(node.id)}`;
    rowOf.set(node.id, used.get(slot) ?? 0);
    used.set(slot, (used.get(slot) ?? 0) + 1);
  }
  const bandTop = bandTops(nodes, laneOf, rowOf);
  const result = new Map<string, Point>();
  for (const node of nodes) {
    if (node.position) { result.set(node.id, node.position); continue; }
    const size = sizeOf(node);
    const x = MARGIN + (layerOf.get(node.id) ?? 0) * COLUMN + (TASK_SIZE.width - size.width) / 2;
    const y = (bandTop.get(laneOf(node.id)) ?? MARGIN) + (rowOf.get(node.id) ?? 0) * ROW
      + (TASK_SIZE.height - size.height) / 2;
    result.set(node.id, { x, y });
  }
  return result;
}

function bandTops(nodes: readonly Node[], laneOf: (id: string) => number, rowOf: Map<string, number>) {
  const rows = new Map<number, number>();
  for (const node of nodes) {
    const lane = laneOf(node.id);
    rows.set(lane, Math.max(rows.get(lane) ?? 0, (rowOf.get(node.id) ?? 0) + 1));
  }
  const tops = new Map<number, number>();
  let top = MARGIN;
  for (const lane of [...rows.keys()].sort((a, b) => a - b)) {
    tops.set(lane, top);
    top += (rows.get(lane) ?? 1) * ROW + BAND_GAP;
  }
  return tops;
}

/** Longest-path layering over the forward edges (depth-first back edges removed). */
export function layers(nodes: readonly Node[], edges: readonly Edge[]): Map<string, number> {
  const back = backEdges(nodes, edges);
  const forward = edges.filter((edge) => !back.has(edge));
  const indegree = new Map(nodes.map((node) => [node.id, 0]));
  for (const edge of forward) indegree.set(edge.target, (indegree.get(edge.target) ?? 0) + 1);
  const out = outgoing(nodes, forward);
  const layer = new Map(nodes.map((node) => [node.id, 0]));
  const queue = nodes.filter((node) => indegree.get(node.id) === 0).map((node) => node.id);
  for (let i = 0; i < queue.length; i++) {
    for (const edge of out.get(queue[i]) ?? []) {
      layer.set(edge.target, Math.max(layer.get(edge.target) ?? 0, (layer.get(queue[i]) ?? 0) + 1));
      const left = (indegree.get(edge.target) ?? 1) - 1;
      indegree.set(edge.target, left);
      if (left === 0) queue.push(edge.target);
    }
  }
  return layer;
}

/** Edges that close a cycle in an iterative depth-first search started from the start events. */
function backEdges(nodes: readonly Node[], edges: readonly Edge[]): Set<Edge> {
  const out = outgoing(nodes, edges);
  const state = new Map<string, 'open' | 'done'>();
  const back = new Set<Edge>();
  const roots = [...nodes.filter((node) => node.type === 'start'), ...nodes];
  for (const root of roots) {
    if (state.has(root.id)) continue;
    const stack: { id: string; next: number }[] = [{ id: root.id, next: 0 }];
    state.set(root.id, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const edge = out.get(top.id)?.[top.next++];
      if (!edge) { state.set(top.id, 'done'); stack.pop(); continue; }
      const seen = state.get(edge.target);
      if (seen === 'open') back.add(edge);
      else if (!seen && out.has(edge.target)) {
        state.set(edge.target, 'open');
        stack.push({ id: edge.target, next: 0 });
      }
    }
  }
  return back;
}

function outgoing(nodes: readonly Node[], edges: readonly Edge[]): Map<string, Edge[]> {
  const out = new Map<string, Edge[]>(nodes.map((node) => [node.id, []]));
  for (const edge of edges) out.get(edge.source)?.push(edge);
  return out;
}

/**
 * Orthogonal route from `from` to `to`: right side to left side when the target lies to the
 * right, otherwise (loops, back edges) under both shapes from bottom to bottom.
 */
export function waypoints(from: Bounds, to: Bounds): Point[] {
  const fromMidY = from.y + from.height / 2;
  const toMidY = to.y + to.height / 2;
  if (to.x >= from.x + from.width) {
    const start = { x: from.x + from.width, y: fromMidY };
    const end = { x: to.x, y: toMidY };
    if (start.y === end.y) return [start, end];
    const midX = Math.round((start.x + end.x) / 2);
    return [start, { x: midX, y: start.y }, { x: midX, y: end.y }, end];
  }
  const below = Math.max(from.y + from.height, to.y + to.height) + 40;
  const startX = from.x + from.width / 2;
  const endX = to.x + to.width / 2;
  return [
    { x: startX, y: from.y + from.height }, { x: startX, y: below },
    { x: endX, y: below }, { x: endX, y: to.y + to.height },
  ];
}

/** The smallest bounds around `all`, grown by `pad` on every side. */
export function enclose(all: readonly Bounds[], pad: number): Bounds {
  const x = Math.min(...all.map((b) => b.x)) - pad;
  const y = Math.min(...all.map((b) => b.y)) - pad;
  const right = Math.max(...all.map((b) => b.x + b.width)) + pad;
  const bottom = Math.max(...all.map((b) => b.y + b.height)) + pad;
  return { x, y, width: right - x, height: bottom - y };
}

import type { Definition, Edge, Node } from '@orderpath/workflows/definition/schema';
import type { Command } from './command';

interface Removed<T> {
  index: number;
  item: T;
}

function reinsert<T>(items: readonly T[], removed: readonly Removed<T>[]): T[] {
  const out = [...items];
  for (const { index, item } of [...removed].sort((a, b) => a.index - b.index)) out.splice(index, 0, item);
  return out;
}

/**
 * Deletes nodes (with every edge touching them) and edges. Built from the current definition so
 * that revert puts each element back at its old index — the saved JSON stays byte-identical.
 */
export function removeElementsCommand(def: Definition, nodeIds: readonly string[], edgeIds: readonly string[] = []): Command {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  for (const e of def.edges) if (nodes.has(e.source) || nodes.has(e.target)) edges.add(e.id);
  const removedNodes: Removed<Node>[] = [];
  def.nodes.forEach((item, index) => nodes.has(item.id) && removedNodes.push({ index, item }));
  const removedEdges: Removed<Edge>[] = [];
  def.edges.forEach((item, index) => edges.has(item.id) && removedEdges.push({ index, item }));
  const count = removedNodes.length + removedEdges.length;
  return {
    label: `Delete ${count} element${count === 1 ? '' : 's'}`,
    execute: (d) => ({ ...d, nodes: d.nodes.filter((n) => !nodes.has(n.id)), edges: d.edges.filter((e) => !edges.has(e.id)) }),
    revert: (d) => ({ ...d, nodes: reinsert(d.nodes, removedNodes), edges: reinsert(d.edges, removedEdges) }),
  };
}

import type { Edge, Node } from '@orderpath/workflows/definition/schema';
import type { Command } from './command';

/** Adds nodes and edges (drop from the palette, connect, paste). Revert removes exactly them. */
export function addElementsCommand(label: string, nodes: readonly Node[], edges: readonly Edge[] = []): Command {
  const nodeIds = new Set(nodes.map((n) => n.id));
  const edgeIds = new Set(edges.map((e) => e.id));
  return {
    label,
    execute: (def) => ({ ...def, nodes: [...def.nodes, ...nodes], edges: [...def.edges, ...edges] }),
    revert: (def) => ({
      ...def,
      nodes: def.nodes.filter((n) => !nodeIds.has(n.id)),
      edges: def.edges.filter((e) => !edgeIds.has(e.id)),
    }),
  };
}

/**
 * A lookup view of a definition for the validation rules: nodes by id, and edges by source and
 * target. Edges whose source or target is missing are left out of the adjacency (they are
 * reported as `dangling_edge`); for duplicated ids the first occurrence wins.
 */
import type { Definition, Edge, Node } from './schema';

/** Read-only lookups over one definition; build it once per validation with {@link buildGraph}. */
export interface DefinitionGraph {
  readonly def: Definition;
  readonly nodes: ReadonlyMap<string, Node>;
  /** Position of each node id in `def.nodes` (first occurrence), for issue paths. */
  readonly nodeIndex: ReadonlyMap<string, number>;
  readonly edgeIndex: ReadonlyMap<string, number>;
  /** Nodes that failed the schema and were kept as id and type only: per-node rules skip them. */
  readonly stubIds: ReadonlySet<string>;
  outgoing(nodeId: string): readonly Edge[];
  incoming(nodeId: string): readonly Edge[];
}

const NONE: readonly Edge[] = [];

function firstIndex<T extends { id: string }>(items: readonly T[]): Map<string, number> {
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    if (!index.has(item.id)) index.set(item.id, i);
  });
  return index;
}

function push(map: Map<string, Edge[]>, key: string, edge: Edge): void {
  const list = map.get(key);
  if (list) list.push(edge);
  else map.set(key, [edge]);
}

/** Builds the lookup view in one pass over nodes and edges. */
export function buildGraph(def: Definition, stubIds: ReadonlySet<string> = new Set()): DefinitionGraph {
  const nodeIndex = firstIndex(def.nodes);
  const nodes = new Map<string, Node>();
  for (const [id, i] of nodeIndex) nodes.set(id, def.nodes[i]);
  const out = new Map<string, Edge[]>();
  const inc = new Map<string, Edge[]>();
  for (const edge of def.edges) {
    if (!nodes.has(edge.source) || !nodes.has(edge.target)) continue;
    push(out, edge.source, edge);
    push(inc, edge.target, edge);
  }
  return {
    def,
    nodes,
    nodeIndex,
    edgeIndex: firstIndex(def.edges),
    stubIds,
    outgoing: (id) => out.get(id) ?? NONE,
    incoming: (id) => inc.get(id) ?? NONE,
  };
}

/** Issue path of a node's field, e.g. `nodes[3].dueIn`. */
export function nodePath(graph: DefinitionGraph, nodeId: string, field?: string): string | undefined {
  const i = graph.nodeIndex.get(nodeId);
  if (i === undefined) return undefined;
  return field ? `nodes[${i}].${field}` : `nodes[${i}]`;
}

/** Issue path of an edge's field, e.g. `edges[0].condition`. */
export function edgePath(graph: DefinitionGraph, edgeId: string, field?: string): string | undefined {
  const i = graph.edgeIndex.get(edgeId);
  if (i === undefined) return undefined;
  return field ? `edges[${i}].${field}` : `edges[${i}]`;
}

/** The nodes per-node rules check: all but schema stubs. */
export function checkedNodes(graph: DefinitionGraph): Node[] {
  return [...graph.nodes.values()].filter((n) => !graph.stubIds.has(n.id));
}

/** Every node reachable from `from` by following `next` (the `from` nodes included). */
export function reachable(from: readonly string[], next: (id: string) => Iterable<string>): Set<string> {
  const seen = new Set<string>(from);
  const stack = [...from];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    for (const n of next(id)) {
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
    }
  }
  return seen;
}

/**
 * Visual diff of two template versions: which nodes and edges were added, removed or changed
 * (moving a node is not a change). The canvas shows the newer graph plus the removed elements.
 */
import type { Definition, Edge, Node } from '@orderpath/workflows/definition/schema';

export type Change = 'added' | 'removed' | 'changed' | 'same';

export interface DefinitionDiff {
  nodes: Map<string, Change>;
  edges: Map<string, Change>;
  /** The graph to draw: everything in `to`, plus what `from` had and `to` lost. */
  merged: Pick<Definition, 'nodes' | 'edges' | 'stages'>;
  /** Changed fields per changed node/edge id, e.g. ['name', 'dueIn']. */
  fields: Map<string, string[]>;
}

function changedFields<T extends object>(a: T, b: T, ignore: readonly string[]): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !ignore.includes(k)
    && JSON.stringify((a as Record<string, unknown>)[k]) !== JSON.stringify((b as Record<string, unknown>)[k])).sort();
}

function diffList<T extends Node | Edge>(from: readonly T[], to: readonly T[], ignore: readonly string[], fields: Map<string, string[]>): Map<string, Change> {
  const before = new Map(from.map((x) => [x.id, x] as const));
  const after = new Map(to.map((x) => [x.id, x] as const));
  const out = new Map<string, Change>();
  for (const [id, b] of after) {
    const a = before.get(id);
    if (!a) { out.set(id, 'added'); continue; }
    const changed = changedFields(a, b, ignore);
    out.set(id, changed.length ? 'changed' : 'same');
    if (changed.length) fields.set(id, changed);
  }
  for (const id of before.keys()) if (!after.has(id)) out.set(id, 'removed');
  return out;
}

export function diffDefinitions(from: Pick<Definition, 'nodes' | 'edges' | 'stages'>, to: Pick<Definition, 'nodes' | 'edges' | 'stages'>): DefinitionDiff {
  const fields = new Map<string, string[]>();
  const nodes = diffList(from.nodes, to.nodes, ['position'], fields);
  const edges = diffList(from.edges, to.edges, [], fields);
  const merged = {
    stages: [...to.stages, ...from.stages.filter((s) => !to.stages.some((t) => t.id === s.id))],
    nodes: [...to.nodes, ...from.nodes.filter((n) => nodes.get(n.id) === 'removed')],
    edges: [...to.edges, ...from.edges.filter((e) => edges.get(e.id) === 'removed')],
  };
  return { nodes, edges, merged, fields };
}

export function countChanges(diff: DefinitionDiff): Record<Exclude<Change, 'same'>, number> {
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const c of [...diff.nodes.values(), ...diff.edges.values()]) if (c !== 'same') counts[c]++;
  return counts;
}

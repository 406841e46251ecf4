import type { Definition } from '@orderpath/workflows/definition/schema';
import type { Command } from './command';

function rename(def: Definition, from: string, to: string): Definition {
  return {
    ...def,
    nodes: def.nodes.map((n) => (n.id === from ? { ...n, id: to } : n)),
    edges: def.edges.map((e) => (e.source === from || e.target === from
      ? { ...e, source: e.source === from ? to : e.source, target: e.target === from ? to : e.target }
      : e)),
  };
}

/** Changes a node's id and the ends of its edges. The caller checks the new id is free. */
export function renameNodeCommand(from: string, to: string): Command {
  return {
    label: `Rename ${from} to ${to}`,
    execute: (def) => rename(def, from, to),
    revert: (def) => rename(def, to, from),
  };
}

import type { Edge } from '@orderpath/workflows/definition/schema';
import type { Command } from './command';

/** A {@link replaceEdgeCommand}: keeps the edited edge so a later edit can fold into it. */
export interface ReplaceEdgeCommand extends Command {
  readonly after: Edge;
}

/** Replaces one edge by an edited copy (name, condition, default). Same-field edits merge. */
export function replaceEdgeCommand(before: Edge, after: Edge, field = 'properties'): ReplaceEdgeCommand {
  const swap = (from: Edge, to: Edge) => (edges: Edge[]) => edges.map((e) => (e.id === from.id ? to : e));
  return {
    label: `Edit ${field} of ${before.id}`,
    mergeKey: `edge:${before.id}:${field}`,
    after,
    execute: (def) => ({ ...def, edges: swap(before, after)(def.edges) }),
    revert: (def) => ({ ...def, edges: swap(after, before)(def.edges) }),
    merge: (next) => replaceEdgeCommand(before, (next as ReplaceEdgeCommand).after, field),
  };
}

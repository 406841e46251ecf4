import type { Node } from '@orderpath/workflows/definition/schema';
import type { Command } from './command';

/** A {@link replaceNodeCommand}: keeps the edited node so a later edit can fold into it. */
export interface ReplaceNodeCommand extends Command {
  readonly after: Node;
}

/**
 * Replaces one node by an edited copy with the same id (every properties-panel edit).
 * Edits of the same field in a row merge into one undo step, so typing a name is one undo.
 */
export function replaceNodeCommand(before: Node, after: Node, field = 'properties'): ReplaceNodeCommand {
  const swap = (from: Node, to: Node) => (nodes: Node[]) => nodes.map((n) => (n.id === from.id ? to : n));
  return {
    label: `Edit ${field} of ${before.id}`,
    mergeKey: `node:${before.id}:${field}`,
    after,
    execute: (def) => ({ ...def, nodes: swap(before, after)(def.nodes) }),
    revert: (def) => ({ ...def, nodes: swap(after, before)(def.nodes) }),
    merge: (next) => replaceNodeCommand(before, (next as ReplaceNodeCommand).after, field),
  };
}

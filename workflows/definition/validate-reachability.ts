/**
 * Reachability rules. Codes: unreachable_node (from the start), cannot_reach_end.
 * Both stay quiet when there is no start / no end: no_start and no_end already say so.
 */
import { type DefinitionGraph, nodePath, reachable } from './definition-graph';
import { type ValidationIssue, error } from './validation-issue';

function idsOfType(graph: DefinitionGraph, type: string): string[] {
  return [...graph.nodes.values()].filter((n) => n.type === type).map((n) => n.id);
}

/** unreachable_node: every node can be reached from a start node. */
export function checkReachableFromStart(graph: DefinitionGraph): ValidationIssue[] {
  const starts = idsOfType(graph, 'start');
  if (starts.length === 0) return [];
  const seen = reachable(starts, (id) => graph.outgoing(id).map((e) => e.target));
  return [...graph.nodes.keys()]
    .filter((id) => !seen.has(id))
    .map((id) => error('unreachable_node', `Node '${id}' cannot be reached from the start; connect an edge into it or delete it.`, { nodeId: id, path: nodePath(graph, id) }));
}

/**
 * cannot_reach_end: from every node some path leads to an end. Nodes without any outgoing edge
 * are left to missing_outgoing, which says the same more precisely.
 */
export function checkReachesEnd(graph: DefinitionGraph): ValidationIssue[] {
  const ends = idsOfType(graph, 'end');
  if (ends.length === 0) return [];
  const seen = reachable(ends, (id) => graph.incoming(id).map((e) => e.source));
  return [...graph.nodes.keys()]
    .filter((id) => !seen.has(id) && graph.outgoing(id).length > 0)
    .map((id) => error('cannot_reach_end', `No path leads from node '${id}' to an end; add an edge towards an end (a loop needs an exit).`, { nodeId: id, path: nodePath(graph, id) }));
}

/**
 * Structural rules: ids, edge ends, start and end nodes, outgoing edges, size.
 * Codes: duplicate_id, dangling_edge, no_start, multiple_starts, no_end, start_has_incoming,
 * end_has_outgoing, missing_outgoing, too_many_outgoing, too_many_nodes.
 */
import { type DefinitionGraph, nodePath } from './definition-graph';
import { type Node, MAX_NODES } from './schema';
import { type ValidationIssue, error, quoteList } from './validation-issue';

/** duplicate_id: ids are unique among nodes, among edges, and across both (BPMN needs that). */
export function checkIds(graph: DefinitionGraph): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const nodeIds = new Set<string>();
  graph.def.nodes.forEach((node, i) => {
    if (nodeIds.has(node.id)) {
      issues.push(error('duplicate_id', `Node id '${node.id}' is used by more than one node (again at nodes[${i}]); give each node its own id.`, { nodeId: node.id, path: `nodes[${i}].id` }));
    }
    nodeIds.add(node.id);
  });
  const edgeIds = new Set<string>();
  graph.def.edges.forEach((edge, i) => {
    const where = { edgeId: edge.id, path: `edges[${i}].id` };
    if (edgeIds.has(edge.id)) {
      issues.push(error('duplicate_id', `Edge id '${edge.id}' is used by more than one edge (again at edges[${i}]); give each edge its own id.`, where));
    } else if (nodeIds.has(edge.id)) {
      issues.push(error('duplicate_id', `Edge id '${edge.id}' is also a node id; ids must be unique across nodes and edges (BPMN export needs it) — rename the edge.`, where));
    }
    edgeIds.add(edge.id);
  });
  return issues;
}

/** dangling_edge: both ends of every edge exist. */
export function checkEdgeEnds(graph: DefinitionGraph): ValidationIssue[] {
  return graph.def.edges.flatMap((edge, i) => {
    const missing = [edge.source, edge.target].filter((id) => !graph.nodes.has(id));
    if (missing.length === 0) return [];
    const end = !graph.nodes.has(edge.source) ? 'source' : 'target';
    return [error('dangling_edge', `Edge '${edge.id}' goes from '${edge.source}' to '${edge.target}', but there is no node ${quoteList([...new Set(missing)])}; reconnect the edge or delete it.`, { edgeId: edge.id, path: `edges[${i}].${end}` })];
  });
}

const nodesOfType = (graph: DefinitionGraph, type: string): Node[] => [...graph.nodes.values()].filter((n) => n.type === type);

/** no_start, multiple_starts, no_end, start_has_incoming, end_has_outgoing. */
export function checkStartAndEnd(graph: DefinitionGraph): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const starts = nodesOfType(graph, 'start');
  const ends = nodesOfType(graph, 'end');
  if (starts.length === 0) issues.push(error('no_start', 'The template has no start node; add exactly one start node and connect it to the first step.'));
  for (const extra of starts.slice(1)) {
    issues.push(error('multiple_starts', `Node '${extra.id}' is a second start node (the first is '${starts[0].id}'); keep exactly one start.`, { nodeId: extra.id, path: nodePath(graph, extra.id) }));
  }
  if (ends.length === 0) issues.push(error('no_end', 'The template has no end node; add at least one end node and connect the last steps to it.'));
  for (const start of starts) {
    for (const edge of graph.incoming(start.id)) {
      issues.push(error('start_has_incoming', `Edge '${edge.id}' leads into start node '${start.id}'; a start has no incoming edges — point the edge at the first step instead.`, { nodeId: start.id, edgeId: edge.id }));
    }
  }
  for (const end of ends) {
    for (const edge of graph.outgoing(end.id)) {
      issues.push(error('end_has_outgoing', `Edge '${edge.id}' leaves end node '${end.id}'; an end has no outgoing edges — delete the edge or replace the end by a step.`, { nodeId: end.id, edgeId: edge.id }));
    }
  }
  return issues;
}

/** The outgoing edge a node takes only on a deadline (onOverdue / timeoutEdge), if any. */
export function deadlineEdgeId(node: Node): string | undefined {
  if (node.type === 'userTask' && node.onOverdue !== 'escalate') return node.onOverdue;
  if (node.type === 'messageCatch') return node.timeoutEdge;
  return undefined;
}

const isGateway = (node: Node): boolean => node.type === 'exclusiveGateway' || node.type === 'parallelGateway';

/**
 * missing_outgoing: every node but an end has an outgoing edge.
 * too_many_outgoing: only gateways branch; other nodes have one outgoing edge, plus the edge
 * named by a user task's `onOverdue` or a message catch's `timeoutEdge`.
 */
export function checkOutgoing(graph: DefinitionGraph): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const node of graph.nodes.values()) {
    const out = graph.outgoing(node.id);
    const where = { nodeId: node.id, path: nodePath(graph, node.id) };
    if (node.type !== 'end' && out.length === 0) {
      issues.push(error('missing_outgoing', `Node '${node.id}' has no outgoing edge; connect it to the next step or to an end.`, where));
    }
    if (isGateway(node) || node.type === 'end' || graph.stubIds.has(node.id)) continue;
    const deadline = deadlineEdgeId(node);
    const regular = out.filter((edge) => edge.id !== deadline);
    if (regular.length > 1) {
      issues.push(error('too_many_outgoing', `Node '${node.id}' has ${regular.length} outgoing edges (${quoteList(regular.map((e) => e.id))}); only gateways branch — add an exclusive or parallel gateway after it.`, where));
    }
  }
  return issues;
}

/** too_many_nodes: at most MAX_NODES nodes per template. */
export function checkSize(graph: DefinitionGraph): ValidationIssue[] {
  const count = graph.def.nodes.length;
  if (count <= MAX_NODES) return [];
  return [error('too_many_nodes', `The template has ${count} nodes; the limit is ${MAX_NODES}. Move parts into sub-processes (subProcess nodes calling other templates).`, { path: 'nodes' })];
}

/**
 * canConnect(): may the designer draw an edge from one node to another? A pure function for
 * React Flow's `isValidConnection`, so the canvas refuses what validateDefinition would flag.
 *
 * Rules, in order (code in brackets):
 * - both nodes exist [unknown_node]; no edge from a node to itself [self_loop];
 * - nothing goes into a start [into_start], nothing leaves an end [out_of_end];
 * - at most one edge between the same two nodes, in the same direction [duplicate_edge];
 * - only exclusive and parallel gateways branch. Every other node (start included) has one
 *   outgoing edge, with two exceptions that allow a second one: a user task with `dueIn` (the
 *   edge its `onOverdue` will name) and a message catch with a `timeout` (its `timeoutEdge`)
 *   [too_many_outgoing]. Which of the two edges is the deadline edge is then set on the node;
 *   validateDefinition checks it (bad_on_overdue, bad_timeout_edge).
 */

/** The little canConnect needs to know; a Definition fits it. */
export interface ConnectableDefinition {
  nodes: readonly { id: string; type: string; dueIn?: string; timeout?: string }[];
  edges: readonly { source: string; target: string }[];
}

/** The answer of {@link canConnect}: a refusal carries a stable code and a reason to show. */
export type ConnectResult = { ok: true } | { ok: false; reason: string; code: string };

type ConnectableNode = ConnectableDefinition['nodes'][number];

const refuse = (code: string, reason: string): ConnectResult => ({ ok: false, code, reason });

/** How many outgoing edges a node may have; Infinity for gateways. */
export function maxOutgoing(node: ConnectableNode): number {
  if (node.type === 'exclusiveGateway' || node.type === 'parallelGateway') return Number.POSITIVE_INFINITY;
  if (node.type === 'end') return 0;
  if (node.type === 'userTask' && node.dueIn) return 2;
  if (node.type === 'messageCatch' && node.timeout) return 2;
  return 1;
}

function outgoingLimit(source: ConnectableNode, count: number): ConnectResult {
  const max = maxOutgoing(source);
  if (count < max) return { ok: true };
  if (max === 1 && (source.type === 'userTask' || source.type === 'messageCatch')) {
    const what = source.type === 'userTask' ? 'set dueIn to add an overdue edge' : 'set a timeout to add a timeout edge';
    return refuse('too_many_outgoing', `'${source.id}' already has its outgoing edge; only gateways branch — add a gateway, or ${what}.`);
  }
  return refuse('too_many_outgoing', `'${source.id}' already has ${count} outgoing edge${count === 1 ? '' : 's'}; only gateways branch — add an exclusive or parallel gateway after it.`);
}

/**
 * Tells whether an edge `sourceId → targetId` may be added to `def`.
 * @returns `{ ok: true }`, or `{ ok: false, code, reason }` (codes: unknown_node, self_loop,
 * into_start, out_of_end, duplicate_edge, too_many_outgoing).
 */
export function canConnect(def: ConnectableDefinition, sourceId: string, targetId: string): ConnectResult {
  const source = def.nodes.find((n) => n.id === sourceId);
  const target = def.nodes.find((n) => n.id === targetId);
  if (!source || !target) return refuse('unknown_node', `There is no node '${!source ? sourceId : targetId}'.`);
  if (sourceId === targetId) return refuse('self_loop', 'A node cannot connect to itself; loop back through a gateway and a wait step instead.');
  if (target.type === 'start') return refuse('into_start', 'Nothing can lead into the start node.');
  if (source.type === 'end') return refuse('out_of_end', 'Nothing can leave an end node.');
  const outgoing = def.edges.filter((e) => e.source === sourceId);
  if (outgoing.some((e) => e.target === targetId)) return refuse('duplicate_edge', `'${sourceId}' is already connected to '${targetId}'.`);
  return outgoingLimit(source, outgoing.length);
}

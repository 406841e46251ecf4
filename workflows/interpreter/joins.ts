/**
 * Parallel joins. Arrivals are recorded per join as edge ids (carried in snapshots). The join
 * fires when every incoming edge has at least one arrival; it then consumes one arrival per
 * edge, so a second round arriving early (loops) is kept for the next firing.
 */
import type { ProcessContext } from './process-context';
import type { Token } from './types';

/** Records the token's arrival; true when the join fires (this token continues). */
export function arriveAtJoin(ctx: ProcessContext, token: Token, edgeId: string): boolean {
  const nodeId = token.nodeId;
  const arrived = [...(ctx.joins[nodeId] ?? []), edgeId];
  const expected = ctx.graph.incoming(nodeId).map((edge) => edge.id);
  const missing = expected.filter((id) => !arrived.includes(id));
  if (missing.length > 0) {
    ctx.joins[nodeId] = arrived;
    ctx.emit('join_waiting', { nodeId, iteration: token.iteration, data: { arrived: edgeId, missing } });
    return false;
  }
  for (const id of expected) arrived.splice(arrived.indexOf(id), 1);
  if (arrived.length > 0) ctx.joins[nodeId] = arrived;
  else delete ctx.joins[nodeId];
  ctx.emit('join_completed', { nodeId, iteration: token.iteration, data: { edges: expected } });
  return true;
}

/**
 * Gateways. Exclusive: the first outgoing edge, in definition order, whose condition holds
 * (an edge without condition holds), else the default edge. Parallel: join all incoming edges,
 * then fork onto all outgoing edges.
 */
import { evaluateCondition } from '../../definition/expressions';
import type { Edge } from '../../definition/schema';
import { NoMatchingEdgeError } from '../errors';
import { arriveAtJoin } from '../joins';
import type { ProcessContext } from '../process-context';
import type { NodeOutcome, Token } from '../types';

export function chooseExclusiveEdge(ctx: ProcessContext, token: Token): NodeOutcome {
  const node = ctx.graph.nodeOf(token.nodeId, 'exclusiveGateway');
  const edges = ctx.graph.outgoing(node.id);
  const scope = ctx.scope();
  let fallback: Edge | undefined;
  for (const edge of edges) {
    if (edge.default) {
      fallback ??= edge;
      continue;
    }
    if (edge.condition === undefined || evaluateCondition(edge.condition, scope)) return [edge];
  }
  if (fallback) return [fallback];
  // A pure merge (one unconditional way out) never reaches here; an empty gateway is a dead end.
  throw new NoMatchingEdgeError(node.id);
}

/**
 * Joins when the gateway has several incoming edges; a token that is not the last one ends. A
 * token resumed at a join without an arrival edge (never produced by this runtime) passes through.
 */
export function passParallelGateway(ctx: ProcessContext, token: Token, via: string | undefined): NodeOutcome {
  const node = ctx.graph.nodeOf(token.nodeId, 'parallelGateway');
  if (ctx.graph.isJoin(node.id) && via !== undefined && !arriveAtJoin(ctx, token, via)) return [];
  return ctx.graph.outgoing(node.id);
}

/**
 * Runs the node a token stands on and returns the edges to leave on. Node failures become
 * incidents here, uniformly for every kind: retry runs the node again (a new activity attempt
 * series, a gateway re-evaluated with the possibly updated variables), skip leaves on the normal
 * outgoing edges — except for an exclusive gateway, where skipping has no meaning and re-evaluates.
 */
import { awaitIncident, isIncidentWorthy, openIncident } from '../incidents';
import type { ProcessContext } from '../process-context';
import type { Arrival, NodeOutcome, Token, TokenWait } from '../types';
import { chooseExclusiveEdge, passParallelGateway } from './gateway.executor';
import { runMessageCatch } from './message-catch.executor';
import { callServiceTask, runServiceTask } from './service-task.executor';
import { runSubProcess } from './sub-process.executor';
import { runTimer, stepTimer } from './timer.executor';
import { runUserTask } from './user-task.executor';

export async function executeNode(ctx: ProcessContext, token: Token, arrival: Arrival): Promise<NodeOutcome> {
  let resume = arrival.resume;
  for (;;) {
    if (resume?.kind === 'incident') {
      const action = await awaitIncident(ctx, token, resume);
      resume = undefined;
      const node = ctx.graph.node(token.nodeId);
      if (action === 'skip' && node.type !== 'exclusiveGateway') return ctx.graph.normalOutgoing(node);
      continue;
    }
    try {
      return await dispatch(ctx, token, arrival.via, resume);
    } catch (error) {
      if (!isIncidentWorthy(error)) throw error;
      ctx.throwIfStopped();
      resume = await openIncident(ctx, token, ctx.graph.node(token.nodeId), error);
    }
  }
}

/**
 * The fast path's step (PATCHES.fastPath): the edges at once for a node that does not wait (start,
 * end, gateways, a timer already due), one promise for a fresh service task or timer, and
 * `executeNode` for everything else (user tasks, messages, child orders, a resumed wait). A node
 * failure becomes an incident as in `executeNode` — here, or in `recoverNode` when the promise
 * rejects.
 */
export function stepNode(ctx: ProcessContext, token: Token, arrival: Arrival): NodeOutcome | Promise<NodeOutcome> {
  if (arrival.resume !== undefined) return executeNode(ctx, token, arrival);
  const node = ctx.graph.node(token.nodeId);
  try {
    switch (node.type) {
      case 'start':
        return ctx.graph.outgoing(node.id);
      case 'end':
        return [];
      case 'exclusiveGateway':
        return chooseExclusiveEdge(ctx, token);
      case 'parallelGateway':
        return passParallelGateway(ctx, token, arrival.via);
      case 'serviceTask':
        return callServiceTask(ctx, token);
      case 'timer':
        return stepTimer(ctx, token);
      default:
        return executeNode(ctx, token, arrival);
    }
  } catch (error) {
    return recoverNode(ctx, token, arrival, error);
  }
}

/** A node failed on the fast path: opens its incident, then goes on as `executeNode` (retry, skip, abort). */
export async function recoverNode(ctx: ProcessContext, token: Token, arrival: Arrival, error: unknown): Promise<NodeOutcome> {
  if (!isIncidentWorthy(error)) throw error;
  ctx.throwIfStopped();
  const resume = await openIncident(ctx, token, ctx.graph.node(token.nodeId), error);
  return executeNode(ctx, token, { via: arrival.via, resume });
}

async function dispatch(ctx: ProcessContext, token: Token, via: string | undefined, resume: TokenWait | undefined): Promise<NodeOutcome> {
  const node = ctx.graph.node(token.nodeId);
  switch (node.type) {
    case 'start':
      return ctx.graph.outgoing(node.id);
    case 'end':
      return [];
    case 'userTask':
      return runUserTask(ctx, token, resume);
    case 'serviceTask':
      return runServiceTask(ctx, token);
    case 'timer':
      return runTimer(ctx, token, resume);
    case 'messageCatch':
      return runMessageCatch(ctx, token, resume);
    case 'subProcess':
      return runSubProcess(ctx, token);
    case 'exclusiveGateway':
      return chooseExclusiveEdge(ctx, token);
    case 'parallelGateway':
      return passParallelGateway(ctx, token, via);
  }
}

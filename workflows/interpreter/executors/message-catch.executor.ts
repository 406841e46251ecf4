/**
 * messageCatch: consume a pending message or wait for one. `expectedWithin` only stamps
 * `expectedBy` on the wait (stuck detection); `timeout` + `timeoutEdge` is an interrupting
 * boundary timer counted from the token's arrival.
 */
import { evaluate } from '../../definition/expressions';
import type { NodeOf } from '../../definition/schema';
import { MissingEdgeError } from '../errors';
import { receiveMessage, takePendingMessage } from '../messages';
import type { ProcessContext } from '../process-context';
import { durationMs, parseIso, toIso } from '../time';
import type { NodeOutcome, Token, TokenWait, WaitOf } from '../types';

export async function runMessageCatch(ctx: ProcessContext, token: Token, resume?: TokenWait): Promise<NodeOutcome> {
  const node = ctx.graph.nodeOf(token.nodeId, 'messageCatch');
  const resumed = resume?.kind === 'message';
  const wait: WaitOf<'message'> = resumed ? resume : messageWait(ctx, token, node);
  const early = token.inbox ?? takePendingMessage(ctx, wait.message, wait.correlation);
  if (early) {
    token.inbox = undefined;
    receiveMessage(ctx, token, early);
    return ctx.graph.normalOutgoing(node);
  }
  const event = resumed ? undefined : { type: 'message_waiting', data: { message: wait.message, correlation: wait.correlation ?? null, expectedBy: wait.expectedBy ?? null } };
  const got = await ctx.waitFor(token, wait, { until: () => token.inbox !== undefined, timeoutMs: timeoutMs(ctx, token, node), event });
  const current = ctx.graph.nodeOf(token.nodeId, 'messageCatch');
  if (!got || !token.inbox) return [timeoutEdge(ctx, token, current)];
  const message = token.inbox;
  token.inbox = undefined;
  receiveMessage(ctx, token, message);
  return ctx.graph.normalOutgoing(current);
}

function messageWait(ctx: ProcessContext, token: Token, node: NodeOf<'messageCatch'>): WaitOf<'message'> {
  const expectedBy = node.expectedWithin ? toIso(parseIso(token.since) + durationMs(node.expectedWithin, `expectedWithin of ${node.id}`)) : null;
  const wait: WaitOf<'message'> = { kind: 'message', message: node.message, expectedBy };
  if (node.correlation) wait.correlation = evaluate(node.correlation, ctx.scope());
  return wait;
}

/** Remaining time of the boundary timeout, or undefined when the node has none. */
function timeoutMs(ctx: ProcessContext, token: Token, node: NodeOf<'messageCatch'>): number | undefined {
  if (!node.timeout || !node.timeoutEdge) return undefined;
  return parseIso(token.since) + durationMs(node.timeout, `timeout of ${node.id}`) - ctx.ports.now();
}

function timeoutEdge(ctx: ProcessContext, token: Token, node: NodeOf<'messageCatch'>) {
  const edgeId = node.timeoutEdge ?? '';
  const edge = ctx.graph.outgoing(node.id).find((candidate) => candidate.id === edgeId);
  if (!edge) throw new MissingEdgeError(node.id, edgeId);
  ctx.emit('message_timeout', { nodeId: node.id, iteration: token.iteration, data: { message: node.message, edgeId } });
  return edge;
}

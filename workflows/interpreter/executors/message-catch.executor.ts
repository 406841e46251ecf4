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
import type { DeliveredMessage, NodeOutcome, Token, TokenWait, WaitOf } from '../types';

export async function runMessageCatch(ctx: ProcessContext, token: Token, resume?: TokenWait): Promise<NodeOutcome> {
  const resumed = resume?.kind === 'message';
  let wait: WaitOf<'message'> = resumed ? resume : messageWait(ctx, token, ctx.graph.nodeOf(token.nodeId, 'messageCatch'));
  let event = resumed ? undefined : waitingEvent(wait);
  // Loops only when a migration woke the wait: the boundary timeout is then re-armed from the node
  // the token moved to (which may have none), and a message kept meanwhile is picked up.
  for (;;) {
    const node = ctx.graph.nodeOf(token.nodeId, 'messageCatch');
    const message = token.inbox ?? takePendingMessage(ctx, wait.message, wait.correlation);
    if (message) return consume(ctx, token, message);
    const epoch = ctx.migrations;
    const got = await ctx.waitFor(token, wait, { until: () => token.inbox !== undefined || ctx.migrations !== epoch, timeoutMs: timeoutMs(ctx, token, node), event });
    if (token.inbox) return consume(ctx, token, token.inbox);
    if (ctx.migrations === epoch && !got) return [timeoutEdge(ctx, token, node)];
    wait = { ...wait, message: ctx.graph.nodeOf(token.nodeId, 'messageCatch').message, expectedBy: expectedBy(ctx, token) };
    // Written again so the read model's wait (order_waits) takes the new name and expectedBy.
    event = waitingEvent(wait);
  }
}

function waitingEvent(wait: WaitOf<'message'>) {
  return { type: 'message_waiting', data: { message: wait.message, correlation: wait.correlation ?? null, expectedBy: wait.expectedBy ?? null } };
}

/** Merges the message and leaves on the normal edges of the node the token stands on now. */
function consume(ctx: ProcessContext, token: Token, message: DeliveredMessage): NodeOutcome {
  token.inbox = undefined;
  receiveMessage(ctx, token, message);
  return ctx.graph.normalOutgoing(ctx.graph.node(token.nodeId));
}

function messageWait(ctx: ProcessContext, token: Token, node: NodeOf<'messageCatch'>): WaitOf<'message'> {
  const wait: WaitOf<'message'> = { kind: 'message', message: node.message, expectedBy: expectedBy(ctx, token) };
  if (node.correlation) wait.correlation = evaluate(node.correlation, ctx.scope());
  return wait;
}

/** When the order counts as stuck at this catch (the node's expectedWithin from arrival), or null. */
function expectedBy(ctx: ProcessContext, token: Token): string | null {
  const node = ctx.graph.nodeOf(token.nodeId, 'messageCatch');
  return node.expectedWithin ? toIso(parseIso(token.since) + durationMs(node.expectedWithin, `expectedWithin of ${node.id}`)) : null;
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

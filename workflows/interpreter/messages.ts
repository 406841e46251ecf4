/**
 * Message correlation. A delivered message goes to the oldest token waiting for that name (and
 * correlation key, when the node has one); with no such token it is kept in `pendingMessages`
 * until a token reaches a matching catch, so an early message is never lost.
 */
import type { ProcessContext } from './process-context';
import type { DeliveredMessage, Token, Vars } from './types';
import { isPlainObject, sameCorrelation } from './variables';

/** Routes a message; returns whether a waiting token took it or it was stored. */
export function deliverMessage(ctx: ProcessContext, name: string, payload: unknown, correlation?: unknown): 'delivered' | 'stored' {
  const message: DeliveredMessage = { name, payload, at: ctx.nowIso(), ...(correlation === undefined ? {} : { correlation }) };
  for (const token of ctx.tokens.values()) {
    const wait = token.wait;
    if (wait?.kind !== 'message' || token.inbox || wait.message !== name) continue;
    if (!matches(wait.correlation, correlation)) continue;
    token.inbox = message;
    return 'delivered';
  }
  ctx.pendingMessages.push(message);
  ctx.emit('message_stored', { data: { message: name, correlation: correlation ?? null } });
  return 'stored';
}

/** Removes and returns the oldest pending message a catch for (name, correlation) accepts. */
export function takePendingMessage(ctx: ProcessContext, name: string, correlation: unknown): DeliveredMessage | undefined {
  const index = ctx.pendingMessages.findIndex((message) => message.name === name && matches(correlation, message.correlation));
  if (index < 0) return undefined;
  return ctx.pendingMessages.splice(index, 1)[0];
}

/** Object payloads merge into the variables; anything else lands in `vars[messageName]`. */
export function receiveMessage(ctx: ProcessContext, token: Token, message: DeliveredMessage): void {
  if (isPlainObject(message.payload)) Object.assign(ctx.vars, message.payload as Vars);
  else ctx.vars[message.name] = message.payload;
  ctx.emit('message_received', {
    nodeId: token.nodeId, iteration: token.iteration, data: { message: message.name, correlation: message.correlation ?? null, receivedAt: message.at },
  });
}

/** A catch without a correlation key accepts any message of its name. */
function matches(expected: unknown, actual: unknown): boolean {
  return expected === undefined || sameCorrelation(expected, actual);
}

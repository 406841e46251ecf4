/** timer: wait `duration` from entry, or until the date the `until` expression yields. */
import { evaluate } from '../../definition/expressions';
import type { NodeOf } from '../../definition/schema';
import { TimerWithoutTimeError } from '../errors';
import type { ProcessContext } from '../process-context';
import { durationMs, parseIso, toEpochMs, toIso } from '../time';
import type { NodeOutcome, Token, TokenWait } from '../types';

export async function runTimer(ctx: ProcessContext, token: Token, resume?: TokenWait): Promise<NodeOutcome> {
  const resumed = resume?.kind === 'timer';
  const until = resumed ? resume.until : dueAt(ctx, ctx.graph.nodeOf(token.nodeId, 'timer'));
  const ms = parseIso(until) - ctx.ports.now();
  if (ms > 0) {
    const event = resumed ? undefined : { type: 'timer_started', data: { until } };
    await ctx.waitFor(token, { kind: 'timer', until }, { until: () => false, timeoutMs: ms, event });
  }
  return fired(ctx, token, until);
}

/**
 * Fast path: a timer shorter than this is no wait anyone watches in the order list (pacing, a retry
 * delay), so its events and search attributes go out with the next flush instead of before it — a
 * local activity and a workflow-task round trip less per short timer. The projection then lags by
 * at most this long plus the steps up to the next wait.
 */
export const WATCHED_TIMER_MS = 60_000;

/** Fast path (PATCHES.fastPath) for a fresh timer: a plain sleep, or nothing when already due. */
export function stepTimer(ctx: ProcessContext, token: Token): NodeOutcome | Promise<NodeOutcome> {
  const until = dueAt(ctx, ctx.graph.nodeOf(token.nodeId, 'timer'));
  const ms = parseIso(until) - ctx.ports.now();
  if (ms <= 0) return fired(ctx, token, until);
  const event = { type: 'timer_started', data: { until } };
  return ctx.sleepFor(token, { kind: 'timer', until }, ms, event, ms >= WATCHED_TIMER_MS, () => fired(ctx, token, until));
}

function fired(ctx: ProcessContext, token: Token, until: string): NodeOutcome {
  ctx.emit('timer_fired', { nodeId: token.nodeId, iteration: token.iteration, data: { until } });
  return ctx.graph.normalOutgoing(ctx.graph.node(token.nodeId));
}

function dueAt(ctx: ProcessContext, node: NodeOf<'timer'>): string {
  if (node.duration !== undefined) return toIso(ctx.ports.now() + durationMs(node.duration, `duration of ${node.id}`));
  if (node.until !== undefined) return toIso(toEpochMs(evaluate(node.until, ctx.scope()), `until of ${node.id}`));
  throw new TimerWithoutTimeError(node.id);
}

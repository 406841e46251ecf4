/**
 * The carried state: taken for the `state` query and continue-as-new, restored on resume.
 * Everything is copied, so a snapshot never aliases live state.
 */
import type { ProcessSnapshot, TokenState } from './ports';
import type { ProcessContext } from './process-context';
import type { Token } from './types';
import { cloneJson } from './variables';

export function takeSnapshot(ctx: ProcessContext): ProcessSnapshot {
  const definition = ctx.graph.definition;
  return {
    status: ctx.status(),
    stage: ctx.stage,
    vars: cloneJson(ctx.vars),
    tokens: [...ctx.tokens.values()].map(tokenState),
    iterations: { ...ctx.iterations },
    joins: Object.fromEntries(Object.entries(ctx.joins).map(([nodeId, edges]) => [nodeId, [...edges]])),
    pendingMessages: cloneJson(ctx.pendingMessages),
    openIncidents: [...ctx.incidents.values()].map(({ id, nodeId, activity, error, since }) => ({ id, nodeId, activity, error, since })),
    seq: ctx.log.seq,
    cycle: ctx.cycle,
    templateKey: definition.key,
    templateVersion: definition.version ?? null,
  };
}

/** Loads carried state into a fresh context. Tasks and incidents are re-linked to their tokens. */
export function restoreSnapshot(ctx: ProcessContext, snapshot: ProcessSnapshot): void {
  ctx.vars = cloneJson(snapshot.vars);
  ctx.stage = snapshot.stage;
  ctx.cycle = snapshot.cycle;
  ctx.iterations = { ...snapshot.iterations };
  ctx.joins = Object.fromEntries(Object.entries(snapshot.joins).map(([nodeId, edges]) => [nodeId, [...edges]]));
  ctx.pendingMessages = cloneJson(snapshot.pendingMessages);
  for (const state of snapshot.tokens) {
    const token: Token = cloneJson(state);
    ctx.adoptToken(token);
    const wait = token.wait;
    if (wait?.kind === 'task') ctx.tasks.set(wait.taskId, { id: wait.taskId, tokenId: token.id, state: 'open' });
  }
  for (const incident of snapshot.openIncidents) {
    const token = [...ctx.tokens.values()].find((t) => t.wait?.kind === 'incident' && t.wait.incidentId === incident.id);
    if (token) ctx.incidents.set(incident.id, { ...incident, tokenId: token.id, state: 'open' });
  }
}

function tokenState(token: Token): TokenState {
  const state: TokenState = { id: token.id, nodeId: token.nodeId, iteration: token.iteration, since: token.since };
  if (token.wait) state.wait = cloneJson(token.wait);
  return state;
}

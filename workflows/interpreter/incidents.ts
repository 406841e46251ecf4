/**
 * Incidents: a node that fails for good (service failure, expression error, no gateway path)
 * opens one and its token waits for a supervisor's retry / skip / abort.
 */
import { ExpressionError } from '../definition/expressions';
import type { Node } from '../definition/schema';
import { IncidentNotOpenError, InvalidIncidentActionError, NodeFailure } from './errors';
import { type ProcessContext, Stopped } from './process-context';
import { ServiceFailure } from './ports';
import { INCIDENT_ACTIONS, type IncidentAction, type IncidentRecord, type Token, type Vars, type WaitOf } from './types';

/** Errors that become incidents; anything else is a bug and fails the run. */
export function isIncidentWorthy(error: unknown): error is Error {
  return error instanceof NodeFailure || error instanceof ServiceFailure || error instanceof ExpressionError
    || (error instanceof Error && (error.name === 'ServiceFailure' || error.name === 'ExpressionError'));
}

/** Opens an incident for the token's node and returns the wait to park the token on. */
export async function openIncident(ctx: ProcessContext, token: Token, node: Node, error: Error): Promise<WaitOf<'incident'>> {
  const activity = node.type === 'serviceTask' ? node.activity : node.type;
  const attempts = error instanceof ServiceFailure ? error.attempts : 1;
  const id = await ctx.ports.openIncident({
    orderId: ctx.orderId, nodeId: node.id, iteration: token.iteration, activity, error: error.message, attempts,
  });
  ctx.incidents.set(id, { id, tokenId: token.id, nodeId: node.id, activity, error: error.message, since: ctx.nowIso(), state: 'open' });
  ctx.emit('incident_opened', { nodeId: node.id, iteration: token.iteration, data: { incidentId: id, activity, error: error.message, attempts } });
  return { kind: 'incident', incidentId: id, error: error.message };
}

/**
 * Parks the token until the incident is resolved. Returns retry or skip (after merging the
 * supervisor's variables); abort stops the whole order.
 */
export async function awaitIncident(ctx: ProcessContext, token: Token, wait: WaitOf<'incident'>): Promise<'retry' | 'skip'> {
  const record = ctx.incidents.get(wait.incidentId) ?? adoptIncident(ctx, token, wait);
  await ctx.waitFor(token, wait, { until: () => record.state === 'resolved' });
  ctx.incidents.delete(record.id);
  const action = record.action ?? 'retry';
  if (record.variables) Object.assign(ctx.vars, record.variables);
  ctx.emit('incident_resolved', { nodeId: token.nodeId, iteration: token.iteration, data: { incidentId: record.id, action, by: record.by ?? null } });
  if (action === 'abort') {
    ctx.requestStop({ kind: 'aborted', incidentId: record.id, by: record.by ?? null });
    throw new Stopped();
  }
  return action;
}

/** @throws IncidentNotOpenError, InvalidIncidentActionError — for the Update validator. */
export function validateResolution(ctx: ProcessContext, incidentId: string, action: string): IncidentRecord {
  const record = ctx.incidents.get(incidentId);
  if (!record || record.state !== 'open') throw new IncidentNotOpenError(incidentId);
  if (!INCIDENT_ACTIONS.includes(action as IncidentAction)) throw new InvalidIncidentActionError(action);
  return record;
}

/**
 * Marks the incident resolving synchronously (a second resolution is refused), closes it in the
 * read model, then releases the waiting token.
 */
export async function resolveIncident(ctx: ProcessContext, incidentId: string, action: IncidentAction, variables?: Vars, by?: string | null): Promise<void> {
  const record = validateResolution(ctx, incidentId, action);
  record.state = 'resolving';
  record.action = action;
  record.variables = variables;
  record.by = by ?? null;
  await ctx.ports.closeIncident(incidentId, { action, by: by ?? null });
  record.state = 'resolved';
}

/** A token resumed from a snapshot may wait on an incident the runtime has not seen yet. */
function adoptIncident(ctx: ProcessContext, token: Token, wait: WaitOf<'incident'>): IncidentRecord {
  const record: IncidentRecord = {
    id: wait.incidentId, tokenId: token.id, nodeId: token.nodeId, activity: '', error: wait.error, since: token.since, state: 'open',
  };
  ctx.incidents.set(record.id, record);
  return record;
}

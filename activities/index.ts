/**
 * Side effects of OrderPath: the engine's ports (tasks, incidents, projection, templates) and the
 * domain activities that service tasks call by name. Built by a factory so tests can pass deps.
 */
import type { ActivityDeps } from './deps';
import { valueChainActivities } from './domain';
import { orderActivities } from './engine/orders.activity';
import { incidentActivities } from './engine/incidents.activity';
import { projectionActivities } from './engine/projection.activity';
import { taskActivities } from './engine/tasks.activity';
import { templateActivities } from './engine/templates.activity';

export type { ActivityDeps } from './deps';
export type { RecordEventsInput } from './engine/projection.activity';

export function createEngineActivities(deps: ActivityDeps) {
  return { ...taskActivities(deps), ...incidentActivities(deps), ...projectionActivities(deps), ...templateActivities(deps), ...orderActivities(deps) };
}

export function createDomainActivities(deps: ActivityDeps) {
  return { ...valueChainActivities(deps) };
}

export function createActivities(deps: ActivityDeps) {
  return { ...createEngineActivities(deps), ...createDomainActivities(deps) };
}

export type EngineActivities = ReturnType<typeof createEngineActivities>;
export type DomainActivities = ReturnType<typeof createDomainActivities>;
export type Activities = ReturnType<typeof createActivities>;

/** Names a template's serviceTask.activity may use (checked by validateDefinition). Factories touch
 * no deps until an activity runs, so listing their keys is safe. */
export const DOMAIN_ACTIVITY_NAMES: string[] = Object.keys(createDomainActivities({} as ActivityDeps));

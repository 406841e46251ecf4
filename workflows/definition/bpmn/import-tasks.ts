/** BPMN activities → userTask, serviceTask and subProcess nodes (OrderPath and Zeebe dialects). */
import {
  TIME_CATEGORIES, type RetryPolicy, type ServiceTaskNode, type SubProcessNode, type TimeCategory, type UserTaskNode,
} from '../schema';
import type { ModdleElement } from './bpmn-extensions';
import type { FeelRoot } from './feel';
import { commonFields, expression, take, type ImportContext } from './import-context';
import { normaliseKey } from './normalise';

/** Role given to a user task that has neither a lane nor a candidate group. */
export const UNASSIGNED_ROLE = 'unassigned';

export function importUserTask(ctx: ImportContext, element: ModdleElement): UserTaskNode {
  const common = commonFields(ctx, element);
  const zeebe = take(ctx, element, 'zeebe:AssignmentDefinition');
  const form = readJson(ctx, element, take(ctx, element, 'orderpath:Form'));
  const category: string | undefined = take(ctx, element, 'orderpath:TimeAllocation')?.category;
  const deadline = take(ctx, element, 'orderpath:Deadline');
  const assignee = take(ctx, element, 'orderpath:Assignment')?.assignee ?? zeebeValue(ctx, element.id, zeebe?.assignee, 'assignee');
  if (category !== undefined && !TIME_CATEGORIES.includes(category as TimeCategory)) {
    ctx.warn('unknown_category', `Category "${category}" of "${element.id}" is not a time-allocation category; it was dropped.`, element.id);
  }
  return {
    ...common,
    type: 'userTask',
    role: roleOf(ctx, element, zeebe),
    ...(assignee !== undefined ? { assignee } : {}),
    ...(form !== undefined ? { form: form as UserTaskNode['form'] } : {}),
    ...(category !== undefined && TIME_CATEGORIES.includes(category as TimeCategory) ? { category: category as TimeCategory } : {}),
    ...(deadline?.dueIn !== undefined ? { dueIn: deadline.dueIn } : {}),
    ...(deadline?.onOverdue !== undefined ? { onOverdue: deadline.onOverdue } : {}),
  };
}

/** An explicit candidate group wins over the lane: it is what Zeebe executes; lanes are drawing. */
function roleOf(ctx: ImportContext, element: ModdleElement, zeebe: ModdleElement | undefined): string {
  const groups: string | undefined = zeebe?.candidateGroups?.trim();
  if (groups && groups.startsWith('=')) {
    ctx.warn('feel_not_translated', `Candidate groups of "${element.id}" are a FEEL expression (${groups}); the lane decides the role instead.`, element.id);
  } else if (groups) {
    const [first, ...rest] = groups.split(',').map((group) => group.trim()).filter(Boolean);
    if (rest.length > 0) ctx.warn('role_normalised', `"${element.id}" has several candidate groups; OrderPath takes the first, "${first}", as its role.`, element.id);
    if (first) return first;
  }
  const lane = ctx.roleOf.get(element.id);
  if (lane !== undefined) return lane;
  ctx.warn('missing_role', `User task "${element.id}" has no lane and no candidate group; its role is "${UNASSIGNED_ROLE}" until you pick one.`, element.id);
  return UNASSIGNED_ROLE;
}

/** A Zeebe attribute that is either a static value (quoted into a string literal) or FEEL. */
function zeebeValue(ctx: ImportContext, elementId: string, raw: string | undefined, what: string, root: FeelRoot = 'vars'): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  return raw.trim().startsWith('=') ? expression(ctx, raw, elementId, what, root) : JSON.stringify(raw.trim());
}

export function importServiceTask(ctx: ImportContext, element: ModdleElement): ServiceTaskNode | undefined {
  const job = take(ctx, element, 'zeebe:TaskDefinition');
  const own = take(ctx, element, 'orderpath:Activity');
  const isService = element.$type === 'bpmn:ServiceTask';
  if (!isService && !job) return undefined;
  if (!isService) {
    ctx.warn('mapped_as_service_task', `${element.$type.slice(5)} "${element.id}" runs a job of type "${job?.type}"; it became a service task.`, element.id);
  }
  let activity: string | undefined = own?.name ?? expression(ctx, job?.type, element.id, 'job type');
  if (!activity) {
    ctx.warn('missing_activity', `Service task "${element.id}" names no activity (job type); set one before publishing.`, element.id);
    activity = 'unknown';
  }
  const retry = readRetry(take(ctx, element, 'orderpath:Retry'), job?.retries);
  return {
    ...commonFields(ctx, element),
    type: 'serviceTask',
    activity,
    ...mappings(ctx, element),
    ...(retry ? { retry } : {}),
    ...(own?.timeout !== undefined ? { timeout: own.timeout } : {}),
  };
}

function readRetry(own: ModdleElement | undefined, zeebeRetries: string | undefined): RetryPolicy | undefined {
  if (own) {
    const { maxAttempts, initialInterval, backoff, maxInterval } = own;
    return Object.fromEntries(Object.entries({ maxAttempts: maxAttempts ?? 3, initialInterval, backoff, maxInterval })
      .filter(([, value]) => value !== undefined)) as RetryPolicy;
  }
  const attempts = Number(zeebeRetries);
  return Number.isInteger(attempts) && attempts >= 1 ? { maxAttempts: attempts } : undefined;
}

export function importCallActivity(ctx: ImportContext, element: ModdleElement): SubProcessNode {
  const zeebe = take(ctx, element, 'zeebe:CalledElement');
  const version: number | undefined = take(ctx, element, 'orderpath:CalledTemplate')?.version;
  const raw: string | undefined = zeebe?.processId ?? element.calledElement;
  let templateKey = raw?.trim().startsWith('=') ? expression(ctx, raw, element.id, 'called process') : raw?.trim();
  if (!templateKey) {
    ctx.warn('missing_called_element', `Call activity "${element.id}" names no process to call; set its template before publishing.`, element.id);
    templateKey = 'unknown';
  } else if (normaliseKey(templateKey) !== templateKey) {
    const key = normaliseKey(templateKey);
    ctx.warn('key_normalised', `Called process "${templateKey}" of "${element.id}" became template key "${key}".`, element.id);
    templateKey = key;
  }
  return {
    ...commonFields(ctx, element),
    type: 'subProcess',
    templateKey,
    ...(version !== undefined ? { templateVersion: version } : {}),
    ...mappings(ctx, element),
  };
}

/** Input/output mappings: OrderPath's own, else Zeebe's (outputs read the job result). */
function mappings(ctx: ImportContext, element: ModdleElement): Pick<ServiceTaskNode, 'input' | 'output'> {
  const own = take(ctx, element, 'orderpath:IoMapping');
  if (own) {
    const record = (entries: ModdleElement[] = []) => Object.fromEntries(entries.map((entry) => [entry.target, entry.expression]));
    return { ...(own.inputs?.length ? { input: record(own.inputs) } : {}), ...(own.outputs?.length ? { output: record(own.outputs) } : {}) };
  }
  const zeebe = take(ctx, element, 'zeebe:IoMapping');
  const record = (entries: ModdleElement[] = [], root: FeelRoot) => Object.fromEntries(entries.map((entry) =>
    [entry.target, zeebeValue(ctx, element.id, entry.source, `mapping of "${entry.target}"`, root) ?? 'null']));
  const input = record(zeebe?.inputParameters, 'vars');
  const output = record(zeebe?.outputParameters, 'result');
  return { ...(Object.keys(input).length > 0 ? { input } : {}), ...(Object.keys(output).length > 0 ? { output } : {}) };
}

/** The JSON body of an orderpath extension element, or undefined with a warning. */
export function readJson(ctx: ImportContext, element: ModdleElement, extension: ModdleElement | undefined): unknown {
  if (!extension) return undefined;
  try {
    return JSON.parse(extension.json ?? '');
  } catch {
    ctx.warn('bad_extension', `<${extension.$type}> on "${element.id}" is not valid JSON and was ignored.`, element.id);
    return undefined;
  }
}

/**
 * Boundary timers → a user task's `dueIn`/`onOverdue` or a message catch's `timeout`/`timeoutEdge`
 * (the inverse of boundary-events.ts). Other boundary events are dropped with a warning.
 */
import type { Node } from '../schema';
import type { ModdleElement } from './bpmn-extensions';
import type { ImportContext } from './import-context';
import { timerDuration } from './import-events';

export interface MappedBoundary {
  /** Template id of the node the timer belongs to; kept flows leave that node. */
  hostId: string;
  /** BPMN ids of the outgoing flows that became edges of the host. */
  keptFlows: Set<string>;
}

/** Applies each boundary timer to its host node (mutating it) and returns what was mapped. */
export function importBoundaryEvents(
  ctx: ImportContext, boundaries: readonly ModdleElement[], nodes: ReadonlyMap<string, Node>,
  flowsFrom: (element: ModdleElement) => ModdleElement[],
): Map<string, MappedBoundary> {
  const mapped = new Map<string, MappedBoundary>();
  for (const element of boundaries) {
    const result = importBoundary(ctx, element, nodes, flowsFrom(element));
    if (result) mapped.set(element.id, result);
  }
  return mapped;
}

function importBoundary(ctx: ImportContext, element: ModdleElement, nodes: ReadonlyMap<string, Node>, out: ModdleElement[]): MappedBoundary | undefined {
  const host: ModdleElement | undefined = element.attachedToRef;
  const node = host && nodes.get(host.id);
  const [definition, ...more]: ModdleElement[] = element.eventDefinitions ?? [];
  const interrupting = element.cancelActivity !== false;
  const timer = definition?.$type === 'bpmn:TimerEventDefinition' && more.length === 0;
  const onUserTask = node?.type === 'userTask';
  const onReceiveTask = node?.type === 'messageCatch' && host?.$type === 'bpmn:ReceiveTask' && interrupting;
  if (!node || !timer || !(onUserTask || onReceiveTask) || (onUserTask && interrupting && out.length === 0)) {
    const kind = (definition?.$type ?? 'bpmn:None').slice(5).replace('EventDefinition', '').toLowerCase();
    ctx.warn('unsupported_boundary_event', `Boundary ${kind} event "${element.id}" on "${host?.id ?? '?'}" was dropped: OrderPath maps boundary timers on user tasks (escalate, or an interrupting timer with an outgoing flow) and interrupting timers on receive tasks.`, element.id);
    return undefined;
  }
  if (hasDeadline(node)) {
    ctx.warn('unsupported_boundary_event', `"${host.id}" already has a deadline; boundary timer "${element.id}" was dropped.`, element.id);
    return undefined;
  }
  const due = timerDuration(ctx, element, definition);
  const [taken, ...extra] = interrupting ? out : [];
  for (const flow of [...extra, ...(interrupting ? [] : out)]) {
    ctx.warn('boundary_flow_dropped', `Flow "${flow.id}" leaves ${interrupting ? 'a timer that already has its path' : 'a non-interrupting timer, which escalates in OrderPath'}; it was dropped.`, flow.id);
  }
  const edgeId = taken && ctx.idOf(taken.id);
  if (node.type === 'userTask') {
    node.onOverdue = edgeId ?? 'escalate';
    if (due !== undefined) node.dueIn = due;
  } else if (node.type === 'messageCatch') {
    if (due !== undefined) node.timeout = due;
    if (edgeId !== undefined) node.timeoutEdge = edgeId;
  }
  return { hostId: node.id, keptFlows: new Set(taken ? [taken.id] : []) };
}

function hasDeadline(node: Node): boolean {
  if (node.type === 'userTask') return node.onOverdue !== undefined;
  return node.type === 'messageCatch' && (node.timeout !== undefined || node.timeoutEdge !== undefined);
}

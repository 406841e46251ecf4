/**
 * Sequence flows → edges. A flow out of a mapped boundary timer leaves the timer's host. A flow
 * into a dropped element with exactly one way in and one way out is bridged to where that element
 * led, so a diagram with, say, a script task in a sequence stays connected; every other flow that
 * touches a dropped element is dropped. Each case is reported.
 */
import type { Edge } from '../schema';
import type { ModdleElement } from './bpmn-extensions';
import type { MappedBoundary } from './import-boundary-events';
import { expression, type ImportContext } from './import-context';

export function importFlows(
  ctx: ImportContext, flows: readonly ModdleElement[], mappedIds: ReadonlySet<string>,
  boundaries: ReadonlyMap<string, MappedBoundary>,
): Edge[] {
  const incoming = countBy(flows, (flow) => flow.targetRef?.id);
  const outgoing = new Map<string, ModdleElement[]>();
  for (const flow of flows) {
    const id = flow.sourceRef?.id;
    if (id !== undefined) outgoing.set(id, [...(outgoing.get(id) ?? []), flow]);
  }
  const bridgeable = (element: ModdleElement) => !mappedIds.has(element.id) && element.$type !== 'bpmn:BoundaryEvent'
    && incoming.get(element.id) === 1 && outgoing.get(element.id)?.length === 1;

  const edges: Edge[] = [];
  const used = new Set<ModdleElement>();
  for (const flow of flows) {
    const source = sourceOf(flow, mappedIds, boundaries, ctx);
    if (source === undefined) continue;
    const path: ModdleElement[] = [];
    let target: ModdleElement | undefined = flow.targetRef;
    while (target && bridgeable(target) && !path.includes(target)) {
      path.push(target);
      const next = (outgoing.get(target.id) ?? [])[0];
      used.add(next);
      target = next.targetRef;
    }
    if (!target || !mappedIds.has(target.id)) continue;
    used.add(flow);
    for (const element of path) {
      ctx.warn('element_bridged', `Flow "${flow.id}" now runs past dropped "${element.id}" to "${target.id}".`, element.id);
    }
    edges.push(toEdge(ctx, flow, source, ctx.idOf(target.id)));
  }
  // Flows left out of a mapped boundary timer were reported when the timer was mapped.
  for (const flow of flows.filter((f) => !used.has(f) && !boundaries.has(f.sourceRef?.id))) {
    ctx.warn('dropped_flow', `Flow "${flow.id}" touches an element that was dropped; it was dropped too.`, flow.id);
  }
  return edges;
}

function sourceOf(flow: ModdleElement, mappedIds: ReadonlySet<string>, boundaries: ReadonlyMap<string, MappedBoundary>, ctx: ImportContext) {
  const id: string | undefined = flow.sourceRef?.id;
  if (id === undefined) return undefined;
  if (mappedIds.has(id)) return ctx.idOf(id);
  const boundary = boundaries.get(id);
  return boundary?.keptFlows.has(flow.id) ? boundary.hostId : undefined;
}

function toEdge(ctx: ImportContext, flow: ModdleElement, source: string, target: string): Edge {
  const condition = expression(ctx, flow.conditionExpression?.body, flow.id, 'condition');
  const isDefault = flow.sourceRef?.default === flow || flow.get('orderpath:isDefault') === true;
  return {
    id: ctx.idOf(flow.id),
    source,
    target,
    ...(flow.name !== undefined ? { name: flow.name } : {}),
    ...(condition !== undefined ? { condition } : {}),
    ...(isDefault ? { default: true } : {}),
  };
}

function countBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

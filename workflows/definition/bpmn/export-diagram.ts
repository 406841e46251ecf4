/**
 * The `bpmndi` diagram: a shape per flow node (bounds from `position`, else the layered layout), a
 * shape per boundary timer on its host's bottom edge, pool and lane shapes when there are lanes,
 * and an orthogonal edge per sequence flow.
 */
import type { Node } from '../schema';
import type { ModdleElement } from './bpmn-extensions';
import type { ExportContext } from './export-context';
import { laneBounds, type LanePlan } from './lanes';
import { autoPositions, EVENT_SIZE, GATEWAY_SIZE, TASK_SIZE, waypoints, type Bounds, type Size } from './layout';

export interface DiagramInput {
  /** Flow node per template node id. */
  elements: ReadonlyMap<string, ModdleElement>;
  /** Boundary event per host node id. */
  boundaryEvents: ReadonlyMap<string, ModdleElement>;
  flows: readonly ModdleElement[];
  /** The element the plane shows: the collaboration when there are lanes, else the process. */
  planeElement: ModdleElement;
  lanes?: { plan: LanePlan; participant: ModdleElement; laneElements: ModdleElement[] };
}

export function exportDiagram(ctx: ExportContext, input: DiagramInput): ModdleElement {
  const sizeOf = (node: Node) => sizeOfElement(input.elements.get(node.id));
  const positions = autoPositions(ctx.def.nodes, ctx.def.edges, sizeOf, input.lanes?.plan.laneOf);
  const bounds = new Map<string, Bounds>();
  for (const node of ctx.def.nodes) {
    const position = positions.get(node.id) ?? { x: 0, y: 0 };
    bounds.set(node.id, { ...position, ...sizeOf(node) });
  }
  const shapeBounds = new Map<ModdleElement, Bounds>();
  for (const [id, element] of input.elements) shapeBounds.set(element, bounds.get(id) as Bounds);
  for (const [hostId, event] of input.boundaryEvents) {
    const host = bounds.get(hostId) as Bounds;
    shapeBounds.set(event, { x: host.x + host.width - 50, y: host.y + host.height - 18, ...EVENT_SIZE });
  }
  const planeElements = [
    ...laneShapes(ctx, input, bounds),
    ...[...shapeBounds].map(([element, b]) => shape(ctx, element, b)),
    ...input.flows.map((flow) => edge(ctx, flow, shapeBounds)),
  ];
  const plane = ctx.moddle.create('bpmndi:BPMNPlane', {
    id: ctx.allocateId('BPMNPlane_1'), bpmnElement: input.planeElement, planeElement: planeElements,
  });
  return ctx.moddle.create('bpmndi:BPMNDiagram', { id: ctx.allocateId('BPMNDiagram_1'), plane });
}

function laneShapes(ctx: ExportContext, input: DiagramInput, bounds: ReadonlyMap<string, Bounds>): ModdleElement[] {
  if (!input.lanes) return [];
  const { plan, participant, laneElements } = input.lanes;
  const { pool, lanes } = laneBounds(plan, bounds);
  return [
    shape(ctx, participant, pool, { isHorizontal: true }),
    ...laneElements.map((lane, index) => shape(ctx, lane, lanes[index], { isHorizontal: true })),
  ];
}

function sizeOfElement(element: ModdleElement | undefined): Size {
  const type: string = element?.$type ?? '';
  if (type.endsWith('Event')) return EVENT_SIZE;
  if (type.endsWith('Gateway')) return GATEWAY_SIZE;
  return TASK_SIZE;
}

function shape(ctx: ExportContext, element: ModdleElement, b: Bounds, extra: Record<string, unknown> = {}): ModdleElement {
  const markers = element.$type === 'bpmn:ExclusiveGateway' ? { isMarkerVisible: true } : {};
  return ctx.moddle.create('bpmndi:BPMNShape', {
    id: ctx.allocateId(`${element.id}_di`),
    bpmnElement: element,
    bounds: ctx.moddle.create('dc:Bounds', { x: b.x, y: b.y, width: b.width, height: b.height }),
    ...markers,
    ...extra,
  });
}

function edge(ctx: ExportContext, flow: ModdleElement, shapeBounds: ReadonlyMap<ModdleElement, Bounds>): ModdleElement {
  const from = shapeBounds.get(flow.sourceRef) as Bounds;
  const to = shapeBounds.get(flow.targetRef) as Bounds;
  return ctx.moddle.create('bpmndi:BPMNEdge', {
    id: ctx.allocateId(`${flow.id}_di`),
    bpmnElement: flow,
    waypoint: waypoints(from, to).map((point) => ctx.moddle.create('dc:Point', point)),
  });
}

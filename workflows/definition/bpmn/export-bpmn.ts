/**
 * Template → BPMN 2.0 XML (with a diagram). Pure: no I/O; async only because moddle serialises
 * asynchronously. Mapping decisions live beside the code they shape: lanes.ts (lanes are roles,
 * stages are attributes), boundary-events.ts (deadlines and timeouts), orderpath-descriptor.ts.
 */
import type { Definition, Edge } from '../schema';
import { createModdle, ORDERPATH_NS, type ModdleElement } from './bpmn-extensions';
import { BpmnExportError } from './errors';
import { createExportContext, formal, setExtensions, setIds, toXmlId, type ExportContext } from './export-context';
import { exportDiagram } from './export-diagram';
import { exportFlowNode } from './export-flow-nodes';
import { planLanes } from './lanes';

/** Nodes whose BPMN element can name a default flow (`default` attribute). */
const CARRIES_DEFAULT = new Set(['bpmn:ExclusiveGateway', 'bpmn:UserTask', 'bpmn:ServiceTask', 'bpmn:CallActivity', 'bpmn:ReceiveTask']);

/**
 * Writes `def` as BPMN 2.0 XML with a `bpmndi` diagram; `importBpmn` reads it back unchanged.
 * @throws BpmnExportError when node or edge ids repeat or an edge names an unknown node.
 */
export async function exportBpmn(def: Definition): Promise<string> {
  assertExportable(def);
  const moddle = createModdle();
  const ctx = createExportContext(moddle, def);
  const process = createProcess(ctx);
  const elements = new Map<string, ModdleElement>();
  const rootElements: ModdleElement[] = [];
  for (const node of def.nodes) {
    const exported = exportFlowNode(ctx, node);
    elements.set(node.id, exported.element);
    rootElements.push(...exported.rootElements);
  }
  const boundaryEvents = createBoundaryEvents(ctx, elements);
  const flows = def.edges.map((edge) => createFlow(ctx, edge, elements, boundaryEvents));
  process.flowElements = [...elements.values(), ...boundaryEvents.values(), ...flows];
  const lanes = createLanes(ctx, process, elements, boundaryEvents);
  const collaboration = lanes && moddle.create('bpmn:Collaboration', {
    id: ctx.allocateId(`Collaboration_${toXmlId(def.key)}`), participants: [lanes.participant],
  });
  const definitions: ModdleElement = moddle.create('bpmn:Definitions', {
    id: ctx.allocateId(`Definitions_${toXmlId(def.key)}`),
    targetNamespace: ORDERPATH_NS,
    exporter: 'OrderPath',
    exporterVersion: '1',
    rootElements: [...(collaboration ? [collaboration] : []), process, ...rootElements],
  });
  definitions.diagrams = [exportDiagram(ctx, {
    elements, boundaryEvents, flows, lanes, planeElement: collaboration ?? process,
  })];
  const { xml } = await moddle.toXML(definitions, { format: true });
  return xml;
}

function assertExportable(def: Definition): void {
  const nodeIds = new Set<string>();
  const ids = new Set<string>();
  for (const { id } of [...def.nodes, ...def.edges]) {
    if (ids.has(id)) throw new BpmnExportError(`Id "${id}" is used twice; BPMN ids must be unique. Run validateDefinition and fix the duplicate first.`);
    ids.add(id);
  }
  for (const node of def.nodes) nodeIds.add(node.id);
  for (const edge of def.edges) {
    const missing = [edge.source, edge.target].find((id) => !nodeIds.has(id));
    if (missing) throw new BpmnExportError(`Edge "${edge.id}" refers to unknown node "${missing}"; remove or reconnect it before exporting.`);
  }
}

function createProcess(ctx: ExportContext): ModdleElement {
  const { moddle, def } = ctx;
  const id = ctx.allocateId(toXmlId(def.key));
  const process: ModdleElement = moddle.create('bpmn:Process', { id, name: def.name, isExecutable: true });
  if (id !== def.key) process.set('orderpath:templateKey', def.key);
  if (def.version !== undefined) process.set('orderpath:templateVersion', def.version);
  if (def.noProgressAfter !== undefined) process.set('orderpath:noProgressAfter', def.noProgressAfter);
  if (def.description !== undefined) process.documentation = [moddle.create('bpmn:Documentation', { text: def.description })];
  setExtensions(ctx, process, [
    def.stages.length > 0
      ? moddle.create('orderpath:Stages', { stages: def.stages.map((stage) => moddle.create('orderpath:Stage', { ...stage })) })
      : undefined,
    def.variables ? moddle.create('orderpath:Variables', { json: JSON.stringify(def.variables) }) : undefined,
  ]);
  return process;
}

function createBoundaryEvents(ctx: ExportContext, elements: ReadonlyMap<string, ModdleElement>): Map<string, ModdleElement> {
  const events = new Map<string, ModdleElement>();
  for (const [hostId, spec] of ctx.boundaries) {
    const id = ctx.allocateId(`${ctx.xmlId(hostId)}_${spec.kind}`);
    const timer: ModdleElement = ctx.moddle.create('bpmn:TimerEventDefinition', { id: ctx.allocateId(`${id}_timer`) });
    if (spec.duration !== undefined) timer.timeDuration = formal(ctx, spec.duration);
    events.set(hostId, ctx.moddle.create('bpmn:BoundaryEvent', {
      id, attachedToRef: elements.get(hostId), cancelActivity: spec.interrupting, eventDefinitions: [timer],
    }));
  }
  return events;
}

function createFlow(
  ctx: ExportContext, edge: Edge, elements: ReadonlyMap<string, ModdleElement>, boundaryEvents: ReadonlyMap<string, ModdleElement>,
): ModdleElement {
  // The overdue / timeout edge leaves the boundary timer, not the task.
  const leavesBoundary = ctx.boundaries.get(edge.source)?.edgeId === edge.id;
  const source = (leavesBoundary ? boundaryEvents.get(edge.source) : elements.get(edge.source)) as ModdleElement;
  const target = elements.get(edge.target) as ModdleElement;
  const flow: ModdleElement = ctx.moddle.create('bpmn:SequenceFlow', { sourceRef: source, targetRef: target });
  setIds(ctx, flow, edge.id);
  if (edge.name !== undefined) flow.name = edge.name;
  if (edge.condition !== undefined) flow.conditionExpression = formal(ctx, edge.condition);
  if (edge.default) {
    if (CARRIES_DEFAULT.has(source.$type) && !source.default) source.default = flow;
    else flow.set('orderpath:isDefault', true);
  }
  source.get('outgoing').push(flow);
  target.get('incoming').push(flow);
  return flow;
}

function createLanes(
  ctx: ExportContext, process: ModdleElement, elements: ReadonlyMap<string, ModdleElement>, boundaryEvents: ReadonlyMap<string, ModdleElement>,
) {
  const plan = planLanes(ctx.def);
  if (!plan) return undefined;
  const { moddle } = ctx;
  const laneElements = plan.roles.map((role, index) => {
    const members = ctx.def.nodes.filter((node) => plan.laneOf(node.id) === index).flatMap((node) => {
      const boundary = boundaryEvents.get(node.id);
      return [elements.get(node.id), ...(boundary ? [boundary] : [])];
    });
    const lane = moddle.create('bpmn:Lane', { id: ctx.allocateId(`Lane_${index + 1}`), name: role, flowNodeRef: members });
    lane.set('orderpath:role', role);
    return lane;
  });
  process.laneSets = [moddle.create('bpmn:LaneSet', { id: ctx.allocateId('LaneSet_1'), lanes: laneElements })];
  const participant = moddle.create('bpmn:Participant', {
    id: ctx.allocateId(`Participant_${toXmlId(ctx.def.key)}`), name: ctx.def.name, processRef: process,
  });
  return { plan, participant, laneElements };
}

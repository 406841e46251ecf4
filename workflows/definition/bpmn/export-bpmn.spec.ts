import { BpmnModdle } from 'bpmn-moddle';
import type { Definition } from '../schema';
import { validateDefinition } from '../validate';
import { exportBpmn } from './export-bpmn';
import { BpmnExportError } from './errors';
import { ALL_FIXTURES, VALID_FIXTURES } from './fixtures';
import { importBpmn } from './import-bpmn';

const KNOWN = {
  roles: ['rep', 'supervisor'],
  activities: ['checkCredit', 'allocateStock', 'sendConfirmation', 'dispatchOrder'],
  templates: ['transport-booking'],
};

/** Parses exported XML with plain bpmn-moddle, as Camunda Modeler or bpmn.io would. */
async function readPlain(xml: string) {
  const { rootElement, warnings } = await new BpmnModdle().fromXML(xml);
  const process = rootElement.rootElements.find((root: { $type: string }) => root.$type === 'bpmn:Process');
  const byId = (id: string) => process.flowElements.find((element: { id: string }) => element.id === id);
  const shapes: { bpmnElement: { id: string } }[] = rootElement.diagrams[0].plane.planeElement;
  return { rootElement, warnings, process, byId, drawn: new Set(shapes.map((shape) => shape.bpmnElement.id)) };
}

const find = (def: Definition, id: string) => def.nodes.find((node) => node.id === id);

describe('exportBpmn', () => {
  it.each(Object.entries(VALID_FIXTURES))('given fixture %s when validated then it has no errors', (_, def) => {
    expect(validateDefinition(def, KNOWN).filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  it.each(Object.entries(ALL_FIXTURES))('given fixture %s when exported and imported then the definition is unchanged', async (_, def) => {
    const { definition, warnings } = await importBpmn(await exportBpmn(def));
    expect(warnings).toEqual([]);
    expect(definition).toEqual(def);
  });

  it.each(Object.entries(ALL_FIXTURES))('given fixture %s when exported then plain bpmn-moddle reads it without warnings and every element is drawn', async (_, def) => {
    const { warnings, process, drawn } = await readPlain(await exportBpmn(def));
    expect(warnings).toEqual([]);
    for (const element of process.flowElements) expect(drawn).toContain(element.id);
  });

  it('given user tasks of two roles when exported then there is one lane per role inside a pool', async () => {
    const { rootElement, process } = await readPlain(await exportBpmn(VALID_FIXTURES[Object.keys(VALID_FIXTURES)[0]]));
    const lanes = process.laneSets[0].lanes;
    expect(lanes.map((lane: { name: string }) => lane.name)).toEqual(['rep', 'supervisor']);
    expect(lanes[1].flowNodeRef.map((ref: { id: string }) => ref.id)).toContain('approve');
    expect(rootElement.rootElements[0].$type).toBe('bpmn:Collaboration');
  });

  it('given no user task when exported then the diagram shows the bare process without lanes', async () => {
    const def = Object.values(VALID_FIXTURES).find((d) => d.key === 'parallel-fulfilment') as Definition;
    const { rootElement, process } = await readPlain(await exportBpmn(def));
    expect(process.laneSets).toBeUndefined();
    expect(rootElement.diagrams[0].plane.bpmnElement).toBe(process);
  });

  it('given a user task whose onOverdue is an edge when exported then that edge leaves an interrupting boundary timer', async () => {
    const def = Object.values(VALID_FIXTURES).find((d) => d.key === 'payment-collection') as Definition;
    const { byId } = await readPlain(await exportBpmn(def));
    const flow = byId('e-overdue');
    expect(flow.sourceRef.$type).toBe('bpmn:BoundaryEvent');
    expect(flow.sourceRef.cancelActivity).toBe(true);
    expect(flow.sourceRef.attachedToRef.id).toBe('collect');
    expect(flow.sourceRef.eventDefinitions[0].timeDuration.body).toBe('P3D');
  });

  it('given an escalating user task when exported then its boundary timer is non-interrupting with no outgoing flow', async () => {
    const def = Object.values(VALID_FIXTURES).find((d) => d.key === 'ka-entry') as Definition;
    const { process } = await readPlain(await exportBpmn(def));
    const boundary = process.flowElements.find((element: { $type: string }) => element.$type === 'bpmn:BoundaryEvent');
    expect(boundary).toMatchObject({ cancelActivity: false, attachedToRef: { id: 'negotiate' } });
    expect(process.flowElements.filter((element: { sourceRef?: unknown }) => element.sourceRef === boundary)).toEqual([]);
  });

  it('given message catches with and without a timeout when exported then they become a receive task and a catch event', async () => {
    const def = Object.values(VALID_FIXTURES).find((d) => d.key === 'await-delivery') as Definition;
    const { byId } = await readPlain(await exportBpmn(def));
    expect(byId('await-pod')).toMatchObject({ $type: 'bpmn:ReceiveTask', messageRef: { name: 'proof-of-delivery' } });
    expect(byId('e-no-pod').sourceRef.attachedToRef.id).toBe('await-pod');
    expect(byId('await-payment').$type).toBe('bpmn:IntermediateCatchEvent');
    expect(byId('await-payment').eventDefinitions[0].messageRef.name).toBe('payment-received');
  });

  it('given every node kind when exported then each maps to its BPMN element', async () => {
    const types = new Map<string, string>();
    for (const def of Object.values(VALID_FIXTURES)) {
      const { byId } = await readPlain(await exportBpmn(def));
      for (const node of def.nodes) types.set(node.type, types.get(node.type) ?? byId(node.id).$type);
    }
    expect(Object.fromEntries(types)).toEqual({
      start: 'bpmn:StartEvent', end: 'bpmn:EndEvent', userTask: 'bpmn:UserTask', serviceTask: 'bpmn:ServiceTask',
      timer: 'bpmn:IntermediateCatchEvent', messageCatch: 'bpmn:ReceiveTask', exclusiveGateway: 'bpmn:ExclusiveGateway',
      parallelGateway: 'bpmn:ParallelGateway', subProcess: 'bpmn:CallActivity',
    });
  });

  it('given a gateway with a default edge when exported then the gateway names it in its default attribute', async () => {
    const def = Object.values(VALID_FIXTURES).find((d) => d.key === 'ka-entry') as Definition;
    const { byId } = await readPlain(await exportBpmn(def));
    expect(byId('big-fee').default.id).toBe('e4');
    expect(byId('e3').conditionExpression.body).toBe('vars.listingFee > 50000');
  });

  it('given nodes without positions when exported and imported then every node gets a distinct laid-out position and nothing else changes', async () => {
    const def = Object.values(VALID_FIXTURES).find((d) => d.key === 'payment-collection') as Definition;
    const bare = { ...def, nodes: def.nodes.map(({ position: _, ...node }) => node) };
    const { definition } = await importBpmn(await exportBpmn(bare));
    const positions = definition.nodes.map((node) => node.position);
    expect(positions.every((position) => position !== undefined)).toBe(true);
    expect(new Set(positions.map((p) => `${p?.x},${p?.y}`)).size).toBe(def.nodes.length);
    expect({ ...definition, nodes: definition.nodes.map(({ position: _, ...node }) => node) }).toEqual(bare);
    // Layers run left to right along the flow: start, collect, then the gateway.
    const x = (id: string) => find(definition, id)?.position?.x ?? NaN;
    expect(x('start')).toBeLessThan(x('collect'));
    expect(x('collect')).toBeLessThan(x('paid'));
  });

  it('given an edge to an unknown node when exported then a BpmnExportError names the edge', async () => {
    const def = Object.values(VALID_FIXTURES)[0];
    const broken = { ...def, edges: [...def.edges, { id: 'stray', source: 'start', target: 'nowhere' }] };
    await expect(exportBpmn(broken)).rejects.toThrow(BpmnExportError);
    await expect(exportBpmn(broken)).rejects.toThrow(/"stray".*"nowhere"/);
  });

  it('given a duplicate id when exported then a BpmnExportError names it', async () => {
    const def = Object.values(VALID_FIXTURES)[0];
    const broken = { ...def, edges: [...def.edges, { ...def.edges[0] }] };
    await expect(exportBpmn(broken)).rejects.toThrow(/"e1" is used twice/);
  });
});

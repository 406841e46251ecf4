/**
 * BPMN 2.0 XML (OrderPath's own export, Camunda Modeler, bpmn.io) → template. Tolerant, in the
 * manner of bpmn-js: whatever cannot be mapped is dropped or approximated and reported as a
 * warning; only input that is not BPMN at all (unreadable XML, no process) throws.
 */
import { definitionSchema, type Definition, type Node } from '../schema';
import { createModdle, type ModdleElement } from './bpmn-extensions';
import { BpmnImportError } from './errors';
import { importBoundaryEvents } from './import-boundary-events';
import { createImportContext, reportUnmappedExtensions, take, type ImportContext } from './import-context';
import { readLaneRoles, readPositions } from './import-diagram';
import { importFlowNode } from './import-flow-nodes';
import { importFlows } from './import-flows';
import { readJson } from './import-tasks';
import type { BpmnImportWarning } from './import-warnings';
import { normaliseKey } from './normalise';

export interface BpmnImportResult {
  definition: Definition;
  warnings: BpmnImportWarning[];
}

/**
 * Reads BPMN XML into a template definition plus warnings for everything not mapped exactly.
 * The definition may still fail validateDefinition (e.g. after dropped elements); run it next.
 * @throws BpmnImportError when the XML cannot be parsed as BPMN or holds no process.
 */
export async function importBpmn(xml: string): Promise<BpmnImportResult> {
  const ctx = createImportContext();
  const definitions = await parse(ctx, xml);
  try {
    return { definition: mapDefinitions(ctx, definitions), warnings: ctx.warnings };
  } catch (error) {
    if (error instanceof BpmnImportError) throw error;
    // A mapper met a shape it did not expect; keep the one-error-type contract for callers.
    throw new BpmnImportError(`The BPMN could not be mapped (${(error as Error).message}); report this with the file.`, { cause: error });
  }
}

function mapDefinitions(ctx: ImportContext, definitions: ModdleElement): Definition {
  const process = pickProcess(ctx, definitions);
  const fields = processFields(ctx, definitions, process);
  readPositions(ctx, definitions);
  readLaneRoles(ctx, process.laneSets);

  const elements: ModdleElement[] = process.flowElements ?? [];
  for (const element of elements) {
    const templateId: unknown = element.get('orderpath:templateId');
    if (typeof templateId === 'string' && templateId !== '') ctx.alias(element.id, templateId);
  }
  const flows = elements.filter((element) => element.$type === 'bpmn:SequenceFlow');
  const boundaryEvents = elements.filter((element) => element.$type === 'bpmn:BoundaryEvent');
  const skip = new Set([...flows, ...boundaryEvents]);
  const nodes = new Map<string, Node>();
  for (const element of elements) {
    if (skip.has(element)) continue;
    const node = importFlowNode(ctx, element);
    if (node) nodes.set(element.id, node);
  }
  const boundaries = importBoundaryEvents(ctx, boundaryEvents, nodes, (event) => flows.filter((flow) => flow.sourceRef === event));
  const edges = importFlows(ctx, flows, new Set(nodes.keys()), boundaries);
  return finish(ctx, { ...fields, nodes: [...nodes.values()], edges });
}

async function parse(ctx: ImportContext, xml: string): Promise<ModdleElement> {
  if (typeof xml !== 'string' || xml.trim() === '') throw new BpmnImportError('The BPMN input is empty; expected BPMN 2.0 XML.');
  try {
    const { rootElement, warnings } = await createModdle().fromXML(xml, 'bpmn:Definitions');
    for (const warning of warnings) ctx.warn('xml_warning', firstLine(warning.message), warning.element?.id);
    return rootElement;
  } catch (error) {
    throw new BpmnImportError(`The input is not readable BPMN 2.0 XML (${firstLine((error as Error).message)}).`, { cause: error });
  }
}

const firstLine = (text: string) => text.split('\n')[0].trim();

function pickProcess(ctx: ImportContext, definitions: ModdleElement): ModdleElement {
  const processes: ModdleElement[] = (definitions.rootElements ?? []).filter((root: ModdleElement) => root.$type === 'bpmn:Process');
  if (processes.length === 0) throw new BpmnImportError('The BPMN file has no process to import; draw one (a pool or a plain process) first.');
  const chosen = processes.find((process) => (process.flowElements ?? []).length > 0) ?? processes[0];
  for (const other of processes.filter((process) => process !== chosen && (process.flowElements ?? []).length > 0)) {
    ctx.warn('multiple_processes', `Only process "${chosen.id}" was imported; process "${other.id}" was ignored (import it from a file of its own).`, other.id);
  }
  return chosen;
}

function processFields(ctx: ImportContext, definitions: ModdleElement, process: ModdleElement) {
  const explicitKey: unknown = process.get('orderpath:templateKey');
  const key = typeof explicitKey === 'string' ? explicitKey : normaliseKey(process.id ?? '');
  if (typeof explicitKey !== 'string' && key !== process.id) {
    ctx.warn('key_normalised', `Process id "${process.id}" became template key "${key}" (keys are lower-case kebab-case).`, process.id);
  }
  const participant = (definitions.rootElements ?? [])
    .flatMap((root: ModdleElement) => (root.$type === 'bpmn:Collaboration' ? root.participants ?? [] : []))
    .find((p: ModdleElement) => p.processRef === process);
  const version: unknown = process.get('orderpath:templateVersion');
  const noProgressAfter: unknown = process.get('orderpath:noProgressAfter');
  const description = (process.documentation ?? []).map((doc: ModdleElement) => doc.text ?? '').filter(Boolean).join('\n');
  const stages = take(ctx, process, 'orderpath:Stages')?.stages ?? [];
  const variables = readJson(ctx, process, take(ctx, process, 'orderpath:Variables'));
  reportUnmappedExtensions(ctx, process);
  return {
    key,
    ...(typeof version === 'number' ? { version } : {}),
    name: process.name?.trim() || participant?.name?.trim() || process.id || key,
    ...(description ? { description } : {}),
    stages: stages.map(({ id, name, sla }: ModdleElement) => ({ id, name, ...(sla !== undefined ? { sla } : {}) })),
    ...(typeof noProgressAfter === 'string' ? { noProgressAfter } : {}),
    ...(variables !== undefined ? { variables: variables as Definition['variables'] } : {}),
  };
}

/** Parses through the schema (applying its defaults); what still fails is reported, not thrown. */
function finish(ctx: ImportContext, raw: Definition): Definition {
  const parsed = definitionSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const [list, index] = issue.path;
    const item = (list === 'nodes' || list === 'edges') && typeof index === 'number' ? raw[list][index] : undefined;
    ctx.warn('schema_invalid', `${issue.path.join('.')}: ${issue.message}`, item?.id);
  }
  return raw;
}

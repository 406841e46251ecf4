import type { BpmnModdle } from 'bpmn-moddle';
import type { Definition, Edge } from '../schema';
import type { ModdleElement } from './bpmn-extensions';
import { boundaryOf, type BoundarySpec } from './boundary-events';

/** What the export steps share: the moddle, the definition's lookups and an id allocator. */
export interface ExportContext {
  moddle: BpmnModdle;
  def: Definition;
  edgesById: ReadonlyMap<string, Edge>;
  boundaries: ReadonlyMap<string, BoundarySpec>;
  /** A fresh XML id based on `base`, never equal to a node or edge id or an earlier allocation. */
  allocateId: (base: string) => string;
  /**
   * The XML id of a node or edge: its own id, unless that is not a legal XML id (moddle refuses
   * ids that start with a digit or hold `:` after one); then a stand-in, and the element carries
   * the real id in `orderpath:templateId`.
   */
  xmlId: (templateId: string) => string;
}

const XML_ID = /^[A-Za-z_][\w.-]*$/;

/** `templateId` made into a legal XML id (not yet unique). */
export function toXmlId(templateId: string): string {
  const safe = templateId.replace(/[^\w.-]/g, '_');
  return XML_ID.test(safe) ? safe : `_${safe}`;
}

export function createExportContext(moddle: BpmnModdle, def: Definition): ExportContext {
  const edgesById = new Map(def.edges.map((edge) => [edge.id, edge]));
  const boundaries = new Map<string, BoundarySpec>();
  for (const node of def.nodes) {
    const spec = boundaryOf(node, edgesById);
    if (spec) boundaries.set(node.id, spec);
  }
  const used = new Set([...def.nodes.map((node) => node.id), ...def.edges.map((edge) => edge.id)]);
  const allocateId = (base: string) => {
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    return id;
  };
  const xmlIds = new Map<string, string>();
  const xmlId = (templateId: string) => {
    if (XML_ID.test(templateId)) return templateId;
    const known = xmlIds.get(templateId) ?? allocateId(toXmlId(templateId));
    xmlIds.set(templateId, known);
    return known;
  };
  return { moddle, def, edgesById, boundaries, allocateId, xmlId };
}

/** Sets the element's id, keeping the template id aside when it is not a legal XML id. */
export function setIds(ctx: ExportContext, element: ModdleElement, templateId: string): void {
  element.id = ctx.xmlId(templateId);
  if (element.id !== templateId) element.set('orderpath:templateId', templateId);
}

/** Sets `bpmn:extensionElements` from the non-empty values. */
export function setExtensions(ctx: ExportContext, element: ModdleElement, values: (ModdleElement | undefined)[]): void {
  const present = values.filter((value): value is ModdleElement => value !== undefined);
  if (present.length > 0) element.extensionElements = ctx.moddle.create('bpmn:ExtensionElements', { values: present });
}

/** A `bpmn:FormalExpression` holding `body`, or undefined for an absent value. */
export function formal(ctx: ExportContext, body: string | undefined): ModdleElement | undefined {
  return body === undefined ? undefined : ctx.moddle.create('bpmn:FormalExpression', { body });
}

/** Drops undefined attributes so moddle does not write empty ones. */
export function defined<T extends object>(attrs: T): Partial<T> {
  return Object.fromEntries(Object.entries(attrs).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export type { Edge };

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
  return { moddle, def, edgesById, boundaries, allocateId };
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

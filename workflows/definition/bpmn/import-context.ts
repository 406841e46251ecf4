import type { Node } from '../schema';
import { extensionsOf, type ModdleElement } from './bpmn-extensions';
import { fromFeel, fromFeelDuration, type FeelRoot, type FeelTranslation } from './feel';
import type { BpmnImportWarning, BpmnImportWarningCode } from './import-warnings';

/** State shared by the import steps: warnings, id mapping, lanes, positions, consumed extensions. */
export interface ImportContext {
  warnings: BpmnImportWarning[];
  warn: (code: BpmnImportWarningCode, message: string, elementId?: string) => void;
  /** The template id for a BPMN id (sanitised and unique; the same answer every time). */
  idOf: (bpmnId: string) => string;
  /** Declares the template id of a BPMN element up front (its `orderpath:templateId`). */
  alias: (bpmnId: string, templateId: string) => void;
  /** Role per BPMN flow node id, from lanes (import-diagram.ts). */
  roleOf: Map<string, string>;
  /** Shape position per BPMN element id (import-diagram.ts). */
  positions: Map<string, { x: number; y: number }>;
  /** Extension elements read by a mapper; the rest are reported as not mapped. */
  consumed: Set<ModdleElement>;
}

const ID_CHAR = /[^A-Za-z0-9_.:-]/g;

export function createImportContext(): ImportContext {
  const warnings: BpmnImportWarning[] = [];
  const warn = (code: BpmnImportWarningCode, message: string, elementId?: string) =>
    warnings.push(elementId === undefined ? { code, message } : { code, message, elementId });
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  const idOf = (bpmnId: string) => {
    const known = ids.get(bpmnId);
    if (known !== undefined) return known;
    const base = bpmnId.replace(ID_CHAR, '_').slice(0, 110) || 'element';
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
    if (id !== bpmnId) warn('id_normalised', `Id "${bpmnId}" became "${id}" (template ids use letters, digits and _ . : -).`, bpmnId);
    ids.set(bpmnId, id);
    taken.add(id);
    return id;
  };
  const alias = (bpmnId: string, templateId: string) => {
    ids.set(bpmnId, templateId);
    taken.add(templateId);
  };
  return { warnings, warn, idOf, alias, roleOf: new Map(), positions: new Map(), consumed: new Set() };
}

/** The extension element of `type`, marked as read. */
export function take(ctx: ImportContext, element: ModdleElement, type: string): ModdleElement | undefined {
  const found = extensionsOf(element).find((value) => value.$type === type);
  if (found) ctx.consumed.add(found);
  return found;
}

const UNMAPPED: Record<string, BpmnImportWarningCode> = {
  'zeebe:FormDefinition': 'form_not_mapped',
  'zeebe:IoMapping': 'io_mapping_not_mapped',
  'zeebe:TaskHeaders': 'task_headers_not_mapped',
};
/** Markers that change nothing in OrderPath (Camunda's native user task flag). */
const IGNORED = new Set(['zeebe:UserTask']);

/** Warns about every extension element of `element` that no mapper read. */
export function reportUnmappedExtensions(ctx: ImportContext, element: ModdleElement): void {
  for (const value of extensionsOf(element)) {
    if (ctx.consumed.has(value) || IGNORED.has(value.$type)) continue;
    const code = UNMAPPED[value.$type] ?? 'extension_not_mapped';
    ctx.warn(code, `<${tagOf(value.$type)}> on "${element.id}" has no OrderPath equivalent and was ignored.`, element.id);
  }
}

const tagOf = (type: string) => type.replace(/:(.)/, (_, first: string) => `:${first.toLowerCase()}`);

/** An expression attribute: FEEL is translated where possible, with a warning where not. */
export function expression(
  ctx: ImportContext, raw: string | undefined, elementId: string, what: string, root: FeelRoot = 'vars',
): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  return reportFeel(ctx, fromFeel(raw, root), raw, elementId, what);
}

/** A duration attribute (ISO-8601, or FEEL around a literal one). */
export function duration(ctx: ImportContext, raw: string | undefined, elementId: string, what: string): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  return reportFeel(ctx, fromFeelDuration(raw), raw, elementId, what);
}

function reportFeel(ctx: ImportContext, result: FeelTranslation, raw: string, elementId: string, what: string): string {
  if (result.status === 'untranslated') {
    ctx.warn('feel_not_translated', `The ${what} of "${elementId}" is FEEL that OrderPath does not evaluate natively (${raw.trim()}); rewrite it as an OrderPath expression.`, elementId);
  }
  return result.expression;
}

/** The fields every node shares, read from the BPMN element. */
export function commonFields(ctx: ImportContext, element: ModdleElement): Pick<Node, 'id' | 'name' | 'stage' | 'position' | 'documentation'> {
  const docs: string[] = (element.documentation ?? []).map((doc: ModdleElement) => doc.text ?? '').filter(Boolean);
  const stage: unknown = element.get('orderpath:stage');
  const position = ctx.positions.get(element.id);
  return {
    id: ctx.idOf(element.id),
    ...(element.name !== undefined ? { name: element.name } : {}),
    ...(typeof stage === 'string' ? { stage } : {}),
    ...(position ? { position } : {}),
    ...(docs.length > 0 ? { documentation: docs.join('\n') } : {}),
  };
}

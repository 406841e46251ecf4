/**
 * Step one of validation: the zod schema. Its issues become `schema` issues with a readable path
 * and the node or edge they point into. When the schema fails, the rules still run, on a salvaged
 * view of the input — so the designer shows a missing role and an unreachable node at once.
 */
import type { z } from 'zod';
import { type Definition, type Edge, type Node, type Stage, definitionSchema, edgeSchema, nodeSchema, stageSchema } from './schema';
import { type ValidationIssue, error } from './validation-issue';

/** Renders a zod path as `nodes[3].form.fields[0].key`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text === '' ? String(key) : `${text}.${String(key)}`;
  }, '');
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function idAt(raw: unknown, list: 'nodes' | 'edges', index: unknown): string | undefined {
  if (!isRecord(raw) || typeof index !== 'number') return undefined;
  const items = raw[list];
  const item = Array.isArray(items) ? (items[index] as unknown) : undefined;
  return isRecord(item) && typeof item.id === 'string' ? item.id : undefined;
}

function toIssue(raw: unknown, zodIssue: z.core.$ZodIssue): ValidationIssue {
  const path = formatPath(zodIssue.path);
  const [list, index] = zodIssue.path;
  const nodeId = list === 'nodes' ? idAt(raw, 'nodes', index) : undefined;
  const edgeId = list === 'edges' ? idAt(raw, 'edges', index) : undefined;
  const owner = nodeId ? `Node '${nodeId}': ` : edgeId ? `Edge '${edgeId}': ` : '';
  const where = path === '' ? 'The definition' : path;
  return error('schema', `${owner}${where}: ${zodIssue.message}`, { nodeId, edgeId, path: path || undefined });
}

function salvage<T>(items: unknown, schema: z.ZodType<T>, stub: (item: Record<string, unknown>) => T | null, stubs?: T[]): T[] {
  if (!Array.isArray(items)) return [];
  return items.flatMap((item: unknown) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) return [parsed.data];
    const fallback = isRecord(item) ? stub(item) : null;
    if (fallback) stubs?.push(fallback);
    return fallback ? [fallback] : [];
  });
}

// Stubs keep only what the graph rules need; the per-node rules skip stub nodes until the schema
// issue is fixed. The casts are deliberate: a stub is not a valid node.
const nodeStub = (item: Record<string, unknown>): Node | null =>
  typeof item.id === 'string' ? ({ id: item.id, type: typeof item.type === 'string' ? item.type : 'unknown' } as Node) : null;
const edgeStub = (item: Record<string, unknown>): Edge | null => {
  if (typeof item.id !== 'string' || typeof item.source !== 'string' || typeof item.target !== 'string') return null;
  const edge: Edge = { id: item.id, source: item.source, target: item.target };
  if (typeof item.condition === 'string') edge.condition = item.condition;
  if (typeof item.default === 'boolean') edge.default = item.default;
  return edge;
};
const stageStub = (item: Record<string, unknown>): Stage | null =>
  typeof item.id === 'string' ? { id: item.id, name: typeof item.name === 'string' ? item.name : item.id } : null;

function salvageDefinition(raw: Record<string, unknown>): { def: Definition; stubIds: Set<string> } {
  const stubs: Node[] = [];
  const def: Definition = {
    key: typeof raw.key === 'string' ? raw.key : '',
    name: typeof raw.name === 'string' ? raw.name : '',
    stages: salvage(raw.stages, stageSchema, stageStub),
    nodes: salvage(raw.nodes, nodeSchema, nodeStub, stubs),
    edges: salvage(raw.edges, edgeSchema, edgeStub),
  };
  return { def, stubIds: new Set(stubs.map((n) => n.id)) };
}

/**
 * Parses `raw` with the template schema.
 * @returns the schema issues, and the definition the rules should check: the parsed one, a
 * salvaged one when only parts are wrong (`stubIds`: nodes kept only as id and type), or null
 * when there is nothing to check.
 */
export function checkSchema(raw: unknown): { issues: ValidationIssue[]; def: Definition | null; stubIds: ReadonlySet<string> } {
  const parsed = definitionSchema.safeParse(raw);
  if (parsed.success) return { issues: [], def: parsed.data, stubIds: new Set() };
  const issues = parsed.error.issues.map((zodIssue) => toIssue(raw, zodIssue));
  if (!isRecord(raw)) return { issues, def: null, stubIds: new Set() };
  return { issues, ...salvageDefinition(raw) };
}

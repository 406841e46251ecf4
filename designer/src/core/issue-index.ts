/**
 * Validation issues mapped onto the canvas: which node or edge each one belongs to, so the canvas
 * can ring it and the properties panel can show it beside the field.
 */
import type { Definition } from '@orderpath/workflows/definition/schema';
import type { ValidationIssue } from '@orderpath/workflows/definition/validate';

export type Severity = ValidationIssue['severity'];

export interface IssueIndex {
  all: readonly ValidationIssue[];
  byNode: ReadonlyMap<string, ValidationIssue[]>;
  byEdge: ReadonlyMap<string, ValidationIssue[]>;
  /** Issues about the template as a whole (no start, schema of the root, …). */
  general: readonly ValidationIssue[];
  errors: number;
  warnings: number;
}

const INDEXED = /^(nodes|edges)\[(\d+)\]/;

/** The node or edge an issue is about: its ids, else the index in its `path` (schema issues). */
export function locate(def: Pick<Definition, 'nodes' | 'edges'>, issue: ValidationIssue): { nodeId?: string; edgeId?: string } {
  if (issue.nodeId) return { nodeId: issue.nodeId };
  if (issue.edgeId) return { edgeId: issue.edgeId };
  const m = issue.path ? INDEXED.exec(issue.path) : null;
  if (!m) return {};
  const i = Number(m[2]);
  return m[1] === 'nodes' ? { nodeId: def.nodes[i]?.id } : { edgeId: def.edges[i]?.id };
}

export function indexIssues(def: Pick<Definition, 'nodes' | 'edges'>, issues: readonly ValidationIssue[]): IssueIndex {
  const byNode = new Map<string, ValidationIssue[]>();
  const byEdge = new Map<string, ValidationIssue[]>();
  const general: ValidationIssue[] = [];
  for (const issue of issues) {
    const { nodeId, edgeId } = locate(def, issue);
    if (nodeId) byNode.set(nodeId, [...(byNode.get(nodeId) ?? []), issue]);
    else if (edgeId) byEdge.set(edgeId, [...(byEdge.get(edgeId) ?? []), issue]);
    else general.push(issue);
  }
  const errors = issues.filter((i) => i.severity === 'error').length;
  return { all: issues, byNode, byEdge, general, errors, warnings: issues.length - errors };
}

/** The worst severity among issues, for the ring colour. */
export function worst(issues: readonly ValidationIssue[] | undefined): Severity | undefined {
  if (!issues?.length) return undefined;
  return issues.some((i) => i.severity === 'error') ? 'error' : 'warning';
}

/** Issues whose path names a field of the element, e.g. `dueIn` for `nodes[2].dueIn`. */
export function issuesForField(issues: readonly ValidationIssue[] | undefined, field: string): ValidationIssue[] {
  return (issues ?? []).filter((i) => i.path !== undefined && new RegExp(`\\]\\.${field}(\\b|$)`).test(i.path));
}

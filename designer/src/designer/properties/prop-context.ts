/** What every node property section gets: the node, its issues, and edit/commit. */
import type { Definition, Node, NodeOf, NodeType } from '@orderpath/workflows/definition/schema';
import type { ValidationIssue } from '@orderpath/workflows/definition/validate';
import type { Translate } from '../../i18n/translate';

export interface SectionProps<T extends NodeType = NodeType> {
  def: Definition;
  node: NodeOf<T>;
  issues: readonly ValidationIssue[];
  /** Patch the node; `field` names the undo step ("Edit name of task-1"). */
  edit(patch: Record<string, unknown>, field: string): void;
  commit(): void;
  t: Translate;
  /** Known activity names (picker), template keys (sub-process). */
  activities: readonly string[];
  templates: readonly string[];
}

/** The message of the first issue at `nodes[i].<field>`, for the input of that field. */
export function fieldError(issues: readonly ValidationIssue[], field: string): string | null {
  const re = new RegExp(`\\]\\.${field.replace('.', '\\.')}(\\b|\\.|\\[|$)`);
  return issues.find((i) => i.path !== undefined && re.test(i.path))?.message ?? null;
}

export type AnyNode = Node;

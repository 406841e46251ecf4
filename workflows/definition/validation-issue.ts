/** The shape of what validateDefinition() returns, and small helpers the rule files share. */

/** One finding of {@link validateDefinition}: a stable `code`, and a message that names the element and says what to do. */
export interface ValidationIssue {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  nodeId?: string;
  edgeId?: string;
  /** Where in the definition, e.g. `nodes[3].dueIn` or `edges[0].condition`. */
  path?: string;
}

/** What the caller knows about the world; each list, when given, enables the matching check. */
export interface ValidationContext {
  /** Registered domain activity names (serviceTask.activity), for `unknown_activity`. */
  activities?: readonly string[];
  /** Known roles (userTask.role), for `unknown_role`. */
  roles?: readonly string[];
  /** Published template keys (subProcess.templateKey), for `unknown_template`. */
  templates?: readonly string[];
}

type Where = Pick<ValidationIssue, 'nodeId' | 'edgeId' | 'path'>;

/** An error-severity issue. */
export function error(code: string, message: string, where: Where = {}): ValidationIssue {
  return { code, severity: 'error', message, ...where };
}

/** A warning-severity issue: the template still publishes. */
export function warning(code: string, message: string, where: Where = {}): ValidationIssue {
  return { code, severity: 'warning', message, ...where };
}

/** True when at least one issue is an error (warnings do not block publishing). */
export function hasErrors(issues: readonly ValidationIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}

/** Lists ids for a message, quoted, shortening long lists. */
export function quoteList(ids: readonly string[], max = 5): string {
  const shown = ids.slice(0, max).map((id) => `'${id}'`).join(', ');
  return ids.length > max ? `${shown} and ${ids.length - max} more` : shown;
}

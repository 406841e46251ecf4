/** The shape of what validateDefinition() returns, and small helpers the rule files share. */

/**
 * Every code validateDefinition() can return. Stable: the API, the designer and saved reports
 * match on them. The rule files can only emit codes listed here (the compiler checks).
 */
export const VALIDATION_CODES = [
  'schema',
  'duplicate_id', 'dangling_edge', 'no_start', 'multiple_starts', 'no_end', 'start_has_incoming', 'end_has_outgoing',
  'missing_outgoing', 'too_many_outgoing', 'too_many_nodes',
  'unreachable_node', 'cannot_reach_end',
  'gateway_no_default', 'gateway_multiple_defaults', 'missing_condition', 'condition_on_non_gateway', 'bad_condition',
  'parallel_mismatch', 'loop_without_wait',
  'unknown_stage', 'unknown_role', 'unknown_activity', 'unknown_template', 'bad_duration',
  'timer_needs_duration_or_until', 'bad_on_overdue', 'bad_timeout_edge', 'bad_expression',
  'form_duplicate_key', 'form_bad_key', 'form_bad_options', 'form_bad_range', 'form_bad_columns',
  'internal_error',
] as const;
/** One of {@link VALIDATION_CODES}. */
export type ValidationCode = (typeof VALIDATION_CODES)[number];

/**
 * One finding of validateDefinition(): a stable `code` (one of {@link VALIDATION_CODES}), and a
 * message that names the element and says what to do. `code` is typed `string` so that callers
 * stay compatible when codes are added.
 */
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
export function error(code: ValidationCode, message: string, where: Where = {}): ValidationIssue {
  return { code, severity: 'error', message, ...where };
}

/** A warning-severity issue: the template still publishes. */
export function warning(code: ValidationCode, message: string, where: Where = {}): ValidationIssue {
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

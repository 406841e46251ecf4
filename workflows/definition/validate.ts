/**
 * validateDefinition(): everything wrong with a template, as issues with stable codes — never a
 * throw. Used by the API (validate / publish), the designer (live) and the BPMN importer.
 *
 * Codes, by rule file:
 * - schema (validate-schema.ts)
 * - duplicate_id, dangling_edge, no_start, multiple_starts, no_end, start_has_incoming,
 *   end_has_outgoing, missing_outgoing, too_many_outgoing, too_many_nodes (validate-structure.ts)
 * - unreachable_node, cannot_reach_end (validate-reachability.ts)
 * - gateway_no_default, gateway_multiple_defaults, missing_condition, condition_on_non_gateway,
 *   bad_condition (validate-gateways.ts)
 * - parallel_mismatch (validate-parallel.ts), loop_without_wait (validate-loops.ts)
 * - unknown_stage, unknown_role, unknown_activity, unknown_template, bad_duration,
 *   timer_needs_duration_or_until, bad_on_overdue, bad_timeout_edge, bad_expression
 *   (validate-nodes.ts)
 * - form_duplicate_key, form_bad_key, form_bad_options, form_bad_range, form_bad_columns
 *   (validate-forms.ts)
 * - internal_error: a rule crashed on odd input; reported instead of thrown.
 */
import { type DefinitionGraph, buildGraph } from './definition-graph';
import { MAX_NODES } from './schema';
import { checkExclusiveGateways, checkConditions } from './validate-gateways';
import { checkForms } from './validate-forms';
import { checkLoops } from './validate-loops';
import { checkNodes } from './validate-nodes';
import { checkParallel } from './validate-parallel';
import { checkReachableFromStart, checkReachesEnd } from './validate-reachability';
import { checkSchema } from './validate-schema';
import { checkEdgeEnds, checkIds, checkOutgoing, checkSize, checkStartAndEnd } from './validate-structure';
import { type ValidationContext, type ValidationIssue, error } from './validation-issue';

export { hasErrors } from './validation-issue';
export { VALIDATION_CODES } from './validation-issue';
export type { ValidationCode, ValidationContext, ValidationIssue } from './validation-issue';

type Rule = (graph: DefinitionGraph, ctx: ValidationContext) => ValidationIssue[];

const RULES: readonly (readonly [string, Rule])[] = [
  ['size', checkSize],
  ['ids', checkIds],
  ['edge ends', checkEdgeEnds],
  ['start and end', checkStartAndEnd],
  ['outgoing edges', checkOutgoing],
  ['reachability from start', checkReachableFromStart],
  ['reaching an end', checkReachesEnd],
  ['exclusive gateways', checkExclusiveGateways],
  ['conditions', checkConditions],
  ['parallel gateways', checkParallel],
  ['loops', checkLoops],
  ['nodes', checkNodes],
  ['forms', checkForms],
];

function runRule(name: string, rule: Rule, graph: DefinitionGraph, ctx: ValidationContext): ValidationIssue[] {
  try {
    return rule(graph, ctx);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return [error('internal_error', `The ${name} check failed on this definition (${reason}); fix the other issues first, and report this if it persists.`)];
  }
}

/**
 * Validates a template definition (any JSON) against the schema and the graph rules.
 * @param def the definition, untrusted.
 * @param ctx known activities, roles and templates; each given list enables its check.
 * @returns the issues, schema issues first; empty when the definition is valid. Never throws.
 */
export function validateDefinition(def: unknown, ctx: ValidationContext = {}): ValidationIssue[] {
  try {
    const { issues, def: checked, stubIds } = checkSchema(def);
    if (!checked) return issues;
    // Past twice the limit the schema already refused it; don't spend time on graph rules.
    if (checked.nodes.length > MAX_NODES * 2) return [...issues, ...checkSize(buildGraph(checked))];
    const graph = buildGraph(checked, stubIds);
    return [...issues, ...RULES.flatMap(([name, rule]) => runRule(name, rule, graph, ctx))];
  } catch (cause) {
    return [error('internal_error', `Validation failed unexpectedly (${String(cause)}); report this with the definition.`)];
  }
}

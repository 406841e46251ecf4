/**
 * Exclusive gateways and edge conditions. Codes: gateway_no_default, gateway_multiple_defaults,
 * missing_condition, condition_on_non_gateway (warning), bad_condition.
 *
 * An exclusive gateway with a single outgoing edge is a merge: it needs neither conditions nor a
 * default.
 */
import { type DefinitionGraph, nodePath } from './definition-graph';
import { compileExpression } from './expressions';
import { type ValidationIssue, error, quoteList, warning } from './validation-issue';

function checkGateway(graph: DefinitionGraph, gatewayId: string): ValidationIssue[] {
  const out = graph.outgoing(gatewayId);
  if (out.length < 2) return [];
  const issues: ValidationIssue[] = [];
  const where = { nodeId: gatewayId, path: nodePath(graph, gatewayId) };
  const defaults = out.filter((edge) => edge.default === true);
  if (defaults.length === 0) {
    issues.push(error('gateway_no_default', `Exclusive gateway '${gatewayId}' has no default edge; mark one outgoing edge as default so an order never gets stuck when no condition holds.`, where));
  }
  if (defaults.length > 1) {
    issues.push(error('gateway_multiple_defaults', `Exclusive gateway '${gatewayId}' has ${defaults.length} default edges (${quoteList(defaults.map((e) => e.id))}); mark only one as default.`, where));
  }
  for (const edge of out) {
    if (edge.default !== true && !edge.condition) {
      issues.push(error('missing_condition', `Edge '${edge.id}' leaves exclusive gateway '${gatewayId}' without a condition; add a condition or make it the default edge.`, { nodeId: gatewayId, edgeId: edge.id }));
    }
  }
  return issues;
}

/** The exclusive-gateway rules, for every exclusive gateway. */
export function checkExclusiveGateways(graph: DefinitionGraph): ValidationIssue[] {
  return [...graph.nodes.values()].filter((n) => n.type === 'exclusiveGateway').flatMap((n) => checkGateway(graph, n.id));
}

/**
 * bad_condition: every condition compiles (wherever it is).
 * condition_on_non_gateway: a condition or default flag on an edge that does not leave an
 * exclusive gateway is ignored by the engine — warn.
 */
export function checkConditions(graph: DefinitionGraph): ValidationIssue[] {
  return graph.def.edges.flatMap((edge, i) => {
    const issues: ValidationIssue[] = [];
    const source = graph.nodes.get(edge.source);
    if (source && source.type !== 'exclusiveGateway' && (edge.condition || edge.default)) {
      const what = edge.condition ? 'a condition' : 'the default flag';
      issues.push(warning('condition_on_non_gateway', `Edge '${edge.id}' has ${what} but leaves '${edge.source}' (${source.type}), not an exclusive gateway, so it is ignored; put an exclusive gateway before the branches or remove it.`, { edgeId: edge.id, path: `edges[${i}].${edge.condition ? 'condition' : 'default'}` }));
    }
    if (typeof edge.condition === 'string') {
      const compiled = compileExpression(edge.condition);
      if (!compiled.ok) {
        issues.push(error('bad_condition', `The condition of edge '${edge.id}' is invalid: ${compiled.error}.`, { edgeId: edge.id, nodeId: source?.id, path: `edges[${i}].condition` }));
      }
    }
    return issues;
  });
}

/**
 * Per-node rules. Codes: unknown_stage, unknown_role, unknown_activity, unknown_template,
 * bad_duration, timer_needs_duration_or_until, bad_on_overdue, bad_timeout_edge, bad_expression.
 * Nodes that failed the schema (stubs) are skipped; fields are still read defensively.
 */
import { type DefinitionGraph, checkedNodes, nodePath } from './definition-graph';
import { isDuration } from './duration';
import { type ExpressionOptions, OUTPUT_ROOTS, compileExpression } from './expressions';
import type { Node, NodeOf } from './schema';
import { type ValidationCode, type ValidationContext, type ValidationIssue, error, quoteList, warning } from './validation-issue';

const DURATION_HINT = 'write an ISO-8601 duration such as P14D, PT4H or P1DT12H';

/** bad_duration for one optional field; `path` is relative to the node. */
function duration(graph: DefinitionGraph, node: Node, field: string, value: unknown): ValidationIssue[] {
  if (value === undefined || isDuration(value)) return [];
  return [error('bad_duration', `${field} of node '${node.id}' is '${String(value)}', not a duration; ${DURATION_HINT}.`, { nodeId: node.id, path: nodePath(graph, node.id, field) })];
}

/** bad_expression for one optional field. */
export function expression(graph: DefinitionGraph, node: Node, field: string, src: unknown, options?: ExpressionOptions): ValidationIssue[] {
  if (typeof src !== 'string') return [];
  const compiled = compileExpression(src, options);
  if (compiled.ok) return [];
  return [error('bad_expression', `The expression in ${field} of node '${node.id}' is invalid: ${compiled.error}.`, { nodeId: node.id, path: nodePath(graph, node.id, field) })];
}

function mapping(graph: DefinitionGraph, node: Node, field: 'input' | 'output', map: Record<string, string> | undefined): ValidationIssue[] {
  const options = field === 'output' ? { roots: OUTPUT_ROOTS } : undefined;
  return Object.entries(map ?? {}).flatMap(([key, src]) => expression(graph, node, `${field}.${key}`, src, options));
}

function unknown(code: ValidationCode, node: Node, what: string, value: string | undefined, known: readonly string[] | undefined, graph: DefinitionGraph, field: string): ValidationIssue[] {
  if (!known || typeof value !== 'string' || known.includes(value)) return [];
  return [error(code, `Node '${node.id}' uses ${what} '${value}', which is not known (known: ${quoteList(known, 10)}); pick one of those.`, { nodeId: node.id, path: nodePath(graph, node.id, field) })];
}

function userTask(graph: DefinitionGraph, node: NodeOf<'userTask'>, ctx: ValidationContext): ValidationIssue[] {
  return [
    ...unknown('unknown_role', node, 'role', node.role, ctx.roles, graph, 'role'),
    ...duration(graph, node, 'dueIn', node.dueIn),
    ...expression(graph, node, 'assignee', node.assignee),
    ...onOverdue(graph, node),
  ];
}

/** bad_on_overdue: 'escalate', or one of the task's outgoing edges that is not its only one. */
function onOverdue(graph: DefinitionGraph, node: NodeOf<'userTask'>): ValidationIssue[] {
  const value = node.onOverdue;
  if (value === undefined) return [];
  const where = { nodeId: node.id, path: nodePath(graph, node.id, 'onOverdue') };
  const out = graph.outgoing(node.id).map((e) => e.id);
  if (value !== 'escalate' && !out.includes(value)) {
    return [error('bad_on_overdue', `onOverdue of node '${node.id}' is '${value}', which is neither 'escalate' nor one of its outgoing edges (${quoteList(out) || 'none'}); use 'escalate' or the id of the edge to take when the task is overdue.`, where)];
  }
  if (value !== 'escalate' && out.length < 2) {
    return [error('bad_on_overdue', `onOverdue of node '${node.id}' names its only outgoing edge '${value}'; add the edge taken on normal completion too.`, where)];
  }
  if (node.dueIn === undefined) {
    return [warning('bad_on_overdue', `Node '${node.id}' has onOverdue but no dueIn, so it is never overdue; set dueIn or remove onOverdue.`, where)];
  }
  return [];
}

/** bad_timeout_edge: a timeout and its edge come together, and the edge leaves this node. */
function timeoutEdge(graph: DefinitionGraph, node: NodeOf<'messageCatch'>): ValidationIssue[] {
  const { timeout, timeoutEdge: edgeId } = node;
  if (timeout === undefined && edgeId === undefined) return [];
  const where = { nodeId: node.id, path: nodePath(graph, node.id, 'timeoutEdge') };
  const out = graph.outgoing(node.id).map((e) => e.id);
  if (edgeId === undefined) return [error('bad_timeout_edge', `Message catch '${node.id}' has a timeout but no timeoutEdge; name the outgoing edge to take when it times out.`, where)];
  if (timeout === undefined) return [error('bad_timeout_edge', `Message catch '${node.id}' has timeoutEdge '${edgeId}' but no timeout; set timeout (e.g. P7D) or remove timeoutEdge.`, where)];
  if (!out.includes(edgeId)) return [error('bad_timeout_edge', `timeoutEdge of message catch '${node.id}' is '${edgeId}', which is not one of its outgoing edges (${quoteList(out) || 'none'}); pick one of those.`, where)];
  if (out.length < 2) return [error('bad_timeout_edge', `The timeout edge '${edgeId}' is the only outgoing edge of message catch '${node.id}'; add the edge taken when the message arrives.`, where)];
  return [];
}

function serviceTask(graph: DefinitionGraph, node: NodeOf<'serviceTask'>, ctx: ValidationContext): ValidationIssue[] {
  return [
    ...unknown('unknown_activity', node, 'activity', node.activity, ctx.activities, graph, 'activity'),
    ...duration(graph, node, 'timeout', node.timeout),
    ...duration(graph, node, 'retry.initialInterval', node.retry?.initialInterval),
    ...duration(graph, node, 'retry.maxInterval', node.retry?.maxInterval),
    ...mapping(graph, node, 'input', node.input),
    ...mapping(graph, node, 'output', node.output),
  ];
}

function timer(graph: DefinitionGraph, node: NodeOf<'timer'>): ValidationIssue[] {
  const hasDuration = node.duration !== undefined;
  const hasUntil = node.until !== undefined;
  const issues = [...duration(graph, node, 'duration', node.duration), ...expression(graph, node, 'until', node.until)];
  if (hasDuration === hasUntil) {
    const what = hasDuration ? 'both a duration and an until expression; keep one' : 'neither a duration nor an until expression; set one (e.g. duration P7D)';
    issues.push(error('timer_needs_duration_or_until', `Timer '${node.id}' has ${what}.`, { nodeId: node.id, path: nodePath(graph, node.id) }));
  }
  return issues;
}

function messageCatch(graph: DefinitionGraph, node: NodeOf<'messageCatch'>): ValidationIssue[] {
  return [
    ...duration(graph, node, 'expectedWithin', node.expectedWithin),
    ...duration(graph, node, 'timeout', node.timeout),
    ...expression(graph, node, 'correlation', node.correlation),
    ...timeoutEdge(graph, node),
  ];
}

function subProcess(graph: DefinitionGraph, node: NodeOf<'subProcess'>, ctx: ValidationContext): ValidationIssue[] {
  return [
    ...unknown('unknown_template', node, 'template', node.templateKey, ctx.templates, graph, 'templateKey'),
    ...mapping(graph, node, 'input', node.input),
    ...mapping(graph, node, 'output', node.output),
  ];
}

function byType(graph: DefinitionGraph, node: Node, ctx: ValidationContext): ValidationIssue[] {
  switch (node.type) {
    case 'userTask': return userTask(graph, node, ctx);
    case 'serviceTask': return serviceTask(graph, node, ctx);
    case 'timer': return timer(graph, node);
    case 'messageCatch': return messageCatch(graph, node);
    case 'subProcess': return subProcess(graph, node, ctx);
    default: return [];
  }
}

/** unknown_stage: a node's stage is one of the template's stages. */
function stage(graph: DefinitionGraph, node: Node, stages: ReadonlySet<string>): ValidationIssue[] {
  if (node.stage === undefined || stages.has(node.stage)) return [];
  return [error('unknown_stage', `Node '${node.id}' is in stage '${node.stage}', which is not one of the template's stages (${quoteList([...stages]) || 'none'}); add the stage or pick another.`, { nodeId: node.id, path: nodePath(graph, node.id, 'stage') })];
}

/** The per-node rules for every node, and bad_duration for stage SLAs. */
export function checkNodes(graph: DefinitionGraph, ctx: ValidationContext): ValidationIssue[] {
  const stages = new Set(graph.def.stages.map((s) => s.id));
  const issues = checkedNodes(graph).flatMap((node) => [...stage(graph, node, stages), ...byType(graph, node, ctx)]);
  graph.def.stages.forEach((s, i) => {
    if (s.sla !== undefined && !isDuration(s.sla)) {
      issues.push(error('bad_duration', `The sla of stage '${s.id}' is '${s.sla}', not a duration; ${DURATION_HINT}.`, { path: `stages[${i}].sla` }));
    }
  });
  return issues;
}

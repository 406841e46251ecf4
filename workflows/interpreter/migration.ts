/**
 * Moving a running order to another template version. Allowed only at a quiet point: every live
 * token waits on a task, message or timer at a node that maps (explicitly, or by the same id)
 * to a node of the same type in the target. Waits keep their identity (task ids, timer due
 * times, an escalation already made) and tokens continue on the target graph when their wait ends.
 * Deadlines that come from the node's configuration (a task's dueIn, a message catch's timeout and
 * expectedWithin) follow the target node, counted from the token's arrival: the waiting fibers
 * wake on `ctx.migrations` and re-arm them, so no v1 deadline fires a v2 boundary.
 */
import type { Definition } from '../definition/schema';
import { MigrationRefusedError } from './errors';
import { ProcessGraph } from './graph';
import { PATCHES } from './ports';
import type { ProcessContext } from './process-context';

const MIGRATABLE_WAITS = new Set(['task', 'message', 'timer']);

export interface MigrationPlan {
  graph: ProcessGraph;
  /** tokenId → target node id */
  moves: Map<string, string>;
  /** source join id → target join id */
  joins: Map<string, string>;
}

/** @throws MigrationRefusedError with a reason naming the node that prevents it. */
export function planMigration(ctx: ProcessContext, target: Definition, mapping: Record<string, string>): MigrationPlan {
  if (ctx.stop !== null || ctx.finished) throw new MigrationRefusedError('the order is no longer running');
  if (ctx.tokens.size === 0) throw new MigrationRefusedError('the order has no live token to move');
  const graph = new ProcessGraph(target);
  const moves = new Map<string, string>();
  for (const token of ctx.tokens.values()) {
    const node = ctx.graph.node(token.nodeId);
    if (!token.wait || !MIGRATABLE_WAITS.has(token.wait.kind)) {
      const doing = token.wait ? `waiting on a ${token.wait.kind}` : 'moving';
      throw new MigrationRefusedError(`node '${node.id}' is ${doing}, not at a task, message or timer wait; retry when it waits`, node.id);
    }
    moves.set(token.id, mappedNode(graph, mapping, node.id, node.type));
  }
  const joins = new Map<string, string>();
  for (const [joinId, arrived] of Object.entries(ctx.joins)) {
    const targetId = mappedNode(graph, mapping, joinId, 'parallelGateway');
    const incoming = new Set(graph.incoming(targetId).map((edge) => edge.id));
    const lost = arrived.find((edgeId) => !incoming.has(edgeId));
    if (lost) {
      throw new MigrationRefusedError(`join '${joinId}' holds an arrival on edge '${lost}', which is not an incoming edge of '${targetId}' in the target`, joinId);
    }
    joins.set(joinId, targetId);
  }
  return { graph, moves, joins };
}

/** Switches the runtime to the planned graph. Synchronous: no fiber runs in between. */
export function applyMigration(ctx: ProcessContext, plan: MigrationPlan, mapping: Record<string, string>): void {
  const from = ctx.graph.definition;
  const joins: Record<string, string[]> = {};
  for (const [sourceId, targetId] of plan.joins) joins[targetId] = [...(joins[targetId] ?? []), ...ctx.joins[sourceId]];
  for (const token of ctx.tokens.values()) {
    const targetId = plan.moves.get(token.id) ?? token.nodeId;
    // Iteration counters follow the node, so task identity (nodeId + iteration) stays unique.
    ctx.iterations[targetId] = Math.max(ctx.iterations[targetId] ?? 0, ctx.iterations[token.nodeId] ?? 0);
    token.nodeId = targetId;
    const node = plan.graph.node(targetId);
    if (token.wait?.kind === 'message' && node.type === 'messageCatch') token.wait.message = node.message;
  }
  ctx.graph = plan.graph;
  ctx.joins = joins;
  if (ctx.ports.patched?.(PATCHES.migrationRearmsDeadlines) ?? true) ctx.migrations += 1;
  const firstStage = [...ctx.tokens.values()].map((token) => plan.graph.node(token.nodeId).stage).find((stage) => stage !== undefined);
  if (firstStage !== undefined) ctx.stage = firstStage;
  ctx.emit('migrated', {
    data: { fromVersion: from.version ?? null, toVersion: plan.graph.definition.version ?? null, templateKey: plan.graph.definition.key, nodeMapping: mapping },
  });
}

function mappedNode(graph: ProcessGraph, mapping: Record<string, string>, nodeId: string, type: string): string {
  const targetId = mapping[nodeId] ?? nodeId;
  const node = graph.find(targetId);
  if (!node) throw new MigrationRefusedError(`node '${nodeId}' maps to '${targetId}', which does not exist in the target version`, nodeId);
  if (node.type !== type) {
    throw new MigrationRefusedError(`node '${nodeId}' is a ${type} but '${targetId}' in the target version is a ${node.type}`, nodeId);
  }
  return targetId;
}

/**
 * subProcess: run another published template as a child order and merge its result. The token
 * shows a `child` wait meanwhile (not a migration point: the child's own state would be lost).
 */
import { NodeFailure, ChildFailedError } from '../errors';
import { Stopped, type ProcessContext } from '../process-context';
import type { NodeOutcome, Token } from '../types';
import { applyOutput, evaluateMapping } from '../variables';

export async function runSubProcess(ctx: ProcessContext, token: Token): Promise<NodeOutcome> {
  const node = ctx.graph.nodeOf(token.nodeId, 'subProcess');
  const variables = node.input ? evaluateMapping(node.input, ctx.scope()) : { ...ctx.vars };
  token.wait = { kind: 'child', templateKey: node.templateKey };
  ctx.emit('child_started', { nodeId: node.id, iteration: token.iteration, data: { templateKey: node.templateKey } });
  let result: Record<string, unknown>;
  try {
    await ctx.flush();
    ctx.throwIfStopped();
    result = await ctx.unlessStopped(ctx.ports.startChild({
      templateKey: node.templateKey, templateVersion: node.templateVersion, nodeId: node.id, iteration: token.iteration, variables,
    }));
  } catch (error) {
    if (error instanceof Stopped || error instanceof NodeFailure) throw error;
    throw new ChildFailedError(node.id, error instanceof Error ? error.message : String(error));
  } finally {
    if (ctx.stop === null) token.wait = undefined;
  }
  applyOutput(ctx.vars, node.output, ctx.scope(), result);
  ctx.emit('child_completed', { nodeId: node.id, iteration: token.iteration, data: { templateKey: node.templateKey } });
  return ctx.graph.normalOutgoing(node);
}

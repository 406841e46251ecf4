/**
 * serviceTask: evaluate the input mapping, run the activity with the node's retry policy, apply
 * the output mapping. A ServiceFailure propagates and becomes an incident (see node-executor).
 */
import type { ProcessContext } from '../process-context';
import type { NodeOutcome, Token } from '../types';
import { applyOutput, evaluateMapping } from '../variables';

export async function runServiceTask(ctx: ProcessContext, token: Token): Promise<NodeOutcome> {
  const node = ctx.graph.nodeOf(token.nodeId, 'serviceTask');
  // Without an input mapping the activity sees all variables.
  const input = node.input ? evaluateMapping(node.input, ctx.scope()) : { ...ctx.vars };
  const result = await ctx.unlessStopped(ctx.ports.runService({
    activity: node.activity, input, retry: node.retry, timeout: node.timeout, nodeId: node.id,
  }));
  applyOutput(ctx.vars, node.output, ctx.scope(), result);
  ctx.emit('service_completed', { nodeId: node.id, iteration: token.iteration, data: { activity: node.activity } });
  return ctx.graph.normalOutgoing(node);
}

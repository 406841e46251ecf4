/**
 * serviceTask: evaluate the input mapping, run the activity with the node's retry policy, apply
 * the output mapping. A ServiceFailure propagates and becomes an incident (see node-executor).
 */
import type { NodeOf } from '../../definition/schema';
import type { ServiceCall } from '../ports';
import type { ProcessContext } from '../process-context';
import type { NodeOutcome, Token } from '../types';
import { applyOutput, evaluateMapping } from '../variables';

export async function runServiceTask(ctx: ProcessContext, token: Token): Promise<NodeOutcome> {
  const node = ctx.graph.nodeOf(token.nodeId, 'serviceTask');
  const result = await ctx.unlessStopped(ctx.ports.runService(serviceCall(ctx, node)));
  return completeServiceTask(ctx, token, node, result);
}

/**
 * Fast path (PATCHES.fastPath): the activity's promise is the only one the fiber awaits. A stop
 * does not wait for it: the fiber is parked (see ProcessContext.park) and finds the run stopped
 * if the activity settles later.
 */
export function callServiceTask(ctx: ProcessContext, token: Token): Promise<NodeOutcome> {
  const node = ctx.graph.nodeOf(token.nodeId, 'serviceTask');
  const call = serviceCall(ctx, node);
  ctx.park();
  return ctx.ports.runService(call).then((result) => {
    ctx.unpark();
    ctx.throwIfStopped();
    return completeServiceTask(ctx, token, node, result);
  }, (error: unknown) => {
    ctx.unpark();
    throw error;
  });
}

function serviceCall(ctx: ProcessContext, node: NodeOf<'serviceTask'>): ServiceCall {
  // Without an input mapping the activity sees all variables.
  const input = node.input ? evaluateMapping(node.input, ctx.scope()) : { ...ctx.vars };
  return { activity: node.activity, input, retry: node.retry, timeout: node.timeout, nodeId: node.id };
}

function completeServiceTask(ctx: ProcessContext, token: Token, node: NodeOf<'serviceTask'>, result: Record<string, unknown>): NodeOutcome {
  applyOutput(ctx.vars, node.output, ctx.scope(), result);
  ctx.emit('service_completed', { nodeId: node.id, iteration: token.iteration, data: { activity: node.activity } });
  return ctx.graph.normalOutgoing(node);
}

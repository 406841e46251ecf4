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

/**
 * Lean fibers (PATCHES.leanFibers): `callServiceTask` in callback form. Calls `done` with the
 * edges to leave on, or `failed` with what went wrong (a ServiceFailure, an output mapping's
 * ExpressionError, Stopped when the run stopped meanwhile), from the activity's settlement: the
 * only promise is the port's. Parked like the fast path's.
 */
export function startServiceTask(ctx: ProcessContext, token: Token, done: (edges: NodeOutcome) => void, failed: (error: unknown) => void): void {
  const node = ctx.graph.nodeOf(token.nodeId, 'serviceTask');
  const call = serviceCall(ctx, node);
  ctx.park();
  const settled = (result: unknown) => {
    ctx.unpark();
    let edges: NodeOutcome;
    try {
      ctx.throwIfStopped();
      edges = completeServiceTask(ctx, token, node, serviceResult(result));
    } catch (error) {
      failed(error);
      return;
    }
    done(edges);
  };
  const refused = (error: unknown) => {
    ctx.unpark();
    failed(error);
  };
  if (ctx.ports.startService) ctx.ports.startService(call, settled, refused);
  else void ctx.ports.runService(call).then(settled, refused);
}

/** An activity's result as the interpreter takes it: a record (anything else as `{ result }`). */
export function serviceResult(result: unknown): Record<string, unknown> {
  return result && typeof result === 'object' ? (result as Record<string, unknown>) : { result };
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

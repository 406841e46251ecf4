/**
 * Fibers: one async loop per token, walking node → edge → node until the token ends, joins,
 * forks (it ends and one new token per outgoing edge starts), or the run stops.
 *
 * Forking: a node with several outgoing edges takes them all — explicitly at a parallel gateway,
 * implicitly elsewhere (BPMN's uncontrolled split). Exclusive gateways always choose one edge,
 * and reserved boundary edges (overdue, message timeout) are only taken by their event.
 */
import type { Edge } from '../definition/schema';
import { executeNode, recoverNode, stepNode } from './executors/node-executor';
import { startServiceTask } from './executors/service-task.executor';
import { type ProcessContext, Stopped } from './process-context';
import type { Arrival, NodeOutcome, Token } from './types';

/** Starts a fiber for `token`. `entered` is true when the token already counted its entry. */
export function spawnFiber(ctx: ProcessContext, token: Token, arrival: Arrival, entered: boolean): void {
  if (ctx.lean) {
    ctx.fiberStarted();
    walk(ctx, token, arrival, entered);
    return;
  }
  if (ctx.fastPath) {
    ctx.fiberStarted();
    void runFastFiber(ctx, token, arrival, entered);
    return;
  }
  const fiber = runFiber(ctx, token, arrival, entered);
  ctx.fibers.add(fiber);
  void fiber.then(() => ctx.fibers.delete(fiber));
}

/**
 * The fiber loop of PATCHES.fastPath: a node that does not wait is passed without an await, a
 * fresh service task or timer costs one. Each await in workflow code costs a promise with a
 * captured stack trace and often another call into the workflow sandbox, so this is most of what
 * the engine adds to a hand-written workflow. `runFiber` stays as it was for runs before the patch.
 */
async function runFastFiber(ctx: ProcessContext, token: Token, first: Arrival, alreadyEntered: boolean): Promise<void> {
  let arrival = first;
  let entered = alreadyEntered;
  try {
    for (;;) {
      ctx.throwIfStopped();
      if (!entered) enterNode(ctx, token);
      const step = stepNode(ctx, token, arrival);
      let edges: NodeOutcome;
      if (Array.isArray(step)) {
        edges = step;
      } else {
        try {
          edges = await step;
        } catch (error) {
          edges = await recoverNode(ctx, token, arrival, error);
        }
      }
      ctx.throwIfStopped();
      const next = leaveNode(ctx, token, edges);
      if (!next) return;
      arrival = { via: next.id };
      entered = false;
    }
  } catch (error) {
    stopOnFailure(ctx, error);
  } finally {
    ctx.fiberEnded();
  }
}

/**
 * The fiber of PATCHES.leanFibers: `runFastFiber`'s walk, continued from callbacks. Walks nodes
 * that do not wait in a loop; at a service task hands the rest of the walk to the activity's
 * settlement (`startServiceTask`: one promise, the port's), at any other wait to the step's
 * promise. The fast path paid two more promises per service task (the executor's `.then` and the
 * loop's `await`), each with a stack trace the SDK's promise hook captures — the largest share of
 * what the engine adds to a hand-written workflow (engine benchmark). Ends the fiber exactly once.
 */
function walk(ctx: ProcessContext, token: Token, first: Arrival, alreadyEntered: boolean): void {
  let arrival = first;
  let entered = alreadyEntered;
  try {
    for (;;) {
      ctx.throwIfStopped();
      if (!entered) enterNode(ctx, token);
      const at = arrival;
      if (at.resume === undefined && ctx.graph.node(token.nodeId).type === 'serviceTask') {
        try {
          // Bound, not an arrow: a bound function adds no frame to the stacks captured below.
          startServiceTask(ctx, token, proceed.bind(null, ctx, token), (error) => recover(ctx, token, at, error));
        } catch (error) {
          recover(ctx, token, at, error); // the input mapping failed before the activity started
        }
        return;
      }
      const step = stepNode(ctx, token, at);
      if (!Array.isArray(step)) {
        step.then((edges) => proceed(ctx, token, edges), (error) => recover(ctx, token, at, error));
        return;
      }
      ctx.throwIfStopped();
      const next = leaveNode(ctx, token, step);
      if (!next) {
        ctx.fiberEnded();
        return;
      }
      arrival = { via: next.id };
      entered = false;
    }
  } catch (error) {
    endFiber(ctx, error);
  }
}

/** Lean fibers: leaves the node a wait ended on, then walks on. */
function proceed(ctx: ProcessContext, token: Token, edges: NodeOutcome): void {
  let next: Edge | undefined;
  try {
    ctx.throwIfStopped();
    next = leaveNode(ctx, token, edges);
  } catch (error) {
    endFiber(ctx, error);
    return;
  }
  if (next) walk(ctx, token, { via: next.id }, false);
  else ctx.fiberEnded();
}

/** Lean fibers: a step failed — an incident (as `recoverNode`), or the end of the fiber. */
function recover(ctx: ProcessContext, token: Token, arrival: Arrival, error: unknown): void {
  recoverNode(ctx, token, arrival, error).then((edges) => proceed(ctx, token, edges), (failure: unknown) => endFiber(ctx, failure));
}

function endFiber(ctx: ProcessContext, error: unknown): void {
  stopOnFailure(ctx, error);
  ctx.fiberEnded();
}

/** A fiber ended by `error`: the run fails, unless the error is the run having stopped. */
function stopOnFailure(ctx: ProcessContext, error: unknown): void {
  if (!(error instanceof Stopped)) ctx.requestStop({ kind: 'failed', error });
}

async function runFiber(ctx: ProcessContext, token: Token, first: Arrival, alreadyEntered: boolean): Promise<void> {
  let arrival = first;
  let entered = alreadyEntered;
  try {
    for (;;) {
      ctx.throwIfStopped();
      if (!entered) enterNode(ctx, token);
      const edges = await executeNode(ctx, token, arrival);
      ctx.throwIfStopped();
      const next = leaveNode(ctx, token, edges);
      if (!next) return;
      arrival = { via: next.id };
      entered = false;
    }
  } catch (error) {
    stopOnFailure(ctx, error);
  }
}

/** Counts the entry (a new iteration of the node), switches stage when the node has another one. */
function enterNode(ctx: ProcessContext, token: Token): void {
  const node = ctx.graph.node(token.nodeId);
  const iteration = (ctx.iterations[node.id] ?? 0) + 1;
  ctx.iterations[node.id] = iteration;
  token.iteration = iteration;
  token.since = ctx.nowIso();
  token.wait = undefined;
  if (node.stage !== undefined && node.stage !== ctx.stage) {
    const from = ctx.stage;
    ctx.stage = node.stage;
    ctx.emit('stage_changed', { nodeId: node.id, iteration, data: { from, to: node.stage } });
  }
  ctx.emit('node_entered', { nodeId: node.id, iteration, data: { type: node.type } });
}

/** Moves the token on; returns the edge it took, or undefined when this fiber ends. */
function leaveNode(ctx: ProcessContext, token: Token, edges: Edge[]): Edge | undefined {
  const at = { nodeId: token.nodeId, iteration: token.iteration };
  if (edges.length === 0) {
    ctx.tokens.delete(token.id);
    ctx.emit('token_ended', { ...at, data: { tokenId: token.id } });
    return undefined;
  }
  ctx.emit('node_completed', { ...at, data: { edges: edges.map((edge) => edge.id) } });
  if (edges.length > 1) {
    const children = edges.map((edge) => ({ edge, child: ctx.newToken(edge.target) }));
    ctx.tokens.delete(token.id);
    for (const { edge, child } of children) spawnFiber(ctx, child, { via: edge.id }, false);
    return undefined;
  }
  const [edge] = edges;
  if (continuesAsNewAt(ctx, edge)) {
    token.nodeId = edge.target;
    token.iteration = ctx.iterations[edge.target] ?? 0;
    token.since = ctx.nowIso();
    ctx.requestStop({ kind: 'continueAsNew' });
    ctx.emit('continued_as_new', { nodeId: edge.target, data: { edgeId: edge.id, cycle: ctx.cycle + 1 } });
    return undefined;
  }
  token.nodeId = edge.target;
  return edge;
}

/**
 * A safe point to continue as new: a loop's back edge (the target was entered before) taken by
 * the only live token, when the host says history is large. Parallel joins are excluded: the
 * arrival edge is not carried in the snapshot.
 */
function continuesAsNewAt(ctx: ProcessContext, edge: Edge): boolean {
  return (ctx.iterations[edge.target] ?? 0) > 0 && ctx.tokens.size === 1 && !ctx.graph.isJoin(edge.target)
    && ctx.stop === null && ctx.ports.shouldContinueAsNew();
}

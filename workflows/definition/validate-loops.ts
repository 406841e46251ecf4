/**
 * loop_without_wait: a cycle with no wait state would spin through the workflow history without
 * ever pausing. Wait states are user tasks, timers, message catches and sub-processes. We drop
 * them from the graph; any cycle left over (a strongly connected component of two or more nodes,
 * or a node with an edge to itself) is a loop without a wait.
 */
import { type DefinitionGraph, nodePath } from './definition-graph';
import type { NodeType } from './schema';
import { type ValidationIssue, error, quoteList } from './validation-issue';

/** Node types at which a token waits for the outside world (a person, time, a message, a child order). */
export const WAIT_STATE_TYPES: ReadonlySet<NodeType> = new Set<NodeType>(['userTask', 'timer', 'messageCatch', 'subProcess']);

/**
 * Strongly connected components (Tarjan), iterative so a 2,000-node chain cannot overflow the
 * stack. Returns the components in discovery order, node ids in visiting order.
 */
export function stronglyConnected(ids: readonly string[], next: (id: string) => readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of ids) {
    if (index.has(root)) continue;
    const work: { id: string; i: number; successors: readonly string[] }[] = [{ id: root, i: 0, successors: next(root) }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame.i < frame.successors.length) {
        const n = frame.successors[frame.i++];
        if (!index.has(n)) {
          index.set(n, counter);
          low.set(n, counter++);
          stack.push(n);
          onStack.add(n);
          work.push({ id: n, i: 0, successors: next(n) });
        } else if (onStack.has(n)) {
          low.set(frame.id, Math.min(low.get(frame.id) as number, index.get(n) as number));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].id;
        low.set(parent, Math.min(low.get(parent) as number, low.get(frame.id) as number));
      }
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        components.push(component.reverse());
      }
    }
  }
  return components;
}

/** loop_without_wait, once per cycle region without a wait state. */
export function checkLoops(graph: DefinitionGraph): ValidationIssue[] {
  const busy = [...graph.nodes.values()].filter((n) => !WAIT_STATE_TYPES.has(n.type)).map((n) => n.id);
  const isBusy = new Set(busy);
  const next = (id: string): string[] => graph.outgoing(id).map((e) => e.target).filter((t) => isBusy.has(t));
  return stronglyConnected(busy, next)
    .filter((component) => component.length > 1 || next(component[0]).includes(component[0]))
    .map((component) => {
      const [first] = component;
      return error('loop_without_wait', `The loop through ${quoteList(component)} has no wait state, so it would spin forever; put a user task, timer, message catch or sub-process inside the loop.`, { nodeId: first, path: nodePath(graph, first) });
    });
}

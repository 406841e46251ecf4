/**
 * Boundary timers: a user task's deadline and a message catch's timeout.
 *
 * Decision: BPMN attaches boundary events to activities only, so a message catch with a timeout
 * is written as a `bpmn:receiveTask` (BPMN's waiting-for-a-message activity) with an interrupting
 * boundary timer; without a timeout it is an intermediate message catch event. The importer reads
 * both forms back as `messageCatch`.
 *
 * - userTask `onOverdue: 'escalate'` → non-interrupting timer without outgoing flow;
 * - userTask `onOverdue: <edge id>` → interrupting timer; that edge leaves the timer;
 * - messageCatch `timeout`/`timeoutEdge` → interrupting timer; the timeout edge leaves the timer.
 * A deadline no boundary can carry (dueIn alone, or an edge that does not leave the node) is
 * written as the `orderpath:deadline` / `orderpath:messageSettings` extension instead.
 */
import type { Edge, Node } from '../schema';

export interface BoundarySpec {
  hostId: string;
  kind: 'overdue' | 'timeout';
  interrupting: boolean;
  duration?: string;
  edgeId?: string;
}

export function boundaryOf(node: Node, edgesById: ReadonlyMap<string, Edge>): BoundarySpec | undefined {
  const leaves = (edgeId: string) => edgesById.get(edgeId)?.source === node.id;
  if (node.type === 'userTask' && node.onOverdue === 'escalate') {
    return { hostId: node.id, kind: 'overdue', interrupting: false, duration: node.dueIn };
  }
  if (node.type === 'userTask' && node.onOverdue && leaves(node.onOverdue)) {
    return { hostId: node.id, kind: 'overdue', interrupting: true, duration: node.dueIn, edgeId: node.onOverdue };
  }
  if (node.type === 'messageCatch' && (node.timeout || node.timeoutEdge) && (!node.timeoutEdge || leaves(node.timeoutEdge))) {
    return { hostId: node.id, kind: 'timeout', interrupting: true, duration: node.timeout, edgeId: node.timeoutEdge };
  }
  return undefined;
}

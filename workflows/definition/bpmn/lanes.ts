/**
 * Lanes are roles.
 *
 * Decision: a BPMN lane says who performs the work in it, which is what a user task's `role`
 * says, and it is what people draw in Camunda Modeler; the importer maps lanes to roles, so the
 * exporter does the same and one mapping serves both directions. Stages are orthogonal to
 * performers (one stage spans several roles), so they travel as the `orderpath:stage` attribute
 * on each flow node, with the stage list (names, SLAs) in `orderpath:stages` on the process.
 *
 * Only user tasks carry a role; every other node is drawn in the lane of the nearest user task
 * upstream (else downstream), which is where a reader expects a gateway that follows a task.
 */
import type { Definition } from '../schema';
import { enclose, type Bounds } from './layout';

export interface LanePlan {
  roles: string[];
  laneOf: (nodeId: string) => number;
}

export function planLanes(def: Definition): LanePlan | undefined {
  const roles: string[] = [];
  const lane = new Map<string, number>();
  for (const node of def.nodes) {
    if (node.type !== 'userTask') continue;
    if (!roles.includes(node.role)) roles.push(node.role);
    lane.set(node.id, roles.indexOf(node.role));
  }
  if (roles.length === 0) return undefined;
  spread(lane, def.edges.map((edge) => [edge.source, edge.target] as const));
  spread(lane, def.edges.map((edge) => [edge.target, edge.source] as const));
  return { roles, laneOf: (nodeId) => lane.get(nodeId) ?? 0 };
}

/** Breadth-first from every node that has a lane, giving unassigned neighbours the same lane. */
function spread(lane: Map<string, number>, links: readonly (readonly [string, string])[]): void {
  const next = new Map<string, string[]>();
  for (const [from, to] of links) next.set(from, [...(next.get(from) ?? []), to]);
  const queue = [...lane.keys()];
  for (let i = 0; i < queue.length; i++) {
    for (const to of next.get(queue[i]) ?? []) {
      if (lane.has(to)) continue;
      lane.set(to, lane.get(queue[i]) ?? 0);
      queue.push(to);
    }
  }
}

const LANE_PAD = 30;
const HEADER = 30;

/**
 * Pool and lane bounds around the shapes: each lane spans the pool's width and its members'
 * height plus padding; gaps between consecutive lanes are closed. Lanes of freely placed nodes
 * may overlap — BPMN renders that, and moving nodes would break the layout round-trip.
 */
export function laneBounds(plan: LanePlan, shapes: ReadonlyMap<string, Bounds>): { pool: Bounds; lanes: Bounds[] } {
  const content = enclose([...shapes.values()], LANE_PAD);
  const x = content.x - 2 * HEADER;
  const width = content.x + content.width - x;
  const lanes = plan.roles.map((_, index) => {
    const members = [...shapes].filter(([id]) => plan.laneOf(id) === index).map(([, bounds]) => bounds);
    const around = enclose(members, LANE_PAD);
    return { x: x + HEADER, y: around.y, width: width - HEADER, height: around.height };
  });
  const byTop = [...lanes].sort((a, b) => a.y - b.y);
  for (let i = 1; i < byTop.length; i++) {
    const above = byTop[i - 1];
    if (byTop[i].y > above.y + above.height) above.height = byTop[i].y - above.y;
  }
  const top = byTop[0].y;
  const bottom = Math.max(...lanes.map((lane) => lane.y + lane.height));
  return { pool: { x, y: top, width, height: bottom - top }, lanes };
}

import type { Edge, Node } from '../schema';
import { planLanes } from './lanes';
import { autoPositions, layers, TASK_SIZE, waypoints } from './layout';

const node = (id: string, type: Node['type'] = 'exclusiveGateway', extra: Record<string, unknown> = {}) => ({ id, type, ...extra }) as Node;
const edge = (source: string, target: string): Edge => ({ id: `${source}-${target}`, source, target });

describe('layers', () => {
  it('given a diamond start→{a,b}→join→end when layered then the join sits one layer after the longer branch', () => {
    const nodes = ['start', 'a', 'b', 'b2', 'join', 'end'].map((id) => node(id, id === 'start' ? 'start' : 'exclusiveGateway'));
    const edges = [edge('start', 'a'), edge('start', 'b'), edge('b', 'b2'), edge('a', 'join'), edge('b2', 'join'), edge('join', 'end')];
    expect(Object.fromEntries(layers(nodes, edges))).toEqual({ start: 0, a: 1, b: 1, b2: 2, join: 3, end: 4 });
  });

  it('given a loop back to an earlier node when layered then the back edge is ignored and layering terminates', () => {
    const nodes = [node('start', 'start'), node('work'), node('check'), node('end', 'end')];
    const edges = [edge('start', 'work'), edge('work', 'check'), edge('check', 'work'), edge('check', 'end')];
    expect(Object.fromEntries(layers(nodes, edges))).toEqual({ start: 0, work: 1, check: 2, end: 3 });
  });
});

describe('autoPositions', () => {
  it('given nodes of two lanes without positions when laid out then lanes get separate bands and explicit positions are kept', () => {
    const nodes = [node('start', 'start'), node('a', 'userTask'), node('b', 'userTask', { position: { x: 7, y: 9 } }), node('end', 'end')];
    const edges = [edge('start', 'a'), edge('a', 'b'), edge('b', 'end')];
    const lane = new Map([['start', 0], ['a', 0], ['b', 1], ['end', 1]]);
    const positions = autoPositions(nodes, edges, () => TASK_SIZE, (id) => lane.get(id) ?? 0);
    expect(positions.get('b')).toEqual({ x: 7, y: 9 });
    expect(positions.get('end')?.y).toBeGreaterThan((positions.get('a')?.y ?? 0) + TASK_SIZE.height);
    expect(positions.get('a')?.x).toBeGreaterThan(positions.get('start')?.x ?? Infinity);
  });
});

describe('waypoints', () => {
  const box = (x: number, y: number) => ({ x, y, width: 100, height: 80 });

  it('given a target to the right on the same row when routed then the edge is one straight segment', () => {
    expect(waypoints(box(0, 0), box(200, 0))).toEqual([{ x: 100, y: 40 }, { x: 200, y: 40 }]);
  });

  it('given a target to the right on another row when routed then the edge bends twice at mid-distance', () => {
    expect(waypoints(box(0, 0), box(200, 100))).toEqual([{ x: 100, y: 40 }, { x: 150, y: 40 }, { x: 150, y: 140 }, { x: 200, y: 140 }]);
  });

  it('given a loop back to the left when routed then the edge runs under both shapes', () => {
    expect(waypoints(box(200, 0), box(0, 0))).toEqual([{ x: 250, y: 80 }, { x: 250, y: 120 }, { x: 50, y: 120 }, { x: 50, y: 80 }]);
  });
});

describe('planLanes', () => {
  it('given user tasks of two roles when planned then each other node joins the lane of the nearest user task upstream', () => {
    const def = {
      key: 'k', name: 'k', stages: [],
      nodes: [node('start', 'start'), node('a', 'userTask', { role: 'rep' }), node('gw'), node('b', 'userTask', { role: 'supervisor' }), node('end', 'end')],
      edges: [edge('start', 'a'), edge('a', 'gw'), edge('gw', 'b'), edge('b', 'end')],
    };
    const plan = planLanes(def);
    expect(plan?.roles).toEqual(['rep', 'supervisor']);
    expect(['start', 'a', 'gw', 'b', 'end'].map((id) => plan?.laneOf(id))).toEqual([0, 0, 0, 1, 1]);
  });

  it('given no user task when planned then there are no lanes', () => {
    expect(planLanes({ key: 'k', name: 'k', stages: [], nodes: [node('start', 'start')], edges: [] })).toBeUndefined();
  });
});

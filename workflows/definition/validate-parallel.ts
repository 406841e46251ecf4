/**
 * parallel_mismatch: parallel forks and joins must pair up, or a join waits forever.
 *
 * Decision note — the rule is block-structured, sound and simple rather than complete: a fork is
 * a parallel gateway with several outgoing edges, a join one with several incoming edges. From
 * each branch of a fork we follow every path (exclusive choices included, nested forks skipped
 * to their own join) up to the first join. Then all branches must stop at the same join, each
 * through exactly one edge of its own, and that join must wait for exactly those edges. A path
 * that reaches an end first, or a join that no fork feeds, is a mismatch. This refuses some
 * graphs a token engine could run (e.g. two forks sharing one join) — draw those with one join per
 * fork.
 */
import { type DefinitionGraph, nodePath } from './definition-graph';
import type { Edge } from './schema';
import { type ValidationIssue, error, quoteList } from './validation-issue';

interface Branch {
  edge: Edge;
  /** Join gateway id → its incoming edges this branch can arrive through. */
  joins: Map<string, Set<string>>;
  /** End nodes a path of this branch reaches before any join. */
  ends: Set<string>;
  /** A nested fork on the way is itself broken (already reported). */
  broken: boolean;
}

class ParallelCheck {
  readonly issues: ValidationIssue[] = [];
  private readonly matched = new Map<string, string | null>();
  private readonly inProgress = new Set<string>();
  /** Joins some fork's branch reaches: they are matched, or the fork's issue covers them. */
  readonly joinsSeen = new Set<string>();

  constructor(private readonly graph: DefinitionGraph) {}

  private isParallel(id: string): boolean {
    return this.graph.nodes.get(id)?.type === 'parallelGateway';
  }

  isFork(id: string): boolean {
    return this.isParallel(id) && this.graph.outgoing(id).length > 1;
  }

  isJoin(id: string): boolean {
    return this.isParallel(id) && this.graph.incoming(id).length > 1;
  }

  /** The join of fork `forkId`, or null when it has none (reported) or is part of a cycle. */
  matchFork(forkId: string): string | null {
    const known = this.matched.get(forkId);
    if (known !== undefined) return known;
    if (this.inProgress.has(forkId)) return null;
    this.inProgress.add(forkId);
    const branches = this.graph.outgoing(forkId).map((edge) => this.walk(edge));
    for (const b of branches) for (const join of b.joins.keys()) this.joinsSeen.add(join);
    const join = this.judge(forkId, branches);
    this.inProgress.delete(forkId);
    this.matched.set(forkId, join);
    return join;
  }

  /** Follows every path of one branch up to the first join, an end, or a dead end. */
  private walk(first: Edge): Branch {
    const branch: Branch = { edge: first, joins: new Map(), ends: new Set(), broken: false };
    const visited = new Set<string>();
    const stack: Edge[] = [first];
    while (stack.length > 0) {
      const edge = stack.pop() as Edge;
      const target = edge.target;
      if (this.isJoin(target)) {
        const via = branch.joins.get(target) ?? new Set<string>();
        branch.joins.set(target, via.add(edge.id));
        continue;
      }
      const next = this.skipNestedForks(target, visited);
      if (next === undefined) continue;
      if (next === null) branch.broken = true;
      else if (this.graph.nodes.get(next)?.type === 'end') branch.ends.add(next);
      else stack.push(...this.graph.outgoing(next));
    }
    return branch;
  }

  /**
   * From `id`, jumps over nested fork/join blocks. Returns the node whose outgoing edges the walk
   * continues with, undefined when already visited, or null when a nested fork is broken.
   */
  private skipNestedForks(id: string, visited: Set<string>): string | null | undefined {
    let current = id;
    while (!visited.has(current)) {
      visited.add(current);
      if (!this.isFork(current)) return current;
      const join = this.matchFork(current);
      if (join === null) return null;
      current = join;
    }
    return undefined;
  }

  private judge(forkId: string, branches: Branch[]): string | null {
    const report = (message: string): null => {
      this.issues.push(error('parallel_mismatch', message, { nodeId: forkId, path: nodePath(this.graph, forkId) }));
      return null;
    };
    if (branches.some((b) => b.broken)) return null;
    for (const b of branches) {
      if (b.ends.size > 0) {
        return report(`A path of the branch of parallel fork '${forkId}' via edge '${b.edge.id}' reaches end ${quoteList([...b.ends])} without passing a parallel join; lead every branch into the same parallel join.`);
      }
    }
    const joins = new Set(branches.flatMap((b) => [...b.joins.keys()]));
    if (joins.size === 0) return null; // only dead ends: missing_outgoing reports them
    if (joins.size > 1) {
      return report(`The branches of parallel fork '${forkId}' join at different gateways (${quoteList([...joins])}); lead all branches into one parallel join.`);
    }
    const [join] = joins;
    return this.judgeArrivals(forkId, join, branches, report);
  }

  private judgeArrivals(forkId: string, join: string, branches: Branch[], report: (m: string) => null): string | null {
    const arrivals = new Map<string, string>();
    for (const b of branches) {
      const via = [...(b.joins.get(join) ?? [])];
      if (via.length === 0) return report(`The branch of parallel fork '${forkId}' via edge '${b.edge.id}' never reaches its join '${join}'; lead it into that join.`);
      if (via.length > 1) return report(`The branch of parallel fork '${forkId}' via edge '${b.edge.id}' can reach join '${join}' through several edges (${quoteList(via)}); the join waits for all of them and would wait forever — merge them with an exclusive gateway first.`);
      const other = arrivals.get(via[0]);
      if (other) return report(`The branches of parallel fork '${forkId}' via edges '${other}' and '${b.edge.id}' both arrive at join '${join}' through edge '${via[0]}'; give each branch its own edge into the join.`);
      arrivals.set(via[0], b.edge.id);
    }
    const foreign = this.graph.incoming(join).map((e) => e.id).filter((id) => !arrivals.has(id));
    if (foreign.length > 0) {
      return report(`Parallel join '${join}' of fork '${forkId}' also waits for ${quoteList(foreign)}, which do not come from that fork's branches; give the fork its own join.`);
    }
    return join;
  }
}

/** parallel_mismatch, for every parallel fork and every parallel join. */
export function checkParallel(graph: DefinitionGraph): ValidationIssue[] {
  const check = new ParallelCheck(graph);
  for (const id of graph.nodes.keys()) {
    if (check.isFork(id)) check.matchFork(id);
  }
  const orphans = [...graph.nodes.keys()].filter((id) => check.isJoin(id) && !check.joinsSeen.has(id));
  return [
    ...check.issues,
    ...orphans.map((id) => error('parallel_mismatch', `Parallel join '${id}' waits for all its ${graph.incoming(id).length} incoming edges, but no parallel fork splits into them, so it would wait forever; merge alternative paths with an exclusive gateway instead.`, { nodeId: id, path: nodePath(graph, id) })),
  ];
}

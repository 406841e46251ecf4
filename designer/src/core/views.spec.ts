/** The pure helpers behind the pages: issue placement, version diff, run overlay, heatmap, time allocation. */
import { definitionSchema } from '@orderpath/workflows/definition/schema';
import { kaEntryDefinition } from '@orderpath/workflows/definition/test-builders';
import { validateDefinition } from '@orderpath/workflows/definition/validate';
import { heatmap, normaliseDurations } from './heatmap';
import { indexIssues, locate, worst } from './issue-index';
import { runOverlay } from './run-overlay';
import { allocationRows, baselineShare } from './time-allocation';
import { countChanges, diffDefinitions } from './version-diff';

const ka = () => definitionSchema.parse(kaEntryDefinition());

describe('issue index', () => {
  it('puts a gateway without a default on the gateway node, as an error', () => {
    const def = ka();
    const broken = { ...def, edges: def.edges.map((e) => (e.id === 'e4' ? { ...e, default: undefined } : e)) };
    const index = indexIssues(broken, validateDefinition(broken));
    expect(worst(index.byNode.get('big-fee'))).toBe('error');
    expect(index.errors).toBeGreaterThan(0);
  });

  it('locates schema issues by the index in their path', () => {
    expect(locate(ka(), { code: 'schema', severity: 'error', message: 'x', path: 'nodes[3].role' })).toEqual({ nodeId: 'approve' });
    expect(locate(ka(), { code: 'schema', severity: 'error', message: 'x', path: 'edges[1].condition' })).toEqual({ edgeId: 'e2' });
  });
});

describe('version diff', () => {
  it('reports added, removed and changed nodes and ignores moves', () => {
    const from = ka();
    const to = {
      ...from,
      nodes: [...from.nodes.filter((n) => n.id !== 'approve').map((n) => (n.id === 'negotiate' ? { ...n, dueIn: 'P7D', position: { x: 5, y: 5 } } : n.id === 'end' ? { ...n, position: { x: 9, y: 9 } } : n)),
        { id: 'record', type: 'userTask' as const, role: 'rep' }],
      edges: from.edges.filter((e) => e.target !== 'approve' && e.source !== 'approve'),
    };
    const diff = diffDefinitions(from, to);
    expect(diff.nodes.get('record')).toBe('added');
    expect(diff.nodes.get('approve')).toBe('removed');
    expect(diff.nodes.get('negotiate')).toBe('changed');
    expect(diff.fields.get('negotiate')).toEqual(['dueIn']);
    expect(diff.nodes.get('end')).toBe('same');
    expect(countChanges(diff)).toEqual({ added: 1, removed: 3, changed: 1 });
    expect(diff.merged.nodes.map((n) => n.id)).toContain('approve');
  });
});

describe('run overlay', () => {
  it('marks entered nodes visited, completed edges taken and loops counted', () => {
    const events = [
      { seq: 1, type: 'node_entered', at: '', nodeId: 'start' },
      { seq: 2, type: 'node_completed', at: '', nodeId: 'start', data: { edges: ['e1'] } },
      { seq: 3, type: 'node_entered', at: '', nodeId: 'negotiate' },
      { seq: 4, type: 'node_entered', at: '', nodeId: 'negotiate' },
    ];
    const o = runOverlay(events, ['negotiate']);
    expect([...o.visited]).toEqual(['start', 'negotiate']);
    expect([...o.takenEdges]).toEqual(['e1']);
    expect(o.visits.get('negotiate')).toBe(2);
    expect(o.active.has('negotiate')).toBe(true);
  });
});

describe('heatmap', () => {
  it('colours the slowest node hottest', () => {
    const rows = normaliseDurations([{ nodeId: 'a', p50Ms: 10, p90Ms: 100, samples: 3 }, { nodeId: 'b', p50Ms: 1, p90Ms: 10 }, { nodeId: 'c', p50Ms: null, p90Ms: null }]);
    const heat = heatmap(rows);
    expect(heat.get('a')!.level).toBe(1);
    expect(heat.get('b')!.level).toBeCloseTo(0.1);
    expect(heat.has('c')).toBe(false);
  });
});

describe('time allocation', () => {
  it('falls back to the brief baseline when the API has no answer', () => {
    const rows = allocationRows(null, 'rep', 'peak');
    expect(rows.find((r) => r.category === 'travelling')).toEqual({ category: 'travelling', actual: null, baseline: 19 });
    expect(baselineShare('retailer_talks', 'manager', 'peak')).toBe(16);
  });

  it('reads the share of one column from the API rows', () => {
    const body = { rows: [{ category: 'display', share: { rep_off: 12.5, rep_peak: null }, baseline: { rep_off: 4, rep_peak: 6 } }] };
    expect(allocationRows(body, 'rep', 'off').find((r) => r.category === 'display')).toEqual({ category: 'display', actual: 12.5, baseline: 4 });
    expect(allocationRows(body, 'rep', 'peak').find((r) => r.category === 'display')!.actual).toBeNull();
  });
});

import type { DefinitionInput } from './schema';
import { chain, def, edge, everyKindDefinition, kaEntryDefinition, linearDefinition, node } from './test-builders';
import { type ValidationContext, hasErrors, validateDefinition } from './validate';

const ctx: ValidationContext = { activities: ['forecastDemand', 'noop'], roles: ['rep', 'supervisor'], templates: ['shipping', 'child'] };

const codes = (input: unknown, context: ValidationContext = ctx): string[] => validateDefinition(input, context).map((i) => i.code);
const issuesOf = (input: unknown, code: string, context: ValidationContext = ctx) => validateDefinition(input, context).filter((i) => i.code === code);

/** A valid definition with `mutate` applied to a copy. */
function rich(mutate: (d: DefinitionInput) => void): DefinitionInput {
  const d = everyKindDefinition();
  mutate(d);
  return d;
}

const nodeById = (d: DefinitionInput, id: string) => d.nodes.find((n) => n.id === id) as Record<string, unknown>;

describe('validateDefinition on valid templates', () => {
  it('given the KA entry example of the design when validated then there are no issues', () => {
    expect(validateDefinition(kaEntryDefinition(), ctx)).toEqual([]);
  });

  it('given a template using every node kind, loops with wait states and a parallel block when validated then there are no issues', () => {
    expect(validateDefinition(everyKindDefinition(), ctx)).toEqual([]);
  });

  it('given no context when validated then the unknown_* checks are skipped', () => {
    expect(validateDefinition(rich((d) => { nodeById(d, 'forecast').activity = 'whatever'; }))).toEqual([]);
  });

  it('given a 2,000-node valid chain when validated then it has no issues and takes well under a second', () => {
    const big = linearDefinition(2000);
    const t0 = performance.now();
    const issues = validateDefinition(big, ctx);
    const ms = performance.now() - t0;
    expect(issues).toEqual([]);
    expect(ms).toBeLessThan(1000);
  });
});

describe('validateDefinition never throws', () => {
  it.each([[null], [42], ['text'], [[]], [{}], [{ nodes: 'x', edges: 7 }]])('given %j when validated then it returns schema issues', (input) => {
    const issues = validateDefinition(input);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0].code).toBe('schema');
  });

  it('given input whose properties throw when read when validated then it reports internal_error', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('boom'); }, ownKeys: () => { throw new Error('boom'); } });
    expect(codes(hostile)).toContain('internal_error');
  });
});

describe('schema issues', () => {
  it('given a user task without a role when validated then a schema issue points into the node and graph rules still run', () => {
    const d = rich((x) => { delete nodeById(x, 'remind').role; x.nodes.push(node('orphan')); });
    const [schema] = issuesOf(d, 'schema');
    expect(schema).toMatchObject({ severity: 'error', nodeId: 'remind', path: 'nodes[2].role' });
    expect(schema.message).toContain("Node 'remind'");
    expect(codes(d)).toContain('unreachable_node');
  });

  it('given a timer whose duration is a number when validated then only the schema issue is reported, not timer rules', () => {
    const d = rich((x) => { nodeById(x, 'audit').duration = 7; });
    expect(codes(d)).toEqual(['schema']);
  });

  it('given an edge without a target when validated then the schema issue carries the edge id', () => {
    const d = def([node('start', 'start'), node('end', 'end')], [{ id: 'e1', source: 'start' } as never]);
    expect(issuesOf(d, 'schema')[0]).toMatchObject({ edgeId: 'e1', path: 'edges[0].target' });
  });
});

describe('structure rules', () => {
  it.each<[string, () => unknown]>([
    ['duplicate_id', () => rich((d) => d.nodes.push(node('remind', 'userTask')))],
    ['duplicate_id', () => rich((d) => d.edges.push(edge('survey', 'forecast')))],
    ['duplicate_id', () => rich((d) => { d.edges[0].id = 'survey'; })],
    ['dangling_edge', () => rich((d) => d.edges.push(edge('join', 'nowhere')))],
    ['no_start', () => def([node('a'), node('end', 'end')], chain('a', 'end'))],
    ['multiple_starts', () => rich((d) => { d.nodes.push(node('start2', 'start')); d.edges.push(edge('start2', 'survey')); })],
    ['no_end', () => def([node('start', 'start'), node('a')], chain('start', 'a'))],
    ['start_has_incoming', () => rich((d) => d.edges.push(edge('remind', 'start')))],
    ['end_has_outgoing', () => rich((d) => d.edges.push(edge('end', 'survey')))],
    ['missing_outgoing', () => def([node('start', 'start'), node('a'), node('b'), node('end', 'end')], [...chain('start', 'a', 'end'), edge('start', 'b')])],
    ['too_many_outgoing', () => rich((d) => d.edges.push(edge('remind', 'end')))],
    ['too_many_nodes', () => linearDefinition(2001)],
    ['unreachable_node', () => rich((d) => { d.nodes.push(node('island')); d.edges.push(edge('island', 'end')); })],
    ['cannot_reach_end', () => def([node('start', 'start'), node('a'), node('b'), node('end', 'end')], [...chain('start', 'a', 'b', 'a')])],
  ])('given a template breaking %s when validated then it reports that code', (code, build) => {
    expect(codes(build())).toContain(code);
  });

  it('given a dangling edge when validated then the issue names the edge and the missing node', () => {
    const [issue] = issuesOf(rich((d) => d.edges.push(edge('join', 'nowhere', { id: 'bad' }))), 'dangling_edge');
    expect(issue).toMatchObject({ edgeId: 'bad', path: 'edges[17].target' });
    expect(issue.message).toContain("'nowhere'");
  });

  it('given a node that no edge leads to when validated then unreachable_node names it', () => {
    const issues = issuesOf(rich((d) => { d.nodes.push(node('island')); d.edges.push(edge('island', 'end')); }), 'unreachable_node');
    expect(issues.map((i) => i.nodeId)).toEqual(['island']);
  });

  it('given 2,001 nodes when validated then too_many_nodes is an error', () => {
    expect(issuesOf(linearDefinition(2001), 'too_many_nodes')[0].severity).toBe('error');
  });

  it('given a user task with a second edge named by onOverdue when validated then it is not too_many_outgoing', () => {
    expect(codes(everyKindDefinition())).not.toContain('too_many_outgoing');
  });
});

describe('exclusive gateways and conditions', () => {
  const gateway = (...edges: ReturnType<typeof edge>[]) => def(
    [node('start', 'start'), node('g', 'exclusiveGateway'), node('a'), node('b'), node('end', 'end')],
    [edge('start', 'g'), ...edges, ...chain('a', 'end'), ...chain('b', 'end')],
  );

  it.each<[string, () => unknown]>([
    ['gateway_no_default', () => gateway(edge('g', 'a', { condition: 'vars.x' }), edge('g', 'b', { condition: '!vars.x' }))],
    ['gateway_multiple_defaults', () => gateway(edge('g', 'a', { default: true }), edge('g', 'b', { default: true }))],
    ['missing_condition', () => gateway(edge('g', 'a'), edge('g', 'b', { default: true }))],
    ['bad_condition', () => gateway(edge('g', 'a', { condition: 'vars.x >' }), edge('g', 'b', { default: true }))],
    ['bad_condition', () => gateway(edge('g', 'a', { condition: 'vars.x.constructor' }), edge('g', 'b', { default: true }))],
    ['condition_on_non_gateway', () => rich((d) => { d.edges[0].condition = 'vars.x'; })],
  ])('given a gateway breaking %s when validated then it reports that code', (code, build) => {
    expect(codes(build())).toContain(code);
  });

  it('given a condition on an edge out of a task when validated then it is only a warning', () => {
    const issues = validateDefinition(rich((d) => { d.edges[0].condition = 'vars.x'; }), ctx);
    expect(issues).toEqual([expect.objectContaining({ code: 'condition_on_non_gateway', severity: 'warning', edgeId: 'start:survey' })]);
    expect(hasErrors(issues)).toBe(false);
  });

  it('given an exclusive gateway with one outgoing edge (a merge) when validated then it needs no condition or default', () => {
    const merge = def([node('start', 'start'), node('g', 'exclusiveGateway'), node('end', 'end')], chain('start', 'g', 'end'));
    expect(validateDefinition(merge, ctx)).toEqual([]);
  });

  it('given an uncompilable condition when validated then the message carries the reason and the edge', () => {
    const [issue] = issuesOf(gateway(edge('g', 'a', { condition: 'process.env.SECRET' }), edge('g', 'b', { default: true })), 'bad_condition');
    expect(issue).toMatchObject({ edgeId: 'g:a', nodeId: 'g', path: 'edges[1].condition' });
    expect(issue.message).toMatch(/Unknown identifier 'process'/);
  });
});
describe('node rules', () => {
  it.each<[string, (d: DefinitionInput) => void]>([
    ['unknown_activity', (d) => { nodeById(d, 'forecast').activity = 'launchRockets'; }],
    ['unknown_role', (d) => { nodeById(d, 'remind').role = 'ceo'; }],
    ['unknown_template', (d) => { nodeById(d, 'ship').templateKey = 'missing'; }],
    ['unknown_stage', (d) => { nodeById(d, 'remind').stage = 'track'; }],
    ['bad_duration', (d) => { nodeById(d, 'survey').dueIn = '14 days'; }],
    ['bad_duration', (d) => { nodeById(d, 'audit').duration = 'P7'; }],
    ['bad_duration', (d) => { nodeById(d, 'pay').expectedWithin = 'PT'; }],
    ['bad_duration', (d) => { nodeById(d, 'pay').timeout = 'P1X'; }],
    ['bad_duration', (d) => { nodeById(d, 'forecast').timeout = 'soon'; }],
    ['bad_duration', (d) => { nodeById(d, 'forecast').retry = { maxAttempts: 3, initialInterval: '10s' }; }],
    ['bad_duration', (d) => { nodeById(d, 'forecast').retry = { maxAttempts: 3, maxInterval: 'P1Q' }; }],
    ['bad_duration', (d) => { d.stages = [{ id: 'develop', name: 'Develop', sla: 'a month' }, { id: 'place', name: 'Place' }]; }],
    ['timer_needs_duration_or_until', (d) => { delete nodeById(d, 'audit').duration; }],
    ['timer_needs_duration_or_until', (d) => { nodeById(d, 'audit').until = 'vars.at'; }],
    ['bad_on_overdue', (d) => { nodeById(d, 'survey').onOverdue = 'no-such-edge'; }],
    ['bad_on_overdue', (d) => { nodeById(d, 'remind').onOverdue = 'remind:survey'; nodeById(d, 'remind').dueIn = 'P1D'; }],
    ['bad_timeout_edge', (d) => { nodeById(d, 'pay').timeoutEdge = 'start:survey'; }],
    ['bad_timeout_edge', (d) => { delete nodeById(d, 'pay').timeout; }],
    ['bad_timeout_edge', (d) => { delete nodeById(d, 'pay').timeoutEdge; }],
    ['bad_expression', (d) => { nodeById(d, 'survey').assignee = 'globalThis'; }],
    ['bad_expression', (d) => { nodeById(d, 'forecast').input = { sku: 'vars.sku +' }; }],
    ['bad_expression', (d) => { nodeById(d, 'forecast').output = { qty: 'vars.__proto__' }; }],
    ['bad_expression', (d) => { nodeById(d, 'ship').output = { x: 'now()' }; }],
    ['bad_expression', (d) => { nodeById(d, 'wait-until').until = 'Date.now'; }],
    ['bad_expression', (d) => { nodeById(d, 'pay').correlation = 'order.id |'; }],
  ])('given a node breaking %s when validated then it reports that code', (code, mutate) => {
    expect(codes(rich(mutate))).toContain(code);
  });

  it('given a bad dueIn when validated then the issue points at the field and shows an example', () => {
    const [issue] = issuesOf(rich((d) => { nodeById(d, 'survey').dueIn = '14 days'; }), 'bad_duration');
    expect(issue).toMatchObject({ nodeId: 'survey', path: 'nodes[1].dueIn' });
    expect(issue.message).toMatch(/P14D/);
  });

  it('given a bad input mapping when validated then the path names the mapping key', () => {
    expect(issuesOf(rich((d) => { nodeById(d, 'forecast').input = { sku: 'vars.sku +' }; }), 'bad_expression')[0].path).toBe('nodes[3].input.sku');
  });

  it('given result in an input mapping when validated then it is refused (only outputs see result)', () => {
    expect(codes(rich((d) => { nodeById(d, 'forecast').input = { q: 'result.qty' }; }))).toContain('bad_expression');
  });

  it('given onOverdue without dueIn when validated then it is a warning only', () => {
    const issues = issuesOf(rich((d) => { delete nodeById(d, 'survey').dueIn; }), 'bad_on_overdue');
    expect(issues).toEqual([expect.objectContaining({ severity: 'warning', nodeId: 'survey' })]);
  });

  it('given an unknown role when validated then the message lists the known roles', () => {
    expect(issuesOf(rich((d) => { nodeById(d, 'remind').role = 'ceo'; }), 'unknown_role')[0].message).toMatch(/'rep', 'supervisor'/);
  });
});

describe('form rules', () => {
  type Field = Record<string, unknown>;
  const withFields = (...fields: Field[]) => rich((d) => { nodeById(d, 'remind').form = { fields }; });
  const text = (key: string, extra: Field = {}): Field => ({ key, type: 'text', label: key, ...extra });

  it.each<[string, () => DefinitionInput]>([
    ['form_duplicate_key', () => withFields(text('a'), text('a'))],
    ['form_duplicate_key', () => withFields({ key: 't', type: 'table', label: 'T', columns: [text('c'), text('c')] })],
    ['form_bad_options', () => withFields({ key: 's', type: 'select', label: 'S' })],
    ['form_bad_options', () => withFields({ key: 's', type: 'multiselect', label: 'S', options: [] })],
    ['form_bad_options', () => withFields({ key: 's', type: 'select', label: 'S', options: [{ value: 'a', label: 'A' }, { value: 'a', label: 'B' }] })],
    ['form_bad_key', () => withFields(text('__proto__'))],
    ['form_bad_key', () => withFields(text('constructor'))],
    ['form_bad_range', () => withFields({ key: 'n', type: 'number', label: 'N', min: 10, max: 1 })],
    ['form_bad_columns', () => withFields({ key: 't', type: 'table', label: 'T' })],
    ['form_bad_columns', () => withFields(text('x', { columns: [text('c')] }))],
    ['bad_expression', () => withFields(text('x', { default: 'this' }))],
    ['bad_expression', () => withFields({ key: 't', type: 'table', label: 'T', columns: [text('c', { default: 'eval("1")' })] })],
  ])('given a form breaking %s when validated then it reports that code', (code, build) => {
    expect(codes(build())).toContain(code);
  });

  it('given a duplicate column key when validated then the path points into the columns', () => {
    const [issue] = issuesOf(withFields({ key: 't', type: 'table', label: 'T', columns: [text('c'), text('c')] }), 'form_duplicate_key');
    expect(issue).toMatchObject({ nodeId: 'remind', path: 'nodes[2].form.fields[0].columns[1].key' });
  });
});

describe('hasErrors', () => {
  it('given only warnings when checked then it is false; given an error then true', () => {
    expect(hasErrors([{ code: 'x', severity: 'warning', message: 'm' }])).toBe(false);
    expect(hasErrors([{ code: 'x', severity: 'warning', message: 'm' }, { code: 'y', severity: 'error', message: 'm' }])).toBe(true);
  });
});

/**
 * The catalogue: one failing fixture per validation code. Typed as a Record over
 * ValidationCode, so adding a code without a fixture does not compile. The rule specs beside
 * each rule file hold the finer cases.
 */
import type { DefinitionInput } from './schema';
import { chain, def, edge, everyKindDefinition, linearDefinition, node } from './test-builders';
import { type ValidationCode, type ValidationContext, VALIDATION_CODES, validateDefinition } from './validate';

const ctx: ValidationContext = { activities: ['forecastDemand', 'noop'], roles: ['rep', 'supervisor'], templates: ['shipping', 'child'] };

function changed(mutate: (nodes: Record<string, Record<string, unknown>>, d: DefinitionInput) => void): DefinitionInput {
  const d = everyKindDefinition();
  mutate(Object.fromEntries(d.nodes.map((n) => [n.id, n as Record<string, unknown>])), d);
  return d;
}

const fields = (...list: Record<string, unknown>[]) => changed((n) => { n.remind.form = { fields: list }; });

const FIXTURES: Record<ValidationCode, () => unknown> = {
  schema: () => ({ key: 'Not Kebab', name: 'x', nodes: [], edges: [] }),
  duplicate_id: () => changed((_, d) => d.nodes.push(node('remind'))),
  dangling_edge: () => changed((_, d) => d.edges.push(edge('join', 'nowhere'))),
  no_start: () => def([node('a'), node('end', 'end')], chain('a', 'end')),
  multiple_starts: () => changed((_, d) => { d.nodes.push(node('s2', 'start')); d.edges.push(edge('s2', 'survey')); }),
  no_end: () => def([node('start', 'start'), node('a')], chain('start', 'a')),
  start_has_incoming: () => changed((_, d) => d.edges.push(edge('remind', 'start'))),
  end_has_outgoing: () => changed((_, d) => d.edges.push(edge('end', 'survey'))),
  missing_outgoing: () => def([node('start', 'start'), node('a'), node('end', 'end')], chain('start', 'a')),
  too_many_outgoing: () => changed((_, d) => d.edges.push(edge('remind', 'end'))),
  too_many_nodes: () => linearDefinition(2001),
  unreachable_node: () => changed((_, d) => { d.nodes.push(node('island')); d.edges.push(edge('island', 'end')); }),
  cannot_reach_end: () => def([node('start', 'start'), node('a'), node('b'), node('end', 'end')], chain('start', 'a', 'b', 'a')),
  gateway_no_default: () => changed((_, d) => { d.edges.find((e) => e.default)!.default = undefined; }),
  gateway_multiple_defaults: () => changed((_, d) => { d.edges.find((e) => e.id === 'next:wait-until')!.default = true; }),
  missing_condition: () => changed((_, d) => { d.edges.find((e) => e.id === 'next:wait-until')!.condition = undefined; }),
  condition_on_non_gateway: () => changed((_, d) => { d.edges[0].condition = 'vars.x'; }),
  bad_condition: () => changed((_, d) => { d.edges.find((e) => e.id === 'next:wait-until')!.condition = 'vars.x >'; }),
  parallel_mismatch: () => changed((_, d) => { d.edges = d.edges.filter((e) => e.id !== 'audit:join'); d.edges.push(edge('audit', 'end')); }),
  loop_without_wait: () => def([node('start', 'start'), node('s', 'serviceTask'), node('g', 'exclusiveGateway'), node('end', 'end')],
    [...chain('start', 's', 'g'), edge('g', 's', { condition: 'vars.again' }), edge('g', 'end', { default: true })]),
  unknown_stage: () => changed((n) => { n.remind.stage = 'track'; }),
  unknown_role: () => changed((n) => { n.remind.role = 'ceo'; }),
  unknown_activity: () => changed((n) => { n.forecast.activity = 'launchRockets'; }),
  unknown_template: () => changed((n) => { n.ship.templateKey = 'missing'; }),
  bad_duration: () => changed((n) => { n.survey.dueIn = '14 days'; }),
  timer_needs_duration_or_until: () => changed((n) => { delete n.audit.duration; }),
  bad_on_overdue: () => changed((n) => { n.survey.onOverdue = 'no-such-edge'; }),
  bad_timeout_edge: () => changed((n) => { n.pay.timeoutEdge = 'start:survey'; }),
  bad_expression: () => changed((n) => { n.survey.assignee = 'globalThis.process'; }),
  form_duplicate_key: () => fields({ key: 'a', type: 'text', label: 'A' }, { key: 'a', type: 'text', label: 'A' }),
  form_bad_key: () => fields({ key: 'constructor', type: 'text', label: 'C' }),
  form_bad_options: () => fields({ key: 's', type: 'select', label: 'S' }),
  form_bad_range: () => fields({ key: 'n', type: 'number', label: 'N', min: 5, max: 1 }),
  form_bad_columns: () => fields({ key: 't', type: 'table', label: 'T' }),
  internal_error: () => new Proxy({}, { get: () => { throw new Error('boom'); } }),
};

describe('validation codes', () => {
  it('given the valid base fixture when validated then it has no issues (so each fixture below breaks one thing)', () => {
    expect(validateDefinition(everyKindDefinition(), ctx)).toEqual([]);
  });

  it.each(VALIDATION_CODES.map((code) => [code]))('given a fixture breaking %s when validated then that code is reported', (code) => {
    const issues = validateDefinition(FIXTURES[code](), ctx);
    expect(issues.map((i) => i.code)).toContain(code);
    for (const issue of issues) expect(issue.message.length).toBeGreaterThan(20);
  });
});

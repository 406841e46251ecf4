import type { DefinitionInput } from './schema';
import { chain, def, edge, node } from './test-builders';
import { type ValidationContext, validateDefinition } from './validate';

const ctx: ValidationContext = { activities: ['noop'], roles: ['rep'], templates: [] };
const issuesOf = (input: DefinitionInput, code: string) => validateDefinition(input, ctx).filter((i) => i.code === code);

describe('loops', () => {
  it('given a loop of a service task and a gateway when validated then loop_without_wait names its nodes', () => {
    const d = def([node('start', 'start'), node('s', 'serviceTask'), node('g', 'exclusiveGateway'), node('end', 'end')],
      [...chain('start', 's', 'g'), edge('g', 's', { condition: 'vars.retry' }), edge('g', 'end', { default: true })]);
    const issues = issuesOf(d, 'loop_without_wait');
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toContain("'s', 'g'");
  });

  it('given a loop whose only way round passes a user task when validated then it is valid', () => {
    const d = def([node('start', 'start'), node('s', 'serviceTask'), node('u'), node('g', 'exclusiveGateway'), node('end', 'end')],
      [...chain('start', 's', 'u', 'g'), edge('g', 's', { condition: 'vars.retry' }), edge('g', 'end', { default: true })]);
    expect(validateDefinition(d, ctx)).toEqual([]);
  });

  it('given a service task with an edge to itself when validated then it is a loop without wait', () => {
    expect(issuesOf(def([node('start', 'start'), node('s', 'serviceTask'), node('end', 'end')], [...chain('start', 's', 'end'), edge('s', 's')]), 'loop_without_wait')).toHaveLength(1);
  });
});

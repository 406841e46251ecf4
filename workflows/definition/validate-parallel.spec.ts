import type { DefinitionInput } from './schema';
import { chain, def, edge, node } from './test-builders';
import { type ValidationContext, validateDefinition } from './validate';

const ctx: ValidationContext = { activities: ['noop'], roles: ['rep'], templates: [] };
const issuesOf = (input: DefinitionInput, code: string) => validateDefinition(input, ctx).filter((i) => i.code === code);

describe('parallel gateways', () => {
  const P = (id: string) => node(id, 'parallelGateway');
  const X = (id: string) => node(id, 'exclusiveGateway');
  const ends = [node('start', 'start'), node('end', 'end')];
  const mismatches = (d: DefinitionInput) => issuesOf(d, 'parallel_mismatch');

  it('given a diamond A→{B,C}→D when validated then it is valid', () => {
    const d = def([...ends, P('f'), node('b'), node('c'), P('j')], [...chain('start', 'f', 'b', 'j', 'end'), ...chain('f', 'c', 'j')]);
    expect(validateDefinition(d, ctx)).toEqual([]);
  });

  it('given a fork nested in a branch with its own join when validated then it is valid', () => {
    const d = def([...ends, P('f1'), P('f2'), node('a'), node('b'), P('j2'), node('c'), P('j1')],
      [...chain('start', 'f1', 'f2', 'a', 'j2', 'j1', 'end'), ...chain('f2', 'b', 'j2'), ...chain('f1', 'c', 'j1')]);
    expect(validateDefinition(d, ctx)).toEqual([]);
  });

  it('given an exclusive choice inside a branch that merges before the join when validated then it is valid', () => {
    const d = def([...ends, P('f'), X('x'), node('a'), node('b'), X('m'), node('c'), P('j')], [
      ...chain('start', 'f', 'x'), edge('x', 'a', { condition: 'vars.a' }), edge('x', 'b', { default: true }),
      ...chain('a', 'm', 'j', 'end'), edge('b', 'm'), ...chain('f', 'c', 'j')]);
    expect(validateDefinition(d, ctx)).toEqual([]);
  });

  it('given a join that forks again (→{a,b}→jf→{c,d}→j) when validated then it is valid', () => {
    const d = def([...ends, P('f'), node('a'), node('b'), P('jf'), node('c'), node('d'), P('j')], [
      ...chain('start', 'f', 'a', 'jf', 'c', 'j', 'end'), ...chain('f', 'b', 'jf'), ...chain('jf', 'd', 'j')]);
    expect(validateDefinition(d, ctx)).toEqual([]);
  });

  it('given a branch that ends at an end instead of the join when validated then the fork is reported', () => {
    const d = def([...ends, node('end2', 'end'), P('f'), node('a'), node('b'), node('c'), P('j')],
      [...chain('start', 'f', 'a', 'j', 'end'), ...chain('f', 'b', 'j'), ...chain('f', 'c', 'end2')]);
    expect(mismatches(d)).toEqual([expect.objectContaining({ nodeId: 'f', message: expect.stringContaining("reaches end 'end2'") })]);
  });

  it('given branches that join at different gateways when validated then the fork is reported', () => {
    const d = def([...ends, P('f'), node('a'), node('b'), node('c'), node('d'), P('j1'), P('j2')], [
      ...chain('start', 'f', 'a', 'j1', 'j2', 'end'), ...chain('f', 'b', 'j1'), ...chain('f', 'c', 'j2'), ...chain('f', 'd', 'j2')]);
    expect(mismatches(d).map((i) => i.message).join()).toMatch(/join at different gateways/);
  });

  it('given a parallel join reached from an exclusive choice without a fork when validated then the join is reported', () => {
    const d = def([...ends, X('x'), node('a'), node('b'), P('j')], [
      edge('start', 'x'), edge('x', 'a', { condition: 'vars.a' }), edge('x', 'b', { default: true }), ...chain('a', 'j', 'end'), edge('b', 'j')]);
    expect(mismatches(d)).toEqual([expect.objectContaining({ nodeId: 'j', message: expect.stringContaining('no parallel fork splits into them') })]);
  });

  it('given a join that also waits for an edge from outside the fork when validated then the fork is reported', () => {
    const d = def([...ends, X('x'), P('f'), node('a'), node('b'), node('c'), P('j')], [
      edge('start', 'x'), edge('x', 'f', { default: true }), edge('x', 'c', { condition: 'vars.c' }),
      ...chain('f', 'a', 'j', 'end'), ...chain('f', 'b', 'j'), edge('c', 'j')]);
    expect(mismatches(d).map((i) => i.message).join()).toMatch(/also waits for 'c:j'/);
  });

  it('given a branch that can reach the join through two edges when validated then the fork is reported', () => {
    const d = def([...ends, P('f'), X('x'), node('a'), node('b'), P('j')], [
      ...chain('start', 'f', 'x'), edge('x', 'a', { condition: 'vars.a' }), edge('x', 'j', { default: true }),
      edge('a', 'j'), ...chain('f', 'b', 'j', 'end')]);
    expect(mismatches(d).map((i) => i.message).join()).toMatch(/through several edges/);
  });

  it('given a fork inside a loop with a wait state when validated then it is valid', () => {
    const d = def([...ends, X('m'), P('f'), node('a'), node('b'), P('j'), X('again')], [
      ...chain('start', 'm', 'f', 'a', 'j', 'again'), ...chain('f', 'b', 'j'),
      edge('again', 'm', { condition: 'vars.again' }), edge('again', 'end', { default: true })]);
    expect(validateDefinition(d, ctx)).toEqual([]);
  });
});

import { compileExpression } from '../expressions';
import { fromFeel, fromFeelDuration } from './feel';

describe('fromFeel', () => {
  it.each([
    ['=amount > 50000', 'vars.amount > 50000'],
    ['= creditScore >= 700 and amount < 10000', 'vars.creditScore >= 700 && vars.amount < 10000'],
    ['=approved = true', 'vars.approved == true'],
    ['=status != "closed" or priority = 1', 'vars.status != "closed" || vars.priority == 1'],
    ['=not(blocked)', '!(vars.blocked)'],
    ['=customer.tier = "gold"', 'vars.customer.tier == "gold"'],
    ['=order.total * 1.2 <= limit', 'order.total * 1.2 <= vars.limit'],
    ['=vars.x > 1', 'vars.x > 1'],
  ])('given the FEEL %s when translated then it reads %s and compiles as an OrderPath expression', (feel, expected) => {
    const result = fromFeel(feel);
    expect(result).toEqual({ expression: expected, status: 'translated' });
    expect(compileExpression(result.expression).ok).toBe(true);
  });

  it.each([
    ['=count(items) > 3', 'count(items) > 3'],
    ['=some x in items satisfies x > 1', 'some x in items satisfies x > 1'],
    ['=if a then b else c', 'if a then b else c'],
    ['=x in [1..5]', 'x in [1..5]'],
    ['=date("2024-01-01") < today()', 'date("2024-01-01") < today()'],
  ])('given FEEL-only syntax %s when translated then it is kept without the = and marked untranslated', (feel, expected) => {
    expect(fromFeel(feel)).toEqual({ expression: expected, status: 'untranslated' });
  });

  it('given an expression without a leading = when translated then it is taken as OrderPath already', () => {
    expect(fromFeel('vars.a > 1')).toEqual({ expression: 'vars.a > 1', status: 'native' });
  });

  it('given an output mapping when translated then bare names read the job result', () => {
    expect(fromFeel('=score', 'result')).toEqual({ expression: 'result.score', status: 'translated' });
  });
});

describe('fromFeelDuration', () => {
  it.each([
    ['PT4H', 'PT4H', 'native'],
    ['=duration("P1D")', 'P1D', 'translated'],
    ['="PT15M"', 'PT15M', 'translated'],
    ['=reminderDelay', 'reminderDelay', 'untranslated'],
  ])('given %s when read as a duration then it is %s (%s)', (raw, expression, status) => {
    expect(fromFeelDuration(raw)).toEqual({ expression, status });
  });
});

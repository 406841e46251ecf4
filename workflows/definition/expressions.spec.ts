import {
  EXPRESSION_FUNCTION_NAMES, ExpressionError, OUTPUT_ROOTS, compileExpression, evaluate, evaluateCondition,
} from './expressions';

const vars = {
  listingFee: 60000,
  channel: 'KA',
  name: 'Mart',
  lines: [{ sku: 'A', qty: 2 }, { sku: 'B', qty: 0 }, { sku: 'C', qty: 5 }],
  tags: ['new', 'ka'],
  nested: { a: { b: 3 } },
  key: 'constructor',
};
const scope = { vars, order: { id: 'o-1', value: 1200 } };

describe('evaluate', () => {
  it.each([
    ['vars.listingFee > 50000', true],
    ['vars.nested.a.b * 2', 6],
    ['order.value', 1200],
    ['vars.lines|length', 3],
    ['vars.lines.length', 3],
    ['vars.lines[1].sku', 'B'],
    ['vars.lines[.qty > 0]|length', 2],
    ['vars.lines[.qty > 0][1].sku', 'C'],
    ['vars.tags[.length > 2]', ['new']],
    ['"ka" in vars.tags', true],
    ['vars.name|upper', 'MART'],
    ['vars.name|lower|length', 4],
    ['10.456|round(2)', 10.46],
    ['1.005|round(2)', 1.01],
    ['(-3)|abs', 3],
    ['[1, 2, 3]|sum', 6],
    ['max(1, vars.nested.a.b, 2)', 3],
    ['[4, 2, 9]|min', 2],
    ['vars.nested|keys', ['a']],
    ['vars.missing ?: "fallback"', 'fallback'],
    ['vars.missing.deeper', undefined],
    ['{ total: vars.listingFee, ok: true }', { total: 60000, ok: true }],
  ])('given %s when evaluated then it is %j', (src, expected) => {
    expect(evaluate(src, scope)).toEqual(expected);
  });

  it('given no order in scope when order is read then it is undefined', () => {
    expect(evaluate('order.id', { vars })).toBeUndefined();
  });

  it('given a filter when evaluated then it returns the original elements, not copies without prototypes', () => {
    const [line] = evaluate('vars.lines[.sku == "A"]', scope) as object[];
    expect(line).toBe(vars.lines[0]);
  });

  it('given the same inputs when evaluated twice then the results are equal (deterministic)', () => {
    expect(evaluate('vars.lines[.qty > 0]|length + order.value', scope)).toBe(evaluate('vars.lines[.qty > 0]|length + order.value', scope));
  });

  it('given a transform applied to the wrong type when evaluated then it throws an ExpressionError naming the function', () => {
    expect(() => evaluate('vars.name|round', scope)).toThrow(ExpressionError);
    expect(() => evaluate('vars.name|round', scope)).toThrow(/round\(\) expects a number/);
  });

  it('given a syntax error when evaluated then it throws an ExpressionError quoting the expression once', () => {
    expect(() => evaluate('vars.a +', scope)).toThrow('Syntax error: Unexpected end of expression (in expression: vars.a +)');
  });

  it('given output roots when result is read then it sees the returned record', () => {
    expect(evaluate('result.available - 1', { vars, result: { available: 5 } }, { roots: OUTPUT_ROOTS })).toBe(4);
  });

  // Literals and plain paths skip jexl's evaluator: they must read exactly what the tree walk reads.
  it.each([
    ['vars.nested.a.b', 3],
    ['vars.name.length', 4],
    ['vars.lines.length', 3],
    ['vars.name.missing', undefined],
    ['vars.missing.deeper.still', undefined],
    ['vars', vars],
    ['42', 42],
    ['"text"', 'text'],
    ['false', false],
  ])('given the plain path or literal %s when evaluated then it is what a composed expression reads', (src, expected) => {
    expect(evaluate(src, scope)).toEqual(expected);
    if (src.startsWith('vars.')) expect(evaluate(`(${src}) ?: (${src})`, scope)).toEqual(expected);
  });

  it('given a plain path into something that is not plain data when evaluated then it reads nothing', () => {
    const hostile = { vars: { date: new Date(0), fn: () => 1, map: new Map([['size', 1]]) } };
    expect(evaluate('vars.date.getTime', hostile)).toBeUndefined();
    expect(evaluate('vars.fn', hostile)).toBeUndefined();
    expect(evaluate('vars.map.size', hostile)).toBeUndefined();
    expect(evaluate('result.x', { vars: {}, result: Object.create({ x: 1 }) }, { roots: OUTPUT_ROOTS })).toBeUndefined();
  });
});

describe('evaluateCondition', () => {
  it('given a true comparison when evaluated then it is true', () => {
    expect(evaluateCondition('vars.listingFee > 50000 && vars.channel == "KA"', scope)).toBe(true);
  });

  it('given a missing variable when used as a condition then it is false', () => {
    expect(evaluateCondition('vars.approved', scope)).toBe(false);
  });
});

describe('compileExpression', () => {
  it('given a valid expression when compiled then it is ok', () => {
    expect(compileExpression('vars.lines[.qty > 0]|sum')).toEqual({ ok: true });
  });

  it.each(['', '   ', 'vars.a +', 'vars.a ==== 1', 'x'.repeat(2001)])('given %j when compiled then it is refused', (src) => {
    expect(compileExpression(src)).toMatchObject({ ok: false, error: expect.any(String) });
  });

  it('given result outside output mappings when compiled then it is refused', () => {
    expect(compileExpression('result.x')).toMatchObject({ ok: false, error: expect.stringContaining("Unknown identifier 'result'") });
    expect(compileExpression('result.x', { roots: OUTPUT_ROOTS })).toEqual({ ok: true });
  });

  it('lists the callable functions for the designer', () => {
    expect(EXPRESSION_FUNCTION_NAMES).toEqual(expect.arrayContaining(['length', 'lower', 'upper', 'round', 'abs', 'sum', 'min', 'max', 'keys']));
  });
});

describe('hostile expressions', () => {
  it.each([
    ['constructor', /'constructor' is not allowed/],
    ['vars.toString', /'toString' is not allowed/],
    ['this', /Unknown identifier 'this'/],
    ['process.env', /Unknown identifier 'process'/],
    ['global.process.exit', /Unknown identifier 'global'/],
    ['globalThis', /Unknown identifier 'globalThis'/],
    ['Date.now', /Unknown identifier 'Date'/],
    ['Math.random', /Unknown identifier 'Math'/],
    ['Function("return process")', /Unknown function 'Function'/],
    ['eval("1")', /Unknown function 'eval'/],
    ['now()', /Unknown function 'now'/],
    ['vars.constructor', /'constructor' is not allowed/],
    ['vars.x.constructor.constructor', /'constructor' is not allowed/],
    ['vars.__proto__', /'__proto__' is not allowed/],
    ['vars.x.__defineGetter__', /'__defineGetter__' is not allowed/],
    ['vars.x.prototype', /'prototype' is not allowed/],
    ['vars.x.process', /'process' is not allowed/],
    ['vars.x.globalThis', /'globalThis' is not allowed/],
    ['vars.x.Function', /'Function' is not allowed/],
    ['vars.x.eval', /'eval' is not allowed/],
    ['vars["constructor"]', /'constructor' is not allowed/],
    ['vars.lines[.constructor]', /'constructor' is not allowed/],
    ['vars.x|constructor', /'constructor' is not allowed/],
    ['vars.x|hasOwnProperty("a")', /'hasOwnProperty' is not allowed/],
    ['vars.x|keyz', /Unknown transform 'keyz'/],
    ['vars.x|$$prop("constructor")', /Unknown transform '\$\$prop'/],
    ['{ constructor: 1 }', /'constructor' is not allowed/],
    ['.vars', /only allowed inside a filter/],
  ])('given %s when compiled then it is refused', (src, message) => {
    const result = compileExpression(src);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toMatch(message);
    expect(() => evaluate(src, scope)).toThrow(ExpressionError);
  });

  it.each([
    ['vars.nested[vars.key]'],
    ['vars.name[vars.key]'],
    ['vars.lines[vars.key]'],
    ['vars.tags[0][vars.key]'],
    ['vars.nested[vars.key][vars.key]'],
    ['vars.nested["to" + "String"]'],
    ['vars.lines["map"]'],
    ['vars.nested["__pro" + "to__"]'],
  ])('given the computed key in %s when evaluated then it cannot reach a prototype', (src) => {
    expect(evaluate(src, scope)).toBeUndefined();
  });

  it('given data with an own __proto__ key (JSON.parse) when read by a computed key then it is not exposed', () => {
    const data = JSON.parse('{"p": {"__proto__": {"polluted": 1}}, "k": "__proto__"}') as Record<string, unknown>;
    expect(evaluate('vars.p[vars.k]', { vars: data })).toBeUndefined();
  });

  it('given an object literal when built then Object.prototype is untouched', () => {
    evaluate('{ a: vars.nested }', scope);
    expect(({} as Record<string, unknown>).a).toBeUndefined();
  });

  it('given a function hidden in the data when read then it is not returned', () => {
    expect(evaluate('vars.fn', { vars: { holder: 1, fn: () => 'x' } })).toBeUndefined();
  });
});

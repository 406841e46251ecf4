/**
 * The expression language of templates: jexl syntax (`vars.listingFee > 50000`,
 * `vars.lines|length`, `vars.lines[.qty > 0]`), evaluated synchronously and deterministically over
 * `{ vars, order }`. A security boundary: only data under the allowed roots can be read (own
 * properties only), only the functions of expression-functions.ts can be called, and nothing
 * reads time or randomness — so the same expression gives the same value on replay.
 */
// The reference carries jexl's hand-written types to every consumer (API, worker, designer),
// whatever its tsconfig includes; jexl ships no types.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./jexl.d.ts" />
import jexl, { type Expression } from 'jexl';
import { type JexlAst, INTERNAL, checkAst, forbiddenMessage, hardenAst } from './expression-ast';
import { ExpressionError } from './expression-error';
import { EXPRESSION_FUNCTIONS } from './expression-functions';
import { boxElements, isForbiddenName, readIndex, readOwn, unboxElements } from './expression-runtime';

export { ExpressionError } from './expression-error';
export { EXPRESSION_FUNCTION_NAMES } from './expression-functions';

/** The roots every expression may read. */
export const EXPRESSION_ROOTS: readonly string[] = ['vars', 'order'];
/**
 * Roots of output mappings (serviceTask / subProcess `output`): also `result`, the record the
 * activity or child order returned, e.g. `{ "stock": "result.available" }`.
 */
export const OUTPUT_ROOTS: readonly string[] = ['vars', 'order', 'result'];

/** Upper bound on source length, the same as the template schema's. */
export const MAX_EXPRESSION_LENGTH = 2000;
const MAX_CACHED = 10_000;

/** What expressions see. `result` is only readable when compiled with {@link OUTPUT_ROOTS}. */
export interface ExpressionScope {
  vars: Record<string, unknown>;
  order?: Record<string, unknown>;
  result?: unknown;
}

/** Options of compile/evaluate; `roots` defaults to {@link EXPRESSION_ROOTS}. */
export interface ExpressionOptions {
  roots?: readonly string[];
}

type Compiled = { ok: true; expression: Expression } | { ok: false; error: string };

const engine = createEngine();
const cache = new Map<string, Compiled>();

function createEngine(): InstanceType<typeof jexl.Jexl> {
  const instance = new jexl.Jexl();
  for (const [name, fn] of Object.entries(EXPRESSION_FUNCTIONS)) {
    instance.addTransform(name, fn);
    instance.addFunction(name, fn);
  }
  instance.addTransform(INTERNAL.prop, readOwn);
  instance.addTransform(INTERNAL.index, readIndex);
  instance.addTransform(INTERNAL.box, boxElements);
  instance.addTransform(INTERNAL.unbox, unboxElements);
  return instance;
}

function syntaxError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // jexl's lexer looks tokens up in a plain object, so names on Object.prototype (constructor,
  // __proto__, toString, …) come out as tokens of no type: say why they are refused.
  const protoName = /^Token (\S+) \(undefined\)/.exec(message)?.[1];
  if (protoName !== undefined) return forbiddenMessage(protoName);
  // jexl appends the whole source to some messages; callers already know it.
  return `Syntax error: ${message.replace(/ (in|of) expression: [\s\S]*$/, ' $1 expression')}`;
}

function parse(src: string): Expression | string {
  try {
    return engine.compile(src);
  } catch (error) {
    return syntaxError(error);
  }
}

function build(src: string, roots: readonly string[]): Compiled {
  if (typeof src !== 'string' || src.trim() === '') return { ok: false, error: 'The expression is empty' };
  if (src.length > MAX_EXPRESSION_LENGTH) {
    return { ok: false, error: `The expression is longer than ${MAX_EXPRESSION_LENGTH} characters` };
  }
  const expression = parse(src);
  if (typeof expression === 'string') return { ok: false, error: expression };
  const ast = expression._getAst() as JexlAst | null;
  if (!ast) return { ok: false, error: 'The expression is empty' };
  const refused = checkAst(ast, roots);
  if (refused) return { ok: false, error: refused };
  expression._ast = hardenAst(ast);
  return { ok: true, expression };
}

function rootsOf(options?: ExpressionOptions): readonly string[] {
  return (options?.roots ?? EXPRESSION_ROOTS).filter((root) => !isForbiddenName(root));
}

function compiled(src: string, options?: ExpressionOptions): Compiled {
  const roots = rootsOf(options);
  const key = `${roots.join(',')}\u0000${src}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const result = build(src, roots);
  // Bounded: arbitrary strings reach this through the API; drop the oldest entry first.
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(key, result);
  return result;
}

/**
 * Checks that `src` parses and passes the security rules, without evaluating it.
 * Results are cached per source text.
 */
export function compileExpression(src: string, options?: ExpressionOptions): { ok: true } | { ok: false; error: string } {
  const result = compiled(src, options);
  return result.ok ? { ok: true } : { ok: false, error: result.error };
}

function contextOf(scope: ExpressionScope, roots: readonly string[]): Record<string, unknown> {
  const context = Object.create(null) as Record<string, unknown>;
  for (const root of roots) context[root] = (scope as unknown as Record<string, unknown>)[root];
  return context;
}

/**
 * Evaluates `src` over `scope`.
 * @throws ExpressionError when the expression is refused or fails (e.g. `round` of a text).
 */
export function evaluate(src: string, scope: ExpressionScope, options?: ExpressionOptions): unknown {
  const result = compiled(src, options);
  if (!result.ok) throw new ExpressionError(result.error, src);
  try {
    return result.expression.evalSync(contextOf(scope, rootsOf(options)));
  } catch (error) {
    const message = error instanceof ExpressionError ? error.message : `Evaluation failed: ${String((error as Error)?.message ?? error)}`;
    throw new ExpressionError(message, src);
  }
}

/**
 * Evaluates a gateway condition: the value's truthiness (a missing variable is `false`).
 * @throws ExpressionError as {@link evaluate}.
 */
export function evaluateCondition(src: string, scope: ExpressionScope): boolean {
  return Boolean(evaluate(src, scope));
}

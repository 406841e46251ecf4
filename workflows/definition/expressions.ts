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

/** Evaluates a compiled expression over the scope, seeing only `roots`. */
type Run = (scope: ExpressionScope, roots: readonly string[]) => unknown;
type Compiled = { ok: true; run: Run } | { ok: false; error: string };

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
  const direct = directRun(ast);
  if (direct) return { ok: true, run: direct };
  expression._ast = hardenAst(ast);
  return { ok: true, run: (scope, roots) => expression.evalSync(contextOf(scope, roots)) };
}

/**
 * Literals and plain paths (`vars.value`, `result.stock.available`) — most input and output
 * mappings — are read directly, without jexl's tree walk: the same own-property reads the
 * hardened tree makes (readOwn), the root already checked against the allowed ones.
 */
function directRun(ast: JexlAst): Run | null {
  if (ast.type === 'Literal') {
    const value = ast.value;
    return () => value;
  }
  const keys: string[] = [];
  let node: JexlAst = ast;
  while (node.type === 'Identifier' && !node.relative && node.from) {
    keys.unshift(node.value);
    node = node.from;
  }
  if (node.type !== 'Identifier' || node.relative || node.from) return null;
  const root = node.value;
  return (scope) => {
    let value: unknown = (scope as unknown as Record<string, unknown>)[root];
    for (const key of keys) value = readOwn(value, key);
    return value;
  };
}

interface Roots {
  allowed: readonly string[];
  /** Cache key prefix. */
  key: string;
}
// Callers pass one of a few constant root lists: resolve each once, not per evaluation.
const rootsMemo = new WeakMap<readonly string[], Roots>();

function rootsOf(options?: ExpressionOptions): Roots {
  const requested = options?.roots ?? EXPRESSION_ROOTS;
  let roots = rootsMemo.get(requested);
  if (!roots) {
    const allowed = requested.filter((root) => !isForbiddenName(root));
    roots = { allowed, key: `${allowed.join(',')}\u0000` };
    rootsMemo.set(requested, roots);
  }
  return roots;
}

function compiled(src: string, roots: Roots): Compiled {
  const key = roots.key + src;
  const hit = cache.get(key);
  if (hit) return hit;
  const result = build(src, roots.allowed);
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
  const result = compiled(src, rootsOf(options));
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
  const roots = rootsOf(options);
  const result = compiled(src, roots);
  if (!result.ok) throw new ExpressionError(result.error, src);
  try {
    return result.run(scope, roots.allowed);
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

/**
 * The security boundary of expressions, on jexl's parsed tree.
 *
 * Decision note: jexl 2.3 has no public AST API, but its tree is plain data (documented node
 * types below, unchanged since 2.0) and `Expression` keeps it in `_ast`. We (1) walk it to refuse
 * anything but data reads from the allowed roots and our own functions, with a message that
 * says what to write instead, and (2) rewrite every property read into a call of our own-property
 * reader (expression-runtime.ts), because a computed key (`vars.a[vars.k]`) cannot be checked
 * before run time. Filter expressions get their elements boxed for the same reason. The spec
 * tests pin this behaviour, so a jexl upgrade that changes the tree fails loudly.
 */
import { isExpressionFunction } from './expression-functions';
import { isForbiddenName } from './expression-runtime';

/** jexl's tree. `consequent` is null in the short ternary `a ?: b`. */
export type JexlAst =
  | { type: 'Literal'; value: unknown }
  | { type: 'Identifier'; value: string; from?: JexlAst; relative?: boolean }
  | { type: 'BinaryExpression'; operator: string; left: JexlAst; right: JexlAst }
  | { type: 'UnaryExpression'; operator: string; right: JexlAst }
  | { type: 'ConditionalExpression'; test: JexlAst; consequent?: JexlAst | null; alternate: JexlAst }
  | { type: 'FilterExpression'; expr: JexlAst; relative: boolean; subject: JexlAst }
  | { type: 'ArrayLiteral'; value: JexlAst[] }
  | { type: 'ObjectLiteral'; value: Record<string, JexlAst> }
  | { type: 'FunctionCall'; name: string; args: JexlAst[]; pool: 'functions' | 'transforms' };

/** Names of the internal transforms the hardened tree calls; never callable from source text. */
export const INTERNAL = { prop: '$$prop', index: '$$index', box: '$$box', unbox: '$$unbox' } as const;

/** The message for a name refused by {@link isForbiddenName}. */
export function forbiddenMessage(name: string): string {
  return `'${name}' is not allowed in expressions: they may only read plain data under the allowed roots`;
}

function checkName(name: string): string | null {
  return isForbiddenName(name) ? forbiddenMessage(name) : null;
}

function checkIdentifier(ast: Extract<JexlAst, { type: 'Identifier' }>, roots: readonly string[], inFilter: boolean): string | null {
  if (ast.from) return checkAst(ast.from, roots, inFilter) ?? checkName(ast.value);
  if (ast.relative) {
    if (!inFilter) return `'.${ast.value}' reads the current element and is only allowed inside a filter, e.g. vars.lines[.qty > 0]`;
    return checkName(ast.value);
  }
  if (roots.includes(ast.value)) return null;
  return `Unknown identifier '${ast.value}': expressions can only read ${roots.join(', ')} (e.g. vars.${ast.value})`;
}

function checkCall(ast: Extract<JexlAst, { type: 'FunctionCall' }>, roots: readonly string[], inFilter: boolean): string | null {
  if (!isExpressionFunction(ast.name)) {
    const kind = ast.pool === 'transforms' ? 'transform' : 'function';
    return `Unknown ${kind} '${ast.name}': use one of the documented expression functions (length, lower, upper, round, sum, min, max, keys, …)`;
  }
  return checkAll(ast.args, roots, inFilter);
}

function checkAll(list: JexlAst[], roots: readonly string[], inFilter: boolean): string | null {
  for (const item of list) {
    const error = checkAst(item, roots, inFilter);
    if (error) return error;
  }
  return null;
}

/**
 * Returns the first reason `ast` is refused, or null when it only reads data from `roots` and
 * calls known functions.
 */
export function checkAst(ast: JexlAst | null | undefined, roots: readonly string[], inFilter = false): string | null {
  if (!ast) return null;
  switch (ast.type) {
    case 'Literal':
      return null;
    case 'Identifier':
      return checkIdentifier(ast, roots, inFilter);
    case 'BinaryExpression':
      return checkAll([ast.left, ast.right], roots, inFilter);
    case 'UnaryExpression':
      return checkAst(ast.right, roots, inFilter);
    case 'ConditionalExpression':
      return checkAll([ast.test, ast.alternate], roots, inFilter) ?? checkAst(ast.consequent, roots, inFilter);
    case 'FilterExpression':
      if (!ast.relative && ast.expr.type === 'Literal' && typeof ast.expr.value === 'string') {
        const error = checkName(ast.expr.value);
        if (error) return error;
      }
      return checkAst(ast.subject, roots, inFilter) ?? checkAst(ast.expr, roots, inFilter || ast.relative);
    case 'ArrayLiteral':
      return checkAll(ast.value, roots, inFilter);
    case 'ObjectLiteral':
      return Object.keys(ast.value).map(checkName).find(Boolean) ?? checkAll(Object.values(ast.value), roots, inFilter);
    case 'FunctionCall':
      return checkCall(ast, roots, inFilter);
    default:
      return `Unsupported expression element '${(ast as { type?: unknown }).type}'`;
  }
}

const call = (name: string, args: JexlAst[]): JexlAst => ({ type: 'FunctionCall', name, args, pool: 'transforms' });

/**
 * Returns a copy of a checked tree in which every property read goes through the own-property
 * reader and every relative filter sees boxed elements. Run {@link checkAst} first.
 */
export function hardenAst(ast: JexlAst): JexlAst {
  switch (ast.type) {
    case 'Identifier':
      if (!ast.from) return ast;
      return call(INTERNAL.prop, [hardenAst(ast.from), { type: 'Literal', value: ast.value }]);
    case 'FilterExpression':
      if (!ast.relative) return call(INTERNAL.index, [hardenAst(ast.subject), hardenAst(ast.expr)]);
      return call(INTERNAL.unbox, [
        { ...ast, subject: call(INTERNAL.box, [hardenAst(ast.subject)]), expr: hardenAst(ast.expr) },
      ]);
    case 'BinaryExpression':
      return { ...ast, left: hardenAst(ast.left), right: hardenAst(ast.right) };
    case 'UnaryExpression':
      return { ...ast, right: hardenAst(ast.right) };
    case 'ConditionalExpression':
      return { ...ast, test: hardenAst(ast.test), consequent: ast.consequent ? hardenAst(ast.consequent) : ast.consequent, alternate: hardenAst(ast.alternate) };
    case 'ArrayLiteral':
      return { ...ast, value: ast.value.map(hardenAst) };
    case 'ObjectLiteral':
      return { ...ast, value: Object.fromEntries(Object.entries(ast.value).map(([k, v]) => [k, hardenAst(v)])) };
    case 'FunctionCall':
      return { ...ast, args: ast.args.map(hardenAst) };
    default:
      return ast;
  }
}

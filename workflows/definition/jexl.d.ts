/**
 * Types for `jexl` 2.3, which ships none. Only what expressions.ts uses is declared; `_getAst` and
 * `_ast` are jexl internals (stable since 2.0) that expression-ast.ts needs to inspect and harden
 * the parsed tree — see the decision note there.
 */
declare module 'jexl' {
  type JexlFunction = (...args: never[]) => unknown;

  class Expression {
    compile(): Expression;
    evalSync(context?: object): unknown;
    _getAst(): unknown;
    _ast: unknown;
  }

  class Jexl {
    compile(expression: string): Expression;
    createExpression(expression: string): Expression;
    addTransform(name: string, fn: JexlFunction): void;
    addFunction(name: string, fn: JexlFunction): void;
  }

  const jexl: Jexl & { Jexl: typeof Jexl };
  export type { Expression };
  export default jexl;
}

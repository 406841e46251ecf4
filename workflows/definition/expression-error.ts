/** Thrown when an expression cannot be compiled or fails while being evaluated. */
export class ExpressionError extends Error {
  /**
   * @param message what went wrong and, where possible, what to write instead.
   * @param expression the source text of the expression, when known.
   */
  constructor(message: string, readonly expression?: string) {
    super(expression === undefined ? message : `${message} (in expression: ${expression})`);
    this.name = 'ExpressionError';
  }
}

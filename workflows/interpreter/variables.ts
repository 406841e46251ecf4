/** Evaluating input/output mappings and merging values into the order's variables. */
import { isPlainObject } from '../definition/expression-runtime';
import { type ExpressionScope, OUTPUT_ROOTS, evaluate } from '../definition/expressions';
import type { Vars } from './types';

// One definition of "plain data object" for the template language and the interpreter.
export { isPlainObject };

/** Evaluates each expression of an input mapping over `{ vars, order }`. */
export function evaluateMapping(mapping: Record<string, string>, scope: ExpressionScope): Vars {
  const out: Vars = {};
  for (const [key, src] of Object.entries(mapping)) out[key] = evaluate(src, scope);
  return out;
}

/**
 * Applies an output mapping (`varName → expression over { vars, order, result }`) to `vars`;
 * without a mapping, an object result is merged as a whole.
 */
export function applyOutput(vars: Vars, output: Record<string, string> | undefined, scope: ExpressionScope, result: unknown): void {
  if (!output) {
    if (isPlainObject(result)) Object.assign(vars, result);
    return;
  }
  // Evaluate all first so one mapping does not see another's assignment.
  const values = Object.entries(output).map(([key, src]) => [key, evaluate(src, { ...scope, result }, { roots: OUTPUT_ROOTS })] as const);
  for (const [key, value] of values) vars[key] = value;
}

/** JSON-safe deep copy: variables travel as JSON payloads anyway. */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/**
 * Correlation keys match when equal; a number and its decimal string count as equal because
 * keys often arrive as text over HTTP. Objects compare by JSON.
 */
export function sameCorrelation(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'number';
  if (scalar(a) && scalar(b)) return String(a) === String(b);
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

/**
 * The few functions expressions may call, either as transforms (`vars.lines|length`,
 * `vars.fee|round(2)`) or as functions (`max(vars.a, vars.b)`). Pure and total over data: missing
 * values (`null`/`undefined`) pass through or count as empty; wrong types throw an
 * ExpressionError that names the function. Nothing here reads time, randomness or globals.
 */
import { ExpressionError } from './expression-error';
import { isPlainObject } from './expression-runtime';

type ExpressionFunction = (...args: unknown[]) => unknown;

const isMissing = (value: unknown): value is null | undefined => value === null || value === undefined;

function toNumber(fn: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ExpressionError(`${fn}() expects a number, got ${describe(value)}`);
  }
  return value;
}

function toText(fn: string, value: unknown): string {
  if (typeof value !== 'string') throw new ExpressionError(`${fn}() expects text, got ${describe(value)}`);
  return value;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  return value === null ? 'null' : typeof value;
}

function numbersOf(fn: string, args: unknown[]): number[] {
  const list = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  return list.filter((v) => !isMissing(v)).map((v) => toNumber(fn, v));
}

function onNumber(fn: string, op: (n: number) => number): ExpressionFunction {
  return (value) => (isMissing(value) ? value : op(toNumber(fn, value)));
}

function onText(fn: string, op: (s: string) => string): ExpressionFunction {
  return (value) => (isMissing(value) ? value : op(toText(fn, value)));
}

function length(value: unknown): number {
  if (isMissing(value)) return 0;
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  if (isPlainObject(value)) return Object.keys(value).length;
  throw new ExpressionError(`length() expects text, a list or an object, got ${describe(value)}`);
}

function round(value: unknown, digits: unknown = 0): unknown {
  if (isMissing(value)) return value;
  const n = toNumber('round', value);
  const d = toNumber('round', digits);
  if (!Number.isInteger(d) || d < 0 || d > 10) throw new ExpressionError('round() takes 0 to 10 decimal digits');
  // Shift by exponent notation rather than multiplying, so 1.005|round(2) is 1.01, not 1.
  return Number(`${Math.round(Number(`${n}e${d}`))}e-${d}`);
}

function sum(...args: unknown[]): number {
  return numbersOf('sum', args).reduce((total, n) => total + n, 0);
}

function extreme(fn: 'min' | 'max'): ExpressionFunction {
  return (...args) => {
    const list = numbersOf(fn, args);
    if (list.length === 0) return undefined;
    return fn === 'min' ? Math.min(...list) : Math.max(...list);
  };
}

function keys(value: unknown): string[] {
  if (isMissing(value)) return [];
  if (isPlainObject(value)) return Object.keys(value);
  throw new ExpressionError(`keys() expects an object, got ${describe(value)}`);
}

/** The callable functions by name. Frozen, prototype-free: `toString` is not a function here. */
export const EXPRESSION_FUNCTIONS: Readonly<Record<string, ExpressionFunction>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, ExpressionFunction>, {
    length,
    lower: onText('lower', (s) => s.toLowerCase()),
    upper: onText('upper', (s) => s.toUpperCase()),
    trim: onText('trim', (s) => s.trim()),
    round,
    floor: onNumber('floor', Math.floor),
    ceil: onNumber('ceil', Math.ceil),
    abs: onNumber('abs', Math.abs),
    sum,
    min: extreme('min'),
    max: extreme('max'),
    keys,
  }),
);

/** Names of the functions available to expressions, for the designer's help and autocomplete. */
export const EXPRESSION_FUNCTION_NAMES: readonly string[] = Object.keys(EXPRESSION_FUNCTIONS);

/** Tells whether `name` is a function expressions may call. */
export function isExpressionFunction(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(EXPRESSION_FUNCTIONS, name);
}

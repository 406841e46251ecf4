/**
 * What hardened expressions call instead of jexl's raw property reads (see expression-ast.ts).
 * Every read sees only own properties of plain data — objects, arrays and strings — so
 * `vars.x.constructor`, `vars.list['map']` or `'abc'[k]` with `k = 'constructor'` give `undefined`
 * rather than a function from a prototype.
 */

/** Names no expression may read, write as an object key or call, whatever the object. */
export const FORBIDDEN_NAMES: ReadonlySet<string> = new Set([
  'constructor', '__proto__', 'prototype', 'process', 'global', 'globalThis', 'this', 'Function', 'eval',
]);

/** Tells whether a property name is refused: the list above, and every `__dunder` name. */
export function isForbiddenName(name: string): boolean {
  return FORBIDDEN_NAMES.has(name) || name.startsWith('__');
}

/** Plain data object: made by a literal, JSON.parse or Object.create(null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const INDEX = /^(?:0|[1-9]\d*)$/;

function asIndex(key: unknown): number | null {
  if (typeof key === 'number') return Number.isSafeInteger(key) && key >= 0 ? key : null;
  return typeof key === 'string' && INDEX.test(key) ? Number(key) : null;
}

function dataOnly(value: unknown): unknown {
  return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
}

/** Reads `subject[key]` when it is an own property of plain data; otherwise `undefined`. */
export function readOwn(subject: unknown, key: unknown): unknown {
  if (subject === null || subject === undefined) return undefined;
  if (typeof key !== 'string' && typeof key !== 'number') return undefined;
  if (typeof key === 'string' && isForbiddenName(key)) return undefined;
  if (Array.isArray(subject) || typeof subject === 'string') {
    if (key === 'length') return subject.length;
    const index = asIndex(key);
    return index === null || index >= subject.length ? undefined : dataOnly(subject[index]);
  }
  if (!isPlainObject(subject)) return undefined;
  const name = String(key);
  return Object.prototype.hasOwnProperty.call(subject, name) ? dataOnly(subject[name]) : undefined;
}

/**
 * `subject[key]` as jexl's static filter means it: a boolean keeps (true) or drops (false) the
 * subject; anything else is an own-property read.
 */
export function readIndex(subject: unknown, key: unknown): unknown {
  if (typeof key === 'boolean') return key ? subject : undefined;
  return readOwn(subject, key);
}

const ORIGINAL = Symbol('original');
type Box = Record<string, unknown> & { [ORIGINAL]: unknown };

function box(element: unknown): Box {
  const boxed = Object.create(null) as Box;
  if (isPlainObject(element)) {
    for (const key of Object.keys(element)) boxed[key] = dataOnly(element[key]);
  } else if (Array.isArray(element) || typeof element === 'string') {
    boxed.length = element.length;
  }
  boxed[ORIGINAL] = element;
  return boxed;
}

/**
 * Wraps each element a relative filter (`vars.lines[.qty > 0]`) will look at in a prototype-free
 * box holding only its own data, so `.name` inside the filter cannot reach a prototype either.
 * Same shape rule as jexl: a non-array subject is a one-element list, `undefined` an empty one.
 */
export function boxElements(subject: unknown): Box[] {
  if (subject === undefined) return [];
  return (Array.isArray(subject) ? subject : [subject]).map(box);
}

/** Turns the boxes a relative filter kept back into the original elements. */
export function unboxElements(kept: unknown): unknown[] {
  return Array.isArray(kept) ? kept.map((boxed: Box) => boxed[ORIGINAL]) : [];
}

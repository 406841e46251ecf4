/**
 * FEEL (Camunda 8 expressions, written with a leading `=`) → OrderPath expressions.
 *
 * Only the overlap is translated: comparisons, arithmetic, `and`/`or`/`not(…)`, literals and
 * variable paths. Zeebe evaluates FEEL over the process variables, which OrderPath keeps under
 * `vars`, so a bare `amount` becomes `vars.amount` (`order…` already names the order context);
 * an output mapping reads the job's result, so there the root is `result`.
 * Anything else — function calls, `if`/`for`/`some`, `in`, ranges, lists, contexts, temporal
 * literals — is returned with the `=` stripped and reported as untranslated: the engine does not
 * evaluate FEEL, so such an expression needs rewriting by hand.
 */

export interface FeelTranslation {
  expression: string;
  /** `native`: no leading `=`, taken as an OrderPath expression already. */
  status: 'native' | 'translated' | 'untranslated';
}

const TOKEN = /\s+|"(?:[^"\\]|\\.)*"|\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_]*|!=|<=|>=|\.\.|[=<>+\-*/%(),.]/y;
const FEEL_ONLY = new Set(['some', 'every', 'for', 'if', 'then', 'else', 'in', 'instance', 'of', 'between', 'satisfies', 'function', 'return']);
const KEPT = new Set(['true', 'false', 'null', 'vars', 'order']);

/** Where a bare FEEL name is looked up: process variables, or (output mappings) the job result. */
export type FeelRoot = 'vars' | 'result';
const OPERATORS: Record<string, string> = { '=': '==', and: '&&', or: '||' };

export function fromFeel(raw: string, root: FeelRoot = 'vars'): FeelTranslation {
  const trimmed = raw.trim();
  if (!trimmed.startsWith('=')) return { expression: raw, status: 'native' };
  const body = trimmed.slice(1).trim();
  const tokens = tokenize(body);
  const translated = tokens && translate(tokens, root);
  return translated === undefined
    ? { expression: body, status: 'untranslated' }
    : { expression: translated, status: 'translated' };
}

function tokenize(text: string): string[] | undefined {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const match = TOKEN.exec(text);
    if (!match) return undefined;
    tokens.push(match[0]);
  }
  return tokens;
}

function translate(tokens: readonly string[], root: FeelRoot): string | undefined {
  const solid = tokens.map((token, index) => ({ token, index })).filter(({ token }) => token.trim() !== '');
  const out = [...tokens];
  for (let i = 0; i < solid.length; i++) {
    const { token, index } = solid[i];
    const previous = solid[i - 1]?.token;
    const next = solid[i + 1]?.token;
    if (token === '..' || FEEL_ONLY.has(token)) return undefined;
    if (token in OPERATORS) { out[index] = OPERATORS[token]; continue; }
    if (!/^[A-Za-z_]/.test(token) || previous === '.') continue;
    if (token === 'not' && next === '(') { out[index] = '!'; continue; }
    if (next === '(') return undefined; // a FEEL function call
    if (!KEPT.has(token) && token !== root) out[index] = `${root}.${token}`;
  }
  return out.join('');
}

/** A BPMN duration: ISO-8601 text, or FEEL `=duration("…")` / `="…"` around one. */
export function fromFeelDuration(raw: string): FeelTranslation {
  const trimmed = raw.trim();
  if (!trimmed.startsWith('=')) return { expression: trimmed, status: 'native' };
  const literal = /^=\s*(?:duration\(\s*)?"(P[^"]*)"\s*\)?$/.exec(trimmed);
  return literal ? { expression: literal[1], status: 'translated' } : { expression: trimmed.slice(1).trim(), status: 'untranslated' };
}

/**
 * Business refusals of domain logic (unknown SKU, override reason missing, …). The same code runs
 * in activities and behind the API: activities turn these into non-retryable ApplicationFailures
 * (retrying cannot fix bad data; the order opens an incident instead), the API maps them to 422.
 */
import { ApplicationFailure } from '@temporalio/common';

/** One problem with one row/field of the input; `row` is 1-based where rows apply. */
export interface RuleViolation {
  row?: number;
  column?: string;
  field?: string;
  code: string;
  message: string;
}

export class DomainRuleError extends Error {
  override name = 'DomainRuleError';
  constructor(
    readonly code: string,
    message: string,
    readonly errors: RuleViolation[] = [],
  ) {
    super(message);
  }
}

/** Wraps an activity so DomainRuleErrors leave it as non-retryable failures carrying their code and errors. */
export function domainActivity<I, O>(fn: (input: I) => Promise<O>): (input: I) => Promise<O> {
  return async (input: I) => {
    try {
      return await fn(input);
    } catch (err) {
      if (err instanceof DomainRuleError) {
        throw ApplicationFailure.create({ message: err.message, type: err.code, nonRetryable: true, details: [{ code: err.code, errors: err.errors }] });
      }
      throw err;
    }
  };
}

/** Throws a DomainRuleError when `value` is not a non-empty string. */
export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new DomainRuleError('invalid_input', `${field} is required`, [{ field, code: 'required', message: `${field} is required` }]);
  }
  return value.trim();
}

/** Splits "A, B C" or ["A", "B"] into distinct trimmed codes. */
export function codeList(value: unknown): string[] {
  const parts = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/[\s,;]+/) : [];
  return [...new Set(parts.map((p) => p.trim()).filter(Boolean))];
}

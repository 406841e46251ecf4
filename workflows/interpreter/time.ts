/** Time helpers over workflow time (milliseconds from ports.now()); never the host clock. */
import { parseDuration } from '../definition/duration';
import { InvalidDateError, InvalidDurationError } from './errors';

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** @throws InvalidDurationError naming `what` when `iso` is not a duration. */
export function durationMs(iso: string, what: string): number {
  const ms = parseDuration(iso);
  if (ms === null) throw new InvalidDurationError(iso, what);
  return ms;
}

/** An expression's value as epoch ms: a number, an ISO date string, or a Date. */
export function toEpochMs(value: unknown, what: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (value instanceof Date && Number.isFinite(value.getTime())) return value.getTime();
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    if (Number.isFinite(ms)) return ms;
  }
  throw new InvalidDateError(value, what);
}

/** Epoch ms of an ISO timestamp we wrote ourselves. */
export function parseIso(iso: string): number {
  return Date.parse(iso);
}

/**
 * Planning periods are calendar months written `YYYY-MM` (the natural key of plans and
 * sell-through rows). Pure helpers; no clock.
 */
const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Tells whether `value` is a period such as `2026-03`. */
export function isPeriod(value: unknown): value is string {
  return typeof value === 'string' && PERIOD.test(value);
}

function parts(period: string): [number, number] {
  const match = PERIOD.exec(period);
  if (!match) throw new RangeError(`'${period}' is not a period; write YYYY-MM`);
  return [Number(match[1]), Number(match[2])];
}

/** Months since year 0: makes period arithmetic plain integer arithmetic. */
export function periodIndex(period: string): number {
  const [year, month] = parts(period);
  return year * 12 + (month - 1);
}

export function periodOf(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function addPeriods(period: string, months: number): string {
  return periodOf(periodIndex(period) + months);
}

/** Calendar month 1–12 of a period. */
export function monthOf(period: string): number {
  return parts(period)[1];
}

export function daysInPeriod(period: string): number {
  const [year, month] = parts(period);
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The period a timestamp falls in (UTC). */
export function periodAt(at: Date): string {
  return `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
}

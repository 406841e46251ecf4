/**
 * ISO-8601 durations (`P14D`, `PT30M`, `P1DT2H`, `P2W`, `PT0.5S`) as milliseconds.
 *
 * Calendar units have no fixed length, so they are fixed here, the same everywhere the engine
 * runs (worker, API, designer): a month is 30 days and a year is 365 days. A timer of `P1M`
 * therefore fires after 30 days whatever the month. Negative durations and lower-case letters are
 * refused. Pure: no clock involved.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Milliseconds per unit, in the order the units appear in a duration. */
const DATE_UNITS = { Y: 365 * DAY, M: 30 * DAY, W: 7 * DAY, D: DAY } as const;
const TIME_UNITS = { H: HOUR, M: MINUTE, S: SECOND } as const;

const NUM = '(\\d+(?:[.,]\\d+)?)';
// `P(?!$)` needs at least one component; `T(?=\d)` needs at least one time component after T.
const PATTERN = new RegExp(
  `^P(?!$)(?:${NUM}Y)?(?:${NUM}M)?(?:${NUM}W)?(?:${NUM}D)?(?:T(?=\\d)(?:${NUM}H)?(?:${NUM}M)?(?:${NUM}S)?)?$`,
);

const UNIT_MS = [DATE_UNITS.Y, DATE_UNITS.M, DATE_UNITS.W, DATE_UNITS.D, TIME_UNITS.H, TIME_UNITS.M, TIME_UNITS.S];

/**
 * Parses an ISO-8601 duration into milliseconds (rounded to the nearest millisecond).
 * Months count as 30 days and years as 365 days.
 *
 * @returns the duration in ms, or `null` when `iso` is not a duration this engine accepts.
 * @example parseDuration('P1DT2H') // 93_600_000
 */
export function parseDuration(iso: string): number | null {
  if (typeof iso !== 'string') return null;
  const match = PATTERN.exec(iso);
  if (!match) return null;
  let total = 0;
  for (let i = 0; i < UNIT_MS.length; i += 1) {
    const part = match[i + 1];
    if (part !== undefined) total += Number(part.replace(',', '.')) * UNIT_MS[i];
  }
  const ms = Math.round(total);
  return Number.isSafeInteger(ms) ? ms : null;
}

/** Tells whether `value` is a string that {@link parseDuration} accepts. */
export function isDuration(value: unknown): value is string {
  return typeof value === 'string' && parseDuration(value) !== null;
}

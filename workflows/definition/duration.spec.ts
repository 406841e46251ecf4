import { isDuration, parseDuration } from './duration';

const DAY = 86_400_000;

describe('parseDuration', () => {
  it.each([
    ['P14D', 14 * DAY],
    ['PT30M', 30 * 60_000],
    ['P1DT2H', DAY + 2 * 3_600_000],
    ['P2W', 14 * DAY],
    ['PT0.5S', 500],
    ['PT0,5S', 500],
    ['P1M', 30 * DAY],
    ['P1Y', 365 * DAY],
    ['P1Y2M3DT4H5M6S', 365 * DAY + 60 * DAY + 3 * DAY + 4 * 3_600_000 + 5 * 60_000 + 6000],
    ['PT0S', 0],
    ['PT1.5H', 5_400_000],
  ])('given %s when parsed then it is %d ms', (iso, ms) => {
    expect(parseDuration(iso)).toBe(ms);
  });

  it.each(['', 'P', 'PT', 'P1DT', '14D', 'p14d', 'P-1D', 'P1H', 'PT1D', 'P1D2H', 'P 1D', 'P1.D', 'PT1S ', 'P1D1D', 'P99999999999999999Y'])(
    'given %j when parsed then it is refused with null',
    (iso) => {
      expect(parseDuration(iso)).toBeNull();
    },
  );

  it('given a non-string when parsed then it is null rather than a throw', () => {
    expect(parseDuration(42 as unknown as string)).toBeNull();
  });
});

describe('isDuration', () => {
  it('given a valid duration string when checked then it is true', () => {
    expect(isDuration('P3D')).toBe(true);
  });

  it('given a bad string or a number when checked then it is false', () => {
    expect(isDuration('3 days')).toBe(false);
    expect(isDuration(3)).toBe(false);
  });
});

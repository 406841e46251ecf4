import { fitHoltWinters, forecastAhead, initialState } from './holt-winters';
import { PRIOR_CV, forecastSeries } from './forecast-series';
import { dampOutliers } from './robust';

/** Deterministic noise in [-1, 1) (a linear congruential generator), so bounds are reproducible. */
function noise(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 31 - 1;
  };
}

/** 200 cases a month, +3 a month of trend, ±50 of 12-month seasonality, ±noise share of the level. */
function seasonal(n: number, noiseShare = 0, seed = 7): { series: number[]; truth: (t: number) => number } {
  const truth = (t: number) => 200 + 3 * t + 50 * Math.sin((2 * Math.PI * t) / 12);
  const rand = noise(seed);
  return { series: Array.from({ length: n }, (_, t) => truth(t) * (1 + noiseShare * rand())), truth };
}

const mape = (forecasts: number[], actual: number[]) =>
  forecasts.reduce((a, f, i) => a + Math.abs(f - actual[i]) / actual[i], 0) / forecasts.length;

describe('forecastSeries', () => {
  describe('given 36 months with trend and 12-month seasonality', () => {
    it('forecasts the next 12 months within 1 % mean absolute percentage error when there is no noise', () => {
      const { series, truth } = seasonal(36);
      const f = forecastSeries(series, { horizon: 12 });
      expect(f.method).toBe('holt-winters');
      expect(mape(f.path, Array.from({ length: 12 }, (_, h) => truth(36 + h)))).toBeLessThan(0.01);
    });

    it('forecasts the next 12 months within 3 % mean absolute percentage error with ±5 % noise (30 noise seeds)', () => {
      for (let seed = 1; seed <= 30; seed++) {
        const { series, truth } = seasonal(36, 0.05, seed);
        const f = forecastSeries(series, { horizon: 12 });
        expect(mape(f.path, Array.from({ length: 12 }, (_, h) => truth(36 + h)))).toBeLessThan(0.03);
        expect(f.sigma).toBeGreaterThan(0);
      }
    });

    it('follows the seasonal peak rather than the average: the forecast three months ahead (the peak) is above the one nine months ahead (the trough)', () => {
      const { series } = seasonal(36);
      const f = forecastSeries(series, { horizon: 12 });
      // t = 39 is sin(π/2) = peak, t = 45 is the trough.
      expect(f.path[2]).toBeGreaterThan(f.path[8]);
    });
  });

  describe('given 18 months (one season plus six)', () => {
    it('still uses Holt-Winters: the next 12 months within 5 % MAPE and the next month within 7 % with ±5 % noise (30 seeds)', () => {
      for (let seed = 1; seed <= 30; seed++) {
        const { series, truth } = seasonal(18, 0.05, seed);
        const f = forecastSeries(series, { horizon: 12 });
        expect(f.method).toBe('holt-winters');
        expect(mape(f.path, Array.from({ length: 12 }, (_, h) => truth(18 + h)))).toBeLessThan(0.05);
        expect(Math.abs(f.path[0] - truth(18)) / truth(18)).toBeLessThan(0.07);
      }
    });
  });

  describe('given outliers', () => {
    it('damps a sixfold spike in the middle so the forecasts stay within 5 % of the clean ones', () => {
      const { series } = seasonal(36, 0.02, 3);
      const clean = forecastSeries(series, { horizon: 12 });
      const spiked = [...series];
      spiked[20] *= 6;
      const f = forecastSeries(spiked, { horizon: 12 });
      expect(f.damped).toContain(20);
      expect(mape(f.path, clean.path)).toBeLessThan(0.05);
    });

    it('damps a spike in the last month so next month is within 10 % of the clean forecast (undamped it would be > 30 % off)', () => {
      const { series } = seasonal(36, 0.02, 5);
      const clean = forecastSeries(series, { horizon: 1 });
      const spiked = [...series];
      spiked[35] *= 6;
      const f = forecastSeries(spiked, { horizon: 1 });
      expect(Math.abs(f.value - clean.value) / clean.value).toBeLessThan(0.1);
      const undamped = forecastAhead(fitHoltWinters(spiked, 12, f.params!), 1);
      expect(Math.abs(undamped - clean.value) / clean.value).toBeGreaterThan(0.3);
    });

    it('leaves a clean series untouched', () => {
      const { series } = seasonal(36);
      expect(dampOutliers(series, 12).damped).toEqual([]);
      expect(forecastSeries(series, { horizon: 1 }).damped).toEqual([]);
    });
  });

  describe('given no or short history', () => {
    it('forecasts zero with zero σ and says the method is none when there is no history', () => {
      expect(forecastSeries([], { horizon: 2 })).toEqual({ method: 'none', path: [0, 0], value: 0, sigma: 0, damped: [], historyLength: 0 });
    });

    it('forecasts zero with zero σ for a history of zeros, short or long', () => {
      for (const n of [1, 5, 12, 30]) {
        const f = forecastSeries(Array(n).fill(0), { horizon: 1 });
        expect(f.value).toBe(0);
        expect(f.sigma).toBe(0);
      }
    });

    it('uses the mean of the last three months below 12 months of history', () => {
      const f = forecastSeries([10, 90, 100, 110, 120], { horizon: 1 });
      expect(f.method).toBe('moving-average');
      expect(f.value).toBeCloseTo(110);
    });

    it('scales the moving average by the SKU seasonality hint of the target month', () => {
      const hint = [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.5];
      // Oct, Nov, Dec (index 0.5) observed; January (index 2) forecast.
      const f = forecastSeries([100, 100, 50], { horizon: 1, seasonality: hint, firstMonth: 10 });
      expect(f.value).toBeCloseTo(200);
    });

    it('assumes σ of 30 % of the forecast with fewer than three months', () => {
      const f = forecastSeries([40, 60], { horizon: 1 });
      expect(f.value).toBe(50);
      expect(f.sigma).toBeCloseTo(PRIOR_CV * 50);
    });
  });
});

describe('Holt-Winters initial state', () => {
  it('takes the trend from the first two seasons and centres the seasonal terms on the trend line', () => {
    const y = Array.from({ length: 24 }, (_, t) => 100 + 2 * t + (t % 12 === 0 ? 12 : 0));
    const s = initialState(y, 12);
    expect(s.trend).toBeCloseTo(2);
    expect(s.level).toBeCloseTo(100 + 2 * 11 + 1);
    expect(s.season[0]).toBeCloseTo(11);
  });
});

/**
 * Additive Holt-Winters (level + trend + seasonal terms) as a pure filter over a series, with
 * optional winsorising of one-step errors (outlier damping) and a small grid search for the
 * smoothing parameters. See FORECAST.md for why this method and these parameters.
 */

export interface HwParams {
  alpha: number;
  beta: number;
  gamma: number;
}

export interface HwFit {
  params: HwParams;
  /** State after the last observation. */
  level: number;
  trend: number;
  /** Seasonal terms by position in the season (t mod m). */
  season: number[];
  /** One-step-ahead errors for t ≥ m (the first season only initialises the state). */
  errors: number[];
  /** Indices where an observation was winsorised by `clip`. */
  clipped: number[];
  n: number;
  m: number;
}

export const DEFAULT_PARAMS: HwParams = { alpha: 0.3, beta: 0.05, gamma: 0.2 };
const ALPHAS = [0.1, 0.2, 0.3, 0.5, 0.7];
const BETAS = [0, 0.02, 0.05, 0.1, 0.2];
const GAMMAS = [0.05, 0.1, 0.2, 0.3, 0.5];
/** Fewer one-step errors than this and a grid search would fit noise: use the defaults. */
export const MIN_ERRORS_FOR_SEARCH = 6;

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Initial state from the first season: level = its mean moved to its last point, seasonal terms
 * = its values minus the trend line. Trend = mean of (y[t] − y[t−m]) / m over the second season's
 * points available — the difference of the first two season means with 24+ points, and still
 * an estimate free of seasonality with 13–23 (0 with exactly one season).
 */
export function initialState(y: number[], m: number): { level: number; trend: number; season: number[] } {
  const first = mean(y.slice(0, m));
  const pairs = y.slice(m, 2 * m).map((v, i) => (v - y[i]) / m);
  const trend = pairs.length > 0 ? mean(pairs) : 0;
  const centre = (m - 1) / 2;
  const season = y.slice(0, m).map((v, i) => v - (first + (i - centre) * trend));
  return { level: first + centre * trend, trend, season };
}

/**
 * Runs the filter. `clip` (absolute) winsorises observations whose one-step error exceeds it,
 * so a one-off spike moves the state by at most `clip` instead of the whole spike.
 */
export function fitHoltWinters(y: number[], m: number, params: HwParams, clip?: number): HwFit {
  if (y.length < m) throw new RangeError(`Holt-Winters needs at least one season (${m} points), got ${y.length}`);
  const { alpha, beta, gamma } = params;
  let { level, trend, season } = initialState(y, m);
  season = [...season];
  const errors: number[] = [];
  const clipped: number[] = [];
  for (let t = m; t < y.length; t++) {
    const s = season[t % m];
    const predicted = level + trend + s;
    let observed = y[t];
    const error = observed - predicted;
    errors.push(error);
    if (clip !== undefined && Math.abs(error) > clip) {
      observed = predicted + Math.sign(error) * clip;
      clipped.push(t);
    }
    const nextLevel = alpha * (observed - s) + (1 - alpha) * (level + trend);
    trend = beta * (nextLevel - level) + (1 - beta) * trend;
    season[t % m] = gamma * (observed - nextLevel) + (1 - gamma) * s;
    level = nextLevel;
  }
  return { params, level, trend, season, errors, clipped, n: y.length, m };
}

/** Forecast h periods after the last observation (h ≥ 1). */
export function forecastAhead(fit: HwFit, h: number): number {
  return fit.level + h * fit.trend + fit.season[(fit.n - 1 + h) % fit.m];
}

const sse = (errors: number[]) => errors.reduce((a, e) => a + e * e, 0);

/** The parameters with the least one-step squared error on the grid; the defaults when too few errors. */
export function bestFit(y: number[], m: number, clip?: number): HwFit {
  if (y.length - m < MIN_ERRORS_FOR_SEARCH) return fitHoltWinters(y, m, DEFAULT_PARAMS, clip);
  let best: HwFit | undefined;
  let bestSse = Infinity;
  for (const alpha of ALPHAS) {
    for (const beta of BETAS) {
      for (const gamma of GAMMAS) {
        const fit = fitHoltWinters(y, m, { alpha, beta, gamma }, clip);
        const score = sse(fit.errors);
        if (score < bestSse - 1e-9) {
          best = fit;
          bestSse = score;
        }
      }
    }
  }
  return best as HwFit;
}

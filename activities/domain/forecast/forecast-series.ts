/**
 * One SKU's demand forecast from its monthly sell-through history, choosing the method by how
 * much history there is (FORECAST.md): additive Holt-Winters from one full season (12 months),
 * a moving average (scaled by the SKU's seasonality hint when it has one) below that, and zero
 * without history. Outliers are damped before and during fitting.
 */
import { type HwParams, bestFit, forecastAhead } from './holt-winters';
import { dampOutliers, median, robustScale, scaleFloor } from './robust';

export type ForecastMethod = 'holt-winters' | 'moving-average' | 'none';

export interface SeriesForecastOptions {
  /** Periods ahead of the last observation to forecast (≥ 1). */
  horizon: number;
  /** Season length in periods; 12 for monthly data. */
  seasonLength?: number;
  /** 12 monthly indices (1 = an average month), used by the short-history fallback. */
  seasonality?: number[] | null;
  /** Calendar month (1–12) of history[0]; needed with `seasonality`. */
  firstMonth?: number;
}

export interface SeriesForecast {
  method: ForecastMethod;
  /** Forecasts for 1…horizon periods ahead, never negative. */
  path: number[];
  /** The forecast at `horizon`. */
  value: number;
  /** Standard deviation of one-period forecast errors (for safety stock). */
  sigma: number;
  params?: HwParams;
  /** History positions whose values were damped as outliers. */
  damped: number[];
  historyLength: number;
}

/** Below this share of a typical month a seasonality index is treated as unusable. */
const MIN_INDEX = 0.05;
/** Error σ assumed, as a share of the forecast, when there are too few points to measure it. */
export const PRIOR_CV = 0.3;
const MA_WINDOW = 3;

const rms = (xs: number[]) => Math.sqrt(xs.reduce((a, x) => a + x * x, 0) / xs.length);

function sampleStd(xs: number[]): number {
  if (xs.length < 2) return 0;
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

export function forecastSeries(history: number[], opts: SeriesForecastOptions): SeriesForecast {
  const horizon = Math.max(1, Math.floor(opts.horizon));
  const m = opts.seasonLength ?? 12;
  if (history.length === 0) {
    return { method: 'none', path: Array(horizon).fill(0), value: 0, sigma: 0, damped: [], historyLength: 0 };
  }
  return history.length >= m ? holtWinters(history, m, horizon) : movingAverage(history, horizon, opts);
}

function holtWinters(y: number[], m: number, horizon: number): SeriesForecast {
  const pre = dampOutliers(y, m);
  const first = bestFit(pre.cleaned, m);
  // Second pass: winsorise one-step errors beyond 3 robust scales, so a spike the pre-clean
  // could not see (a month observed once) still moves the state by a bounded amount.
  const clip = first.errors.length >= 3 ? 3 * Math.max(robustScale(first.errors), scaleFloor(y)) : undefined;
  const fit = bestFit(pre.cleaned, m, clip);
  const path = Array.from({ length: horizon }, (_, i) => Math.max(0, forecastAhead(fit, i + 1)));
  const errors = clip === undefined ? fit.errors : fit.errors.map((e) => Math.max(-clip, Math.min(clip, e)));
  const sigma = errors.length >= 3 ? rms(errors) : sampleStd(pre.cleaned);
  const damped = [...new Set([...pre.damped, ...fit.clipped])].sort((a, b) => a - b);
  return { method: 'holt-winters', path, value: path[horizon - 1], sigma, params: fit.params, damped, historyLength: y.length };
}

function indexFor(opts: SeriesForecastOptions, position: number): number {
  const hint = opts.seasonality;
  if (!hint || hint.length !== 12 || opts.firstMonth === undefined) return 1;
  const month = (((opts.firstMonth - 1 + position) % 12) + 12) % 12;
  const index = hint[month];
  return Number.isFinite(index) && index >= MIN_INDEX ? index : 1;
}

function movingAverage(y: number[], horizon: number, opts: SeriesForecastOptions): SeriesForecast {
  // Deseasonalise with the hint (if any), damp gross outliers against the median, average the
  // last few months, and re-seasonalise for each target month.
  const deseasoned = y.map((v, t) => v / indexFor(opts, t));
  const centre = median(deseasoned);
  const limit = 3.5 * Math.max(robustScale(deseasoned), scaleFloor(deseasoned));
  const damped: number[] = [];
  const cleaned = deseasoned.map((v, t) => {
    if (y.length < 4 || Math.abs(v - centre) <= limit) return v;
    damped.push(t);
    return Math.max(0, centre + Math.sign(v - centre) * limit);
  });
  const recent = cleaned.slice(-MA_WINDOW);
  const base = recent.reduce((a, b) => a + b, 0) / recent.length;
  const path = Array.from({ length: horizon }, (_, i) => Math.max(0, base * indexFor(opts, y.length + i)));
  const value = path[horizon - 1];
  const sigma = y.length >= 3 ? sampleStd(cleaned.slice(-6)) * indexFor(opts, y.length + horizon - 1) : PRIOR_CV * value;
  return { method: 'moving-average', path, value, sigma, damped, historyLength: y.length };
}

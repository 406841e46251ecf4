/**
 * Robust statistics for outlier damping: median, MAD, and a Hampel-style pre-clean of a
 * seasonal series against a rough decomposition (rolling-year median + median monthly offset).
 */

export function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median absolute deviation scaled to estimate σ of normal data (× 1.4826). */
export function robustScale(xs: number[]): number {
  const centre = median(xs);
  return 1.4826 * median(xs.map((x) => Math.abs(x - centre)));
}

/**
 * A floor on the scale so near-noiseless or mostly-constant series do not flag ordinary
 * movement: 10 % of the series' typical size.
 */
export function scaleFloor(y: number[]): number {
  return Math.max(0.1 * median(y.map(Math.abs)), 1e-6);
}

/**
 * Replaces values further than `k` robust scales from a rough seasonal baseline by the
 * baseline ± k scales. Baseline = centred rolling median over a year (13 points; seasonality
 * cancels) + the median offset of that calendar position. Months seen only once cannot be told
 * apart from seasonality and are left alone (their offset is the value itself).
 */
export function dampOutliers(y: number[], m: number, k = 3.5): { cleaned: number[]; damped: number[] } {
  if (y.length < 4) return { cleaned: [...y], damped: [] };
  const half = Math.floor(m / 2);
  const level = y.map((_, t) => median(y.slice(Math.max(0, t - half), Math.min(y.length, t + half + 1))));
  const offsets: number[][] = Array.from({ length: m }, () => []);
  y.forEach((v, t) => offsets[t % m].push(v - level[t]));
  const season = offsets.map((xs) => median(xs));
  const baseline = y.map((_, t) => level[t] + (y.length >= m ? season[t % m] : 0));
  const residuals = y.map((v, t) => v - baseline[t]);
  const limit = k * Math.max(robustScale(residuals), scaleFloor(y));
  const damped: number[] = [];
  const cleaned = y.map((v, t) => {
    if (Math.abs(residuals[t]) <= limit) return v;
    damped.push(t);
    return Math.max(0, baseline[t] + Math.sign(residuals[t]) * limit);
  });
  return { cleaned, damped };
}

/**
 * The engine benchmark's domain activities: trivial arithmetic, so the benchmark measures the
 * engine (workflow code, Temporal round trips, projection) rather than the work. Registered in the
 * bench workers only; the template's serviceTasks name them.
 */
export interface ComputeInput { seed: number; step: number }
export interface ScoreInput { value: number }
export interface CheckInput { value: number; score: number }

export const benchActivities = {
  async benchCompute({ seed, step }: ComputeInput): Promise<{ value: number }> {
    return { value: (seed * 31 + step * 17) % 1000 };
  },
  async benchScore({ value }: ScoreInput): Promise<{ score: number }> {
    return { score: value % 100 };
  },
  async benchCheck({ value, score }: CheckInput): Promise<{ ok: boolean }> {
    return { ok: value + score >= 0 };
  },
};

export type BenchActivities = typeof benchActivities;
export const BENCH_ACTIVITY_NAMES = Object.keys(benchActivities);
/** Every order of the benchmark template calls this many activities (all three checks pass). */
export const CALLS_PER_ORDER = 15;
/** …and this many before it reaches its first timer (the memory phase parks orders there). */
export const CALLS_BEFORE_FIRST_TIMER = 5;

/** The variables an order with `seed` ends with (the bench template's path, in plain code): both
 *  sides' results are checked against it, so neither can skip work unnoticed. */
export async function referenceVars(seed: number): Promise<{ seed: number; value: number; score: number; ok: boolean }> {
  const a = benchActivities;
  let { value } = await a.benchCompute({ seed, step: 1 });
  ({ value } = await a.benchCompute({ seed: value, step: 2 }));
  let { score } = await a.benchScore({ value });
  ({ value } = await a.benchCompute({ seed: value, step: 4 }));
  let { ok } = await a.benchCheck({ value, score });
  ({ value } = await a.benchCompute({ seed: value, step: 6 }));
  ({ score } = await a.benchScore({ value }));
  ({ ok } = await a.benchCheck({ value, score }));
  for (const step of [9, 10]) ({ value } = await a.benchCompute({ seed: value, step }));
  ({ score } = await a.benchScore({ value }));
  ({ value } = await a.benchCompute({ seed: value, step: 12 }));
  ({ ok } = await a.benchCheck({ value, score }));
  ({ value } = await a.benchCompute({ seed: value, step: 14 }));
  ({ score } = await a.benchScore({ value }));
  return { seed, value, score, ok };
}

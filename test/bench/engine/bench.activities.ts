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
  const vars = { seed, value: 0, score: 0, ok: false };
  const compute = async (from: number, step: number) => { vars.value = (await a.benchCompute({ seed: from, step })).value; };
  const score = async () => { vars.score = (await a.benchScore({ value: vars.value })).score; };
  const check = async () => { vars.ok = (await a.benchCheck({ value: vars.value, score: vars.score })).ok; };
  await compute(seed, 1);
  await compute(vars.value, 2);
  await score();
  if (!(vars.score >= 0)) return vars;
  await compute(vars.value, 4);
  await check();
  await compute(vars.value, 6);
  await score();
  await check();
  if (!vars.ok) return vars;
  await compute(vars.value, 9);
  await compute(vars.value, 10);
  await score();
  if (!(vars.score < 100)) return vars;
  await compute(vars.value, 12);
  await check();
  await compute(vars.value, 14);
  await score();
  return vars;
}

/**
 * The engine benchmark's baseline: the bench template (engine/engine.template.json) written by
 * hand as a plain Temporal workflow — the same 15 activity calls with the same inputs, the same
 * three checks, the same two timers and the same activity options as the interpreter gives a
 * serviceTask without `retry`/`timeout`. No projection, no search attributes: what a team would
 * write without OrderPath. Keep the two in step when either changes.
 */
import { proxyActivities, sleep } from '@temporalio/workflow';
import type { BenchActivities } from './engine/bench.activities';

// The interpreter's defaults for a serviceTask (order.workflow.ts, serviceProxy).
const act = proxyActivities<BenchActivities>({
  startToCloseTimeout: '5m',
  retry: { maximumAttempts: 3, initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '5m' },
});

export interface HandwrittenInput {
  seed: number;
  /** Durations of the two timers in ms (1 s each in the template; a day for the memory phase). */
  timersMs: [number, number];
}

export interface HandwrittenResult {
  status: 'completed';
  vars: { seed: number; value: number; score: number; ok: boolean };
}

export async function handwrittenOrder({ seed, timersMs }: HandwrittenInput): Promise<HandwrittenResult> {
  const vars = { seed, value: 0, score: 0, ok: false };
  const done = (): HandwrittenResult => ({ status: 'completed', vars });
  const compute = async (from: number, step: number) => { vars.value = (await act.benchCompute({ seed: from, step })).value; };
  const score = async () => { vars.score = (await act.benchScore({ value: vars.value })).score; };
  const check = async () => { vars.ok = (await act.benchCheck({ value: vars.value, score: vars.score })).ok; };

  await compute(vars.seed, 1);
  await compute(vars.value, 2);
  await score();
  if (!(vars.score >= 0)) return done();
  await compute(vars.value, 4);
  await check();
  await sleep(timersMs[0]);
  await compute(vars.value, 6);
  await score();
  await check();
  if (!(vars.ok === true)) return done();
  await compute(vars.value, 9);
  await compute(vars.value, 10);
  await score();
  if (!(vars.score < 100)) return done();
  await compute(vars.value, 12);
  await sleep(timersMs[1]);
  await check();
  await compute(vars.value, 14);
  await score();
  return done();
}

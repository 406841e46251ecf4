import { performance } from 'node:perf_hooks';

/**
 * `clients` concurrent loops calling `call` back to back for `durationMs`; returns each call's
 * latency in ms. A failed call fails the run (a benchmark of errors measures nothing).
 */
export async function closedLoop(call: () => Promise<void>, clients: number, durationMs: number): Promise<number[]> {
  const latencies: number[] = [];
  const end = performance.now() + durationMs;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      await call();
      latencies.push(performance.now() - t0);
    }
  }));
  return latencies;
}

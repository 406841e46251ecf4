import type { Figure } from './results';

/** What the runner hands every benchmark. */
export interface BenchContext {
  /** The benchmark database (migrated, recreated by infra/bench.sh for each run). */
  databaseUrl: string;
  /** Progress and detail lines (stderr), kept apart from the result table. */
  log(message: string): void;
}

/** One benchmark: `npm run bench -- <name>` runs it, `npm run bench -- <group>` its group. */
export interface Benchmark {
  name: string;
  group: string;
  run(ctx: BenchContext): Promise<Figure[]>;
}

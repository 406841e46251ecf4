/**
 * CPU spent by several processes over a stretch of a benchmark, to say where a request's cost
 * goes (API process, PostgreSQL backends, the load generator itself).
 */
import type { Pool } from 'pg';
import { cpuMsOf } from './processes';

export type CpuSources = Record<string, () => number | Promise<number>>;

/** Accumulates CPU ms per source over the stretches measured with `measure`. */
export class CpuMeter {
  readonly totals: Record<string, number> = {};

  constructor(private readonly sources: CpuSources) {}

  async measure<T>(work: () => Promise<T>): Promise<T> {
    const before = await this.read();
    const result = await work();
    const after = await this.read();
    for (const key of Object.keys(after)) this.totals[key] = (this.totals[key] ?? 0) + after[key] - (before[key] ?? 0);
    return result;
  }

  /** e.g. "api 2.10 ms, postgres 0.80 ms per request". */
  per(count: number, what: string): string {
    return `${Object.entries(this.totals).map(([k, ms]) => `${k} ${(ms / count).toFixed(2)} ms`).join(', ')} CPU per ${what}`;
  }

  private async read(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const [key, source] of Object.entries(this.sources)) out[key] = await source();
    return out;
  }
}

/** This process's CPU ms (all threads). */
export const ownCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** CPU ms of the PostgreSQL backends currently connected to the pool's database (same machine). */
export async function postgresCpuMs(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  let total = 0;
  for (const { pid } of rows) {
    try {
      total += cpuMsOf(pid);
    } catch {
      // The backend ended meanwhile.
    }
  }
  return total;
}

import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { Pool } from 'pg';

/**
 * Runs one statement straight on the data source's pg pool and returns its rows. For hot paths:
 * `DataSource.query` adds a query runner, query logging and event broadcasting to every call,
 * about a tenth of a millisecond of CPU (engine and inbox benchmarks). Same pool, same errors
 * as pg reports them; use TypeORM's manager for transactions.
 */
export async function poolQuery<T = Record<string, unknown>>(ds: DataSource, sql: string, params: unknown[] = []): Promise<T[]> {
  const pool = (ds.driver as PostgresDriver).master as Pool;
  const { rows } = await pool.query(sql, params);
  return rows as T[];
}

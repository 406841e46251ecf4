/**
 * The one TypeORM data source (entities + migrations) shared by the API, the worker's activities
 * and the migration runner. Schema changes only through timestamped migrations; never synchronize.
 */
import 'reflect-metadata';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export const DEFAULT_DATABASE_URL = 'postgres://orderpath:orderpath@127.0.0.1:5432/orderpath';

export function dataSourceOptions(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, poolSize = 20): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    extra: { max: poolSize },
  };
}

export function createDataSource(url?: string, poolSize?: number): DataSource {
  return new DataSource(dataSourceOptions(url, poolSize));
}

/** Applies pending migrations; safe to call on every start (migrations run in a transaction each). */
export async function migrate(ds: DataSource): Promise<string[]> {
  const done = await ds.runMigrations({ transaction: 'each' });
  return done.map((m) => m.name);
}

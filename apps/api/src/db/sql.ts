import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { poolQuery } from '@orderpath/activities/db/pool-query';

/**
 * Plain SQL on the `pg` pool that TypeORM's data source already holds (one pool per process): one
 * statement, its rows (see poolQuery). Transactions and repositories stay on TypeORM; nothing is
 * logged here, and failures are TypeORM's QueryFailedError, so the problem filter maps them as before.
 */
@Injectable()
export class Sql {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Runs one statement with `$1…$n` parameters and resolves with its rows. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query<T = any>(text: string, params?: unknown[]): Promise<T[]> {
    return poolQuery<T>(this.ds, text, params);
  }
}

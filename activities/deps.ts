import type { DataSource } from 'typeorm';

/** What activities need from the outside world; built once per worker process. */
export interface ActivityDeps {
  ds: DataSource;
}

/** CLI: applies pending migrations to DATABASE_URL (infra scripts call it before starting services). */
import { createDataSource, migrate } from './data-source';

async function main(): Promise<void> {
  const ds = await createDataSource(undefined, 2).initialize();
  try {
    const applied = await migrate(ds);
    console.log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date');
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

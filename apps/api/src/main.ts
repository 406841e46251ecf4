import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createDataSource, migrate } from '@orderpath/activities/db/data-source';
import { createApp } from './app.factory';
import { loadConfig } from './config';
import { seedDemo } from './seed/seed-demo';

async function main(): Promise<void> {
  const log = new Logger('main');
  const config = loadConfig();
  const ds = await createDataSource(config.databaseUrl, 2).initialize();
  try {
    await migrate(ds);
    if (config.demo) await seedDemo(ds, config.demoPassword);
  } finally {
    await ds.destroy();
  }
  const app = await createApp(config);
  await app.listen(config.port, '0.0.0.0');
  log.log(`OrderPath API on http://localhost:${config.port}/api (docs: /api/docs)`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { setFlagsFromString } from 'node:v8';
import { createDataSource, migrate } from '@orderpath/activities/db/data-source';
import { createApp } from './app.factory';
import { loadConfig } from './config';
import { seedDemo } from './seed/seed-demo';

/**
 * Decision: no allocation-site pretenuring in the API process. Under the inbox benchmark's load V8
 * found every object of an allocation site alive at young-generation GCs (`--trace-pretenuring`:
 * ~140 of ~140 per scavenge) and began allocating that site's objects in the old generation,
 * where they died; what they pointed to was then kept through scavenges and promoted: ~2.2 MB
 * survived each scavenge instead of ~0.1 MB, scavenges took 3–5 ms instead of ~1 ms, old-generation
 * GCs came every second or two, and the API spent 0.31 ms of CPU per inbox request instead of
 * 0.23 ms (A/B of two API processes in alternating windows). Request data dies young here; nothing
 * in the API gains from pretenuring. V8 reads the flag at each scavenge, so setting it at start works.
 */
setFlagsFromString('--no-allocation-site-pretenuring');

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

/** The benchmark database: a TypeORM data source and publishing of bench templates. */
import type { DataSource } from 'typeorm';
import { createDataSource } from '@orderpath/activities/db/data-source';
import { type Definition, definitionSchema } from '@orderpath/workflows/definition/schema';
import { hasErrors, validateDefinition } from '@orderpath/workflows/definition/validate';
import { publishIfMissing } from '../../../apps/api/src/seed/seed-demo';

export function openBenchDb(url: string, poolSize = 10): Promise<DataSource> {
  return createDataSource(url, poolSize).initialize();
}

/**
 * Validates a bench template like the API's publish does, publishes it as version 1 and returns
 * the parsed definition a workflow is started with.
 * @throws when validateDefinition reports errors (a broken bench template must not be measured).
 */
export async function publishBenchTemplate(ds: DataSource, raw: Record<string, unknown>, activities?: string[]): Promise<Definition> {
  const issues = validateDefinition(raw, { activities });
  if (hasErrors(issues)) {
    throw new Error(`bench template ${String(raw.key)} is invalid: ${issues.map((i) => `${i.code} ${i.message}`).join('; ')}`);
  }
  await publishIfMissing(ds, raw);
  return definitionSchema.parse({ ...raw, version: 1 });
}

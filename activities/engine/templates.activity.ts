import type { Definition } from '@orderpath/workflows/definition/schema';
import type { ActivityDeps } from '../deps';

export function templateActivities({ ds }: ActivityDeps) {
  return {
    /** Loads a published template version (the latest when version is omitted), for sub-processes. */
    async loadTemplate(key: string, version?: number): Promise<Definition> {
      const rows: { definition: Definition; version: number }[] = await ds.query(
        version
          ? `SELECT definition, version FROM template_versions WHERE key = $1 AND version = $2`
          : `SELECT definition, version FROM template_versions WHERE key = $1 ORDER BY version DESC LIMIT 1`,
        version ? [key, version] : [key],
      );
      if (!rows[0]) {
        const { ApplicationFailure } = await import('@temporalio/activity');
        throw ApplicationFailure.nonRetryable(`template ${key}${version ? ` v${version}` : ''} is not published`, 'TemplateNotFound');
      }
      return { ...rows[0].definition, version: rows[0].version };
    },
  };
}

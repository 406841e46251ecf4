/** Opens a template's draft in the designer. */
import { useMemo } from 'react';
import type { Definition } from '@orderpath/workflows/definition/schema';
import type { ValidationContext } from '@orderpath/workflows/definition/validate';
import { getCatalog, getTemplate, listTemplates } from '../api/endpoints';
import { useAsync } from '../app/use-async';
import { ErrorNotice, Loading } from '../components/notice';
import { EditorStore } from '../core/editor-store';
import { needsLayout, withLayout } from '../core/layout';
import { Workspace } from '../designer/workspace';


/** A stored draft may be partial (saved mid-edit): give it the arrays the designer needs. */
export function normaliseDraft(key: string, draft: Partial<Definition> | null | undefined, name?: string): Definition {
  const def = { ...draft, key, name: draft?.name ?? name ?? key, stages: draft?.stages ?? [], nodes: draft?.nodes ?? [], edges: draft?.edges ?? [] } as Definition;
  return needsLayout(def) ? withLayout(def) : def;
}

export function DesignerPage({ templateKey }: { templateKey: string }) {
  const data = useAsync(async () => {
    const [template, templates, catalog] = await Promise.all([getTemplate(templateKey), listTemplates().catch(() => null), getCatalog()]);
    return { template, catalog, templates: templates?.items.filter((x) => x.latestVersion !== null).map((x) => x.key) ?? [] };
  }, [templateKey]);
  const store = useMemo(() => (data.data ? new EditorStore(normaliseDraft(templateKey, data.data.template.draft, data.data.template.name)) : null), [data.data, templateKey]);
  // The server's lists make the live check catch unknown activities and roles while editing.
  const ctx = useMemo<ValidationContext>(() => ({ roles: data.data?.catalog.roles, activities: data.data?.catalog.activities }), [data.data]);
  if (data.loading && !data.data) return <Loading />;
  if (!store || !data.data) return <ErrorNotice error={data.error} />;
  return <Workspace store={store} ctx={ctx} activities={data.data.catalog.activities} templates={data.data.templates} />;
}

/** Opens a template's draft in the designer. */
import { useMemo } from 'react';
import type { Definition } from '@orderpath/workflows/definition/schema';
import type { ValidationContext } from '@orderpath/workflows/definition/validate';
import { getTemplate, listTemplates } from '../api/endpoints';
import { useAsync } from '../app/use-async';
import { ErrorNotice, Loading } from '../components/notice';
import { EditorStore } from '../core/editor-store';
import { needsLayout, withLayout } from '../core/layout';
import { Workspace } from '../designer/workspace';

/**
 * Suggestions for the activity picker: the domain activities the worker registers. The API has no
 * list endpoint, so the live check leaves `unknown_activity` to the server (shown after a save).
 */
const KNOWN_ACTIVITIES = [
  'computeOrderValue', 'loadDistributor', 'signDistributor', 'recordKaEntry', 'forecastDemand', 'saveDemandPlan', 'agreeDemandPlan',
  'publishPlanToHq', 'paymentReminderDate', 'paymentReminderDue', 'allocateStock', 'createShipment', 'confirmDelivery',
  'ingestSellThrough', 'analyseSellThrough', 'listAuditOutlets', 'scoreShelfAudit', 'suggestExpansion', 'saveExpansionPlan',
];
const ROLES = ['admin', 'supervisor', 'rep'];

/** A stored draft may be partial (saved mid-edit): give it the arrays the designer needs. */
export function normaliseDraft(key: string, draft: Partial<Definition> | null | undefined, name?: string): Definition {
  const def = { ...draft, key, name: draft?.name ?? name ?? key, stages: draft?.stages ?? [], nodes: draft?.nodes ?? [], edges: draft?.edges ?? [] } as Definition;
  return needsLayout(def) ? withLayout(def) : def;
}

export function DesignerPage({ templateKey }: { templateKey: string }) {
  const data = useAsync(async () => {
    const [template, templates] = await Promise.all([getTemplate(templateKey), listTemplates().catch(() => null)]);
    return { template, templates: templates?.items.filter((x) => x.latestVersion !== null).map((x) => x.key) ?? [] };
  }, [templateKey]);
  const store = useMemo(() => (data.data ? new EditorStore(normaliseDraft(templateKey, data.data.template.draft, data.data.template.name)) : null), [data.data, templateKey]);
  const ctx = useMemo<ValidationContext>(() => ({ roles: ROLES }), []);
  if (data.loading && !data.data) return <Loading />;
  if (!store || !data.data) return <ErrorNotice error={data.error} />;
  return <Workspace store={store} ctx={ctx} activities={KNOWN_ACTIVITIES} templates={data.data.templates} />;
}

/** Properties of user tasks and service tasks. */
import { TIME_CATEGORIES } from '@orderpath/workflows/definition/schema';
import { OUTPUT_ROOTS } from '@orderpath/workflows/definition/expressions';
import { categoryName } from '../../i18n/translate';
import { FormBuilder } from './form-builder';
import { DurationProp, ExpressionProp, NumberProp, SelectProp, TextProp } from './inputs';
import { MappingEditor } from './mapping-editor';
import { type SectionProps, fieldError } from './prop-context';

const ROLES = ['rep', 'supervisor', 'admin'];

export function UserTaskSection({ def, node, issues, edit, commit, t }: SectionProps<'userTask'>) {
  const outgoing = def.edges.filter((e) => e.source === node.id);
  const overdueOptions = [{ value: 'escalate', label: t('props.escalate') }, ...outgoing.map((e) => ({ value: e.id, label: t('props.takeEdge', { edge: `${e.id} → ${e.target}` }) }))];
  return (
    <>
      <TextProp id="p-role" label={t('props.role')} value={node.role} list="roles" onChange={(v) => edit({ role: v ?? '' }, 'role')} onCommit={commit}
        error={fieldError(issues, 'role')} testId="prop-role" />
      <datalist id="roles">{ROLES.map((r) => <option key={r} value={r} />)}</datalist>
      <ExpressionProp id="p-assignee" label={t('props.assignee')} value={node.assignee} placeholder="vars.owner" onChange={(v) => edit({ assignee: v }, 'assignee')} onCommit={commit} />
      <SelectProp id="p-category" label={t('props.category')} value={node.category} empty={t('common.none')}
        options={TIME_CATEGORIES.map((c) => ({ value: c, label: categoryName(t, c) }))} onChange={(v) => edit({ category: v }, 'category')} />
      <DurationProp id="p-due" label={t('props.dueIn')} value={node.dueIn} onChange={(v) => edit({ dueIn: v, onOverdue: v ? node.onOverdue : undefined }, 'dueIn')} onCommit={commit}
        error={fieldError(issues, 'dueIn')} testId="prop-dueIn" />
      {node.dueIn && (
        <SelectProp id="p-overdue" label={t('props.onOverdue')} value={node.onOverdue} empty={t('common.none')} options={overdueOptions}
          onChange={(v) => edit({ onOverdue: v }, 'onOverdue')} error={fieldError(issues, 'onOverdue')} />
      )}
      <FormBuilder nodeId={node.id} fields={node.form?.fields ?? []} issues={issues} onCommit={commit}
        onChange={(fields) => edit({ form: fields?.length ? { fields } : undefined }, 'form')} />
    </>
  );
}

export function ServiceTaskSection({ node, issues, edit, commit, t, activities }: SectionProps<'serviceTask'>) {
  const retry = node.retry;
  const setRetry = (patch: Record<string, unknown>) => {
    const next: Record<string, unknown> = { maxAttempts: 3, ...retry, ...patch };
    for (const k of Object.keys(patch)) if (next[k] === undefined) delete next[k];
    edit({ retry: next }, 'retry');
  };
  return (
    <>
      <TextProp id="p-activity" label={t('props.activity')} value={node.activity} list="activities" onChange={(v) => edit({ activity: v ?? '' }, 'activity')} onCommit={commit}
        error={fieldError(issues, 'activity')} testId="prop-activity" />
      <datalist id="activities">{activities.map((a) => <option key={a} value={a} />)}</datalist>
      <MappingEditor label={t('props.input')} value={node.input} onChange={(v) => edit({ input: v }, 'input')} onCommit={commit} testId="prop-input" />
      <MappingEditor label={t('props.output')} value={node.output} options={{ roots: OUTPUT_ROOTS }} onChange={(v) => edit({ output: v }, 'output')} onCommit={commit} />
      <fieldset className="prop retry" data-testid="prop-retry">
        <legend>{t('props.retry')}</legend>
        <NumberProp id="p-attempts" label={t('props.maxAttempts')} integer value={retry?.maxAttempts} onChange={(v) => setRetry({ maxAttempts: v ?? 3 })} onCommit={commit}
          error={fieldError(issues, 'retry.maxAttempts')} />
        <DurationProp id="p-interval" label={t('props.initialInterval')} value={retry?.initialInterval} onChange={(v) => setRetry({ initialInterval: v })} onCommit={commit} />
        <NumberProp id="p-backoff" label={t('props.backoff')} value={retry?.backoff} onChange={(v) => setRetry({ backoff: v })} onCommit={commit} />
        <DurationProp id="p-maxint" label={t('props.maxInterval')} value={retry?.maxInterval} onChange={(v) => setRetry({ maxInterval: v })} onCommit={commit} />
      </fieldset>
      <DurationProp id="p-timeout" label={t('props.timeout')} value={node.timeout} onChange={(v) => edit({ timeout: v }, 'timeout')} onCommit={commit} error={fieldError(issues, 'timeout')} />
    </>
  );
}

/**
 * The form-field builder of a user task: add, edit, reorder and remove fields. A table field's
 * columns are edited with the same builder, one level down.
 */
import { FIELD_TYPES, type FormField } from '@orderpath/workflows/definition/schema';
import type { ValidationIssue } from '@orderpath/workflows/definition/validate';
import { useApp } from '../../app/app-context';
import { CheckProp, ExpressionProp, NumberProp, SelectProp, TextProp } from './inputs';

interface Props {
  nodeId: string;
  fields: readonly FormField[];
  issues: readonly ValidationIssue[];
  onChange(fields: FormField[] | undefined): void;
  onCommit(): void;
  /** Where these fields sit in a validation issue's path: `.form.fields`, or a table's `.form.fields[2].columns`. */
  path?: string;
  /** Prefix of each field's test id (`form-field-0`); a table's columns get `form-field-2-column-0`. */
  testIdPrefix?: string;
}

function optionsText(field: FormField): string {
  return (field.options ?? []).map((o) => (o.value === o.label ? o.value : `${o.value}=${o.label}`)).join('\n');
}

function parseOptions(text: string): FormField['options'] {
  const options = text.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
    const [value, ...rest] = line.split('=');
    return { value: value.trim(), label: (rest.join('=') || value).trim() };
  });
  return options.length ? options : undefined;
}

function freshKey(fields: readonly FormField[], stem: string): string {
  for (let n = fields.length + 1; ; n++) if (!fields.some((f) => f.key === `${stem}${n}`)) return `${stem}${n}`;
}

export function FormBuilder({ nodeId, fields, issues, onChange, onCommit, path = '.form.fields', testIdPrefix = 'form-field' }: Props) {
  const nested = path !== '.form.fields';
  const { t } = useApp();
  const set = (i: number, patch: Partial<FormField>) => onChange(fields.map((f, j) => {
    if (j !== i) return f;
    const next: Record<string, unknown> = { ...f, ...patch };
    for (const k of Object.keys(patch)) if (next[k] === undefined) delete next[k];
    return next as FormField;
  }));
  const move = (i: number, by: number) => {
    const next = [...fields];
    const [f] = next.splice(i, 1);
    next.splice(i + by, 0, f);
    onChange(next);
  };
  // A field's own issues; its columns' issues show beside the columns.
  const fieldIssue = (i: number) => issues.find((x) => {
    const at = x.path?.indexOf(`${path}[${i}]`) ?? -1;
    return at >= 0 && !x.path!.startsWith('.columns[', at + `${path}[${i}]`.length);
  })?.message;

  return (
    <fieldset className={nested ? 'form-builder nested' : 'form-builder'} data-testid={nested ? `${testIdPrefix}s` : 'form-builder'}>
      <legend>{t(nested ? 'props.columns' : 'props.form')}</legend>
      {fields.map((f, i) => {
        const id = `${nodeId}-field-${i}`;
        const numeric = f.type === 'number' || f.type === 'integer' || f.type === 'text' || f.type === 'textarea' || f.type === 'multiselect' || f.type === 'table';
        return (
          <div key={i} className={`form-field-editor${fieldIssue(i) ? ' prop-invalid' : ''}`} data-testid={`${testIdPrefix}-${i}`}>
            <div className="row">
              <strong>{i + 1}.</strong>
              <button type="button" className="link" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('props.moveUp')}>↑</button>
              <button type="button" className="link" disabled={i === fields.length - 1} onClick={() => move(i, 1)} aria-label={t('props.moveDown')}>↓</button>
              <button type="button" className="link danger" onClick={() => onChange(fields.filter((_, j) => j !== i))}>{t('common.remove')}</button>
            </div>
            {fieldIssue(i) && <span className="field-error">{fieldIssue(i)}</span>}
            <div className="grid-2">
              <TextProp id={`${id}-key`} label={t('props.fieldKey')} value={f.key} onChange={(v) => set(i, { key: v ?? '' })} onCommit={onCommit} testId="field-key" />
              <SelectProp id={`${id}-type`} label={t('props.fieldType')} value={f.type} options={FIELD_TYPES.map((x) => ({ value: x, label: x }))}
                onChange={(v) => set(i, { type: v ?? 'text' })} testId="field-type" />
            </div>
            <TextProp id={`${id}-label`} label={t('props.fieldLabel')} value={f.label} onChange={(v) => set(i, { label: v ?? '' })} onCommit={onCommit} testId="field-label" />
            <CheckProp id={`${id}-req`} label={t('props.required')} value={Boolean(f.required)} onChange={(v) => set(i, { required: v || undefined })} testId="field-required" />
            {numeric && (
              <div className="grid-2">
                <NumberProp id={`${id}-min`} label={t('props.min')} value={f.min} onChange={(v) => set(i, { min: v })} onCommit={onCommit} />
                <NumberProp id={`${id}-max`} label={t('props.max')} value={f.max} onChange={(v) => set(i, { max: v })} onCommit={onCommit} />
              </div>
            )}
            {(f.type === 'select' || f.type === 'multiselect') && (
              <TextProp id={`${id}-opts`} label={t('props.options')} multiline value={optionsText(f)} onChange={(v) => set(i, { options: parseOptions(v ?? '') })} onCommit={onCommit} />
            )}
            {f.type === 'table' && (
              <FormBuilder nodeId={`${id}-col`} fields={f.columns ?? []} issues={issues} onChange={(columns) => set(i, { columns: columns ?? [] })}
                onCommit={onCommit} path={`${path}[${i}].columns`} testIdPrefix={`${testIdPrefix}-${i}-column`} />
            )}
            <ExpressionProp id={`${id}-default`} label={t('props.default')} value={f.default} onChange={(v) => set(i, { default: v })} onCommit={onCommit} />
            <TextProp id={`${id}-help`} label={t('props.help')} value={f.help} onChange={(v) => set(i, { help: v })} onCommit={onCommit} />
          </div>
        );
      })}
      <button type="button" className="secondary" data-testid={nested ? `add-${testIdPrefix}` : 'add-field'}
        onClick={() => onChange([...fields, { key: freshKey(fields, nested ? 'column' : 'field'), type: 'text', label: `${nested ? 'Column' : 'Field'} ${fields.length + 1}` }])}>
        {t(nested ? 'props.addColumn' : 'props.addField')}
      </button>
    </fieldset>
  );
}

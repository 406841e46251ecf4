/** The form-field builder of a user task: add, edit, reorder and remove fields. */
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

function freshKey(fields: readonly FormField[]): string {
  for (let n = fields.length + 1; ; n++) if (!fields.some((f) => f.key === `field${n}`)) return `field${n}`;
}

export function FormBuilder({ nodeId, fields, issues, onChange, onCommit }: Props) {
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
  const fieldIssue = (i: number) => issues.find((x) => x.path?.includes(`.form.fields[${i}]`))?.message;

  return (
    <fieldset className="form-builder" data-testid="form-builder">
      <legend>{t('props.form')}</legend>
      {fields.map((f, i) => {
        const id = `${nodeId}-field-${i}`;
        const numeric = f.type === 'number' || f.type === 'integer' || f.type === 'text' || f.type === 'textarea' || f.type === 'multiselect' || f.type === 'table';
        return (
          <div key={i} className={`form-field-editor${fieldIssue(i) ? ' prop-invalid' : ''}`} data-testid={`form-field-${i}`}>
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
              <TextProp id={`${id}-cols`} label="Columns (JSON)" multiline value={JSON.stringify(f.columns ?? [])} onCommit={onCommit}
                onChange={(v) => { try { set(i, { columns: JSON.parse(v ?? '[]') as FormField[] }); } catch { /* keep typing */ } }} />
            )}
            <ExpressionProp id={`${id}-default`} label={t('props.default')} value={f.default} onChange={(v) => set(i, { default: v })} onCommit={onCommit} />
            <TextProp id={`${id}-help`} label={t('props.help')} value={f.help} onChange={(v) => set(i, { help: v })} onCommit={onCommit} />
          </div>
        );
      })}
      <button type="button" className="secondary" data-testid="add-field"
        onClick={() => onChange([...fields, { key: freshKey(fields), type: 'text', label: `Field ${fields.length + 1}` }])}>
        {t('props.addField')}
      </button>
    </fieldset>
  );
}

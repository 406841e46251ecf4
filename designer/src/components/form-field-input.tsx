/** One input of a task form, chosen by the field's type; errors are keyed by path (`lines[0].qty`). */
import type { FormField } from '@orderpath/workflows/definition/schema';
import type { InputValues } from '../core/form-values';
import { useApp } from '../app/app-context';

interface Props {
  field: FormField;
  path: string;
  value: unknown;
  errors: Record<string, string>;
  disabled?: boolean;
  onChange(value: unknown): void;
}

function TableInput({ field, path, value, errors, disabled, onChange }: Props) {
  const { t } = useApp();
  const rows = Array.isArray(value) ? (value as InputValues[]) : [];
  const columns = field.columns ?? [];
  const setCell = (i: number, key: string, v: unknown) => onChange(rows.map((r, j) => (j === i ? { ...r, [key]: v } : r)));
  return (
    <div className="table-input">
      <table>
        <thead><tr>{columns.map((c) => <th key={c.key}>{c.label}</th>)}<th /></tr></thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c.key}>
                  <FieldControl field={c} path={`${path}[${i}].${c.key}`} value={row[c.key]} errors={errors} disabled={disabled} onChange={(v) => setCell(i, c.key, v)} />
                  {errors[`${path}[${i}].${c.key}`] && <span className="field-error">{errors[`${path}[${i}].${c.key}`]}</span>}
                </td>
              ))}
              <td><button type="button" className="link" disabled={disabled} onClick={() => onChange(rows.filter((_, j) => j !== i))}>{t('common.remove')}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="secondary" disabled={disabled} onClick={() => onChange([...rows, {}])}>{t('task.addRow')}</button>
    </div>
  );
}

function FieldControl(props: Props) {
  const { field, path, value, disabled, onChange } = props;
  const { t } = useApp();
  const common = { id: `f-${path}`, name: path, disabled, 'aria-invalid': Boolean(props.errors[path]) || undefined };
  switch (field.type) {
    case 'textarea':
      return <textarea {...common} rows={3} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} />;
    case 'number':
    case 'integer':
      return <input {...common} type="text" inputMode={field.type === 'integer' ? 'numeric' : 'decimal'} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} />;
    case 'boolean':
      return <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
    case 'date':
      return <input {...common} type="date" value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} />;
    case 'select':
      return (
        <select {...common} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('task.select')}</option>
          {(field.options ?? []).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      );
    case 'multiselect': {
      const chosen = new Set(Array.isArray(value) ? (value as string[]) : []);
      return (
        <div className="checks" id={common.id}>
          {(field.options ?? []).map((o) => (
            <label key={o.value} className="check">
              <input type="checkbox" disabled={disabled} checked={chosen.has(o.value)}
                onChange={(e) => onChange((field.options ?? []).map((x) => x.value).filter((v) => (v === o.value ? e.target.checked : chosen.has(v))))} />
              {o.label}
            </label>
          ))}
        </div>
      );
    }
    case 'table':
      return <TableInput {...props} />;
    default:
      return <input {...common} type="text" value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} />;
  }
}

export function FormFieldInput(props: Props) {
  const { field, path, errors } = props;
  const error = errors[path];
  return (
    <div className={`field field-${field.type}${error ? ' field-invalid' : ''}`} data-testid={`field-${path}`}>
      <label htmlFor={`f-${path}`}>{field.label}{field.required && <span className="req" aria-hidden> *</span>}</label>
      <FieldControl {...props} />
      {error ? <span className="field-error" role="alert" data-testid={`error-${path}`}>{error}</span> : field.help ? <span className="field-hint">{field.help}</span> : null}
    </div>
  );
}

/** name → expression rows (service task input/output, sub-process mappings). */
import { compileExpression, type ExpressionOptions } from '@orderpath/workflows/definition/expressions';
import { useApp } from '../../app/app-context';

interface Props {
  label: string;
  value: Record<string, string> | undefined;
  options?: ExpressionOptions;
  onChange(v: Record<string, string> | undefined): void;
  onCommit?: () => void;
  testId?: string;
}

export function MappingEditor({ label, value, options, onChange, onCommit, testId }: Props) {
  const { t } = useApp();
  const rows = Object.entries(value ?? {});
  const set = (next: [string, string][]) => onChange(next.length ? Object.fromEntries(next) : undefined);
  const update = (i: number, k: string, v: string) => set(rows.map((r, j) => (j === i ? [k, v] : r)));
  return (
    <fieldset className="prop mapping" data-testid={testId}>
      <legend>{label}</legend>
      {rows.map(([k, v], i) => {
        const check = v ? compileExpression(v, options) : null;
        return (
          <div key={i} className="mapping-row">
            <input aria-label={t('props.mappingKey')} value={k} onChange={(e) => update(i, e.target.value, v)} onBlur={onCommit} />
            <span>←</span>
            <input aria-label={t('props.mappingValue')} className={`mono${check && !check.ok ? ' invalid' : ''}`} value={v} title={check && !check.ok ? check.error : undefined}
              onChange={(e) => update(i, k, e.target.value)} onBlur={onCommit} />
            <button type="button" className="link" onClick={() => set(rows.filter((_, j) => j !== i))} aria-label={t('common.remove')}>✕</button>
            {check && !check.ok && <span className="field-error">{check.error}</span>}
          </div>
        );
      })}
      <button type="button" className="secondary small" onClick={() => set([...rows, [`name${rows.length + 1}`, 'vars.']])}>{t('common.add')}</button>
    </fieldset>
  );
}

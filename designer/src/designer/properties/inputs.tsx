/**
 * Property inputs. Each reports every keystroke (the command stack folds a typing run into one
 * undo step) and calls `onCommit` on blur to end the run. Expressions and durations are checked
 * live with the template language's own compileExpression / parseDuration.
 */
import { type ReactNode, useEffect, useState } from 'react';
import { compileExpression, type ExpressionOptions } from '@orderpath/workflows/definition/expressions';
import { parseDuration } from '@orderpath/workflows/definition/duration';
import { useApp } from '../../app/app-context';
import { formatMs } from '../../core/heatmap';

interface Base {
  label: string;
  id: string;
  onCommit?: () => void;
  error?: string | null;
  testId?: string;
}

function Row({ label, id, error, hint, children, testId }: Base & { hint?: ReactNode; children: ReactNode }) {
  return (
    <div className={`prop${error ? ' prop-invalid' : ''}`} data-testid={testId}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? <span className="field-error" role="alert">{error}</span> : hint ? <span className="prop-hint">{hint}</span> : null}
    </div>
  );
}

export function TextProp(props: Base & { value: string | undefined; onChange(v: string | undefined): void; multiline?: boolean; placeholder?: string; list?: string }) {
  const { id, value, onChange, onCommit, multiline, placeholder, list } = props;
  const change = (v: string) => onChange(v === '' ? undefined : v);
  return (
    <Row {...props}>
      {multiline
        ? <textarea id={id} rows={3} value={value ?? ''} placeholder={placeholder} onChange={(e) => change(e.target.value)} onBlur={onCommit} />
        : <input id={id} value={value ?? ''} placeholder={placeholder} list={list} onChange={(e) => change(e.target.value)} onBlur={onCommit} />}
    </Row>
  );
}

export function SelectProp<T extends string>(props: Base & { value: T | undefined; options: readonly { value: T; label: string }[]; onChange(v: T | undefined): void; empty?: string }) {
  const { id, value, options, onChange, empty } = props;
  return (
    <Row {...props}>
      <select id={id} value={value ?? ''} onChange={(e) => onChange((e.target.value || undefined) as T | undefined)}>
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Row>
  );
}

/** A number kept as text while typing ("1." is fine), sent when it parses. */
export function NumberProp(props: Base & { value: number | undefined; onChange(v: number | undefined): void; integer?: boolean }) {
  const { id, value, onChange, onCommit, integer } = props;
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => {
    setText((prev) => (prev !== '' && Number(prev) === value ? prev : value === undefined ? '' : String(value)));
  }, [value]);
  const change = (v: string) => {
    setText(v);
    if (v.trim() === '') onChange(undefined);
    else if (Number.isFinite(Number(v))) onChange(integer ? Math.trunc(Number(v)) : Number(v));
  };
  return <Row {...props}><input id={id} inputMode="decimal" value={text} onChange={(e) => change(e.target.value)} onBlur={onCommit} /></Row>;
}

export function ExpressionProp(props: Base & { value: string | undefined; onChange(v: string | undefined): void; options?: ExpressionOptions; placeholder?: string }) {
  const { t } = useApp();
  const { id, value, onChange, onCommit, options, placeholder } = props;
  const check = value ? compileExpression(value, options) : null;
  const error = props.error ?? (check && !check.ok ? check.error : null);
  return (
    <Row {...props} error={error} hint={check?.ok ? <span className="ok">✓ {t('props.expressionOk')}</span> : undefined}>
      <input id={id} className="mono" value={value ?? ''} placeholder={placeholder ?? 'vars.amount > 1000'} spellCheck={false}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} onBlur={onCommit} />
    </Row>
  );
}

export function DurationProp(props: Base & { value: string | undefined; onChange(v: string | undefined): void }) {
  const { t } = useApp();
  const { id, value, onChange, onCommit } = props;
  const ms = value ? parseDuration(value) : null;
  const error = props.error ?? (value && ms === null ? `'${value}' is not an ISO-8601 duration (e.g. P14D, PT4H, P1DT12H)` : null);
  return (
    <Row {...props} error={error} hint={ms !== null ? t('props.durationOk', { value: formatMs(ms) }) : 'P14D · PT4H · P1M'}>
      <input id={id} className="mono" value={value ?? ''} placeholder="P14D" spellCheck={false}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value.toUpperCase())} onBlur={onCommit} />
    </Row>
  );
}

export function CheckProp({ label, id, value, onChange, testId }: Base & { value: boolean; onChange(v: boolean): void }) {
  return (
    <label className="prop prop-check" htmlFor={id} data-testid={testId}>
      <input id={id} type="checkbox" checked={value} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}

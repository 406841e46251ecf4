/**
 * A user task's form, rendered from its schema and checked with validateFormData — the same
 * validator the workflow runs — before sending; the server's field errors land beside the fields.
 */
import { type FormEvent, useMemo, useState } from 'react';
import type { FormField } from '@orderpath/workflows/definition/schema';
import { validateFormData } from '@orderpath/workflows/definition/form';
import { ApiError } from '../api/client';
import { completeTask } from '../api/endpoints';
import { useApp } from '../app/app-context';
import { type InputValues, errorsByField, toFormData, toInputs } from '../core/form-values';
import { FormFieldInput } from './form-field-input';
import { Notice } from './notice';

interface Props {
  taskId: string;
  fields: readonly FormField[];
  initial: Record<string, unknown> | null;
  disabled?: boolean;
  onCompleted(): void;
}

export function TaskForm({ taskId, fields, initial, disabled, onCompleted }: Props) {
  const { t } = useApp();
  const [inputs, setInputs] = useState<InputValues>(() => toInputs(fields, initial));
  const prefilled = useMemo(() => new Set(Object.keys(initial ?? {}).filter((k) => initial?.[k] !== null && initial?.[k] !== '')), [initial]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const data = toFormData(fields, inputs, prefilled);
    const checked = validateFormData(fields, data);
    if (!checked.ok) {
      setErrors(errorsByField(checked.errors));
      setMessage(t('task.fixErrors'));
      return;
    }
    setBusy(true);
    try {
      await completeTask(taskId, checked.value);
      setErrors({});
      onCompleted();
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) {
        setErrors(errorsByField(err.errors));
        setMessage(t('task.fixErrors'));
      } else {
        setMessage(err instanceof ApiError ? err.detail : String(err));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="task-form" onSubmit={submit} noValidate data-testid="task-form">
      {fields.map((field) => (
        <FormFieldInput key={field.key} field={field} path={field.key} value={inputs[field.key]} errors={errors} disabled={disabled || busy}
          onChange={(v) => setInputs((prev) => ({ ...prev, [field.key]: v }))} />
      ))}
      {message && <Notice kind="error" testId="form-message">{message}</Notice>}
      <button type="submit" className="primary" disabled={disabled || busy} data-testid="complete">{t('task.complete')}</button>
    </form>
  );
}

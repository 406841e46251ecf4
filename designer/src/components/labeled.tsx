import type { ReactNode } from 'react';

/** A form row: label, control, and the error or hint below it. */
export function Labeled({ label, error, hint, children, htmlFor, testId }: {
  label: ReactNode; error?: string | null; hint?: ReactNode; children: ReactNode; htmlFor?: string; testId?: string;
}) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`} data-testid={testId}>
      <label htmlFor={htmlFor}>{label}</label>
      {children}
      {error ? <span className="field-error" role="alert">{error}</span> : hint ? <span className="field-hint">{hint}</span> : null}
    </div>
  );
}

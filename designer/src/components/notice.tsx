import type { ReactNode } from 'react';
import { errorText } from '../api/client';
import { useApp } from '../app/app-context';

export function Notice({ kind = 'info', children, testId }: { kind?: 'info' | 'error' | 'success' | 'warning'; children: ReactNode; testId?: string }) {
  return <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>{children}</div>;
}

/** An error from the API, in the UI language. */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useApp();
  if (!error) return null;
  return <Notice kind="error">{t('common.error', { message: errorText(error) })}</Notice>;
}

export function Loading() {
  const { t } = useApp();
  return <p className="muted">{t('common.loading')}</p>;
}

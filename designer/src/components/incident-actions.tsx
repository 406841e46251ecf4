/** Retry / skip / abort for one incident, with optional variables to set first. Audited by the API. */
import { useState } from 'react';
import { errorText } from '../api/client';
import { resolveIncident } from '../api/endpoints';
import type { Incident } from '../api/types';
import { useApp } from '../app/app-context';
import { Notice } from './notice';

type Action = 'retry' | 'skip' | 'abort';

export function IncidentActions({ incident, onResolved }: { incident: Pick<Incident, 'id'>; onResolved(action: Action): void }) {
  const { t } = useApp();
  const [vars, setVars] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async (action: Action) => {
    setError(null);
    let variables: Record<string, unknown> | undefined;
    if (vars.trim()) {
      try {
        variables = JSON.parse(vars) as Record<string, unknown>;
      } catch (err) {
        setError((err as Error).message);
        return;
      }
    }
    setBusy(true);
    try {
      await resolveIncident(incident.id, action, variables);
      onResolved(action);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="incident-actions" data-testid={`incident-actions-${incident.id}`}>
      <input className="mono" aria-label={t('console.variables')} placeholder={`${t('console.variables')}: {"amount": 10}`} value={vars} onChange={(e) => setVars(e.target.value)} />
      <div className="row">
        <button type="button" className="primary" disabled={busy} onClick={() => void act('retry')} data-testid="incident-retry">{t('console.retry')}</button>
        <button type="button" disabled={busy} onClick={() => void act('skip')} data-testid="incident-skip">{t('console.skip')}</button>
        <button type="button" className="danger" disabled={busy} onClick={() => void act('abort')} data-testid="incident-abort">{t('console.abort')}</button>
      </div>
      {error && <Notice kind="error">{error}</Notice>}
    </div>
  );
}

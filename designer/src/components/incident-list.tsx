import type { Incident } from '../api/types';
import { useApp } from '../app/app-context';
import { Link } from '../app/nav';
import { formatDateTime } from '../i18n/translate';
import { IncidentActions } from './incident-actions';

/** Open incidents with their error and the retry/skip/abort decision. */
export function IncidentList({ incidents, onResolved, showOrder = true }: { incidents: readonly Incident[]; onResolved(action: string): void; showOrder?: boolean }) {
  const { t, lang } = useApp();
  if (!incidents.length) return <p className="muted" data-testid="no-incidents">{t('console.noIncidents')}</p>;
  return (
    <ul className="incident-list" data-testid="incidents">
      {incidents.map((i) => (
        <li key={i.id} className="incident card" data-testid="incident" data-incident-id={i.id}>
          <div className="row">
            {showOrder && <Link to={`/orders/${i.orderId}`}><strong>{i.orderTitle ?? i.orderId.slice(0, 8)}</strong></Link>}
            <code>{i.nodeId}</code> <span className="chip">{i.activity}</span>
            {i.attempts !== undefined && <span className="muted">×{i.attempts}</span>}
            <span className="muted">{formatDateTime(lang, i.createdAt)}</span>
          </div>
          <p className="incident-error mono">{i.error}</p>
          <IncidentActions incident={i} onResolved={onResolved} />
        </li>
      ))}
    </ul>
  );
}

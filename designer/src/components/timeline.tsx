import type { OrderEventRow } from '../api/types';
import { useApp } from '../app/app-context';
import { formatDateTime } from '../i18n/translate';

function summary(e: OrderEventRow): string {
  const d = e.data ?? {};
  const parts = Object.entries(d).filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object').map(([k, v]) => `${k}=${String(v)}`);
  return parts.join(' · ');
}

/** The order's events, newest first. */
export function Timeline({ events }: { events: readonly OrderEventRow[] }) {
  const { t, lang } = useApp();
  return (
    <section className="timeline" data-testid="timeline">
      <h2>{t('order.timeline')}</h2>
      <ol reversed>
        {[...events].reverse().map((e) => (
          <li key={e.seq} className={`ev ev-${e.type}`}>
            <span className="ev-at muted">{formatDateTime(lang, e.at)}</span>
            <span className="ev-type">{e.type}</span>
            {e.nodeId && <code>{e.nodeId}{e.iteration && e.iteration > 1 ? ` #${e.iteration}` : ''}</code>}
            <span className="ev-data muted">{summary(e)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

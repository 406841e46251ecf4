/** The supervisor's console: stuck orders (by reason, stage, region; age and value) and open incidents. */
import { useMemo, useState } from 'react';
import { listIncidents, listOrders, listStuck } from '../api/endpoints';
import type { StuckItem } from '../api/types';
import { useApp } from '../app/app-context';
import { Link } from '../app/nav';
import { useAsync } from '../app/use-async';
import { IncidentList } from '../components/incident-list';
import { ErrorNotice, Loading, Notice } from '../components/notice';
import { formatAge, reasonName, stageName } from '../i18n/translate';

const REASONS = ['task_overdue', 'incident', 'waiting_too_long', 'stage_overdue', 'no_progress'];
const STAGES = ['develop', 'place', 'fulfil', 'track', 'expand'];

async function loadStuck(reason: string, stage: string): Promise<{ items: StuckItem[]; fallback: boolean }> {
  const items = await listStuck({ reason: reason || undefined, stage: stage || undefined });
  if (items) return { items, fallback: false };
  const orders = await listOrders({ status: 'incident', stage: stage || undefined });
  return {
    fallback: true,
    items: orders.items.map((o) => ({ orderId: o.id, title: o.title, reason: 'incident', since: o.lastEventAt, nodeId: o.activeNodes?.[0] ?? null, stage: o.stage, region: o.region, value: o.value })),
  };
}

function StuckTable({ items }: { items: StuckItem[] }) {
  const { t, lang } = useApp();
  const now = Date.now();
  if (!items.length) return <p className="muted" data-testid="none-stuck">{t('console.noneStuck')}</p>;
  return (
    <div className="table-scroll">
      <table className="data" data-testid="stuck-table">
        <thead><tr><th>{t('task.order')}</th><th>{t('console.reason')}</th><th>{t('console.node')}</th><th>{t('console.stage')}</th><th>{t('console.region')}</th><th className="num">{t('console.age')}</th><th className="num">{t('console.value')}</th></tr></thead>
        <tbody>
          {items.map((s, i) => (
            <tr key={`${s.orderId}-${s.reason}-${s.nodeId}-${i}`} data-testid="stuck-row" data-reason={s.reason}>
              <td><Link to={`/orders/${s.orderId}`}>{s.title || s.orderId.slice(0, 8)}</Link></td>
              <td><span className={`chip reason-${s.reason}`}>{reasonName(t, s.reason)}</span></td>
              <td><code>{s.nodeId ?? ''}</code></td>
              <td>{stageName(t, s.stage)}</td>
              <td>{s.region ?? ''}</td>
              <td className="num">{s.since ? formatAge(now - new Date(s.since).getTime(), lang) : ''}</td>
              <td className="num">{s.value.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ConsolePage() {
  const { t } = useApp();
  const [reason, setReason] = useState('');
  const [stage, setStage] = useState('');
  const [region, setRegion] = useState('');
  const [sort, setSort] = useState<'age' | 'value'>('age');
  const [flash, setFlash] = useState<string | null>(null);
  const stuck = useAsync(() => loadStuck(reason, stage), [reason, stage]);
  const incidents = useAsync(() => listIncidents(), []);
  const regions = useMemo(() => [...new Set((stuck.data?.items ?? []).map((s) => s.region).filter((r): r is string => Boolean(r)))].sort(), [stuck.data]);
  const shown = useMemo(() => {
    const items = (stuck.data?.items ?? []).filter((s) => !region || s.region === region);
    const since = (s: StuckItem) => (s.since ? new Date(s.since).getTime() : Number.POSITIVE_INFINITY);
    return [...items].sort((a, b) => (sort === 'value' ? b.value - a.value || since(a) - since(b) : since(a) - since(b) || b.value - a.value));
  }, [stuck.data, region, sort]);
  const onResolved = (action: string) => {
    setFlash(t('console.resolved', { action }));
    incidents.reload();
    setTimeout(stuck.reload, 800);
  };
  return (
    <section className="console">
      <div className="page-head">
        <h1>{t('console.title')}</h1>
        <button type="button" className="secondary" onClick={() => { stuck.reload(); incidents.reload(); }}>{t('common.refresh')}</button>
      </div>
      {flash && <Notice kind="success" testId="console-flash">{flash}</Notice>}
      <div className="grid-console">
        <div>
          <h2>{t('console.stuck')}</h2>
          <div className="filters" data-testid="stuck-filters">
            <label>{t('console.reason')}<select value={reason} onChange={(e) => setReason(e.target.value)} name="reason"><option value="">{t('common.all')}</option>{REASONS.map((r) => <option key={r} value={r}>{reasonName(t, r)}</option>)}</select></label>
            <label>{t('console.stage')}<select value={stage} onChange={(e) => setStage(e.target.value)} name="stage"><option value="">{t('common.all')}</option>{STAGES.map((s) => <option key={s} value={s}>{stageName(t, s)}</option>)}</select></label>
            <label>{t('console.region')}<select value={region} onChange={(e) => setRegion(e.target.value)} name="region"><option value="">{t('common.all')}</option>{regions.map((r) => <option key={r} value={r}>{r}</option>)}</select></label>
            <label>{t('console.sort')}<select value={sort} onChange={(e) => setSort(e.target.value as 'age' | 'value')} name="sort"><option value="age">{t('console.age')}</option><option value="value">{t('console.value')}</option></select></label>
          </div>
          {stuck.data?.fallback && <Notice kind="warning">{t('console.fallback')}</Notice>}
          <ErrorNotice error={stuck.error} />
          {stuck.loading && !stuck.data ? <Loading /> : <StuckTable items={shown} />}
        </div>
        <div>
          <h2>{t('console.incidents')}</h2>
          <ErrorNotice error={incidents.error} />
          {incidents.data === null ? <Notice>{t('common.notAvailable')}</Notice> : incidents.loading && !incidents.data ? <Loading /> : <IncidentList incidents={incidents.data ?? []} onResolved={onResolved} />}
        </div>
      </div>
    </section>
  );
}

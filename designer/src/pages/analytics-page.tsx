/** Analytics: the stage funnel, the per-node duration heatmap on the graph, and where the time goes. */
import { useCallback, useMemo, useState } from 'react';
import type { NodeType } from '@orderpath/workflows/definition/schema';
import { getDurations, getFunnel, getTimeAllocation, getVersion, listTemplates } from '../api/endpoints';
import { useApp } from '../app/app-context';
import { useAsync } from '../app/use-async';
import { GraphView } from '../canvas/graph-view';
import { AllocationChart } from '../components/allocation-chart';
import { type FunnelStage, FunnelChart } from '../components/funnel-chart';
import { ErrorNotice, Loading, Notice } from '../components/notice';
import { heatmap, normaliseDurations } from '../core/heatmap';
import { needsLayout, withLayout } from '../core/layout';
import { type Season, type Who, allocationRows, columnTasks } from '../core/time-allocation';
import { categoryName, stageName } from '../i18n/translate';

function Funnel() {
  const { t } = useApp();
  const funnel = useAsync(() => getFunnel(), []);
  const stages = ((funnel.data as { stages?: FunnelStage[] } | null)?.stages ?? []);
  return (
    <section className="card">
      <h2>{t('analytics.funnel')}</h2>
      <ErrorNotice error={funnel.error} />
      {funnel.loading ? <Loading /> : funnel.data === null ? <Notice>{t('common.notAvailable')}</Notice>
        : stages.length ? <FunnelChart stages={stages} /> : <p className="muted">{t('analytics.noData')}</p>}
    </section>
  );
}

function Durations() {
  const { t } = useApp();
  const templates = useAsync(() => listTemplates(), []);
  const published = (templates.data?.items ?? []).filter((x) => x.latestVersion !== null);
  const [key, setKey] = useState('');
  // Until the user picks, open on a template that has measurements.
  const measured = useAsync(async () => {
    for (const x of published.slice(0, 10)) {
      const body = (await getDurations(x.key).catch(() => null)) as { nodes?: { samples?: number }[] } | null;
      if (body?.nodes?.some((n) => (n.samples ?? 0) > 0)) return x.key;
    }
    return null;
  }, [published.map((x) => x.key).join(',')]);
  const chosen = key || measured.data || (measured.loading ? '' : published[0]?.key) || '';
  const latest = published.find((x) => x.key === chosen)?.latestVersion ?? null;
  const data = useAsync(async () => {
    if (!chosen || latest === null) return null;
    const [def, durations] = await Promise.all([getVersion(chosen, latest), getDurations(chosen)]);
    const rows = (durations as { nodes?: Record<string, unknown>[] } | null)?.nodes ?? [];
    return { def: needsLayout(def) ? withLayout(def) : def, heat: heatmap(normaliseDurations(rows)), available: durations !== null };
  }, [chosen, latest]);
  const kindLabel = useCallback((type: NodeType) => t(`kind.${type}`), [t]);
  const stageLabel = useCallback((sid: string) => stageName(t, sid, data.data?.def.stages.find((s) => s.id === sid)?.name), [t, data.data]);
  const deco = useMemo(() => ({ heat: data.data?.heat }), [data.data]);
  return (
    <section className="card">
      <div className="row"><h2>{t('analytics.durations')}</h2>
        <label className="row">{t('analytics.template')}
          <select value={chosen} onChange={(e) => setKey(e.target.value)} data-testid="heatmap-template">{published.map((x) => <option key={x.key} value={x.key}>{x.name}</option>)}</select>
        </label>
      </div>
      <ErrorNotice error={data.error ?? templates.error} />
      {data.data && !data.data.available && <Notice>{t('common.notAvailable')}</Notice>}
      {data.data ? <GraphView key={chosen} def={data.data.def} deco={deco} kindLabel={kindLabel} stageLabel={stageLabel} testId="heatmap-graph" height={360} /> : <Loading />}
    </section>
  );
}

function busiestColumn(body: unknown): { who: Who; season: Season } {
  const columns = ((['rep', 'manager'] as Who[]).flatMap((who) => (['off', 'peak'] as Season[]).map((season) => ({ who, season, tasks: columnTasks(body, who, season) }))));
  const best = columns.reduce((a, b) => (b.tasks > a.tasks ? b : a));
  return { who: best.who, season: best.season };
}

function TimeAllocation() {
  const { t } = useApp();
  const [whoPicked, setWho] = useState<Who | null>(null);
  const [seasonPicked, setSeason] = useState<Season | null>(null);
  const body = useAsync(() => getTimeAllocation({}), []);
  // Until the user picks, show the column with the most measured tasks.
  const busiest = useMemo(() => busiestColumn(body.data ?? null), [body.data]);
  const who = whoPicked ?? busiest.who;
  const season = seasonPicked ?? busiest.season;
  const rows = useMemo(() => allocationRows(body.data ?? null, who, season), [body.data, who, season]);
  return (
    <section className="card">
      <div className="row">
        <h2>{t('analytics.timeAllocation')}</h2>
        <label className="row">{t('analytics.role')}<select value={who} onChange={(e) => setWho(e.target.value as Who)} data-testid="alloc-role"><option value="rep">{t('role.rep')}</option><option value="manager">{t('role.manager')}</option></select></label>
        <label className="row">{t('analytics.season')}<select value={season} onChange={(e) => setSeason(e.target.value as Season)} data-testid="alloc-season"><option value="off">{t('analytics.off')}</option><option value="peak">{t('analytics.peak')}</option></select></label>
        <span className="muted">n = {columnTasks(body.data ?? null, who, season)}</span>
      </div>
      <ErrorNotice error={body.error} />
      <div className="grid-2">
        <AllocationChart rows={rows} />
        <table className="data" data-testid="allocation-table">
          <thead><tr><th>{t('analytics.category')}</th><th className="num">{t('analytics.actual')}</th><th className="num">{t('analytics.baseline')}</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.category}><td>{categoryName(t, r.category)}</td><td className="num">{r.actual === null ? '–' : `${r.actual}%`}</td><td className="num">{r.baseline}%</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function AnalyticsPage() {
  const { t } = useApp();
  return (
    <section className="analytics stack">
      <h1>{t('analytics.title')}</h1>
      <div className="grid-2"><Funnel /><Durations /></div>
      <TimeAllocation />
    </section>
  );
}

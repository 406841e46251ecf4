/**
 * One order for a supervisor: the template graph with where its tokens are and the path taken,
 * the timeline, incidents, open tasks, actions and a link to the run in the Temporal Web UI.
 */
import { useCallback, useEffect, useMemo } from 'react';
import type { NodeType } from '@orderpath/workflows/definition/schema';
import { getOrder, getOrderState, getTemplate, getTimeline, getVersion, listIncidents } from '../api/endpoints';
import type { Incident } from '../api/types';
import { useApp } from '../app/app-context';
import { useAsync } from '../app/use-async';
import { GraphView } from '../canvas/graph-view';
import type { Decorations, Mark } from '../canvas/flow-types';
import { IncidentList } from '../components/incident-list';
import { ErrorNotice, Loading } from '../components/notice';
import { OpenTasks } from '../components/open-tasks';
import { OrderActions } from '../components/order-actions';
import { Timeline } from '../components/timeline';
import { needsLayout, withLayout } from '../core/layout';
import { runOverlay, temporalUiUrl } from '../core/run-overlay';
import { stageName, statusName } from '../i18n/translate';

async function loadOrder(id: string) {
  const order = await getOrder(id);
  const [timeline, state, template, versions, incidents] = await Promise.all([
    getTimeline(id),
    getOrderState(id).catch(() => null),
    getVersion(order.templateKey, order.templateVersion),
    getTemplate(order.templateKey).then((x) => x.versions.map((v) => v.version)).catch(() => [order.templateVersion]),
    listIncidents({ orderId: id }).catch(() => null),
  ]);
  const openIncidents: Incident[] = incidents ?? (state?.openIncidents ?? []).map((i) => ({ ...i, orderId: id, createdAt: i.since }));
  return { order, timeline: timeline.items, state, template: needsLayout(template) ? withLayout(template) : template, versions, incidents: openIncidents };
}

export function OrderPage({ id }: { id: string }) {
  const { t } = useApp();
  const data = useAsync(() => loadOrder(id), [id]);
  const running = data.data && !['completed', 'cancelled', 'aborted'].includes(data.data.order.status);
  useEffect(() => {
    if (!running) return;
    const handle = setInterval(data.reload, 5000);
    return () => clearInterval(handle);
  }, [running, data.reload]);
  const deco = useMemo<Decorations>(() => {
    if (!data.data) return {};
    const { order, timeline, state, incidents } = data.data;
    const active = state?.tokens.map((tk) => tk.nodeId) ?? order.activeNodes ?? [];
    const overlay = runOverlay(timeline, active, incidents.map((i) => i.nodeId));
    const marks = new Map<string, Mark>();
    for (const n of overlay.visited) marks.set(n, 'visited');
    for (const n of overlay.active) marks.set(n, 'active');
    for (const n of overlay.failed) marks.set(n, 'failed');
    const edgeMarks = new Map<string, Mark>([...overlay.takenEdges].map((e) => [e, 'visited']));
    return { marks, edgeMarks, visits: overlay.visits };
  }, [data.data]);
  const def = data.data?.template;
  const kindLabel = useCallback((type: NodeType) => t(`kind.${type}`), [t]);
  const stageLabel = useCallback((sid: string) => stageName(t, sid, def?.stages.find((s) => s.id === sid)?.name), [t, def]);

  if (data.loading && !data.data) return <Loading />;
  if (!data.data || !def) return <ErrorNotice error={data.error} />;
  const { order, timeline, incidents, versions } = data.data;
  const vars = order.variables ?? data.data.state?.vars ?? {};
  return (
    <section className="order-page">
      <div className="page-head">
        <h1 data-testid="order-title">{t('order.title', { title: order.title })}</h1>
        <span className={`chip status-${order.status}`} data-testid="order-status">{statusName(t, order.status)}</span>
        {order.stage && <span className={`chip stage-${order.stage}`}>{stageLabel(order.stage)}</span>}
        <span className="muted">{order.templateKey} v{order.templateVersion} · {order.region ?? ''} · {order.value.toLocaleString()}</span>
        <a href={temporalUiUrl(order.workflowId)} target="_blank" rel="noreferrer" className="button" data-testid="temporal-link">{t('order.temporal')} ↗</a>
      </div>
      <ErrorNotice error={data.error} />
      <h2>{t('order.graph')}</h2>
      <div className="legend row"><span className="chip mark-active">{t('order.legendActive')}</span><span className="chip mark-visited">{t('order.legendVisited')}</span><span className="chip mark-failed">{t('order.legendFailed')}</span></div>
      <GraphView def={def} deco={deco} kindLabel={kindLabel} stageLabel={stageLabel} testId="order-graph" height={380} />
      <div className="grid-2 order-grid">
        <div className="stack">
          <section><h2>{t('console.incidents')}</h2><IncidentList incidents={incidents} showOrder={false} onResolved={() => setTimeout(data.reload, 500)} /></section>
          <OpenTasks tasks={order.openTasks ?? []} onDone={data.reload} />
          {running && <OrderActions orderId={order.id} versions={versions} onDone={data.reload} />}
          <section><h2>{t('order.variables')}</h2><pre className="vars mono" data-testid="order-vars">{JSON.stringify(vars, null, 2)}</pre></section>
        </div>
        <Timeline events={timeline} />
      </div>
    </section>
  );
}

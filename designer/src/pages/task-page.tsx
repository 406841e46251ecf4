/** A task: the order it belongs to, its form, due date and comments; then the order's next task. */
import { useState } from 'react';
import { claimTask, getTask, releaseTask } from '../api/endpoints';
import type { TaskDetail } from '../api/types';
import { useApp } from '../app/app-context';
import { Link } from '../app/nav';
import { useAsync } from '../app/use-async';
import { Comments } from '../components/comments';
import { NextTask } from '../components/next-task';
import { ErrorNotice, Loading, Notice } from '../components/notice';
import { DueLabel } from '../components/task-card';
import { TaskForm } from '../components/task-form';
import { categoryName, stageName, statusName } from '../i18n/translate';

function canWork(task: TaskDetail, username: string | undefined, roles: readonly string[]): boolean {
  return roles.includes('admin') || task.assignee === username || (task.assignee === null && roles.includes(task.role));
}

function OrderContext({ task }: { task: TaskDetail }) {
  const { t, user } = useApp();
  const manager = user?.roles.some((r) => r === 'admin' || r === 'supervisor');
  const vars = Object.entries(task.order.variables ?? {}).filter(([, v]) => v === null || typeof v !== 'object').slice(0, 12);
  return (
    <aside className="order-context card" data-testid="order-context">
      <h2>{t('task.order')}: {manager ? <Link to={`/orders/${task.order.id}`}>{task.order.title}</Link> : task.order.title}</h2>
      <dl className="facts">
        <dt>{t('task.stage')}</dt><dd>{stageName(t, task.order.stage ?? task.stage)}</dd>
        <dt>{t('task.status')}</dt><dd>{statusName(t, task.order.status)}</dd>
        <dt>{t('task.value')}</dt><dd>{task.order.value.toLocaleString()}</dd>
        {task.category && <><dt>{t('task.category')}</dt><dd>{categoryName(t, task.category)}</dd></>}
      </dl>
      {vars.length > 0 && (
        <details>
          <summary>{t('task.variables')}</summary>
          <dl className="facts">{vars.map(([k, v]) => <div key={k} className="fact"><dt>{k}</dt><dd>{String(v)}</dd></div>)}</dl>
        </details>
      )}
    </aside>
  );
}

export function TaskPage({ id }: { id: string }) {
  const { t, user } = useApp();
  const task = useAsync(() => getTask(id), [id]);
  const [completed, setCompleted] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (task.loading && !task.data) return <Loading />;
  if (!task.data) return <ErrorNotice error={task.error} />;
  const d = task.data;
  const mine = canWork(d, user?.username, user?.roles ?? []);
  const claimable = d.status === 'open' && d.assignee === null;
  const act = (fn: (id: string) => Promise<TaskDetail>) => async () => {
    setError(null);
    try {
      task.setData({ ...d, ...(await fn(d.id)) });
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section className="task-page">
      <div className="page-head">
        <Link to="/inbox" className="back">← {t('task.backToInbox')}</Link>
      </div>
      <div className="task-layout">
        <div className="task-main card">
          <h1 data-testid="task-title">{d.name}</h1>
          <p className="task-sub"><DueLabel task={d} /> {d.stage && <span className={`chip stage-${d.stage}`}>{stageName(t, d.stage)}</span>}</p>
          <ErrorNotice error={error} />
          {completed ? (
            <>
              <Notice kind="success" testId="completed">{t('task.completed')}</Notice>
              <NextTask orderId={d.orderId} after={d.id} />
            </>
          ) : d.status !== 'open' ? (
            <Notice>{t('task.closed', { status: statusName(t, d.status) })}</Notice>
          ) : (
            <>
              <div className="claim-bar">
                {claimable && <><span className="muted">{t('task.notYours')}</span> <button type="button" className="primary" onClick={act(claimTask)} data-testid="claim">{t('inbox.claim')}</button></>}
                {d.assignee === user?.username && <button type="button" className="secondary" onClick={act(releaseTask)} data-testid="release">{t('inbox.release')}</button>}
              </div>
              <TaskForm taskId={d.id} fields={d.form?.fields ?? []} initial={d.data ?? d.prefill} disabled={!mine} onCompleted={() => setCompleted(true)} />
            </>
          )}
        </div>
        <div className="task-side">
          <OrderContext task={d} />
          <Comments taskId={d.id} initial={d.comments} />
        </div>
      </div>
    </section>
  );
}

/** The rep's inbox: my tasks (earliest due first) and my role's unclaimed queue, with claim/release. */
import { useCallback, useState } from 'react';
import { claimTask, listTasks, releaseTask } from '../api/endpoints';
import type { Task } from '../api/types';
import { useApp } from '../app/app-context';
import { useAsync } from '../app/use-async';
import { ErrorNotice, Loading } from '../components/notice';
import { TaskCard } from '../components/task-card';

type Tab = 'mine' | 'queue';

async function loadInbox(roles: readonly string[]): Promise<{ mine: Task[]; queue: Task[] }> {
  const workRoles = roles.filter((r) => r !== 'admin');
  const [mine, ...queues] = await Promise.all([
    listTasks({ assignee: 'me' }),
    ...workRoles.map((role) => listTasks({ role })),
  ]);
  const queue = queues.flatMap((p) => p.items).filter((task) => task.assignee === null);
  return { mine: mine.items, queue };
}

export function InboxPage() {
  const { t, user } = useApp();
  const roles = user?.roles ?? [];
  const [picked, setTab] = useState<Tab | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const inbox = useAsync(() => loadInbox(roles), [roles.join(',')]);
  const act = useCallback((fn: (id: string) => Promise<unknown>) => async (id: string) => {
    setBusy(true);
    setActionError(null);
    try {
      await fn(id);
      inbox.reload();
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(false);
    }
  }, [inbox]);
  const queueRole = roles.filter((r) => r !== 'admin').map((r) => t(`role.${r}` as 'role.rep')).join(', ') || t('role.rep');
  // Open on the queue when nothing is assigned yet but the queue has work.
  const tab: Tab = picked ?? (inbox.data && inbox.data.mine.length === 0 && inbox.data.queue.length > 0 ? 'queue' : 'mine');
  const tasks = inbox.data?.[tab] ?? [];

  return (
    <section className="inbox page-narrow">
      <div className="page-head">
        <h1>{t('inbox.title')}</h1>
        <button type="button" className="secondary" onClick={inbox.reload}>{t('common.refresh')}</button>
      </div>
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'mine'} className={tab === 'mine' ? 'tab active' : 'tab'} onClick={() => setTab('mine')} data-testid="tab-mine">
          {t('inbox.mine')} <span className="count">{inbox.data?.mine.length ?? ''}</span>
        </button>
        <button type="button" role="tab" aria-selected={tab === 'queue'} className={tab === 'queue' ? 'tab active' : 'tab'} onClick={() => setTab('queue')} data-testid="tab-queue">
          {t('inbox.queue', { role: queueRole })} <span className="count">{inbox.data?.queue.length ?? ''}</span>
        </button>
      </div>
      <ErrorNotice error={inbox.error ?? actionError} />
      {inbox.loading && !inbox.data ? <Loading /> : tasks.length === 0 ? <p className="empty">{t('inbox.empty')}</p> : (
        <ul className="task-list">
          {tasks.map((task) => (
            <TaskCard key={task.id} task={task} busy={busy}
              onClaim={tab === 'queue' ? act(claimTask) : undefined}
              onRelease={tab === 'mine' ? act(releaseTask) : undefined} />
          ))}
        </ul>
      )}
    </section>
  );
}

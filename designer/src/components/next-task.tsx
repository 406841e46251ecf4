/**
 * After a completion: the workflow creates the order's next task a moment later, so look for it
 * for a few seconds and offer it.
 */
import { useEffect, useState } from 'react';
import { listTasks } from '../api/endpoints';
import type { Task } from '../api/types';
import { useApp } from '../app/app-context';
import { Link } from '../app/nav';
import { Notice } from './notice';

const POLL_MS = 400;
const GIVE_UP_MS = 8000;

function mineOrClaimable(task: Task, username: string | undefined, roles: readonly string[]): boolean {
  return task.assignee === username || (task.assignee === null && roles.includes(task.role));
}

export function NextTask({ orderId, after }: { orderId: string; after: string }) {
  const { t, user } = useApp();
  const [next, setNext] = useState<Task | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const started = Date.now();
    const poll = async () => {
      const page = await listTasks({ orderId }).catch(() => null);
      if (!live) return;
      const found = page?.items.find((task) => task.id !== after && mineOrClaimable(task, user?.username, user?.roles ?? []));
      if (found) setNext(found);
      else if (Date.now() - started > GIVE_UP_MS) setNext(null);
      else setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => { live = false; };
  }, [orderId, after, user]);

  if (next === undefined) return <Notice testId="next-task">{t('task.lookingNext')}</Notice>;
  if (next === null) return <Notice testId="next-task">{t('task.noNext')} <Link to="/inbox">{t('task.backToInbox')}</Link></Notice>;
  return (
    <Notice kind="success" testId="next-task">
      {t('task.next', { name: next.name })} <Link to={`/tasks/${next.id}`} className="button primary" testId="open-next">{t('task.openNext')}</Link>
    </Notice>
  );
}

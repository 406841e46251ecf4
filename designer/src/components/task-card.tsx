import { memo } from 'react';
import type { Task } from '../api/types';
import { useApp } from '../app/app-context';
import { Link } from '../app/nav';
import { categoryName, formatDateTime, stageName } from '../i18n/translate';

export function isOverdue(task: Pick<Task, 'overdue' | 'dueAt'>, now = Date.now()): boolean {
  return task.overdue || (task.dueAt !== null && new Date(task.dueAt).getTime() < now);
}

export function DueLabel({ task }: { task: Pick<Task, 'overdue' | 'dueAt'> }) {
  const { t, lang } = useApp();
  if (!task.dueAt) return <span className="due muted">{t('inbox.noDue')}</span>;
  const when = formatDateTime(lang, task.dueAt);
  return isOverdue(task)
    ? <span className="due overdue">{t('inbox.overdue', { when })}</span>
    : <span className="due">{t('inbox.due', { when })}</span>;
}

export const TaskCard = memo(function TaskCard({ task, onClaim, onRelease, busy }: {
  task: Task; onClaim?: (id: string) => void; onRelease?: (id: string) => void; busy?: boolean;
}) {
  const { t } = useApp();
  return (
    <li className={`task-card${isOverdue(task) ? ' is-overdue' : ''}`} data-testid="task-card" data-task-id={task.id}>
      <Link to={`/tasks/${task.id}`} className="task-link">
        <span className="task-name">{task.name}</span>
        <span className="task-order">{task.orderTitle}</span>
      </Link>
      <div className="task-meta">
        {task.stage && <span className={`chip stage-${task.stage}`}>{stageName(t, task.stage)}</span>}
        {task.category && <span className="chip muted">{categoryName(t, task.category)}</span>}
        <DueLabel task={task} />
      </div>
      <div className="task-actions">
        {onClaim && <button type="button" disabled={busy} onClick={() => onClaim(task.id)}>{t('inbox.claim')}</button>}
        {onRelease && <button type="button" className="secondary" disabled={busy} onClick={() => onRelease(task.id)}>{t('inbox.release')}</button>}
      </div>
    </li>
  );
});

/** An order's open tasks, each reassignable to another user (supervisors). */
import { useEffect, useState } from 'react';
import { errorText } from '../api/client';
import { listUsers, reassignTask } from '../api/endpoints';
import type { Order } from '../api/types';
import { useApp } from '../app/app-context';
import { Link } from '../app/nav';
import { DueLabel } from './task-card';
import { Notice } from './notice';

type OpenTask = NonNullable<Order['openTasks']>[number];

function Reassign({ task, onDone }: { task: OpenTask; onDone(): void }) {
  const { t } = useApp();
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setError(null);
    try {
      await reassignTask(task.id, to);
      onDone();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <span className="row reassign">
      <input list="users" aria-label={t('order.reassignTo')} placeholder={t('order.reassignTo')} value={to} onChange={(e) => setTo(e.target.value)} />
      <button type="button" disabled={!to} onClick={() => void submit()}>{t('order.reassign')}</button>
      {error && <Notice kind="error">{error}</Notice>}
    </span>
  );
}

export function OpenTasks({ tasks, onDone }: { tasks: readonly OpenTask[]; onDone(): void }) {
  const { t } = useApp();
  const [users, setUsers] = useState<string[]>([]);
  useEffect(() => { void listUsers().then(setUsers); }, []);
  if (!tasks.length) return null;
  return (
    <section className="open-tasks" data-testid="open-tasks">
      <h2>{t('order.openTasks')}</h2>
      <datalist id="users">{users.map((u) => <option key={u} value={u} />)}</datalist>
      <table className="data">
        <tbody>
          {tasks.map((task) => (
            <tr key={task.id}>
              <td><Link to={`/tasks/${task.id}`}>{task.name}</Link> <code className="muted">{task.nodeId}</code></td>
              <td>{task.assignee ?? <span className="muted">{task.role}</span>}</td>
              <td><DueLabel task={{ dueAt: task.dueAt, overdue: false }} /></td>
              <td><Reassign task={task} onDone={onDone} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

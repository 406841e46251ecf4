/** Comments on a task (POST /tasks/:id/comments); hidden gracefully when the API has none. */
import { type FormEvent, useEffect, useState } from 'react';
import { errorText } from '../api/client';
import { addComment, listComments } from '../api/endpoints';
import type { Comment } from '../api/types';
import { useApp } from '../app/app-context';
import { formatDateTime } from '../i18n/translate';
import { Notice } from './notice';

export function Comments({ taskId, initial }: { taskId: string; initial?: Comment[] }) {
  const { t, lang, user } = useApp();
  const [items, setItems] = useState<Comment[]>(initial ?? []);
  const [text, setText] = useState('');
  const [state, setState] = useState<'ready' | 'missing' | 'busy'>('ready');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    if (!initial) void listComments(taskId).then((list) => { if (live && list) setItems(list); });
    return () => { live = false; };
  }, [taskId, initial]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    setState('busy');
    setError(null);
    try {
      const saved = await addComment(taskId, text.trim());
      if (saved === null) {
        setState('missing');
        return;
      }
      setItems((prev) => [...prev, { ...saved, text: saved.text ?? text.trim(), author: saved.author ?? saved.by ?? user?.username, at: saved.at ?? saved.createdAt ?? new Date().toISOString() }]);
      setText('');
      setState('ready');
    } catch (err) {
      setError(errorText(err));
      setState('ready');
    }
  };

  return (
    <section className="comments card" data-testid="comments">
      <h2>{t('task.comments')}</h2>
      {items.length === 0 ? <p className="muted">{t('task.noComments')}</p> : (
        <ul>
          {items.map((c, i) => (
            <li key={c.id ?? i}><strong>{c.author ?? c.by}</strong> <span className="muted">{formatDateTime(lang, c.at ?? c.createdAt)}</span><p>{c.text}</p></li>
          ))}
        </ul>
      )}
      {state === 'missing' ? <Notice>{t('common.notAvailable')}</Notice> : (
        <form onSubmit={submit} className="comment-form">
          <textarea rows={2} value={text} placeholder={t('task.commentPlaceholder')} onChange={(e) => setText(e.target.value)} aria-label={t('task.addComment')} />
          <button type="submit" className="secondary" disabled={state === 'busy' || !text.trim()}>{t('task.addComment')}</button>
        </form>
      )}
      {error && <Notice kind="error">{error}</Notice>}
    </section>
  );
}

import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client';
import { login } from '../api/endpoints';
import { useApp } from '../app/app-context';
import { navigate } from '../app/router';
import { homeFor } from '../app/session';
import { LANGS } from '../i18n/translate';
import { Notice } from '../components/notice';

export function LoginPage() {
  const { t, signIn, lang, setLang } = useApp();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await login(username, password);
      signIn(res.accessToken, res.user);
      const next = new URLSearchParams(location.search).get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('/login') ? next : homeFor(res.user), true);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? t('login.failed') : err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="login card" onSubmit={submit} data-testid="login-form">
      <h1>{t('login.title')}</h1>
      <label>{t('login.username')}<input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required /></label>
      <label>{t('login.password')}<input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required /></label>
      {error && <Notice kind="error">{error}</Notice>}
      <button type="submit" className="primary" disabled={busy}>{t('login.submit')}</button>
      <div className="lang-switch">
        {LANGS.map((l) => (
          <button type="button" key={l} className={l === lang ? 'link active' : 'link'} onClick={() => setLang(l)}>{l === 'en' ? 'English' : '简体中文'}</button>
        ))}
      </div>
    </form>
  );
}

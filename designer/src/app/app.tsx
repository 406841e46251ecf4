/** The shell: session, language, role-aware navigation and the page for the current path. */
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { setUnauthorizedHandler } from '../api/client';
import type { User } from '../api/types';
import { type Lang, translator } from '../i18n/translate';
import { AppContext, type AppContextValue } from './app-context';
import { Nav } from './nav';
import { PageSwitch } from './page-switch';
import { currentPath, navigate, parseRoute, subscribeLocation } from './router';
import { type Session, homeFor, loadSession, saveSession } from './session';

const LANG_KEY = 'orderpath.lang';

function initialLang(): Lang {
  const saved = localStorage.getItem(LANG_KEY);
  if (saved === 'en' || saved === 'zh') return saved;
  return navigator.language.startsWith('zh') ? 'zh' : 'en';
}

export function App() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const [lang, setLangState] = useState<Lang>(initialLang);
  const path = useSyncExternalStore(subscribeLocation, currentPath);
  const route = parseRoute(path.split('?')[0]);

  const signOut = useCallback(() => {
    saveSession(null);
    setSession(null);
    navigate('/login', true);
  }, []);
  useEffect(() => setUnauthorizedHandler(signOut), [signOut]);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  const value = useMemo<AppContextValue>(() => ({
    user: session?.user ?? null,
    lang,
    t: translator(lang),
    setLang(next) {
      localStorage.setItem(LANG_KEY, next);
      setLangState(next);
    },
    signIn(token: string, user: User) {
      const next = { token, user };
      saveSession(next);
      setSession(next);
    },
    signOut,
  }), [session, lang, signOut]);

  useEffect(() => {
    if (!session && route.page !== 'login') navigate(`/login?next=${encodeURIComponent(path)}`, true);
    else if (session && route.page === 'home') navigate(homeFor(session.user), true);
  }, [session, route.page, path]);

  return (
    <AppContext.Provider value={value}>
      <div className="app">
        {session && <Nav route={route} />}
        <main className="main">{(session || route.page === 'login') && <PageSwitch route={route} />}</main>
      </div>
    </AppContext.Provider>
  );
}

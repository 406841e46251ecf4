import type { MouseEvent, ReactNode } from 'react';
import { LANGS } from '../i18n/translate';
import { useApp } from './app-context';
import { type Route, navigate } from './router';
import { type Area, areasFor } from './session';

const PAGE_AREA: Partial<Record<Route['page'], Area>> = {
  inbox: 'inbox', task: 'inbox', templates: 'templates', designer: 'templates', versions: 'templates',
  console: 'console', order: 'console', analytics: 'analytics',
};

/** A link that navigates without reloading the page. */
export function Link({ to, className, children, testId }: { to: string; className?: string; children: ReactNode; testId?: string }) {
  const onClick = (e: MouseEvent) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} className={className} onClick={onClick} data-testid={testId}>{children}</a>;
}

export function Nav({ route }: { route: Route }) {
  const { user, t, lang, setLang, signOut } = useApp();
  const current = PAGE_AREA[route.page];
  return (
    <header className="nav">
      <span className="brand">{t('app.name')}</span>
      <nav className="nav-links">
        {areasFor(user).map((area) => (
          <Link key={area} to={`/${area}`} className={area === current ? 'active' : undefined} testId={`nav-${area}`}>
            {t(`nav.${area}`)}
          </Link>
        ))}
      </nav>
      <span className="nav-user">
        <select aria-label={t('nav.language')} value={lang} onChange={(e) => setLang(e.target.value as typeof lang)} data-testid="lang">
          {LANGS.map((l) => <option key={l} value={l}>{l === 'en' ? 'English' : '简体中文'}</option>)}
        </select>
        <span className="who">{user?.displayName ?? user?.username}</span>
        <button type="button" className="link" onClick={signOut}>{t('nav.logout')}</button>
      </span>
    </header>
  );
}

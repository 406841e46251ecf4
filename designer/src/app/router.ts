/** A tiny history router: routes are paths, matched in order; no library needed for eight pages. */
export type Route =
  | { page: 'login' }
  | { page: 'inbox' }
  | { page: 'task'; id: string }
  | { page: 'templates' }
  | { page: 'designer'; key: string }
  | { page: 'versions'; key: string }
  | { page: 'console' }
  | { page: 'order'; id: string }
  | { page: 'analytics' }
  | { page: 'home' };

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [a, b, c] = parts;
  if (a === 'login') return { page: 'login' };
  if (a === 'inbox') return { page: 'inbox' };
  if (a === 'tasks' && b) return { page: 'task', id: b };
  if (a === 'templates' && b && c === 'versions') return { page: 'versions', key: b };
  if (a === 'templates' && b) return { page: 'designer', key: b };
  if (a === 'templates') return { page: 'templates' };
  if (a === 'console') return { page: 'console' };
  if (a === 'orders' && b) return { page: 'order', id: b };
  if (a === 'analytics') return { page: 'analytics' };
  return { page: 'home' };
}

const listeners = new Set<() => void>();

export function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  for (const l of listeners) l();
}

export function subscribeLocation(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function currentPath(): string {
  return location.pathname + location.search;
}

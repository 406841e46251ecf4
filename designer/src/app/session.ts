/** The signed-in user and token, kept in localStorage so a reload stays signed in. */
import { setToken } from '../api/client';
import type { User } from '../api/types';

export interface Session {
  token: string;
  user: User;
}

const KEY = 'orderpath.session';

export function loadSession(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    const session = raw ? (JSON.parse(raw) as Session) : null;
    setToken(session?.token ?? null);
    return session;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  setToken(session?.token ?? null);
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
}

export type Area = 'inbox' | 'templates' | 'console' | 'analytics';

/** What each role may open: admin everything, supervisor console + analytics (+ their tasks), rep the inbox. */
export function areasFor(user: User | null | undefined): Area[] {
  const roles = user?.roles ?? [];
  if (roles.includes('admin')) return ['templates', 'console', 'analytics', 'inbox'];
  if (roles.includes('supervisor')) return ['console', 'analytics', 'inbox'];
  return ['inbox'];
}

export function homeFor(user: User | null | undefined): string {
  return `/${areasFor(user)[0]}`;
}

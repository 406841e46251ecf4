/** Who is signed in and which language is on, for every component. */
import { createContext, useContext } from 'react';
import type { User } from '../api/types';
import type { Lang, Translate } from '../i18n/translate';

export interface AppContextValue {
  user: User | null;
  lang: Lang;
  t: Translate;
  setLang(lang: Lang): void;
  signIn(token: string, user: User): void;
  signOut(): void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp must be used inside <AppContext.Provider>');
  return value;
}

/**
 * A small dictionary translator: `t('inbox.due', { when })`. Framework-free; the React context in
 * app/ picks the language. Stage names of the five-stage value chain are translated by id; other
 * stages keep the template's own name.
 */
import { en, type MessageKey } from './en';
import { zh } from './zh';

export type Lang = 'en' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'zh'];
const DICTS: Record<Lang, Record<MessageKey, string>> = { en, zh };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const dict = DICTS[lang];
  return (key, vars) => {
    const text = dict[key] ?? en[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
  };
}

const VALUE_CHAIN = new Set(['develop', 'place', 'fulfil', 'track', 'expand']);

/** A stage's display name: the value-chain name in the UI language, else the template's name. */
export function stageName(t: Translate, stageId: string | null | undefined, templateName?: string): string {
  if (!stageId) return '';
  if (VALUE_CHAIN.has(stageId)) return t(`stage.${stageId}` as MessageKey);
  return templateName ?? stageId;
}

export function categoryName(t: Translate, category: string | null | undefined): string {
  if (!category) return '';
  const key = `category.${category}` as MessageKey;
  return key in en ? t(key) : category;
}

export function statusName(t: Translate, status: string): string {
  const key = `status.${status}` as MessageKey;
  return key in en ? t(key) : status;
}

export function reasonName(t: Translate, reason: string): string {
  const key = `reason.${reason}` as MessageKey;
  return key in en ? t(key) : reason;
}

/** Human date/time in the UI language. */
export function formatDateTime(lang: Lang, iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** "3 h", "2 d" — an age or a span in ms. */
export function formatAge(ms: number, lang: Lang): string {
  const units: [number, string, string][] = [[86_400_000, 'd', '天'], [3_600_000, 'h', '小时'], [60_000, 'min', '分钟'], [1000, 's', '秒']];
  for (const [size, enUnit, zhUnit] of units) {
    if (Math.abs(ms) >= size) {
      const n = Math.floor(ms / size);
      return lang === 'zh' ? `${n} ${zhUnit}` : `${n} ${enUnit}`;
    }
  }
  return lang === 'zh' ? '刚刚' : 'just now';
}

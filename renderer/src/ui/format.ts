import { format } from 'date-fns';
import { kk as kkLocale, ru as ruLocale } from 'date-fns/locale';
import type { Lang } from '@shared/i18n/lang';

const LOCALES = { kk: kkLocale, ru: ruLocale } as const;

/** A 'YYYY-MM-DD' day as a Date at local midnight, only for formatting. */
function dayToDate(day: string): Date {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

/** 20.11.2026 — the short form both languages use in tables. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '—';
  return `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
}

/** 20.11.2026 14:30 for a local date-time 'YYYY-MM-DDTHH:mm'. */
export function formatDayTime(value: string | null | undefined): string {
  if (!value) return '—';
  return `${formatDay(value)} ${value.slice(11, 16)}`;
}

/** «2026 жылғы 20 қараша» / «20 ноября 2026 г.» — the form used in letters and headers. */
export function formatDayLong(day: string | null | undefined, lang: Lang): string {
  if (!day) return '—';
  const pattern = lang === 'kk' ? "yyyy 'жылғы' d MMMM" : "d MMMM yyyy 'г.'";
  return format(dayToDate(day), pattern, { locale: LOCALES[lang] });
}

/** An ISO UTC timestamp shown in Kazakhstan time (UTC+5), as the history timeline needs. */
export function formatTimestamp(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + 5 * 3600_000).toISOString();
  return `${formatDay(shifted.slice(0, 10))} ${shifted.slice(11, 16)}`;
}

export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'kk' ? 'kk-KZ' : 'ru-RU').format(value);
}

/** File sizes as people read them: 350 КБ, 2,4 МБ. */
export function formatBytes(bytes: number, lang: Lang): string {
  const units = lang === 'kk' ? ['Б', 'КБ', 'МБ', 'ГБ'] : ['Б', 'КБ', 'МБ', 'ГБ'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(lang === 'kk' ? 'kk-KZ' : 'ru-RU', { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

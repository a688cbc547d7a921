import type { Reception } from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import { monthOfDay, weekdayIndex, type MonthKey } from '@shared/reception/months';
import { monthName as monthTitleWord, monthWord } from '@shared/format';

/** A sentence that may begin with a month name, which both languages write in lower case. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** «Қараша 2026» / «Ноябрь 2026» — the calendar's title. */
export function monthTitle(month: MonthKey, lang: Lang): string {
  return `${monthTitleWord(Number(month.slice(5, 7)), lang)} ${month.slice(0, 4)}`;
}

/** «қараша» / «ноябрь» — a month named in a sentence. */
export function monthName(month: MonthKey, lang: Lang): string {
  return monthWord(Number(month.slice(5, 7)), lang);
}

/** «қараша, желтоқсан» / «ноябрь и декабрь» — several months in a warning. */
export function monthList(months: readonly MonthKey[], lang: Lang): string {
  const names = months.map((m) => monthName(m, lang));
  if (lang === 'kk' || names.length < 2) return names.join(', ');
  return `${names.slice(0, -1).join(', ')} и ${names.at(-1)}`;
}

/** «10:00–13:00», or «10:00» when no end time was set. */
export function timeRange(reception: Pick<Reception, 'startTime' | 'endTime'>): string {
  const start = reception.startTime.slice(0, 5);
  return reception.endTime ? `${start}–${reception.endTime.slice(0, 5)}` : start;
}

/**
 * The day a "plan for this month" link suggests: today in the current month, else the
 * month's first weekday.
 */
export function suggestedDay(month: MonthKey, today: string): string {
  if (month === monthOfDay(today)) return today;
  const first = `${month}-01`;
  const weekday = weekdayIndex(first);
  return weekday < 5 ? first : `${month}-0${1 + 7 - weekday}`;
}

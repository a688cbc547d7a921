/**
 * Calendar dates as people read them, in Kazakh and Russian: on screens, in letters, in the
 * public report. Dates are 'YYYY-MM-DD' strings (date-times 'YYYY-MM-DDTHH:mm'); nothing here
 * builds a Date in the host's time zone, so no day can shift.
 *
 * Kazakh inflects the month name: «2026 жылғы 20 қарашадағы № … өтінішіңіз» (of),
 * «20 қарашаға дейін» (to), «20 қарашада» (on), «20 қарашадан бастап» (from). Russian uses
 * the genitive month in a date everywhere («от / до 20 ноября 2026 г.») and the nominative
 * when the month stands alone («ноябрь»).
 */
import type { Lang } from '../i18n/lang';
import { NBSP } from './numbers';

/** The forms a date takes in a letter; `short` is 20.11.2026. */
export const DATE_FORMS = ['plain', 'of', 'to', 'on', 'from', 'short'] as const;
export type DateForm = (typeof DATE_FORMS)[number];

type KkMonth = Record<Exclude<DateForm, 'short'>, string>;

// Written out rather than derived: each ending follows vowel harmony and the last consonant
// (қыркүйек-ке, маусым-нан), and a table is easy to check by eye.
const KK_MONTHS: readonly KkMonth[] = [
  { plain: 'қаңтар', of: 'қаңтардағы', to: 'қаңтарға', on: 'қаңтарда', from: 'қаңтардан' },
  { plain: 'ақпан', of: 'ақпандағы', to: 'ақпанға', on: 'ақпанда', from: 'ақпаннан' },
  { plain: 'наурыз', of: 'наурыздағы', to: 'наурызға', on: 'наурызда', from: 'наурыздан' },
  { plain: 'сәуір', of: 'сәуірдегі', to: 'сәуірге', on: 'сәуірде', from: 'сәуірден' },
  { plain: 'мамыр', of: 'мамырдағы', to: 'мамырға', on: 'мамырда', from: 'мамырдан' },
  { plain: 'маусым', of: 'маусымдағы', to: 'маусымға', on: 'маусымда', from: 'маусымнан' },
  { plain: 'шілде', of: 'шілдедегі', to: 'шілдеге', on: 'шілдеде', from: 'шілдеден' },
  { plain: 'тамыз', of: 'тамыздағы', to: 'тамызға', on: 'тамызда', from: 'тамыздан' },
  {
    plain: 'қыркүйек',
    of: 'қыркүйектегі',
    to: 'қыркүйекке',
    on: 'қыркүйекте',
    from: 'қыркүйектен',
  },
  { plain: 'қазан', of: 'қазандағы', to: 'қазанға', on: 'қазанда', from: 'қазаннан' },
  { plain: 'қараша', of: 'қарашадағы', to: 'қарашаға', on: 'қарашада', from: 'қарашадан' },
  {
    plain: 'желтоқсан',
    of: 'желтоқсандағы',
    to: 'желтоқсанға',
    on: 'желтоқсанда',
    from: 'желтоқсаннан',
  },
];

const RU_MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
] as const;

const RU_MONTHS = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
] as const;

// Sunday first, as Date.getUTCDay counts.
const WEEKDAYS: Readonly<Record<Lang, readonly string[]>> = {
  kk: ['жексенбі', 'дүйсенбі', 'сейсенбі', 'сәрсенбі', 'бейсенбі', 'жұма', 'сенбі'],
  ru: ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'],
};
// Monday first, as calendar grids are drawn.
const WEEKDAYS_SHORT: Readonly<Record<Lang, readonly string[]>> = {
  kk: ['дс', 'сс', 'ср', 'бс', 'жм', 'сб', 'жс'],
  ru: ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'],
};

function parts(day: string): [number, number, number] {
  const [y = 1970, m = 1, d = 1] = day.slice(0, 10).split('-').map(Number);
  return [y, m, d];
}

function capitalized(word: string, lang: Lang): string {
  return word.charAt(0).toLocaleUpperCase(lang) + word.slice(1);
}

export function isDateForm(value: string): value is DateForm {
  return (DATE_FORMS as readonly string[]).includes(value);
}

/** 20.11.2026 — the short form both languages use in tables. */
export function formatShortDate(day: string): string {
  const [y, m, d] = parts(day);
  return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${String(y)}`;
}

/** 20.11.2026, or a dash when there is no date (a cell with nothing in it yet). */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '—';
  return `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
}

/** 20.11.2026 14:30 for a local date-time 'YYYY-MM-DDTHH:mm'. */
export function formatDayTime(value: string | null | undefined): string {
  if (!value) return '—';
  return `${formatDay(value)} ${value.slice(11, 16)}`;
}

/** An ISO UTC timestamp shown in Kazakhstan time (UTC+5), as the history timeline needs. */
export function formatTimestamp(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + 5 * 3600_000).toISOString();
  return `${formatDay(shifted.slice(0, 10))} ${shifted.slice(11, 16)}`;
}

function longDate(day: string, lang: Lang, form: Exclude<DateForm, 'short'>, space: string) {
  const [year, month, date] = parts(day);
  if (lang === 'kk') {
    const name = KK_MONTHS[month - 1]?.[form] ?? '';
    return `${String(year)}${space}жылғы ${String(date)}${space}${name}`;
  }
  return `${String(date)}${space}${RU_MONTHS_GENITIVE[month - 1] ?? ''} ${String(year)}${space}г.`;
}

/**
 * A 'YYYY-MM-DD' day as written in a letter in `lang`, in the given form:
 * «2026 жылғы 20 қарашадағы» / «20 ноября 2026 г.».
 */
export function formatLetterDate(day: string, lang: Lang, form: DateForm = 'plain'): string {
  if (form === 'short') return formatShortDate(day);
  return longDate(day, lang, form, ' ');
}

/** «2026 жылғы 20 қараша» / «20 ноября 2026 г.» on screens and headers; a dash for none. */
export function formatDayLong(day: string | null | undefined, lang: Lang): string {
  if (!day) return '—';
  return longDate(day, lang, 'plain', ' ');
}

/** The long date with no-break spaces, so the printed report never wraps inside it. */
export function formatLongDate(day: string, lang: Lang): string {
  return longDate(day, lang, 'plain', NBSP);
}

/** «2026 жылғы 11 желтоқсанға дейін» / «до 11 декабря 2026 г.» */
export function formatUntil(day: string, lang: Lang): string {
  return lang === 'kk'
    ? `${longDate(day, lang, 'to', ' ')} дейін`
    : `до ${longDate(day, lang, 'plain', ' ')}`;
}

/** «1 қаңтар» / «1 января»: a day of the month without the year (`space` between them). */
export function formatDayMonth(day: string, lang: Lang, space = ' '): string {
  const [, month, date] = parts(day);
  const name =
    lang === 'kk' ? (KK_MONTHS[month - 1]?.plain ?? '') : (RU_MONTHS_GENITIVE[month - 1] ?? '');
  return `${String(date)}${space}${name}`;
}

/** A month (1–12) named on its own, in lower case as a sentence has it: «шілде», «июль». */
export function monthWord(month: number, lang: Lang): string {
  return (lang === 'kk' ? KK_MONTHS[month - 1]?.plain : RU_MONTHS[month - 1]) ?? '';
}

/** The name of a month, capitalised, for titles, chart axes and month tables: «Шілде» / «Июль». */
export function monthName(month: number, lang: Lang): string {
  return capitalized(monthWord(month, lang), lang);
}

/** Short month for narrow chart axes: «Шіл», «Июл». */
export function monthShort(month: number, lang: Lang): string {
  return monthName(month, lang).slice(0, 3);
}

/** The day of the week in lower case («жұма», «пятница»). */
export function weekdayName(day: string, lang: Lang): string {
  const [year, month, date] = parts(day);
  const weekday = new Date(Date.UTC(year, month - 1, date)).getUTCDay();
  return WEEKDAYS[lang][weekday] ?? '';
}

/** The two-letter weekday names of a calendar grid, Monday first: «дс … жс», «пн … вс». */
export function weekdaysShort(lang: Lang): readonly string[] {
  return WEEKDAYS_SHORT[lang];
}

/** «2026 жылғы 27 қараша, жұма» / «27 ноября 2026 г., пятница». */
export function formatDayWithWeekday(day: string, lang: Lang): string {
  return `${formatDayLong(day, lang)}, ${weekdayName(day, lang)}`;
}

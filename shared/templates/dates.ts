import type { Lang } from '../i18n/lang';

/**
 * The forms a date takes in a letter. Kazakh inflects the month name: «2026 жылғы
 * 20 қарашадағы № … өтінішіңіз» (of), «20 қарашаға дейін» (to), «20 қарашада» (on),
 * «20 қарашадан бастап» (from). Russian uses the genitive month everywhere («от / до
 * 20 ноября 2026 г.»), so the forms only differ in Kazakh. `short` is 20.11.2026.
 */
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

const WEEKDAYS: Readonly<Record<Lang, readonly string[]>> = {
  // Sunday first, as Date.getUTCDay counts.
  kk: ['жексенбі', 'дүйсенбі', 'сейсенбі', 'сәрсенбі', 'бейсенбі', 'жұма', 'сенбі'],
  ru: ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'],
};

function parts(day: string): { year: number; month: number; date: number } {
  return {
    year: Number(day.slice(0, 4)),
    month: Number(day.slice(5, 7)),
    date: Number(day.slice(8, 10)),
  };
}

export function isDateForm(value: string): value is DateForm {
  return (DATE_FORMS as readonly string[]).includes(value);
}

/** A 'YYYY-MM-DD' day as written in a letter in `lang`, in the given form. */
export function formatLetterDate(day: string, lang: Lang, form: DateForm = 'plain'): string {
  const { year, month, date } = parts(day);
  if (form === 'short') return `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
  if (lang === 'kk') {
    const name = KK_MONTHS[month - 1]?.[form] ?? '';
    return `${String(year)} жылғы ${String(date)} ${name}`;
  }
  return `${String(date)} ${RU_MONTHS_GENITIVE[month - 1] ?? ''} ${String(year)} г.`;
}

/** The day of the week in lower case («жұма», «пятница»). */
export function weekdayName(day: string, lang: Lang): string {
  const { year, month, date } = parts(day);
  const weekday = new Date(Date.UTC(year, month - 1, date)).getUTCDay();
  return WEEKDAYS[lang][weekday] ?? '';
}

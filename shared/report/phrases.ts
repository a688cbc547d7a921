// The words the report itself prints in Node as well as on screen — the labels of its model
// and its short text — in Kazakh and Russian. Labels of domain values (statuses, outcomes,
// channels…) are in shared/domain/labels.ts; the screens' own words are in the renderer's
// catalogs.

import { plural } from '../format';
import type { Lang } from '../i18n/lang';

export interface ReportPhrases {
  /** The report's title, on the printed report, its .xlsx and its short text. */
  title: string;
  /** The row that gathers places with too few appeals to be named. */
  otherPlaces: string;
  openReasons: Record<'open_within_deadline' | 'open_overdue', string>;
  charts: { topics: string; months: string };
}

/** The report model's own labels. */
export const REPORT_PHRASES: Readonly<Record<Lang, ReportPhrases>> = {
  kk: {
    title: 'Депутаттың жария есебі',
    otherPlaces: 'Басқа мекенжайлар',
    openReasons: {
      open_within_deadline: 'Қаралуда, мерзімі өтпеген',
      open_overdue: 'Қаралуда, мерзімі өтіп кеткен',
    },
    charts: { topics: 'Өтініштердің тақырыптары', months: 'Айлар бойынша өтініштер' },
  },
  ru: {
    title: 'Публичный отчёт депутата',
    otherPlaces: 'Другие адреса',
    openReasons: {
      open_within_deadline: 'На рассмотрении, срок не истёк',
      open_overdue: 'На рассмотрении, срок истёк',
    },
    charts: { topics: 'Темы обращений', months: 'Обращения по месяцам' },
  },
};

export interface ShortTextPhrases {
  okrug: (n: number) => string;
  preliminary: (date: string) => string;
  received: string;
  previous: string;
  decided: string;
  resolved: string;
  inDeadline: string;
  firstContact: (hours: number) => string;
  receptions: string;
  visitors: string;
  inquiries: string;
  answered: string;
  topics: string;
  initiatives: string;
  plan: string;
  contacts: string;
}

/** The short text (Telegram, website) of the report. */
export const SHORT_TEXT_PHRASES: Readonly<Record<Lang, ShortTextPhrases>> = {
  kk: {
    okrug: (n) => `№${String(n)} сайлау округі`,
    preliminary: (date) => `Алдын ала есеп, ${date} күйінше.`,
    received: 'Өтініш түсті',
    previous: 'алдыңғы тоқсанда',
    decided: 'Шешім қабылданды',
    resolved: 'оның ішінде шешілгені',
    inDeadline: 'Мерзімінде шешілді',
    firstContact: (h) => `${String(h)} сағат ішінде хабарласылды`,
    receptions: 'Азаматтарды қабылдау',
    visitors: 'қабылданған азаматтар',
    inquiries: 'Депутаттық сауалдар',
    answered: 'жауап келгені',
    topics: 'Негізгі тақырыптар',
    initiatives: 'Бастамалар',
    plan: 'Келесі тоқсанның басымдықтары',
    contacts: 'Байланыс',
  },
  ru: {
    okrug: (n) => `избирательный округ №${String(n)}`,
    preliminary: (date) => `Предварительный отчёт, данные на ${date}.`,
    received: 'Поступило обращений',
    previous: 'в прошлом квартале',
    decided: 'Приняты решения',
    resolved: 'из них решено',
    inDeadline: 'Решено в срок',
    firstContact: (h) =>
      `Связались с заявителем в течение ${String(h)} ${plural(h, 'ru', { one: 'часа', other: 'часов' })}`,
    receptions: 'Приёмов граждан',
    visitors: 'принято граждан',
    inquiries: 'Депутатских запросов',
    answered: 'получено ответов',
    topics: 'Основные темы',
    initiatives: 'Инициативы',
    plan: 'Приоритеты следующего квартала',
    contacts: 'Контакты',
  },
};

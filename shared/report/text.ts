/**
 * The short text of the quarterly report for a Telegram channel or the maslikhat's website:
 * the headline numbers in a few lines, in the report's language. Built only from the report
 * model, which carries no personal data, so the text cannot carry any either.
 */
import type { Lang } from '../i18n/lang';
import { formatNumber, plural } from '../format';
import type { QuarterlyReport } from './types';

interface Phrases {
  title: string;
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

const PHRASES: Record<Lang, Phrases> = {
  kk: {
    title: 'Депутаттың жария есебі',
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
    title: 'Публичный отчёт депутата',
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

/** At most this many initiatives and plan items are named; the PDF has the rest. */
const LIST_LIMIT = 3;

export function buildShortText(report: QuarterlyReport): string {
  const p = PHRASES[report.lang];
  const n = (value: number) => formatNumber(value);
  const { header, appeals, resolved, indicators } = report;
  const lines: string[] = [];

  lines.push(`${p.title}: ${report.quarter.label}`);
  const who = [
    header.deputyName,
    header.okrugNumber !== null ? p.okrug(header.okrugNumber) : '',
    header.maslikhatName,
  ].filter((part) => part.trim() !== '');
  if (who.length > 0) lines.push(who.join(', '));
  if (report.preliminary) lines.push(p.preliminary(report.generatedOnLabel));
  lines.push('');

  const change = appeals.change.previous > 0 ? `, ${appeals.change.display}` : '';
  lines.push(
    `• ${p.received}: ${n(appeals.total)} (${p.previous}: ${n(appeals.change.previous)}${change})`,
  );
  lines.push(`• ${p.decided}: ${n(resolved.decidedTotal)}, ${p.resolved}: ${n(resolved.resolved)}`);
  if (indicators.decidedWithinDeadline.percent !== null) {
    lines.push(`• ${p.inDeadline}: ${indicators.decidedWithinDeadline.display}`);
  }
  if (indicators.firstContactWithin72h.percent !== null) {
    lines.push(
      `• ${p.firstContact(indicators.acknowledgeHours)}: ${indicators.firstContactWithin72h.display}`,
    );
  }
  lines.push(
    `• ${p.receptions}: ${n(appeals.receptions.held)}, ${p.visitors}: ${n(appeals.receptions.visitors)}`,
  );
  if (indicators.inquiries.sent > 0) {
    lines.push(
      `• ${p.inquiries}: ${n(indicators.inquiries.sent)}, ${p.answered}: ${n(indicators.inquiries.answered)}`,
    );
  }
  if (appeals.topTopics.length > 0) {
    const topics = appeals.topTopics
      .slice(0, LIST_LIMIT)
      .map((row) => `${row.label} (${row.display})`)
      .join(', ');
    lines.push(`• ${p.topics}: ${topics}`);
  }

  const initiatives = report.initiatives.items.slice(0, LIST_LIMIT);
  if (initiatives.length > 0) {
    lines.push('', `${p.initiatives}:`);
    for (const item of initiatives) lines.push(`— ${item.title}`);
  }
  const plan = report.plan.items.slice(0, LIST_LIMIT);
  if (plan.length > 0) {
    lines.push('', `${p.plan}:`);
    for (const item of plan) lines.push(`— ${item.title}`);
  }

  const contacts = [header.officeTelegram, header.officeWebsite, header.officeEmail ?? '']
    .map((c) => c.trim())
    .filter(Boolean);
  if (contacts.length > 0) lines.push('', `${p.contacts}: ${contacts.join(', ')}`);
  return lines.join('\n');
}

/** Both languages one after the other, as the report itself can be. */
export function buildShortTexts(reports: readonly QuarterlyReport[]): string {
  return reports.map(buildShortText).join('\n\n———\n\n');
}

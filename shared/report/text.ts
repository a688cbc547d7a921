/**
 * The short text of the quarterly report for a Telegram channel or the maslikhat's website:
 * the headline numbers in a few lines, in the report's language. Built only from the report
 * model, which carries no personal data, so the text cannot carry any either.
 */
import { formatNumber } from '../format';
import { REPORT_PHRASES, SHORT_TEXT_PHRASES } from './phrases';
import type { QuarterlyReport } from './types';

/** At most this many initiatives and plan items are named; the PDF has the rest. */
const LIST_LIMIT = 3;

export function buildShortText(report: QuarterlyReport): string {
  const p = SHORT_TEXT_PHRASES[report.lang];
  const n = (value: number) => formatNumber(value);
  const { header, appeals, resolved, indicators } = report;
  const lines: string[] = [];

  lines.push(`${REPORT_PHRASES[report.lang].title}: ${report.quarter.label}`);
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

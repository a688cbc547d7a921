// The language half of the quarterly report: the statistics of `stats.ts` named and ordered
// in one language — labels, quarter names, month names, the header, the places and lists
// sorted the way a reader of that language sorts them, and the texts that read as the other
// language.

import { formatNumber, formatPeriod, formatQuarter, formatShortDate, monthName } from '../format';
import { formatDay, parseDay } from '../calendar/dates';
import { bothTexts, labelOf, topicLabel, type NotResolvedReason } from '../domain';
import type { Lang } from '../i18n/lang';
import { guessTexts, LanguageCheck } from './checks';
import { countRow, labelled } from './counts';
import { REPORT_PHRASES } from './phrases';
import type { QuarterBounds } from './quarter';
import { SummaryPresenter } from './editorial';
import { RecordTextPicker } from './recordTexts';
import { publicHotSpots } from '../map/hotspots';
import { PlaceGlossary } from '../map/placeNames';
import { PlaceNamer } from './placeLabels';
import type { ReportStats } from './stats';
import {
  SMALL_COUNT_THRESHOLD,
  TOP_TOPICS,
  type AppealsSection,
  type CountRow,
  type InitiativeRow,
  type PlaceBreakdown,
  type PlanRow,
  type QuarterRef,
  type QuarterlyReport,
  type ReportSettings,
} from './types';

/** What a report in one language may choose beyond its language. */
export interface PresentChoices {
  annex?: boolean;
  otherLanguageInBrackets?: boolean;
}

/** The report in `lang` from statistics computed once. Pure and deterministic. */
export function presentReport(
  stats: ReportStats,
  lang: Lang,
  choices: PresentChoices = {},
): QuarterlyReport {
  const options = {
    annex: choices.annex === true,
    otherLanguageInBrackets: choices.otherLanguageInBrackets === true,
  };
  const { q, prev, next, settings, topics, today } = stats;
  const phrases = REPORT_PHRASES[lang];
  const language = new LanguageCheck(lang);
  language.note(
    'settings',
    'settings',
    null,
    null,
    guessTexts([
      ['deputyPosition', settings.deputy.position[lang]],
      ['maslikhatName', settings.maslikhat.name[lang]],
      ['okrugDescription', settings.okrugDescription[lang]],
      ['receptionAddress', settings.receptionAddress[lang]],
    ]),
  );
  const summaries = new SummaryPresenter(
    { lang, otherLanguageInBrackets: options.otherLanguageInBrackets },
    language,
  );
  const picker = new RecordTextPicker({
    lang,
    otherLanguageInBrackets: options.otherLanguageInBrackets,
  });
  const placeNamer = new PlaceNamer(lang, new PlaceGlossary(settings.report.placeNames));
  const topicName = (key: string) => topicLabel(topics, key, lang);
  const reasonName = (key: string) =>
    key === 'open_within_deadline' || key === 'open_overdue'
      ? phrases.openReasons[key]
      : labelOf('notResolvedReason', key as NotResolvedReason, lang);
  const resolvedGroups = summaries.groups(stats.resolved.summaries, topicName, false);
  const unresolvedGroups = summaries.groups(stats.unresolved.summaries, reasonName, false);
  const annex = options.annex ? summaries.groups(stats.annex, topicName, true) : null;

  const counted = stats.appeals;
  const appeals: AppealsSection = {
    total: counted.total,
    change: counted.change,
    byTopic: [],
    topTopics: [],
    byChannel: labelled(counted.byChannel, (key) => labelOf('channel', key, lang)),
    byKind: labelled(counted.byKind, (key) => labelOf('kind', key, lang)),
    collectiveCount: counted.collectiveCount,
    collectiveSignatories: counted.collectiveSignatories,
    priorityCount: counted.priorityCount,
    anonymousCount: counted.anonymousCount,
    byMonth: counted.byMonth.map(({ month, count, receptionsHeld }) => ({
      month,
      label: monthName(Number(month.slice(5, 7)), lang),
      count,
      receptionsHeld,
    })),
    byPlace: places(stats, lang, phrases.otherPlaces, placeNamer),
    hotSpots: publicHotSpots(stats.appeals.hotSpots, settings.report.minPlaceCount).spots.map(
      (spot) => ({
        key: spot.key,
        label: placeNamer.label(spot.label),
        nameKey: spot.nameKey,
        count: spot.count,
        previousDisplay: spot.previous.display,
        change: spot.change,
        topics: spot.topics.map((t) => ({
          label: topicLabel(topics, t.topic, lang),
          count: t.count,
        })),
      }),
    ),
    receptions: {
      ...counted.receptions,
      monthsWithout: counted.receptions.monthsWithout.map((month) =>
        monthName(Number(month.slice(5, 7)), lang),
      ),
    },
  };
  appeals.byTopic = labelled(counted.byTopic, (key) => topicLabel(topics, key, lang));
  appeals.topTopics = appeals.byTopic.slice(0, TOP_TOPICS);

  const { resolved, unresolved } = stats;
  const report: QuarterlyReport = {
    modelVersion: 1,
    lang,
    quarter: quarterRef(q, lang),
    previousQuarter: quarterRef(prev, lang),
    nextQuarter: quarterRef(next, lang),
    generatedOn: today,
    generatedOnLabel: formatShortDate(today),
    dueOn: formatDay(parseDay(q.to) + 15),
    preliminary: today <= q.to,
    header: header(settings, lang),
    appeals,
    resolved: {
      decidedTotal: resolved.decidedTotal,
      resolved: resolved.resolved,
      partiallyResolved: resolved.partiallyResolved,
      byOutcome: resolved.byOutcome.map(({ outcome, count }) =>
        countRow(outcome, labelOf('outcome', outcome, lang), count, resolved.decidedTotal),
      ),
      summaries: resolvedGroups,
    },
    unresolved: {
      total: unresolved.total,
      openAtQuarterEnd: unresolved.openAtQuarterEnd,
      openOverdue: unresolved.openOverdue,
      notResolved: unresolved.notResolved,
      byReason: unresolved.byReason.map(([key, count]) =>
        countRow(key, reasonName(key), count, unresolved.total),
      ),
      summaries: unresolvedGroups,
    },
    initiatives: { items: initiativeRows(stats, language, picker, lang) },
    plan: { quarter: quarterRef(next, lang), items: planRows(stats, language, picker, lang) },
    indicators: stats.indicators,
    charts: {
      topics: {
        title: phrases.charts.topics,
        points: appeals.byTopic.map((row) => ({
          key: row.key,
          label: row.label,
          value: row.count,
          display: row.display,
        })),
      },
      months: {
        title: phrases.charts.months,
        points: appeals.byMonth.map((row) => ({
          key: row.month,
          label: row.label,
          value: row.count,
          display: formatNumber(row.count),
        })),
      },
    },
    blocked: stats.blocked,
    otherLanguage: { items: language.items() },
    missingTranslations: {
      items: [
        ...summaries.missingTranslations(),
        ...picker.missingTranslations(),
        ...placeNamer.missingTranslations(),
      ],
    },
    annex,
    options,
  };
  return report;
}

function quarterRef(q: QuarterBounds, lang: Lang): QuarterRef {
  return {
    id: q.id,
    year: q.year,
    quarter: q.quarter,
    from: q.from,
    to: q.to,
    label: formatQuarter(q.id, lang),
    periodLabel: formatPeriod(q.id, lang),
  };
}

/** Small places are folded into "other places", so a listed place has at least 3 appeals. */
function places(
  stats: ReportStats,
  lang: Lang,
  otherPlaces: string,
  namer: PlaceNamer,
): PlaceBreakdown {
  const { settings } = stats;
  const { groups, unspecified, total } = stats.appeals.places;
  const min = Math.max(SMALL_COUNT_THRESHOLD, settings.report.minPlaceCount);
  const rows: CountRow[] = [];
  let other = 0;
  // Only the places printed by name are named in the language (and checked for it).
  const named = groups.flatMap((group) =>
    group.count >= min ? [{ ...group, label: namer.label(group.label) }] : [],
  );
  named.sort(
    (a, b) => b.count - a.count || a.label.localeCompare(b.label, lang) || (a.key < b.key ? -1 : 1),
  );
  for (const group of named) rows.push(countRow(group.key, group.label, group.count, total));
  for (const group of groups) if (group.count < min) other += group.count;
  return {
    level: settings.report.placeLevel,
    rows,
    otherPlaces: other === 0 ? null : countRow('other', otherPlaces, other, total),
    unspecified,
  };
}

function initiativeRows(
  stats: ReportStats,
  language: LanguageCheck,
  picker: RecordTextPicker,
  lang: Lang,
): InitiativeRow[] {
  const sorted = [...stats.initiatives].sort(
    ({ record: a, title: at }, { record: b, title: bt }) =>
      (a.submittedOn ?? '').localeCompare(b.submittedOn ?? '') ||
      bothTexts(at).localeCompare(bothTexts(bt), lang) ||
      (a.id < b.id ? -1 : 1),
  );
  const rows: InitiativeRow[] = [];
  for (const { record: i, title, result, publicSummary, guesses } of sorted) {
    const texts = picker.pick('initiative', i.id, { title, result, publicSummary });
    if (texts === null) continue;
    language.note('initiative', i.id, null, texts.title, guesses[lang]);
    rows.push({
      id: i.id,
      submittedOn: i.submittedOn ?? '',
      submittedOnLabel: formatShortDate(i.submittedOn ?? ''),
      title: texts.title,
      target: i.target,
      targetLabel: labelOf('initiativeTarget', i.target, lang),
      status: i.status,
      statusLabel: labelOf('initiativeStatus', i.status, lang),
      result: texts.result,
      topicLabel: i.topic === null ? '' : topicLabel(stats.topics, i.topic, lang),
      publicSummary: texts.publicSummary,
    });
  }
  return rows;
}

function planRows(
  stats: ReportStats,
  language: LanguageCheck,
  picker: RecordTextPicker,
  lang: Lang,
): PlanRow[] {
  const sorted = [...stats.plan].sort(
    ({ record: a, title: at }, { record: b, title: bt }) =>
      a.order - b.order ||
      bothTexts(at).localeCompare(bothTexts(bt), lang) ||
      (a.id < b.id ? -1 : 1),
  );
  const rows: PlanRow[] = [];
  for (const { record: p, title, actions, guesses } of sorted) {
    const texts = picker.pick('planItem', p.id, { title, actions });
    if (texts === null) continue;
    language.note('planItem', p.id, null, texts.title, guesses[lang]);
    rows.push({
      id: p.id,
      title: texts.title,
      actions: texts.actions
        .split('\n')
        .map((line) => line.trim().replace(/^[-–—•*]\s*/, ''))
        .filter((line) => line !== ''),
      topicLabel: p.topic === null ? '' : topicLabel(stats.topics, p.topic, lang),
      status: p.status,
      statusLabel: labelOf('planStatus', p.status, lang),
    });
  }
  return rows;
}

function header(settings: ReportSettings, lang: Lang) {
  return {
    deputyName: settings.deputy.fullName[lang],
    deputyPosition: settings.deputy.position[lang],
    maslikhatName: settings.maslikhat.name[lang],
    maslikhatLevel: settings.maslikhat.level,
    maslikhatLevelLabel: labelOf('maslikhatLevel', settings.maslikhat.level, lang),
    okrugNumber: settings.okrugNumber,
    okrugDescription: settings.okrugDescription[lang],
    receptionAddress: settings.receptionAddress[lang],
    officePhone: settings.contacts.phone,
    officeEmail: settings.contacts.email,
    officeTelegram: settings.contacts.telegram,
    officeWebsite: settings.contacts.website,
    signedBy: settings.report.signedBy,
  };
}

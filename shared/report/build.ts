// buildQuarterlyReport: the quarterly public report from plain records. What each number
// counts is written on its field in types.ts; the choices behind them are explained here.

import { createKzCalendar, workingDaysBetween, type WorkCalendar } from '../calendar';
import { daysInMonth, formatDay, parseDay } from '../calendar/dates';
import {
  APPEAL_CHANNELS,
  APPEAL_KINDS,
  NOT_RESOLVED_REASONS,
  OUTCOMES,
  labelOf,
  parseRegNo,
  toCalendarOverrides,
  topicLabel,
  type Outcome,
  type Topic,
} from '../domain';
import { inquiryAnswerBy } from '../workflow/deadlines';
import type { Lang } from '../i18n/lang';
import {
  formatChange,
  formatChangePercent,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatQuarter,
  formatShortDate,
  monthName,
} from '../format';
import { SMALL_COUNT_THRESHOLD } from './types';
import { NameIndex, findPersonalData } from './pii';
import { parseQuarter, shiftQuarter, type QuarterBounds } from './quarter';
import { guessTextLanguage } from './textLanguage';
import {
  TOP_TOPICS,
  type AppealsSection,
  type BlockedItem,
  type Change,
  type CountRow,
  type Indicators,
  type InitiativeRow,
  type InquiryIndicators,
  type OtherLanguageField,
  type OtherLanguageItem,
  type PiiKind,
  type PlaceBreakdown,
  type PlanRow,
  type QuarterRef,
  type QuarterlyReport,
  type Ratio,
  type ReceptionsBlock,
  type ReportAppeal,
  type ReportInput,
  type ReportOptions,
  type ReportSettings,
  type SummaryGroup,
  type UnresolvedReasonKey,
} from './types';

/** Outcomes that are no decision on the merits: the consideration term does not apply. */
const NO_MERITS: ReadonlySet<Outcome> = new Set(['withdrawn', 'not_considered']);
const SOLVED: ReadonlySet<Outcome> = new Set(['resolved', 'partially_resolved']);

const OTHER_PLACES: Readonly<Record<Lang, string>> = {
  kk: 'Басқа мекенжайлар',
  ru: 'Другие адреса',
};
const OPEN_REASONS: Readonly<
  Record<'open_within_deadline' | 'open_overdue', Record<Lang, string>>
> = {
  open_within_deadline: {
    kk: 'Қаралуда, мерзімі өтпеген',
    ru: 'На рассмотрении, срок не истёк',
  },
  open_overdue: {
    kk: 'Қаралуда, мерзімі өтіп кеткен',
    ru: 'На рассмотрении, срок истёк',
  },
};
const CHART_TITLES = {
  topics: { kk: 'Өтініштердің тақырыптары', ru: 'Темы обращений' },
  months: { kk: 'Айлар бойынша өтініштер', ru: 'Обращения по месяцам' },
} as const;

/**
 * The quarterly public report for `quarter` ('YYYY-Qn') from plain records. Pure and
 * deterministic: the same input, quarter and options always give the same model. Throws a
 * RangeError on a malformed quarter or `today`.
 */
export function buildQuarterlyReport(
  data: ReportInput,
  quarter: string,
  options: ReportOptions,
): QuarterlyReport {
  const { lang, today } = options;
  parseDay(today, 'today');
  const q = parseQuarter(quarter);
  const prev = shiftQuarter(q, -1);
  const next = shiftQuarter(q, 1);
  const settings = data.settings;
  const cal = createKzCalendar(toCalendarOverrides(settings.calendar));
  const topics = settings.topics;

  const live = data.appeals.filter((a) => a.deletedAt === null);
  const ofQuarter = sortByRegNo(live.filter((a) => within(a.registeredOn, q)));
  const previousCount = live.reduce((n, a) => n + (within(a.registeredOn, prev) ? 1 : 0), 0);
  const decided = sortByRegNo(
    live.filter((a) => a.outcome !== null && a.decidedOn !== null && within(a.decidedOn, q)),
  );
  const openAtEnd = sortByRegNo(
    live.filter((a) => a.registeredOn <= q.to && (a.decidedOn === null || a.decidedOn > q.to)),
  );

  const check = new PiiCheck(data);
  const language = new LanguageCheck(lang);
  language.note('settings', 'settings', null, null, [
    ['deputyPosition', settings.deputy.position[lang]],
    ['maslikhatName', settings.maslikhat.name[lang]],
    ['okrugDescription', settings.okrugDescription[lang]],
    ['receptionAddress', settings.receptionAddress[lang]],
  ]);
  const resolvedForText = decided.filter((a) => a.outcome !== 'not_resolved');
  const notResolved = decided.filter((a) => a.outcome === 'not_resolved');

  const receptions = data.receptions.filter((r) => r.deletedAt === null && within(r.date, q));
  const held = receptions.filter((r) => r.status === 'held');

  const appeals: AppealsSection = {
    total: ofQuarter.length,
    change: change(ofQuarter.length, previousCount),
    byTopic: [],
    topTopics: [],
    byChannel: breakdown(
      ofQuarter,
      (a) => a.channel,
      APPEAL_CHANNELS,
      (key) => labelOf('channel', key, lang),
    ),
    byKind: breakdown(
      ofQuarter,
      (a) => a.kind,
      APPEAL_KINDS,
      (key) => labelOf('kind', key, lang),
    ),
    collectiveCount: ofQuarter.filter((a) => a.collective).length,
    collectiveSignatories: ofQuarter.reduce(
      (n, a) => n + (a.collective ? (a.signatories ?? 0) : 0),
      0,
    ),
    priorityCount: ofQuarter.filter((a) => a.priority).length,
    anonymousCount: ofQuarter.filter((a) => a.applicantId === null).length,
    byMonth: q.months.map((month) => ({
      month,
      label: monthName(Number(month.slice(5, 7)), lang),
      count: ofQuarter.filter((a) => a.registeredOn.startsWith(month)).length,
      receptionsHeld: held.filter((r) => r.date.startsWith(month)).length,
    })),
    byPlace: places(ofQuarter, settings, lang),
    receptions: receptionsBlock(held, receptions, ofQuarter, q, today, lang),
  };
  appeals.byTopic = topicBreakdown(ofQuarter, topics, lang);
  appeals.topTopics = appeals.byTopic.slice(0, TOP_TOPICS);

  const resolvedSummaries = summaryGroups(resolvedForText, check, language, topics, lang);
  // An appeal open at the quarter's end but decided since has a summary of its decision:
  // that belongs to the next quarter's resolved section, not to this quarter's unresolved.
  const stillOpen = openAtEnd.filter((a) => a.outcome === null);
  const unresolvedSummaries = summaryGroups(
    [...stillOpen, ...notResolved],
    check,
    language,
    topics,
    lang,
  );
  const openOverdue = openAtEnd.filter((a) => a.decideBy <= q.to).length;
  const reasonCounts = new Map<UnresolvedReasonKey, number>([
    ['open_within_deadline', openAtEnd.length - openOverdue],
    ['open_overdue', openOverdue],
  ]);
  for (const reason of NOT_RESOLVED_REASONS) {
    reasonCounts.set(reason, notResolved.filter((a) => a.notResolvedReason === reason).length);
  }
  const unresolvedTotal = openAtEnd.length + notResolved.length;

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
      decidedTotal: decided.length,
      resolved: decided.filter((a) => a.outcome === 'resolved').length,
      partiallyResolved: decided.filter((a) => a.outcome === 'partially_resolved').length,
      byOutcome: OUTCOMES.map((outcome) =>
        countRow(
          outcome,
          labelOf('outcome', outcome, lang),
          decided.filter((a) => a.outcome === outcome).length,
          decided.length,
        ),
      ),
      summaries: resolvedSummaries,
    },
    unresolved: {
      total: unresolvedTotal,
      openAtQuarterEnd: openAtEnd.length,
      openOverdue,
      notResolved: notResolved.length,
      byReason: [...reasonCounts].map(([key, count]) =>
        countRow(
          key,
          key === 'open_within_deadline' || key === 'open_overdue'
            ? OPEN_REASONS[key][lang]
            : labelOf('notResolvedReason', key, lang),
          count,
          unresolvedTotal,
        ),
      ),
      summaries: unresolvedSummaries,
    },
    initiatives: { items: initiativeRows(data, q, check, language, topics, lang) },
    plan: {
      quarter: quarterRef(next, lang),
      items: planRows(data, next, check, language, topics, lang),
    },
    indicators: indicators(data, settings, cal, q, today, ofQuarter, decided, held.length),
    charts: {
      topics: {
        title: CHART_TITLES.topics[lang],
        points: appeals.byTopic.map((row) => ({
          key: row.key,
          label: row.label,
          value: row.count,
          display: row.display,
        })),
      },
      months: {
        title: CHART_TITLES.months[lang],
        points: appeals.byMonth.map((row) => ({
          key: row.month,
          label: row.label,
          value: row.count,
          display: formatNumber(row.count),
        })),
      },
    },
    blocked: check.blocked(),
    otherLanguage: { items: language.items() },
  };
  return report;
}

// --- Periods ----------------------------------------------------------------------------------

function within(day: string, q: QuarterBounds): boolean {
  return day >= q.from && day <= q.to;
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

/** Registry order: year, then sequence (string order breaks past 9999). */
function sortByRegNo<T extends Pick<ReportAppeal, 'regNo' | 'id'>>(list: T[]): T[] {
  const key = (a: T): number => {
    const parsed = parseRegNo(a.regNo);
    return parsed === null ? Number.MAX_SAFE_INTEGER : parsed.year * 1e7 + parsed.sequence;
  };
  return list
    .map((a) => ({ a, k: key(a) }))
    .sort((x, y) => x.k - y.k || (x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : 0))
    .map(({ a }) => a);
}

// --- Counts ---------------------------------------------------------------------------------

function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

/** A breakdown row with the "<3" rule (1 or 2 → suppressed; 0 and ≥3 exact). */
function countRow(key: string, label: string, count: number, total: number): CountRow {
  const small = count > 0 && count < SMALL_COUNT_THRESHOLD;
  return {
    key,
    label,
    count: small ? null : count,
    display: small ? `<${String(SMALL_COUNT_THRESHOLD)}` : formatNumber(count),
    percent: small ? null : percentOf(count, total),
  };
}

function ratio(numerator: number, denominator: number): Ratio {
  const percent = percentOf(numerator, denominator);
  return { numerator, denominator, percent, display: formatPercent(percent) };
}

function change(current: number, previous: number): Change {
  const absolute = current - previous;
  const percent = previous === 0 ? null : Math.round((absolute / previous) * 1000) / 10;
  const display =
    percent === null
      ? formatChange(absolute)
      : `${formatChange(absolute)} (${formatChangePercent(percent)})`;
  return { current, previous, absolute, percent, display };
}

/** Categories with at least one appeal, most first; ties in the enum's order. */
function breakdown<K extends string>(
  list: readonly ReportAppeal[],
  keyOf: (a: ReportAppeal) => K,
  order: readonly K[],
  label: (key: K) => string,
): CountRow[] {
  const counts = new Map<K, number>();
  for (const a of list) counts.set(keyOf(a), (counts.get(keyOf(a)) ?? 0) + 1);
  const rank = (key: K): number => {
    const i = order.indexOf(key);
    return i < 0 ? order.length : i;
  };
  return [...counts]
    .sort(([ka, a], [kb, b]) => b - a || rank(ka) - rank(kb) || (ka < kb ? -1 : 1))
    .map(([key, count]) => countRow(key, label(key), count, list.length));
}

function topicBreakdown(list: readonly ReportAppeal[], topics: readonly Topic[], lang: Lang) {
  return breakdown(
    list,
    (a) => a.topic,
    topics.map((t) => t.id),
    (key) => topicLabel(topics, key, lang),
  );
}

// --- Places -----------------------------------------------------------------------------------

const PLACE_DEPTH = { locality: 1, district: 2, street: 3 } as const;

/**
 * Appeals by place. Parts below `placeLevel` are dropped (never the building); small places
 * are folded into "other places" so a listed place always has at least 3 appeals.
 */
function places(
  list: readonly ReportAppeal[],
  settings: ReportSettings,
  lang: Lang,
): PlaceBreakdown {
  const level = settings.report.placeLevel;
  const depth = PLACE_DEPTH[level];
  const min = Math.max(SMALL_COUNT_THRESHOLD, settings.report.minPlaceCount);
  const groups = new Map<string, { label: string; count: number }>();
  let unspecified = 0;
  for (const a of list) {
    const parts = [a.location.locality, a.location.district, a.location.street]
      .slice(0, depth)
      .map((part) => part.trim().replace(/\s+/g, ' '));
    if (parts.every((part) => part === '')) {
      unspecified++;
      continue;
    }
    const key = parts.map((part) => part.toLocaleLowerCase('kk')).join(' / ');
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, { label: parts.filter((part) => part !== '').join(', '), count: 1 });
    } else {
      group.count++;
    }
  }
  const rows: CountRow[] = [];
  let other = 0;
  const sorted = [...groups].sort(
    ([ka, a], [kb, b]) =>
      b.count - a.count || a.label.localeCompare(b.label, lang) || (ka < kb ? -1 : 1),
  );
  for (const [key, group] of sorted) {
    if (group.count >= min) rows.push(countRow(key, group.label, group.count, list.length));
    else other += group.count;
  }
  return {
    level,
    rows,
    otherPlaces: other === 0 ? null : countRow('other', OTHER_PLACES[lang], other, list.length),
    unspecified,
  };
}

// --- Receptions -----------------------------------------------------------------------------

function receptionsBlock(
  held: ReportInput['receptions'],
  ofQuarterReceptions: ReportInput['receptions'],
  ofQuarter: readonly ReportAppeal[],
  q: QuarterBounds,
  today: string,
  lang: Lang,
): ReceptionsBlock {
  // A month is "without a reception" only once it is over: the current month may still get one.
  const monthsWithout = q.months.filter((month) => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const lastDay = `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
    return lastDay < today && !held.some((r) => r.date.startsWith(month));
  });
  return {
    held: held.length,
    cancelled: ofQuarterReceptions.filter((r) => r.status === 'cancelled').length,
    visitors: held.reduce((n, r) => n + r.queue.filter((v) => v.status !== 'left').length, 0),
    appealsAtReceptions: ofQuarter.filter((a) => a.channel === 'reception').length,
    monthsWithout: monthsWithout.map((month) => monthName(Number(month.slice(5, 7)), lang)),
  };
}

// --- Public text --------------------------------------------------------------------------------

type BlockedField = BlockedItem['fields'][number];

/** Scans every public text the report prints and keeps the list of what blocks it. */
class PiiCheck {
  private readonly names = new NameIndex();
  private readonly items = new Map<string, BlockedItem>();

  constructor(data: ReportInput) {
    for (const applicant of data.applicants) {
      if (applicant.fullName.trim() !== '') this.names.add(applicant.fullName);
    }
    // Visitors say their names at the queue; they are people of the data too.
    for (const reception of data.receptions) {
      for (const visitor of reception.queue) {
        if (visitor.name.trim() !== '') this.names.add(visitor.name);
      }
    }
  }

  /**
   * The text if it is clean, else null (and the record is listed as blocking). `title` is
   * the record's title, shown on the fix-it list only when it is clean itself.
   */
  clean(
    source: BlockedItem['source'],
    id: string,
    regNo: string | null,
    field: BlockedField,
    text: string,
    title: string | null = null,
  ): string | null {
    const kinds = findPersonalData(text, this.names);
    if (kinds.length === 0) return text;
    const key = `${source}:${id}`;
    const item = this.items.get(key) ?? {
      source,
      id,
      regNo,
      title,
      fields: [],
      kinds: [],
    };
    if (field === 'title') item.title = null;
    if (!item.fields.includes(field)) item.fields.push(field);
    item.kinds = mergeKinds(item.kinds, kinds);
    this.items.set(key, item);
    return null;
  }

  blocked(): QuarterlyReport['blocked'] {
    if (this.items.size === 0) return null;
    const order = { appeal: 0, initiative: 1, planItem: 2 } as const;
    const items = [...this.items.values()].sort(
      (a, b) =>
        order[a.source] - order[b.source] ||
        regKey(a.regNo) - regKey(b.regNo) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    return { items };
  }
}

function regKey(regNo: string | null): number {
  const parsed = regNo === null ? null : parseRegNo(regNo);
  return parsed === null ? 0 : parsed.year * 1e7 + parsed.sequence;
}

const KIND_ORDER: readonly PiiKind[] = ['name', 'iin', 'phone', 'email', 'handle', 'address'];

function mergeKinds(a: readonly PiiKind[], b: readonly PiiKind[]): PiiKind[] {
  return KIND_ORDER.filter((kind) => a.includes(kind) || b.includes(kind));
}

/**
 * Lists the printed texts that read as the other language than the report's. Only texts
 * that reach the report are noted (after the personal-data check), so the list points at
 * what a reader would actually see.
 */
class LanguageCheck {
  private readonly list: OtherLanguageItem[] = [];

  constructor(private readonly lang: Lang) {}

  note(
    source: OtherLanguageItem['source'],
    id: string,
    regNo: string | null,
    title: string | null,
    texts: readonly (readonly [OtherLanguageField, string])[],
  ): void {
    const fields: OtherLanguageField[] = [];
    let guessed: Lang | null = null;
    for (const [field, text] of texts) {
      const guess = guessTextLanguage(text);
      if (guess === null || guess === this.lang) continue;
      fields.push(field);
      guessed = guess;
    }
    if (guessed !== null) this.list.push({ source, id, regNo, title, fields, lang: guessed });
  }

  /** Settings first (the header), then appeals by regNo, then the rest as printed. */
  items(): OtherLanguageItem[] {
    const order = { settings: 0, appeal: 1, initiative: 2, planItem: 3 } as const;
    return this.list
      .map((item, index) => ({ item, index }))
      .sort(
        (a, b) =>
          order[a.item.source] - order[b.item.source] ||
          regKey(a.item.regNo) - regKey(b.item.regNo) ||
          a.index - b.index,
      )
      .map(({ item }) => item);
  }
}

/**
 * Public summaries of the appeals flagged for the report, grouped by topic: largest group
 * first, ties in the settings' topic order; items in registry order. Blocked texts are left out.
 */
function summaryGroups(
  list: readonly ReportAppeal[],
  check: PiiCheck,
  language: LanguageCheck,
  topics: readonly Topic[],
  lang: Lang,
): SummaryGroup[] {
  const groups = new Map<string, SummaryGroup>();
  for (const a of list) {
    if (!a.inReport || a.publicSummary.trim() === '') continue;
    const text = check.clean('appeal', a.id, a.regNo, 'publicSummary', a.publicSummary.trim());
    if (text === null) continue;
    language.note('appeal', a.id, a.regNo, null, [['publicSummary', text]]);
    let group = groups.get(a.topic);
    if (group === undefined) {
      group = { topic: a.topic, topicLabel: topicLabel(topics, a.topic, lang), items: [] };
      groups.set(a.topic, group);
    }
    group.items.push({
      text,
      outcomeLabel: a.outcome === null ? null : labelOf('outcome', a.outcome, lang),
      solved: a.outcome !== null && SOLVED.has(a.outcome),
    });
  }
  const rank = (id: string): number => {
    const i = topics.findIndex((t) => t.id === id);
    return i < 0 ? topics.length : i;
  };
  return [...groups.values()].sort(
    (a, b) =>
      b.items.length - a.items.length ||
      rank(a.topic) - rank(b.topic) ||
      (a.topic < b.topic ? -1 : 1),
  );
}

function initiativeRows(
  data: ReportInput,
  q: QuarterBounds,
  check: PiiCheck,
  language: LanguageCheck,
  topics: readonly Topic[],
  lang: Lang,
): InitiativeRow[] {
  const rows: InitiativeRow[] = [];
  const list = data.initiatives
    .filter(
      (i) =>
        i.deletedAt === null &&
        i.inReport &&
        i.status !== 'draft' &&
        i.submittedOn !== null &&
        within(i.submittedOn, q),
    )
    .sort(
      (a, b) =>
        (a.submittedOn ?? '').localeCompare(b.submittedOn ?? '') ||
        a.title.localeCompare(b.title, lang) ||
        (a.id < b.id ? -1 : 1),
    );
  for (const i of list) {
    const title = check.clean('initiative', i.id, null, 'title', i.title.trim());
    const shownTitle = title ?? null;
    const result = check.clean('initiative', i.id, null, 'result', i.result.trim(), shownTitle);
    const summary = check.clean(
      'initiative',
      i.id,
      null,
      'publicSummary',
      i.publicSummary.trim(),
      shownTitle,
    );
    if (title === null || result === null || summary === null) continue;
    language.note('initiative', i.id, null, title, [
      ['title', title],
      ['result', result],
      ['publicSummary', summary],
    ]);
    rows.push({
      id: i.id,
      submittedOn: i.submittedOn ?? '',
      submittedOnLabel: formatShortDate(i.submittedOn ?? ''),
      title,
      target: i.target,
      targetLabel: labelOf('initiativeTarget', i.target, lang),
      status: i.status,
      statusLabel: labelOf('initiativeStatus', i.status, lang),
      result,
      topicLabel: i.topic === null ? '' : topicLabel(topics, i.topic, lang),
      publicSummary: summary,
    });
  }
  return rows;
}

function planRows(
  data: ReportInput,
  next: QuarterBounds,
  check: PiiCheck,
  language: LanguageCheck,
  topics: readonly Topic[],
  lang: Lang,
): PlanRow[] {
  const rows: PlanRow[] = [];
  const list = data.planItems
    .filter(
      (p) =>
        p.deletedAt === null &&
        p.inReport &&
        p.status !== 'dropped' &&
        p.year === next.year &&
        p.quarter === next.quarter,
    )
    .sort(
      (a, b) => a.order - b.order || a.title.localeCompare(b.title, lang) || (a.id < b.id ? -1 : 1),
    );
  for (const p of list) {
    const title = check.clean('planItem', p.id, null, 'title', p.title.trim());
    const actions = check.clean('planItem', p.id, null, 'actions', p.actions.trim(), title);
    if (title === null || actions === null) continue;
    language.note('planItem', p.id, null, title, [
      ['title', title],
      ['actions', actions],
    ]);
    rows.push({
      id: p.id,
      title,
      actions: actions
        .split('\n')
        .map((line) => line.trim().replace(/^[-–—•*]\s*/, ''))
        .filter((line) => line !== ''),
      topicLabel: p.topic === null ? '' : topicLabel(topics, p.topic, lang),
      status: p.status,
      statusLabel: labelOf('planStatus', p.status, lang),
    });
  }
  return rows;
}

// --- Header -----------------------------------------------------------------------------------

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

// --- Indicators -------------------------------------------------------------------------------

function indicators(
  data: ReportInput,
  settings: ReportSettings,
  cal: WorkCalendar,
  q: QuarterBounds,
  today: string,
  ofQuarter: readonly ReportAppeal[],
  decided: readonly ReportAppeal[],
  receptionsHeld: number,
): Indicators {
  const onMerits = decided.filter((a) => a.outcome !== null && !NO_MERITS.has(a.outcome));
  const inTime = onMerits.filter((a) => (a.decidedOn ?? '') <= a.decideBy).length;
  const days = onMerits
    .map((a) => workingDaysBetween(cal, a.registeredOn, a.decidedOn ?? a.registeredOn))
    .sort((a, b) => a - b);
  const median = medianOf(days);

  // First contact: only appeals with somebody to contact; one still inside its 72 hours with
  // no contact yet is not judged.
  let contactTotal = 0;
  let contactInTime = 0;
  for (const a of ofQuarter) {
    if (a.applicantId === null) continue;
    const contact = a.firstContactAt?.slice(0, 16) ?? null;
    const due = a.acknowledgeBy.slice(0, 16);
    if (contact === null && due.slice(0, 10) >= today) continue;
    contactTotal++;
    if (contact !== null && contact <= due) contactInTime++;
  }

  const perMonth = Math.round((receptionsHeld / 3) * 10) / 10;
  return {
    decidedWithinDeadline: ratio(inTime, onMerits.length),
    medianWorkingDaysToDecision: median,
    medianWorkingDaysDisplay: median === null ? '—' : formatNumber(median, 1),
    firstContactWithin72h: ratio(contactInTime, contactTotal),
    acknowledgeHours: settings.deadlines.acknowledgeHours,
    extendedCount: decided.filter((a) => a.extendedTo !== null).length,
    inquiries: inquiryIndicators(data, settings, cal, q, today),
    receptionsHeld,
    receptionsPerMonth: perMonth,
    receptionsPerMonthDisplay: formatNumber(perMonth, 1),
  };
}

function medianOf(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

function inquiryIndicators(
  data: ReportInput,
  settings: ReportSettings,
  cal: WorkCalendar,
  q: QuarterBounds,
  today: string,
): InquiryIndicators {
  let sent = 0;
  let answered = 0;
  let answeredOnTime = 0;
  let overdue = 0;
  let awaiting = 0;
  for (const inquiry of data.inquiries) {
    const date = inquiry.outgoingDate;
    if (inquiry.deletedAt !== null || inquiry.status === 'draft' || date === null) continue;
    if (!within(date, q)) continue;
    sent++;
    const due = inquiry.dueDate ?? inquiryAnswerBy(cal, date, settings.deadlines);
    if (inquiry.response !== null) {
      answered++;
      if (inquiry.response.receivedOn <= due) answeredOnTime++;
    } else if (due < today) {
      overdue++;
    } else {
      awaiting++;
    }
  }
  return {
    sent,
    answered,
    answeredOnTime,
    overdue,
    awaiting,
    onTimeShare: ratio(answeredOnTime, sent - awaiting),
  };
}

import type { TFunction } from 'i18next';
import type { CountRow, QuarterlyReport, Ratio, SummaryGroup } from '@shared/report/types';
import { formatNumber } from '@shared/format';

/** One cell: what the PDF prints and what the spreadsheet stores. */
export interface Cell {
  text: string;
  /** A number where the value is exact; text for "<3", "—" and words. */
  xlsx: string | number;
  /** The number is a percentage (0–100): the sheet shows it as a percent. */
  percent?: boolean;
}

export interface ReportTable {
  /** Stable id (tests, print anchors). */
  id: string;
  /** Sheet name (short, ≤ 31 characters after cleaning). */
  sheet: string;
  /** Title above the table in the report language. */
  title: string;
  columns: { label: string; numeric?: boolean; wide?: boolean; nowrap?: boolean }[];
  rows: { cells: Cell[]; total?: boolean }[];
}

const text = (value: string): Cell => ({ text: value, xlsx: value });
const num = (value: number): Cell => ({ text: formatNumber(value), xlsx: value });

/** A suppressed count stays "<3" in the sheet too: the data is as public as the PDF. */
const count = (row: CountRow): Cell => ({ text: row.display, xlsx: row.count ?? row.display });

/** Percent cells: the model's display text, a fraction in the sheet (formatted 0.0%). */
const percentCell = (percent: number | null, display: string): Cell =>
  percent === null
    ? { text: display, xlsx: display }
    : { text: display, xlsx: percent / 100, percent: true };

function shareDisplay(row: CountRow): string {
  if (row.percent === null) return '—';
  return `${formatNumber(row.percent, 1)}\u00a0%`;
}

function countTable(
  id: string,
  title: string,
  sheet: string,
  firstColumn: string,
  rows: CountRow[],
  total: number | null,
  t: TFunction,
): ReportTable {
  return {
    id,
    sheet,
    title,
    columns: [
      { label: firstColumn },
      { label: t('report.cols.count'), numeric: true },
      { label: t('report.cols.share'), numeric: true },
    ],
    rows: [
      ...rows.map((row) => ({
        cells: [text(row.label), count(row), percentCell(row.percent, shareDisplay(row))],
      })),
      ...(total === null
        ? []
        : [
            {
              total: true,
              cells: [
                text(t('report.cols.total')),
                num(total),
                percentCell(total > 0 ? 100 : null, total > 0 ? `100\u00a0%` : '—'),
              ],
            },
          ]),
    ],
  };
}

function summaryTable(
  id: string,
  title: string,
  sheet: string,
  groups: SummaryGroup[],
  t: TFunction,
): ReportTable {
  return {
    id,
    sheet,
    title,
    columns: [
      { label: t('report.cols.topic') },
      { label: t('report.cols.summary'), wide: true },
      { label: t('report.cols.outcome') },
    ],
    rows: groups.flatMap((group) =>
      group.items.map((item) => ({
        cells: [text(group.label), text(item.text), text(item.outcomeLabel ?? '—')],
      })),
    ),
  };
}

function ratioBasis(ratio: Ratio, t: TFunction): string {
  return t('report.ind.basis', {
    n: formatNumber(ratio.numerator),
    d: formatNumber(ratio.denominator),
  });
}

/** The key figures of section 1 as a table (the PDF shows them as figures and sentences). */
function keyFigures(report: QuarterlyReport, t: TFunction): ReportTable {
  const { appeals } = report;
  const r = appeals.receptions;
  const rows: [string, number | string][] = [
    [t('report.facts.total'), appeals.total],
    [t('report.facts.previous'), appeals.change.previous],
    [t('report.facts.change'), appeals.change.display],
    [t('report.facts.collective'), appeals.collectiveCount],
    [t('report.facts.signatories'), appeals.collectiveSignatories],
    [t('report.facts.priority'), appeals.priorityCount],
    [t('report.facts.anonymous'), appeals.anonymousCount],
    [t('report.facts.receptionsHeld'), r.held],
    [t('report.facts.receptionsCancelled'), r.cancelled],
    [t('report.facts.visitors'), r.visitors],
    [t('report.facts.appealsAtReceptions'), r.appealsAtReceptions],
  ];
  return {
    id: 'facts',
    sheet: t('report.sheets.facts'),
    title: t('report.s1.facts'),
    columns: [
      { label: t('report.cols.indicator') },
      { label: t('report.cols.value'), numeric: true },
    ],
    rows: rows.map(([label, value]) => ({
      cells: [text(label), typeof value === 'number' ? num(value) : text(value)],
    })),
  };
}

/** The indicators block: each row says what it counts and from how many. */
export function indicatorsTable(report: QuarterlyReport, t: TFunction): ReportTable {
  const ind = report.indicators;
  const inq = ind.inquiries;
  const row = (label: string, value: Cell, basis: string) => ({
    cells: [text(label), value, text(basis)],
  });
  return {
    id: 'indicators',
    sheet: t('report.sheets.indicators'),
    title: t('report.ind.title'),
    columns: [
      { label: t('report.cols.indicator') },
      { label: t('report.cols.value'), numeric: true },
      { label: t('report.cols.basis') },
    ],
    rows: [
      row(
        t('report.ind.decidedWithinDeadline'),
        percentCell(ind.decidedWithinDeadline.percent, ind.decidedWithinDeadline.display),
        ratioBasis(ind.decidedWithinDeadline, t),
      ),
      row(
        t('report.ind.median'),
        ind.medianWorkingDaysToDecision === null
          ? text('—')
          : { text: ind.medianWorkingDaysDisplay, xlsx: ind.medianWorkingDaysToDecision },
        t('report.ind.medianBasis', { n: formatNumber(ind.decidedWithinDeadline.denominator) }),
      ),
      row(
        t('report.ind.firstContact', { hours: ind.acknowledgeHours }),
        percentCell(ind.firstContactWithin72h.percent, ind.firstContactWithin72h.display),
        ratioBasis(ind.firstContactWithin72h, t),
      ),
      row(
        t('report.ind.inquiriesSent'),
        num(inq.sent),
        t('report.ind.inquiriesBasis', {
          answered: formatNumber(inq.answered),
          overdue: formatNumber(inq.overdue),
          awaiting: formatNumber(inq.awaiting),
        }),
      ),
      row(
        t('report.ind.inquiriesOnTime'),
        percentCell(inq.onTimeShare.percent, inq.onTimeShare.display),
        ratioBasis(inq.onTimeShare, t),
      ),
      row(
        t('report.ind.receptionsPerMonth'),
        { text: ind.receptionsPerMonthDisplay, xlsx: ind.receptionsPerMonth },
        t('report.ind.receptionsBasis', { n: formatNumber(ind.receptionsHeld) }),
      ),
      row(t('report.ind.extended'), num(ind.extendedCount), t('report.ind.extendedBasis')),
    ],
  };
}

/**
 * Every table of the report, in the report's order. The PDF renders these same definitions
 * (so the spreadsheet holds exactly what the PDF shows), plus charts and sentences.
 */
export function reportTables(report: QuarterlyReport, t: TFunction): ReportTable[] {
  const { appeals, resolved, unresolved } = report;
  const place = appeals.byPlace;
  const placeRows = place.otherPlaces ? [...place.rows, place.otherPlaces] : place.rows;
  const tables: ReportTable[] = [
    keyFigures(report, t),
    countTable(
      'topics',
      t('report.s1.topics'),
      t('report.sheets.topics'),
      t('report.cols.topic'),
      appeals.byTopic,
      appeals.total,
      t,
    ),
    {
      id: 'months',
      sheet: t('report.sheets.months'),
      title: t('report.s1.months'),
      columns: [
        { label: t('report.cols.month') },
        { label: t('report.cols.appeals'), numeric: true },
        { label: t('report.cols.receptionsHeld'), numeric: true },
      ],
      rows: [
        ...appeals.byMonth.map((m) => ({
          cells: [text(m.label), num(m.count), num(m.receptionsHeld)],
        })),
        {
          total: true,
          cells: [
            text(t('report.cols.total')),
            num(appeals.byMonth.reduce((sum, m) => sum + m.count, 0)),
            num(appeals.byMonth.reduce((sum, m) => sum + m.receptionsHeld, 0)),
          ],
        },
      ],
    },
    countTable(
      'channels',
      t('report.s1.channels'),
      t('report.sheets.channels'),
      t('report.cols.channel'),
      appeals.byChannel,
      null,
      t,
    ),
    countTable(
      'kinds',
      t('report.s1.kinds'),
      t('report.sheets.kinds'),
      t('report.cols.kind'),
      appeals.byKind,
      null,
      t,
    ),
    countTable(
      'places',
      t('report.s1.places'),
      t('report.sheets.places'),
      t('report.cols.place'),
      placeRows,
      null,
      t,
    ),
    countTable(
      'outcomes',
      t('report.s2.byOutcome'),
      t('report.sheets.outcomes'),
      t('report.cols.outcome'),
      resolved.byOutcome,
      resolved.decidedTotal,
      t,
    ),
    summaryTable(
      'resolvedSummaries',
      t('report.s2.summaries'),
      t('report.sheets.resolvedSummaries'),
      resolved.summaries,
      t,
    ),
    countTable(
      'reasons',
      t('report.s3.byReason'),
      t('report.sheets.reasons'),
      t('report.cols.reason'),
      unresolved.byReason,
      unresolved.total,
      t,
    ),
    summaryTable(
      'unresolvedSummaries',
      t('report.s3.summaries'),
      t('report.sheets.unresolvedSummaries'),
      unresolved.summaries,
      t,
    ),
    {
      id: 'initiatives',
      sheet: t('report.sheets.initiatives'),
      title: t('report.s4.title'),
      columns: [
        { label: t('report.cols.date'), nowrap: true },
        { label: t('report.cols.initiative'), wide: true },
        { label: t('report.cols.target') },
        { label: t('report.cols.status') },
        { label: t('report.cols.result'), wide: true },
      ],
      rows: report.initiatives.items.map((item) => ({
        cells: [
          text(item.submittedOnLabel),
          text(item.publicSummary ? `${item.title}. ${item.publicSummary}` : item.title),
          text(item.targetLabel),
          text(item.statusLabel),
          text(item.result || '—'),
        ],
      })),
    },
    {
      id: 'plan',
      sheet: t('report.sheets.plan'),
      title: t('report.s5.title'),
      columns: [
        { label: t('report.cols.priority'), wide: true },
        { label: t('report.cols.actions'), wide: true },
        { label: t('report.cols.topic') },
      ],
      rows: report.plan.items.map((item) => ({
        cells: [text(item.title), text(item.actions.join('\n')), text(item.topicLabel || '—')],
      })),
    },
    indicatorsTable(report, t),
  ];
  return tables;
}

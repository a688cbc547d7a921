import type { TFunction } from 'i18next';
import type { ChartPoint, QuarterlyReport } from '@shared/report/types';
import { formatNumber, formatPercent } from '@shared/format';
import { percentOf } from '@shared/report/counts';
import type { ReportTable } from '../tables';
import { ColumnChart, HBarChart, type Bar } from './charts';
import { DocTable } from './DocTable';
import { ReportProblemMap } from './ReportProblemMap';

/** A chart point as a bar: a suppressed "<3" count is drawn short (2), never to scale. */
function toBars(points: ChartPoint[]): Bar[] {
  return points.map((p) => ({
    key: p.key,
    label: p.label,
    value: p.value ?? 2,
    display: p.display,
  }));
}

/** The places the print lists by name; the rest is one row (the .xlsx has them all). */
const PRINTED_PLACES = 10;

/**
 * The places table as printed: the first PRINTED_PLACES rows, the rest as one «N more
 * places» row (each of them has at least 3 appeals, so their sum is exact), then «other
 * places» as the model has it.
 */
function printedPlaces(report: QuarterlyReport, table: ReportTable, t: TFunction): ReportTable {
  const { rows, otherPlaces } = report.appeals.byPlace;
  if (rows.length <= PRINTED_PLACES + 2) return table;
  const rest = rows.slice(PRINTED_PLACES);
  const sum = rest.reduce((n, row) => n + (row.count ?? 0), 0);
  const label = t('report.doc.morePlaces', { count: rest.length });
  const share = formatPercent(percentOf(sum, report.appeals.total));
  return {
    ...table,
    rows: [
      ...table.rows.slice(0, PRINTED_PLACES),
      {
        cells: [
          { text: label, xlsx: label },
          { text: formatNumber(sum), xlsx: sum },
          { text: share, xlsx: share },
        ],
      },
      ...(otherPlaces ? table.rows.slice(rows.length, rows.length + 1) : []),
    ],
  };
}

/** Section 1: the appeals of the quarter — topics, months, channels, places, receptions. */
export function AppealsSection({
  report,
  table,
  t,
}: {
  report: QuarterlyReport;
  table: (id: string) => ReportTable;
  t: TFunction;
}) {
  const { appeals } = report;
  const n = (value: number) => formatNumber(value);
  const topTopics = appeals.topTopics.map((row) => row.label).join(', ');
  return (
    <section className="rep-section" aria-labelledby={`s1-${report.lang}`}>
      <h2 id={`s1-${report.lang}`}>{t('report.s1.title')}</h2>
      <p className="rep-lead">
        {t('report.s1.lead', { period: report.quarter.periodLabel, total: n(appeals.total) })}{' '}
        {appeals.change.previous > 0
          ? t('report.s1.change', { change: appeals.change.display })
          : t('report.s1.noChange')}{' '}
        {topTopics && t('report.s1.topTopics', { topics: topTopics })}
      </p>

      <div className="rep-figure">
        <h3>{t('report.s1.topics')}</h3>
        {report.charts.topics.points.length > 0 ? (
          <HBarChart
            title={report.charts.topics.title}
            bars={toBars(report.charts.topics.points)}
          />
        ) : (
          <p className="rep-muted">{t('report.doc.none')}</p>
        )}
      </div>
      {/* The chart carries every topic's count; the table with shares is in the .xlsx. */}

      <div className="rep-two">
        <div className="rep-figure">
          <h3>{t('report.s1.months')}</h3>
          <ColumnChart
            title={report.charts.months.title}
            bars={toBars(report.charts.months.points)}
          />
        </div>
        <div className="rep-beside-chart">
          <DocTable table={table('months')} caption={false} />
        </div>
      </div>

      <div className="rep-two">
        <DocTable table={table('channels')} />
        <DocTable table={table('kinds')} />
      </div>

      <ul className="rep-facts">
        <li>
          {t('report.s1.collective', {
            count: n(appeals.collectiveCount),
            signatories: n(appeals.collectiveSignatories),
          })}
        </li>
        <li>{t('report.s1.priority', { count: n(appeals.priorityCount) })}</li>
        <li>{t('report.s1.anonymous', { count: n(appeals.anonymousCount) })}</li>
      </ul>

      {table('places').rows.length > 0 && (
        <DocTable table={printedPlaces(report, table('places'), t)} />
      )}
      <p className="rep-note">
        {t('report.s1.placesNote', { count: n(appeals.byPlace.unspecified) })}
      </p>
      <ReportProblemMap report={report} t={t} />

      <h3>{t('report.s1.receptions')}</h3>
      <p>
        {t('report.s1.receptionsLine', {
          held: n(appeals.receptions.held),
          visitors: n(appeals.receptions.visitors),
          appeals: n(appeals.receptions.appealsAtReceptions),
        })}
        {appeals.receptions.cancelled > 0 &&
          ` ${t('report.s1.receptionsCancelled', { count: n(appeals.receptions.cancelled) })}`}
      </p>
      {appeals.receptions.monthsWithout.length > 0 && (
        <p className="rep-warning">
          {t('report.s1.monthsWithout', {
            // Month names are common nouns mid-sentence: «Месяцы без приёма: сентябрь».
            months: appeals.receptions.monthsWithout
              .map((m) => m.toLocaleLowerCase(report.lang))
              .join(', '),
          })}
        </p>
      )}
    </section>
  );
}

import { ReportProblemMap } from './ReportProblemMap';
import type { TFunction } from 'i18next';
import type { ChartPoint, QuarterlyReport, SummaryGroup } from '@shared/report/types';
import { formatNumber, formatPercent } from '@shared/format';
import { percentOf } from '@shared/report/counts';
import { REPORT_PHRASES } from '@shared/report/phrases';
import { formatKzPhone } from '@shared/validation/phone';
import { reportTables, type ReportTable } from '../tables';
import { ColumnChart, HBarChart, type Bar } from './charts';

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

/** Tables up to this many rows are kept on one page. */
const SHORT_TABLE_ROWS = 12;

/**
 * A table of the report. Rows never split across pages and the header repeats on each page
 * (print.css); numbers are right-aligned in tabular figures.
 */
export function DocTable({ table, caption = true }: { table: ReportTable; caption?: boolean }) {
  return (
    <table
      className={table.rows.length <= SHORT_TABLE_ROWS ? 'rep-table short' : 'rep-table'}
      data-table={table.id}
    >
      {caption && <caption>{table.title}</caption>}
      <thead>
        <tr>
          {table.columns.map((c) => (
            <th
              key={c.label}
              scope="col"
              className={c.numeric ? 'num' : c.wide ? 'wide' : undefined}
            >
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r} className={row.total ? 'total' : undefined}>
            {row.cells.map((cell, i) => (
              <td
                key={i}
                className={
                  table.columns[i]?.numeric
                    ? 'num'
                    : table.columns[i]?.nowrap
                      ? 'nowrap'
                      : undefined
                }
              >
                {cell.text}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Groups of public summaries: a heading with the group's count, its examples, and «and N
 * more» (sections 2 and 3); in the annex every text. A text printed from the other language
 * (the office's explicit choice) is in brackets and marked with its language.
 */
function Summaries({
  groups,
  empty,
  t,
  lang,
}: {
  groups: SummaryGroup[];
  empty: string;
  t: TFunction;
  lang: QuarterlyReport['lang'];
}) {
  if (groups.length === 0) return <p className="rep-muted">{empty}</p>;
  const other = lang === 'kk' ? 'ru' : 'kk';
  return (
    <div className="rep-summaries">
      {groups.map((group) => (
        <section key={group.key} className="rep-summary-group" data-group={group.key}>
          <h4>
            {group.label}
            <span className="rep-group-count">
              {group.display.startsWith('<')
                ? group.display
                : t('report.doc.groupCount', { count: group.count })}
            </span>
          </h4>
          {group.items.length > 0 && (
            <ul>
              {group.items.map((item) => (
                <li key={item.id}>
                  {item.otherLanguage ? (
                    <span lang={other} className="rep-other-language">
                      ({item.text})
                    </span>
                  ) : (
                    item.text
                  )}
                  {/* The outcome sticks to the text's last word, never alone on a line. */}
                  {item.outcomeLabel && (
                    <span className="rep-outcome">{`\u00a0— ${item.outcomeLabel}`}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
          {group.more > 0 && (
            <p className="rep-more">{t('report.doc.more', { count: group.more })}</p>
          )}
        </section>
      ))}
    </div>
  );
}

function KeyFigure({ value, label, note }: { value: string; label: string; note?: string }) {
  return (
    <div className="rep-key">
      <div className="rep-key-value">{value}</div>
      <div className="rep-key-label">{label}</div>
      {note && <div className="rep-key-note">{note}</div>}
    </div>
  );
}

function byId(tables: ReportTable[], id: string): ReportTable {
  const table = tables.find((x) => x.id === id);
  if (!table) throw new Error(`report table ${id} is missing`);
  return table;
}

/**
 * One language's public report: the print layout, and on the report screen its preview.
 * `t` is fixed to the report's language, so a Russian report in a Kazakh interface is
 * wholly Russian.
 */
export function ReportDocument({ report, t }: { report: QuarterlyReport; t: TFunction }) {
  const { header, appeals, resolved, unresolved, indicators } = report;
  const tables = reportTables(report, t);
  const table = (id: string) => byId(tables, id);
  const n = (value: number) => formatNumber(value);
  const allContacts: [string, string][] = [
    [t('report.doc.address'), header.receptionAddress],
    [t('report.doc.phone'), header.officePhone ? formatKzPhone(header.officePhone) : ''],
    [t('report.doc.email'), header.officeEmail ?? ''],
    ['Telegram', header.officeTelegram],
    [t('report.doc.website'), header.officeWebsite],
  ];
  const contacts = allContacts.filter(([, value]) => value.trim() !== '');
  const topTopics = appeals.topTopics.map((row) => row.label).join(', ');

  return (
    <article className="report-doc" lang={report.lang} data-lang={report.lang}>
      <header className="rep-head">
        <div className="rep-maslikhat">{header.maslikhatName}</div>
        <div className="rep-deputy">
          {header.deputyPosition && <span>{header.deputyPosition} </span>}
          <strong>{header.deputyName}</strong>
        </div>
        {header.okrugNumber !== null && (
          <div className="rep-okrug">
            {t('report.doc.okrug', { number: header.okrugNumber })}
            {header.okrugDescription && <span>: {header.okrugDescription}</span>}
          </div>
        )}
        <h1 className="rep-title">{REPORT_PHRASES[report.lang].title}</h1>
        <div className="rep-period">
          <span className="rep-quarter">{report.quarter.label}</span>
          <span className="rep-dates">{report.quarter.periodLabel}</span>
        </div>
        <p className="rep-note rep-head-note">{t('report.doc.contentsNote')}</p>
        {report.preliminary && (
          <p className="rep-preliminary">
            {t('report.doc.preliminary', { date: report.generatedOnLabel })}
          </p>
        )}
      </header>

      <div className="rep-keys">
        <KeyFigure
          value={n(appeals.total)}
          label={t('report.key.received', { count: appeals.total })}
          note={t('report.key.previous', { count: n(appeals.change.previous) })}
        />
        <KeyFigure
          value={n(resolved.decidedTotal)}
          label={t('report.key.decided', { count: resolved.decidedTotal })}
          note={t('report.key.resolved', { count: n(resolved.resolved) })}
        />
        <KeyFigure
          value={indicators.decidedWithinDeadline.display}
          label={t('report.key.inDeadline')}
          note={t('report.key.basis', {
            n: n(indicators.decidedWithinDeadline.numerator),
            d: n(indicators.decidedWithinDeadline.denominator),
          })}
        />
        <KeyFigure
          value={n(appeals.receptions.held)}
          label={t('report.key.receptions', { count: appeals.receptions.held })}
          note={t('report.key.visitors', { count: n(appeals.receptions.visitors) })}
        />
      </div>

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

      <section className="rep-section" aria-labelledby={`s2-${report.lang}`}>
        <h2 id={`s2-${report.lang}`}>{t('report.s2.title')}</h2>
        <p className="rep-lead">
          {t('report.s2.lead', {
            decided: n(resolved.decidedTotal),
            resolved: n(resolved.resolved),
            partial: n(resolved.partiallyResolved),
          })}
        </p>
        <DocTable table={table('outcomes')} />
        <h3>{t('report.s2.summaries')}</h3>
        <p className="rep-note">{t('report.s2.summariesLead')}</p>
        <Summaries
          groups={resolved.summaries}
          empty={t('report.s2.noSummaries')}
          t={t}
          lang={report.lang}
        />
      </section>

      <section className="rep-section" aria-labelledby={`s3-${report.lang}`}>
        <h2 id={`s3-${report.lang}`}>{t('report.s3.title')}</h2>
        <p className="rep-lead">
          {t('report.s3.lead', {
            open: n(unresolved.openAtQuarterEnd),
            overdue: n(unresolved.openOverdue),
            notResolved: n(unresolved.notResolved),
          })}
        </p>
        <h3>{t('report.s3.summaries')}</h3>
        <p className="rep-note">{t('report.s3.summariesLead')}</p>
        <Summaries
          groups={unresolved.summaries}
          empty={t('report.s3.noSummaries')}
          t={t}
          lang={report.lang}
        />
      </section>

      <section className="rep-section" aria-labelledby={`s4-${report.lang}`}>
        <h2 id={`s4-${report.lang}`}>{t('report.s4.title')}</h2>
        {report.initiatives.items.length > 0 ? (
          <>
            <p className="rep-lead">{t('report.s4.lead')}</p>
            <DocTable table={table('initiatives')} caption={false} />
          </>
        ) : (
          <p className="rep-muted">{t('report.s4.none')}</p>
        )}
      </section>

      <section className="rep-section" aria-labelledby={`s5-${report.lang}`}>
        <h2 id={`s5-${report.lang}`}>{t('report.s5.title')}</h2>
        <p className="rep-lead">{t('report.s5.lead', { quarter: report.plan.quarter.label })}</p>
        {report.plan.items.length > 0 ? (
          <ol className="rep-plan">
            {report.plan.items.map((item) => (
              <li key={item.id}>
                <strong>{item.title}</strong>
                {item.topicLabel && <span className="rep-muted"> · {item.topicLabel}</span>}
                {item.actions.length > 0 && (
                  <ul>
                    {item.actions.map((action, i) => (
                      <li key={i}>{action}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        ) : (
          <p className="rep-muted">{t('report.s5.none')}</p>
        )}
      </section>

      {/* The indicators and the contacts stay together: never a page of contacts alone. */}
      <div className="rep-closing">
        <section className="rep-section rep-indicators" aria-labelledby={`ind-${report.lang}`}>
          <h2 id={`ind-${report.lang}`}>{t('report.ind.title')}</h2>
          <DocTable table={table('indicators')} caption={false} />
        </section>

        <footer className="rep-end">
          {contacts.length > 0 && (
            <div className="rep-contacts">
              <h3>{t('report.doc.contacts')}</h3>
              <ul>
                {contacts.map(([label, value]) => (
                  <li key={label}>
                    <span>{label}:</span> {value}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="rep-sign">
            <div>{header.deputyPosition}</div>
            <strong>{header.signedBy || header.deputyName}</strong>
          </div>
        </footer>
      </div>

      {report.annex && (
        <section className="rep-section rep-annex" aria-labelledby={`annex-${report.lang}`}>
          <h2 id={`annex-${report.lang}`}>{t('report.doc.annex')}</h2>
          <p className="rep-note">{t('report.doc.annexLead')}</p>
          <Summaries groups={report.annex} empty={t('report.doc.none')} t={t} lang={report.lang} />
        </section>
      )}
    </article>
  );
}

/** Text for a CSS `content: "…"` string: quotes and backslashes escaped, on one line. */
export function cssString(value: string): string {
  return `"${value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\n\r\t]+/g, ' ')}"`;
}

/**
 * The running header and footer of each language's pages, as @page margin boxes: Chromium
 * draws them in the page margins both in Playwright's page.pdf and in Electron's printToPDF,
 * with page numbers from the page counter. The texts depend on the data, so the rules are
 * written into a <style> element; each language gets its own named page.
 */
export function pageRules(reports: QuarterlyReport[], t: (lang: string) => TFunction): string {
  return reports
    .map((report) => {
      const tt = t(report.lang);
      const { header } = report;
      const left = [
        header.deputyName,
        header.okrugNumber !== null ? tt('report.doc.okrug', { number: header.okrugNumber }) : '',
      ]
        .filter(Boolean)
        .join(' · ');
      const name = `report-${report.lang}`;
      const box = "font-family: 'PT Sans', sans-serif; font-size: 8.5pt; color: #5b6a71;";
      return `@page ${name} {
  @top-left { content: ${cssString(left)}; ${box} vertical-align: bottom; padding-bottom: 4mm; }
  @top-right { content: ${cssString(report.quarter.label)}; ${box} vertical-align: bottom; padding-bottom: 4mm; }
  @bottom-left { content: ${cssString(tt('report.doc.generated', { date: report.generatedOnLabel }))}; ${box} vertical-align: top; padding-top: 4mm; }
  @bottom-right { content: counter(page) " / " counter(pages); ${box} vertical-align: top; padding-top: 4mm; }
}`;
    })
    .join('\n');
}

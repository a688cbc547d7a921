import type { TFunction } from 'i18next';
import type { QuarterlyReport } from '@shared/report/types';
import type { Scorecard } from '@shared/scorecard';
import { reportTables, type ReportTable } from '../tables';
import { AppealsSection } from './AppealsSection';
import { OutcomeSections } from './OutcomeSections';
import { PlanSections } from './PlanSections';
import { ReportClosing } from './ReportClosing';
import { ReportHead } from './ReportHead';
import { ReportScorecard } from './ReportScorecard';
import { Summaries } from './Summaries';

export { DocTable } from './DocTable';
export { cssString, pageRules } from './pageRules';

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
export function ReportDocument({
  report,
  t,
  scorecard = null,
}: {
  report: QuarterlyReport;
  t: TFunction;
  /** The «7 steps» page, when the office chose to print it. */
  scorecard?: Scorecard | null;
}) {
  const tables = reportTables(report, t);
  const table = (id: string) => byId(tables, id);
  return (
    <article className="report-doc" lang={report.lang} data-lang={report.lang}>
      <ReportHead report={report} t={t} />
      <AppealsSection report={report} table={table} t={t} />
      <OutcomeSections report={report} table={table} t={t} />
      <PlanSections report={report} table={table} t={t} />
      {scorecard && <ReportScorecard report={report} card={scorecard} t={t} />}
      <ReportClosing report={report} table={table} t={t} />
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

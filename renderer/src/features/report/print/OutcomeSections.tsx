import type { TFunction } from 'i18next';
import type { QuarterlyReport } from '@shared/report/types';
import { formatNumber } from '@shared/format';
import type { ReportTable } from '../tables';
import { DocTable } from './DocTable';
import { Summaries } from './Summaries';

/** Sections 2 and 3: what was decided, with examples, and what is still open, by reason. */
export function OutcomeSections({
  report,
  table,
  t,
}: {
  report: QuarterlyReport;
  table: (id: string) => ReportTable;
  t: TFunction;
}) {
  const { resolved, unresolved } = report;
  const n = (value: number) => formatNumber(value);
  return (
    <>
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
    </>
  );
}

import type { TFunction } from 'i18next';
import type { QuarterlyReport } from '@shared/report/types';
import type { ReportTable } from '../tables';
import { DocTable } from './DocTable';

/** Sections 4 and 5: the deputy's initiatives and the plan for the next quarter. */
export function PlanSections({
  report,
  table,
  t,
}: {
  report: QuarterlyReport;
  table: (id: string) => ReportTable;
  t: TFunction;
}) {
  return (
    <>
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
    </>
  );
}

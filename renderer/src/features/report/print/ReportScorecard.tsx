import type { TFunction } from 'i18next';
import type { Scorecard } from '@shared/scorecard';
import type { QuarterlyReport } from '@shared/report/types';
import { stepTexts } from '@renderer/features/scorecard';

const MARKS = { met: '✓', partly: '◐', not_met: '✗' } as const;

/**
 * The optional page «7 steps to an open deputy»: each step with its mark, state and the
 * number behind it, for the report's quarter. The "what to do next" advice stays in the app:
 * it is addressed to the office, not to the readers.
 */
export function ReportScorecard({
  report,
  card,
  t,
}: {
  report: QuarterlyReport;
  card: Scorecard;
  t: TFunction;
}) {
  const id = `scorecard-${report.lang}`;
  return (
    <section className="rep-section rep-scorecard" aria-labelledby={id} data-report-scorecard="">
      <h2 id={id}>{t('scorecard.title')}</h2>
      <p className="rep-lead">
        {t('report.scorecard.lead', { quarter: report.quarter.label })}{' '}
        <strong>{t('scorecard.summary', { met: card.met })}</strong>
      </p>
      <table className="rep-table short">
        <thead>
          <tr>
            <th scope="col" className="num">
              №
            </th>
            <th scope="col" className="wide">
              {t('report.scorecard.step')}
            </th>
            <th scope="col">{t('report.scorecard.state')}</th>
            <th scope="col">{t('report.scorecard.figure')}</th>
          </tr>
        </thead>
        <tbody>
          {card.steps.map((step) => {
            const texts = stepTexts(step, t, report.lang);
            return (
              <tr key={step.id} className={`rep-step ${step.state}`}>
                <td className="num">{step.number}</td>
                <td>{texts.title}</td>
                <td className="nowrap">
                  <span aria-hidden="true">{MARKS[step.state]}</span>{' '}
                  {t(`scorecard.state.${step.state}`)}
                </td>
                <td>{texts.value}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

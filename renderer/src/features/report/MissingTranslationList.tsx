import { useTranslation } from 'react-i18next';
import type { QuarterlyReport } from '@shared/report/types';
import { RecordLink } from './recordLink';

/**
 * For each language of the report, the public summaries it would print but which have no
 * text in that language, each with a link to the appeal. They block the export unless the
 * office chose to print the other language in brackets.
 */
export function MissingTranslationList({
  reports,
  brackets,
}: {
  reports: QuarterlyReport[];
  brackets: boolean;
}) {
  const { t } = useTranslation();
  const withItems = reports.filter((report) => report.missingTranslations.items.length > 0);
  if (withItems.length === 0) return null;
  return (
    <div className="report-missing-translations">
      {withItems.map((report) => {
        const { items } = report.missingTranslations;
        const titleId = `missing-${report.lang}`;
        return (
          <section
            key={report.lang}
            className={`notice ${brackets ? 'warning' : 'error'} report-missing`}
            aria-labelledby={titleId}
            data-missing-translation={report.lang}
          >
            <h2 id={titleId}>
              {t(report.lang === 'kk' ? 'report.missing.inKk' : 'report.missing.inRu', {
                count: items.length,
              })}
            </h2>
            <p>{t(brackets ? 'report.missing.bracketed' : 'report.missing.body')}</p>
            <ul>
              {items.map((item) => (
                <li key={item.id} data-missing-item={item.id}>
                  <RecordLink record={{ ...item, title: item.title ?? null }} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

/** How many texts, over all languages of the report, are missing in the language printed. */
export function missingTranslationCount(reports: QuarterlyReport[]): number {
  return reports.reduce((n, report) => n + report.missingTranslations.items.length, 0);
}

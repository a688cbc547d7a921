import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuarterlyReport } from '@shared/report/types';
import { RecordLink } from './recordLink';

/** Items shown before «show all»: the notice must not push the preview off the screen. */
const SHOWN = 5;

/** One text is «it», any other number «they» (not a plural rule: 21 texts are «they»). */
function fixKey(lang: QuarterlyReport['lang'], count: number) {
  if (lang === 'kk') {
    return count === 1 ? 'report.otherLanguage.fixKkOne' : 'report.otherLanguage.fixKk';
  }
  return count === 1 ? 'report.otherLanguage.fixRuOne' : 'report.otherLanguage.fixRu';
}

function OtherLanguageNotice({ report }: { report: QuarterlyReport }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const { items } = report.otherLanguage;
  const shown = all ? items : items.slice(0, SHOWN);
  const titleId = `other-language-${report.lang}`;
  return (
    <section
      className="notice warning report-other-language"
      aria-labelledby={titleId}
      data-other-language={report.lang}
    >
      <h2 id={titleId}>
        {t(report.lang === 'kk' ? 'report.otherLanguage.inKk' : 'report.otherLanguage.inRu', {
          count: items.length,
        })}
      </h2>
      <p>{t(fixKey(report.lang, items.length))}</p>
      <ul>
        {shown.map((item) => (
          <li key={`${item.source}-${item.id}`} data-other-language-item={item.id}>
            <RecordLink record={item} />
            <span className="report-other-language-fields">
              {' — '}
              {item.fields.map((field) => t(`report.otherLanguage.fields.${field}`)).join(', ')}
            </span>
          </li>
        ))}
      </ul>
      {items.length > SHOWN && (
        <button type="button" className="link-button" onClick={() => setAll(!all)}>
          {all
            ? t('report.otherLanguage.showFewer')
            : t('report.otherLanguage.showAll', { count: items.length })}
        </button>
      )}
    </section>
  );
}

/**
 * For each language of the report, the printed texts that seem to be written in the other
 * language, with a link to each record. A warning, not an error: the export stays allowed.
 */
export function OtherLanguageList({ reports }: { reports: QuarterlyReport[] }) {
  const withItems = reports.filter((report) => report.otherLanguage.items.length > 0);
  if (withItems.length === 0) return null;
  return (
    <div className="report-other-languages">
      {withItems.map((report) => (
        <OtherLanguageNotice key={report.lang} report={report} />
      ))}
    </div>
  );
}

/** How many printed texts, over all languages of the report, seem to be in the other one. */
export function otherLanguageCount(reports: QuarterlyReport[]): number {
  return reports.reduce((n, report) => n + report.otherLanguage.items.length, 0);
}

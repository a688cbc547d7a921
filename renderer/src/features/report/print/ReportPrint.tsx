import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isLang, type Lang } from '@shared/i18n/lang';
import { lastFinishedQuarter, parseQuarterId } from '@shared/format';
import type { QuarterlyReport } from '@shared/report/types';
import type { Scorecard } from '@shared/scorecard';
import { useSession } from '@renderer/app/session';
import { usePrintReady } from '@renderer/ui/print/printReady';
import {
  exportable,
  languagesOf,
  reportChoicesOf,
  useQuarterlyReport,
  useReportScorecard,
} from '../useQuarterlyReport';
import { pageRules, ReportDocument } from './ReportDocument';
import './report.css';

/** `lang=kk|ru|both` from the route; anything else falls back to the interface language. */
export function reportLanguageChoice(value: string | null, fallback: Lang): Lang | 'both' {
  if (value === 'both' || isLang(value)) return value;
  return fallback;
}

/** The documents, one per language, with their running headers and page numbers. */
export function ReportSheets({
  reports,
  scorecard = null,
}: {
  reports: QuarterlyReport[];
  scorecard?: Scorecard | null;
}) {
  const { i18n } = useTranslation();
  const fixed = useMemo(() => (lang: string) => i18n.getFixedT(lang), [i18n]);
  return (
    <>
      <style>{pageRules(reports, fixed)}</style>
      {reports.map((report) => (
        <ReportDocument
          key={report.lang}
          report={report}
          t={fixed(report.lang)}
          scorecard={scorecard}
        />
      ))}
    </>
  );
}

/**
 * `/print/report?quarter=2026-Q3&lang=kk|ru|both`: the public report as printed to PDF.
 * It is printed as it stands, so a report blocked by the anonymisation check refuses to
 * print (the model has already left the suspicious text out; the screen explains why).
 */
export function ReportPrint() {
  const [search] = useSearchParams();
  const { settings, today, lang: interfaceLang } = useSession();
  const requested = search.get('quarter') ?? '';
  const quarter = parseQuarterId(requested) ? requested : lastFinishedQuarter(today);
  const choice = reportLanguageChoice(search.get('lang'), interfaceLang);
  const state = useQuarterlyReport(
    quarter,
    languagesOf(choice),
    settings,
    today,
    reportChoicesOf(search),
  );
  const scorecard = useReportScorecard(quarter, today, search.get('scorecard') === '1');
  // Blocked texts, or texts missing in the language printed (unless bracketed): no print.
  const blocked = state.status === 'ready' && !exportable(state.reports);
  usePrintReady(
    state.status === 'loading' || scorecard === undefined
      ? 'loading'
      : state.status === 'failed' || blocked
        ? 'failed'
        : 'ready',
  );
  return (
    <div className="report-sheet" data-state={blocked ? 'blocked' : state.status}>
      {state.status === 'ready' && !blocked && (
        <ReportSheets reports={state.reports} scorecard={scorecard} />
      )}
      {state.status === 'failed' && <p role="alert">{state.message}</p>}
    </div>
  );
}

import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Lang } from '@shared/i18n/lang';
import {
  formatQuarter,
  lastFinishedQuarter,
  parseQuarterId,
  quarterIdOf,
  reportDueDate,
  shiftQuarterId,
} from '@shared/format';
import { REPORT_PHRASES } from '@shared/report/phrases';
import { buildShortTexts } from '@shared/report/text';
import { SocialCard } from '@renderer/features/socialCard';
import type { BlockedItem, QuarterlyReport } from '@shared/report/types';
import { useSession } from '@renderer/app/session';
import { getPlatform } from '@renderer/platform';
import { formatUntil } from '@shared/format';
import { ReportSheets, reportLanguageChoice } from './print/ReportPrint';
import { reportTables } from './tables';
import { MissingTranslationList, missingTranslationCount } from './MissingTranslationList';
import { OtherLanguageList, otherLanguageCount } from './OtherLanguageList';
import { RecordLink } from './recordLink';
import {
  exportable,
  languagesOf,
  reportChoicesOf,
  useQuarterlyReport,
  useReportScorecard,
} from './useQuarterlyReport';
import { buildReportWorkbook, XLSX_MIME } from './xlsx';
import './print/report.css';
import './report.css';

/** How far back the quarter picker reaches. */
const QUARTERS_BACK = 8;

type Choice = Lang | 'both';
type Job = 'pdf' | 'xlsx' | 'text';

function BlockedList({ items }: { items: BlockedItem[] }) {
  const { t } = useTranslation();
  return (
    <section className="notice error report-blocked" role="alert" aria-labelledby="blocked-title">
      <h2 id="blocked-title">{t('report.blocked.title')}</h2>
      <p>{t('report.blocked.body')}</p>
      <ul>
        {items.map((item) => (
          <li key={`${item.source}-${item.id}`} data-blocked={item.id}>
            <RecordLink record={item} />
            <span className="report-blocked-found">
              {' '}
              {t('report.blocked.found', {
                kinds: item.kinds.map((k) => t(`report.blocked.kinds.${k}`)).join(', '),
                fields: item.fields.map((f) => t(`report.blocked.fields.${f}`)).join(', '),
              })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Blocked items of all languages, once each (the check does not depend on the language). */
function blockedItems(reports: QuarterlyReport[]): BlockedItem[] {
  const seen = new Map<string, BlockedItem>();
  for (const report of reports) {
    for (const item of report.blocked?.items ?? []) seen.set(`${item.source}-${item.id}`, item);
  }
  return [...seen.values()];
}

/**
 * The quarterly public report: pick the quarter and language, read the preview (the print
 * layout itself), fix what the anonymisation check found (and, if the office wants, the texts
 * typed in the other language), then export a PDF, the tables as .xlsx, or a short text for
 * Telegram and the website.
 */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const { settings, today, lang: uiLang, user } = useSession();
  const [search, setSearch] = useSearchParams();
  const defaultQuarter = lastFinishedQuarter(today);
  const requested = search.get('quarter') ?? '';
  const quarter = parseQuarterId(requested) ? requested : defaultQuarter;
  const choice: Choice = reportLanguageChoice(search.get('lang'), uiLang);
  const languages = languagesOf(choice);
  const choices = reportChoicesOf(search);
  const state = useQuarterlyReport(quarter, languages, settings, today, choices);
  // The «7 steps» page: off unless chosen (it grades the office; printing it is the deputy's call).
  const withScorecard = search.get('scorecard') === '1';
  const scorecard = useReportScorecard(quarter, today, withScorecard);
  const [job, setJob] = useState<Job | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const currentQuarter = quarterIdOf(today);
  const quarters = useMemo(() => {
    const list = Array.from({ length: QUARTERS_BACK + 1 }, (_, i) =>
      shiftQuarterId(currentQuarter, -i),
    );
    return list.includes(quarter) ? list : [quarter, ...list];
  }, [currentQuarter, quarter]);

  const reports = useMemo(() => (state.status === 'ready' ? state.reports : []), [state]);
  const blocked = blockedItems(reports);
  const otherLanguage = otherLanguageCount(reports);
  const missing = missingTranslationCount(reports);
  const canExport = state.status === 'ready' && exportable(reports) && job === null;
  const shortText = useMemo(
    () => (reports.length > 0 && exportable(reports) ? buildShortTexts(reports) : ''),
    [reports],
  );
  const due = reportDueDate(quarter);

  const choose = (next: {
    quarter?: string;
    lang?: Choice;
    annex?: boolean;
    brackets?: boolean;
    scorecard?: boolean;
  }) => {
    const params = new URLSearchParams(search);
    params.set('quarter', next.quarter ?? quarter);
    params.set('lang', next.lang ?? choice);
    const flag = (name: string, on: boolean) => {
      if (on) params.set(name, '1');
      else params.delete(name);
    };
    flag('annex', next.annex ?? choices.annex);
    flag('brackets', next.brackets ?? choices.otherLanguageInBrackets);
    flag('scorecard', next.scorecard ?? withScorecard);
    setSearch(params, { replace: true });
    setMessage(null);
  };

  const fileName = (key: 'pdfFile' | 'xlsxFile' | 'textFile') =>
    t(`report.export.${key}`, { quarter, lang: choice });

  const run = async (kind: Job, work: () => Promise<{ saved: boolean }>, done: string) => {
    setJob(kind);
    setMessage(null);
    try {
      const result = await work();
      if (result.saved) setMessage({ kind: 'ok', text: done });
    } catch (failure) {
      const text = failure instanceof Error ? failure.message : String(failure);
      setMessage({ kind: 'error', text: t('report.export.failed', { message: text }) });
    } finally {
      setJob(null);
    }
  };

  const exportPdf = () =>
    run(
      'pdf',
      () =>
        getPlatform().printToPdf({
          route: `/print/report?quarter=${quarter}&lang=${choice}${choices.annex ? '&annex=1' : ''}${
            choices.otherLanguageInBrackets ? '&brackets=1' : ''
          }${withScorecard ? '&scorecard=1' : ''}`,
          fileName: fileName('pdfFile'),
        }),
      t('report.export.pdfDone'),
    );

  const exportXlsx = () =>
    run(
      'xlsx',
      async () => {
        const tables = reports.flatMap((report) =>
          reportTables(report, i18n.getFixedT(report.lang)),
        );
        const first = reports[0];
        const data = await buildReportWorkbook(tables, {
          title: REPORT_PHRASES[uiLang].title,
          subtitle: first
            ? [first.header.deputyName, first.quarter.label, first.quarter.periodLabel]
                .filter(Boolean)
                .join(' · ')
            : quarter,
          creator: user.fullName,
          created: new Date(),
        });
        return getPlatform().saveFile({
          fileName: fileName('xlsxFile'),
          mimeType: XLSX_MIME,
          data,
        });
      },
      t('report.export.xlsxDone'),
    );

  const copyText = () =>
    run(
      'text',
      async () => {
        try {
          await navigator.clipboard.writeText(shortText);
          return { saved: true };
        } catch {
          throw new Error(t('report.text.copyFailed'));
        }
      },
      t('report.text.copied'),
    );

  const saveText = () =>
    run(
      'text',
      () =>
        getPlatform().saveFile({
          fileName: fileName('textFile'),
          mimeType: 'text/plain',
          data: new TextEncoder().encode(shortText) as Uint8Array<ArrayBuffer>,
        }),
      t('report.export.textDone'),
    );

  const preliminary = reports.some((r) => r.preliminary);

  return (
    <section className="page report-page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">{t('report.title')}</h1>
      </header>
      <p className="lead">{t('report.screen.intro')}</p>
      <div className="report-layout">
        <aside className="report-controls" aria-label={t('report.export.title')}>
          <div className="field">
            <label htmlFor="report-quarter">{t('report.screen.quarter')}</label>
            <select
              id="report-quarter"
              value={quarter}
              onChange={(e) => choose({ quarter: e.target.value })}
            >
              {quarters.map((id) => (
                <option key={id} value={id}>
                  {formatQuarter(id, uiLang)}
                  {id === currentQuarter ? ` (${t('report.screen.current')})` : ''}
                </option>
              ))}
            </select>
            {due && (
              <div className="field-hint" data-due={due}>
                {t('report.screen.due', { until: formatUntil(due, uiLang) })}
                {due < today && quarter !== currentQuarter && ` · ${t('report.screen.duePassed')}`}
              </div>
            )}
          </div>
          <fieldset className="report-langs">
            <legend>{t('report.screen.language')}</legend>
            {(['kk', 'ru', 'both'] as const).map((value) => (
              <label key={value}>
                <input
                  type="radio"
                  name="report-lang"
                  value={value}
                  checked={choice === value}
                  onChange={() => choose({ lang: value })}
                />{' '}
                {t(`report.screen.lang.${value}`)}
                {value === 'both' && (
                  <span className="field-hint"> ({t('report.screen.langBothHint')})</span>
                )}
              </label>
            ))}
          </fieldset>

          <fieldset className="report-options">
            <label>
              <input
                type="checkbox"
                name="report-annex"
                checked={choices.annex}
                onChange={(e) => choose({ annex: e.target.checked })}
              />{' '}
              {t('report.screen.annex')}
            </label>
            <label>
              <input
                type="checkbox"
                name="report-brackets"
                checked={choices.otherLanguageInBrackets}
                onChange={(e) => choose({ brackets: e.target.checked })}
              />{' '}
              {t('report.screen.brackets')}
            </label>
            <label>
              <input
                type="checkbox"
                name="report-scorecard"
                checked={withScorecard}
                onChange={(e) => choose({ scorecard: e.target.checked })}
              />{' '}
              {t('report.scorecard.option')}
            </label>
          </fieldset>

          <div className="report-export">
            <h2>{t('report.export.title')}</h2>
            <div className="button-row">
              <button
                type="button"
                className="button primary"
                data-export="pdf"
                disabled={!canExport}
                onClick={() => void exportPdf()}
              >
                {job === 'pdf' ? t('report.export.busy') : t('report.export.pdf')}
              </button>
              <button
                type="button"
                className="button"
                data-export="xlsx"
                disabled={!canExport}
                onClick={() => void exportXlsx()}
              >
                {job === 'xlsx' ? t('report.export.busy') : t('report.export.xlsx')}
              </button>
            </div>
            {blocked.length > 0 && (
              <p className="field-error">{t('report.blocked.exportDisabled')}</p>
            )}
            {blocked.length === 0 && missing > 0 && !choices.otherLanguageInBrackets && (
              <p className="field-error">{t('report.missing.exportDisabled')}</p>
            )}
            {canExport && otherLanguage > 0 && (
              <p className="report-other-language-hint">
                {t('report.otherLanguage.exportHint', { count: otherLanguage })}
              </p>
            )}
            {message && (
              <p
                className={message.kind === 'ok' ? 'report-done' : 'field-error'}
                role={message.kind === 'ok' ? 'status' : 'alert'}
              >
                {message.text}
              </p>
            )}
          </div>

          <div className="report-text">
            <h2 id="report-text-title">{t('report.text.title')}</h2>
            <textarea
              aria-labelledby="report-text-title"
              readOnly
              value={shortText}
              rows={12}
              disabled={!canExport && job === null}
            />
            <div className="button-row">
              <button
                type="button"
                className="button"
                data-export="copy"
                disabled={!canExport}
                onClick={() => void copyText()}
              >
                {t('report.text.copy')}
              </button>
              <button
                type="button"
                className="button"
                data-export="text"
                disabled={!canExport}
                onClick={() => void saveText()}
              >
                {t('report.text.save')}
              </button>
            </div>
          </div>
          {reports.length > 0 && <SocialCard reports={reports} disabled={!canExport} />}
        </aside>

        <div className="report-main">
          {blocked.length > 0 && <BlockedList items={blocked} />}
          <MissingTranslationList reports={reports} brackets={choices.otherLanguageInBrackets} />
          <OtherLanguageList reports={reports} />
          {preliminary && <p className="notice warning">{t('report.screen.preliminary')}</p>}
          {state.status === 'loading' && (
            <p className="report-loading" aria-busy="true">
              {t('report.screen.loading')}
            </p>
          )}
          {state.status === 'failed' && (
            <p className="notice error" role="alert">
              {t('report.screen.failed', { message: state.message })}
            </p>
          )}
          {state.status === 'ready' && (
            <section className="report-preview" aria-labelledby="preview-title">
              <h2 id="preview-title">
                {t('report.screen.preview')}{' '}
                <span className="field-hint">{t('report.screen.previewHint')}</span>
              </h2>
              <div className="report-preview-pages">
                <ReportSheets reports={reports} scorecard={scorecard ?? null} />
              </div>
            </section>
          )}
        </div>
      </div>
    </section>
  );
}

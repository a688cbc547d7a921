import type { TFunction } from 'i18next';
import type { QuarterlyReport } from '@shared/report/types';
import { formatNumber } from '@shared/format';
import { REPORT_PHRASES } from '@shared/report/phrases';

function KeyFigure({ value, label, note }: { value: string; label: string; note?: string }) {
  return (
    <div className="rep-key">
      <div className="rep-key-value">{value}</div>
      <div className="rep-key-label">{label}</div>
      {note && <div className="rep-key-note">{note}</div>}
    </div>
  );
}

/** The report's first lines: who reports, for which quarter, and the four key figures. */
export function ReportHead({ report, t }: { report: QuarterlyReport; t: TFunction }) {
  const { header, appeals, resolved, indicators } = report;
  const n = (value: number) => formatNumber(value);
  return (
    <>
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
    </>
  );
}

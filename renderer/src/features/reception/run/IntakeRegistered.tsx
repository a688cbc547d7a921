import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { labelOf, type Appeal, type QueueEntry } from '@shared/domain';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { formatDay } from '@shared/format';
import { useHotkeys } from '@renderer/ui/useHotkeys';
import { useLang } from '@renderer/ui/useLang';
import { usePrinter } from '@renderer/features/appeal';
import { vulnerableReason } from './intakeModel';

/** Step 6: the appeal is registered — thank the visitor and hand over the receipt. */
export function Registered({ appeal, entry }: { appeal: Appeal; entry: QueueEntry }) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const applicant = useLiveQuery(
    async () =>
      appeal.applicantId ? ((await db.applicants.get(appeal.applicantId)) ?? null) : null,
    [db, appeal.applicantId],
  );
  const receiptLang = applicant?.preferredLanguage ?? lang;
  const printer = usePrinter(appeal, receiptLang);
  const printRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    printRef.current?.focus();
  }, []);
  useHotkeys({
    'Alt+5': () => void printer.print('receipt'),
    'Alt+P': () => void printer.print('receipt'),
  });
  return (
    <section
      className="intake-done card"
      aria-labelledby="intake-done-title"
      data-testid="intake-done"
    >
      <h3 id="intake-done-title">
        <span className="step-number" aria-hidden="true">
          5
        </span>
        {t('reception.intake.step6')}
      </h3>
      <p className="done-regno">
        {t('reception.intake.registered')}{' '}
        <strong data-testid="intake-regno">{appeal.regNo}</strong>
      </p>
      <dl className="done-facts">
        <div>
          <dt>{t('reception.intake.visitor')}</dt>
          <dd>
            №{entry.number} {entry.name}
            {entry.vulnerable && ` · ${vulnerableReason(entry.vulnerableCategories, lang)}`}
          </dd>
        </div>
        <div>
          <dt>{t('reception.intake.subject')}</dt>
          <dd>{appeal.subject}</dd>
        </div>
        {appeal.proposedAction && (
          <div>
            <dt>{t('reception.intake.promised')}</dt>
            <dd>{labelOf('proposedAction', appeal.proposedAction, lang)}</dd>
          </div>
        )}
        <div>
          <dt>{t('reception.intake.respondBy')}</dt>
          <dd>{formatDay(appeal.decideBy)}</dd>
        </div>
      </dl>
      <p className="step-hint">{t('reception.intake.step6Hint')}</p>
      <div className="button-row">
        <button
          ref={printRef}
          type="button"
          className="button primary"
          disabled={printer.busy !== null}
          onClick={() => void printer.print('receipt')}
        >
          {t('reception.intake.printReceipt')} <span className="kbd">Alt+P</span>
        </button>
        <Link className="button" to={`/appeals/${appeal.id}`}>
          {t('reception.intake.openAppeal')}
        </Link>
      </div>
      {printer.done && <p className="notice">{t('reception.intake.receiptDone')}</p>}
      {printer.error && (
        <p className="notice error" role="alert">
          {t('reception.intake.receiptFailed', { reason: printer.error })}
        </p>
      )}
      <p className="muted">{t('reception.intake.nextHint')}</p>
    </section>
  );
}

import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { toKzLocalDateTime } from '@shared/calendar/zone';
import { labelOf, type Appeal, type Applicant } from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import { formatPhone } from '@shared/validation/phone';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import { updateAppeal } from '@renderer/db/repositories';
import { DeadlineBadge } from '@renderer/ui/badges';
import { formatDay, formatDayTime } from '@shared/format';
import { useLang } from '@renderer/ui/useLang';
import { useNowLocal } from '@renderer/ui/useNowLocal';
import { deadlinesView } from './deadlines';
import { showError, toFormError, type FormError } from '@renderer/ui/errors';
import type { Printer, PrintKind } from './usePrinter';
import { isOpen } from '@shared/workflow/predicates';

function addressLine(address: Applicant['address']): string {
  const { locality, district, street, building, flat } = address;
  return [locality, district, street, building, flat].filter((p) => p.trim() !== '').join(', ');
}

function ApplicantLink({ applicant }: { applicant: Applicant }) {
  const { t } = useTranslation();
  return (
    <Link to={`/applicants/${applicant.id}`} className="applicant-name">
      {applicant.fullName || t('appeal.applicant.anonymised')}
    </Link>
  );
}

export function ApplicantCard({
  appeal,
  applicant,
  coApplicants,
}: {
  appeal: Appeal;
  applicant: Applicant | null;
  coApplicants: readonly Applicant[];
}) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section className="card appeal-card" aria-labelledby="appeal-applicant-title">
      <h2 id="appeal-applicant-title">{t('appeal.applicant.title')}</h2>
      {appeal.applicantId === null ? (
        <p className="muted">{t('appeal.applicant.anonymous')}</p>
      ) : applicant === null ? (
        <p className="muted">{t('appeal.applicant.missing')}</p>
      ) : (
        <>
          <ApplicantLink applicant={applicant} />
          {applicant.anonymisedAt && <p className="muted">{t('appeal.applicant.anonymised')}</p>}
          <dl className="facts compact">
            {applicant.phones.length > 0 && (
              <div>
                <dt>{t('appeal.applicant.phones')}</dt>
                <dd>
                  {applicant.phones.map((p) => (
                    <span key={p} className="phone">
                      {formatPhone(p, lang)}
                    </span>
                  ))}
                </dd>
              </div>
            )}
            {applicant.email && (
              <div>
                <dt>{t('appeal.applicant.email')}</dt>
                <dd>{applicant.email}</dd>
              </div>
            )}
            {addressLine(applicant.address) && (
              <div>
                <dt>{t('appeal.applicant.address')}</dt>
                <dd>{addressLine(applicant.address)}</dd>
              </div>
            )}
            <div>
              <dt>{t('appeal.applicant.preferredLanguage')}</dt>
              <dd>{labelOf('language', applicant.preferredLanguage, lang)}</dd>
            </div>
            {applicant.preferredChannel && (
              <div>
                <dt>{t('appeal.applicant.preferredChannel')}</dt>
                <dd>{labelOf('contactChannel', applicant.preferredChannel, lang)}</dd>
              </div>
            )}
            {applicant.vulnerableCategories.length > 0 && (
              <div>
                <dt>{t('appeal.applicant.vulnerable')}</dt>
                <dd>
                  {applicant.vulnerableCategories
                    .map((c) => labelOf('vulnerableCategory', c, lang))
                    .join(', ')}
                </dd>
              </div>
            )}
          </dl>
        </>
      )}
      {coApplicants.length > 0 && (
        <div className="co-applicants">
          <h3>{t('appeal.applicant.coApplicants')}</h3>
          <ul>
            {coApplicants.map((a) => (
              <li key={a.id}>
                <ApplicantLink applicant={a} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

export function DeadlinesCard({ appeal, onExtend }: { appeal: Appeal; onExtend: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { calendar, settings, today, ctx } = useSession();
  const nowLocal = useNowLocal();
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const rules = settings.deadlines;
  const view = deadlinesView(calendar, rules, appeal, today, nowLocal);
  const open = isOpen(appeal);
  const shown = showError(error, lang, t, []);

  const recordContact = async () => {
    setBusy(true);
    setError(null);
    try {
      await updateAppeal(
        db,
        appeal.id,
        { firstContactAt: toKzLocalDateTime(ctx.now?.() ?? new Date()) },
        ctx,
        { expectedVersion: appeal.version },
      );
    } catch (failure) {
      setError(toFormError(failure, { inForm: false }));
    } finally {
      setBusy(false);
    }
  };

  const { firstContact, inform } = view;
  return (
    <section className="card appeal-card" aria-labelledby="appeal-deadlines-title">
      <h2 id="appeal-deadlines-title">{t('appeal.deadlines.title')}</h2>
      <div className="deadline-block" data-testid="decision-deadline">
        <h3>{t('appeal.deadlines.decision')}</h3>
        <div className="deadline-line">
          <strong>{t('appeal.deadlines.until', { date: formatDay(appeal.decideBy) })}</strong>
          <DeadlineBadge deadline={view.decision} />
        </div>
        {view.originalDue ? (
          <>
            <p className="deadline-note">
              {t('appeal.deadlines.extended', { date: formatDay(view.originalDue) })}
            </p>
            {appeal.extensionReason && (
              <p className="deadline-note">
                {t('appeal.deadlines.extensionReason', { reason: appeal.extensionReason })}
              </p>
            )}
          </>
        ) : (
          <p className="deadline-note">
            {t('appeal.deadlines.basis', { count: rules.decideWorkingDays })}
          </p>
        )}
        {open && (
          <button type="button" className="button small" onClick={onExtend}>
            {t('appeal.deadlines.extend')}
          </button>
        )}
      </div>

      <div className="deadline-block" data-testid="first-contact">
        <h3>{t('appeal.deadlines.firstContact', { count: rules.acknowledgeHours })}</h3>
        {firstContact.madeAt ? (
          <div className="deadline-line">
            <span>
              {t('appeal.deadlines.firstContactMade', { at: formatDayTime(firstContact.madeAt) })}
            </span>
            <span className={`deadline-badge ${firstContact.onTime ? 'done' : 'overdue'}`}>
              {firstContact.onTime ? t('appeal.deadlines.onTime') : t('appeal.deadlines.late')}
            </span>
          </div>
        ) : (
          <>
            <div className="deadline-line">
              <strong>
                {t('appeal.deadlines.until', { date: formatDayTime(firstContact.due) })}
              </strong>
              {firstContact.hoursLeft !== null &&
                (firstContact.hoursLeft >= 0 ? (
                  <span
                    className={`deadline-badge ${firstContact.hoursLeft < 24 ? 'due_today' : 'on_track'}`}
                  >
                    {t('appeal.deadlines.hoursLeft', { count: firstContact.hoursLeft })}
                  </span>
                ) : (
                  <span className="deadline-badge overdue">
                    {t('appeal.deadlines.hoursOverdue', { count: -firstContact.hoursLeft })}
                  </span>
                ))}
            </div>
            <button
              type="button"
              className="button small"
              onClick={() => void recordContact()}
              disabled={busy}
            >
              {t('appeal.deadlines.recordContact')}
            </button>
          </>
        )}
        {shown.message && (
          <div className="notice error" role="alert">
            {shown.message}
          </div>
        )}
      </div>

      <div className="deadline-block" data-testid="inform-deadline">
        <h3>{t('appeal.deadlines.inform')}</h3>
        {inform.informedAt ? (
          <p className="deadline-line">
            {t('appeal.deadlines.informed', {
              at: formatDayTime(inform.informedAt),
              via: inform.via ? labelOf('informChannel', inform.via, lang) : '—',
            })}
          </p>
        ) : inform.due ? (
          <div className="deadline-line">
            <strong>{t('appeal.deadlines.until', { date: formatDay(inform.due) })}</strong>
            {inform.state && (
              <span className={`deadline-badge ${inform.state}`}>
                {t(`common.deadlineState.${inform.state}`)}
              </span>
            )}
          </div>
        ) : (
          <p className="deadline-note">{t('appeal.deadlines.informAfterDecision')}</p>
        )}
        {!inform.informedAt && (
          <p className="deadline-note">
            {t('appeal.deadlines.informBasis', { count: rules.informWorkingDays })}
          </p>
        )}
      </div>
    </section>
  );
}

export function DocumentsCard({
  printer,
  receiptLang,
  onReceiptLang,
}: {
  printer: Printer;
  receiptLang: Lang;
  onReceiptLang: (lang: Lang) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="card appeal-card" aria-labelledby="appeal-documents-title">
      <h2 id="appeal-documents-title">{t('appeal.print.title')}</h2>
      <div className="document-block">
        <h3>{t('appeal.print.receipt')}</h3>
        <p className="deadline-note">{t('appeal.print.receiptHint')}</p>
        <label className="inline-select">
          <span>{t('appeal.print.language')}</span>
          <select
            value={receiptLang}
            onChange={(e) => onReceiptLang(e.target.value === 'ru' ? 'ru' : 'kk')}
          >
            <option value="kk">{labelOf('language', 'kk', 'kk')}</option>
            <option value="ru">{labelOf('language', 'ru', 'ru')}</option>
          </select>
        </label>
        <PrintButtons kind="receipt" printer={printer} />
      </div>
      <div className="document-block">
        <h3>{t('appeal.print.card')}</h3>
        <p className="deadline-note">{t('appeal.print.cardHint')}</p>
        <PrintButtons kind="card" printer={printer} />
      </div>
      <PrintError printer={printer} />
    </section>
  );
}

export function PrintButtons({
  kind,
  printer,
  primary,
}: {
  kind: PrintKind;
  printer: Printer;
  primary?: boolean;
}) {
  const { t } = useTranslation();
  const { busy, print } = printer;
  return (
    <div className="button-row">
      <button
        type="button"
        className={`button${primary ? ' primary' : ''}`}
        data-print={kind}
        disabled={busy !== null}
        aria-busy={busy === kind}
        onClick={() => void print(kind)}
      >
        {t('common.actions.print')}
      </button>
      <button
        type="button"
        className="button"
        data-pdf={kind}
        disabled={busy !== null}
        onClick={() => void print(kind)}
      >
        {t('common.actions.savePdf')}
      </button>
    </div>
  );
}

/** How the last print went: the platform's refusal, or a short "done". */
export function PrintError({ printer }: { printer: Printer }) {
  const { t } = useTranslation();
  if (printer.error) {
    return (
      <div className="notice error" role="alert">
        {t('appeal.print.failed', { detail: printer.error })}
      </div>
    );
  }
  return (
    <div className="print-done" role="status">
      {printer.done ? t('appeal.print.done') : ''}
    </div>
  );
}

import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatKzPhone } from '@shared/validation/phone';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { ApplicantSummary } from '@renderer/features/applicants';
import { type IntakeValues } from './intakeModel';
import { useReturning } from './useReturning';

export function ApplicantPart({
  values,
  set,
  fieldError,
  onBlur,
}: {
  values: IntakeValues;
  set: <K extends keyof IntakeValues>(key: K, value: IntakeValues[K]) => void;
  fieldError: (path: string) => ReactNode;
  onBlur: () => void;
}) {
  const { t } = useTranslation();
  const db = useDb();
  const known = useLiveQuery(
    async () =>
      values.applicantId ? ((await db.applicants.get(values.applicantId)) ?? null) : null,
    [db, values.applicantId],
  );
  const returning = useReturning(
    values.applicantId ? '' : values.fullName,
    values.applicantId ? '' : values.phone,
  );
  return (
    <fieldset className="intake-applicant">
      <legend>{t('reception.intake.applicant')}</legend>
      {values.applicantId ? (
        <div className="chosen-applicant">
          {known ? (
            <ApplicantSummary applicant={known} showConsent />
          ) : (
            <span className="muted">…</span>
          )}
          <button type="button" className="button small" onClick={() => set('applicantId', '')}>
            {t('reception.intake.notThisPerson')}
          </button>
        </div>
      ) : (
        <>
          <div className="details-grid">
            <label className="wide">
              <span>{t('reception.intake.fullName')}</span>
              <input
                value={values.fullName}
                onChange={(e) => set('fullName', e.target.value)}
                onBlur={onBlur}
              />
              {fieldError('applicant.fullName')}
            </label>
            <label>
              <span>{t('reception.intake.phone')}</span>
              <input
                value={values.phone}
                inputMode="tel"
                onChange={(e) => set('phone', e.target.value)}
                onBlur={onBlur}
              />
              {fieldError('applicant.phones.0')}
            </label>
            <label>
              <span>{t('reception.intake.iin')}</span>
              <input
                value={values.iin}
                inputMode="numeric"
                maxLength={12}
                onChange={(e) => set('iin', e.target.value)}
                onBlur={onBlur}
              />
              {fieldError('applicant.iin')}
            </label>
          </div>
          {returning.length > 0 && (
            <div className="returning">
              <div className="returning-title">{t('reception.queue.returning')}</div>
              <ul>
                {returning.map((a) => (
                  <li key={a.id}>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => set('applicantId', a.id)}
                    >
                      <strong>{a.fullName}</strong>{' '}
                      <span className="muted">{a.phones.map(formatKzPhone).join(', ')}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <label className="check consent">
            <input
              type="checkbox"
              checked={values.consent}
              onChange={(e) => set('consent', e.target.checked)}
            />
            {t('reception.intake.consent')}
          </label>
        </>
      )}
    </fieldset>
  );
}

import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { ApplicantSummary, maskedDetails } from '@renderer/features/applicants';
import { hasConsent } from '@shared/validation/consent';
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
  const onFile = known ? hasConsent(known) : false;
  const refused = values.consent === 'refused';
  return (
    <fieldset className="intake-applicant">
      <legend>{t('reception.intake.applicant')}</legend>
      {refused ? (
        <p className="muted consent-refused-note">{t('reception.intake.consentRefusedNote')}</p>
      ) : values.applicantId ? (
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
                      <span className="muted">{maskedDetails(a).join(' · ')}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
      {onFile && !refused ? null : (
        <fieldset
          className="consent-choice"
          aria-invalid={fieldError('consent') ? true : undefined}
          aria-describedby={fieldError('consent') ? 'intake-consent-error' : undefined}
        >
          <legend>{t('reception.intake.consent')}</legend>
          {(['given', 'refused'] as const).map((choice) => (
            <label key={choice} className="check">
              <input
                type="radio"
                name="intake-consent"
                value={choice}
                checked={values.consent === choice}
                onChange={() => set('consent', choice)}
              />
              {t(
                choice === 'given'
                  ? 'reception.intake.consentGiven'
                  : 'reception.intake.consentRefused',
              )}
            </label>
          ))}
          <div id="intake-consent-error">{fieldError('consent')}</div>
        </fieldset>
      )}
    </fieldset>
  );
}

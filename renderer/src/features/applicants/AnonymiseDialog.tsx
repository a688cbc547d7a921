import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Applicant } from '@shared/domain';
import { messageFor } from '@shared/validation/messages';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import { anonymiseApplicant } from '@renderer/db/repositories/anonymise';
import { describeRepositoryError, RepositoryError } from '@renderer/db/repositories/errors';
import { Dialog } from '@renderer/ui/Dialog';
import { Field } from '@renderer/ui/Field';
import { displayName } from './display';
import type { ApplicantAppealRow } from '@renderer/db/queries/applicants';

/**
 * Anonymisation on the person's request. Irreversible, so it takes a reason (the request
 * it is done on) and an explicit second step: ticking that the user understands the data
 * are erased for good. The dialog says what is erased, what stays, and that the appeals'
 * own texts are not rewritten and must be checked by hand.
 */
export function AnonymiseDialog({
  applicant,
  appeals,
  onClose,
}: {
  applicant: Applicant;
  appeals: readonly ApplicantAppealRow[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { lang, ctx } = useSession();
  const db = useDb();
  const [reason, setReason] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const ackId = useId();

  const ready = reason.trim() !== '' && understood && !busy;

  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    setReasonError(null);
    try {
      await anonymiseApplicant(db, applicant.id, { reason }, ctx);
      onClose();
    } catch (error) {
      if (!(error instanceof RepositoryError)) throw error;
      const issue = error.issues.find((i) => i.path === 'reason');
      if (issue) setReasonError(messageFor(issue.code, lang));
      setFailure(
        error.detail === 'applicant_already_anonymised'
          ? t('applicants.anonymise.already')
          : describeRepositoryError(error, lang).message,
      );
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      wide
      title={t('applicants.anonymise.title')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.actions.cancel')}
          </button>
          <button
            type="button"
            className="button danger-solid"
            disabled={!ready}
            onClick={() => void confirm()}
          >
            {t('applicants.anonymise.confirm')}
          </button>
        </>
      }
    >
      <div className="anonymise">
        <p className="anonymise-lead">
          {t('applicants.anonymise.lead', { name: displayName(applicant, t) })}
        </p>
        <div className="anonymise-columns">
          <div className="anonymise-erased">
            <h3>{t('applicants.anonymise.erasedTitle')}</h3>
            <p>{t('applicants.anonymise.erased')}</p>
          </div>
          <div className="anonymise-kept">
            <h3>{t('applicants.anonymise.keptTitle')}</h3>
            <p>{t('applicants.anonymise.kept', { count: appeals.length })}</p>
          </div>
        </div>
        <div className="notice warning anonymise-texts">
          <p>{t('applicants.anonymise.texts')}</p>
          {appeals.length > 0 && (
            <p className="anonymise-appeals">
              {t('applicants.anonymise.appealsList', {
                list: appeals.map(({ row }) => row.regNo).join(', '),
              })}
            </p>
          )}
        </div>
        <Field
          label={t('applicants.anonymise.reason')}
          required
          hint={t('applicants.anonymise.reasonHint')}
          error={reasonError}
        >
          <textarea
            rows={2}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
        <label className="applicant-check anonymise-ack" htmlFor={ackId}>
          <input
            id={ackId}
            type="checkbox"
            checked={understood}
            onChange={(e) => setUnderstood(e.target.checked)}
          />
          {t('applicants.anonymise.acknowledge')}
        </label>
        {failure && (
          <p className="notice error" role="alert">
            {failure}
          </p>
        )}
      </div>
    </Dialog>
  );
}

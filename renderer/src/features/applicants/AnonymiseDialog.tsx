import { useId } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Applicant } from '@shared/domain';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import { anonymiseApplicant } from '@renderer/db/repositories/anonymise';
import { FormDialog, useFormSubmit } from '@renderer/ui/FormDialog';
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
  const { ctx } = useSession();
  const db = useDb();
  const form = useForm<{ reason: string; understood: boolean }>({
    defaultValues: { reason: '', understood: false },
  });
  const [reason, understood] = useWatch({ control: form.control, name: ['reason', 'understood'] });
  const { submit, failure, refusal, errorOf, busy } = useFormSubmit(
    form,
    (values) => anonymiseApplicant(db, applicant.id, { reason: values.reason }, ctx),
    onClose,
  );
  const ackId = useId();
  const already = refusal?.kind === 'code' && refusal.code === 'applicant_already_anonymised';

  return (
    <FormDialog
      wide
      title={t('applicants.anonymise.title')}
      formId="anonymise-form"
      className="anonymise"
      busy={busy}
      failure={already ? t('applicants.anonymise.already') : failure}
      onSubmit={submit}
      onClose={onClose}
      submitLabel={t('applicants.anonymise.confirm')}
      submitTone="danger-solid"
      submitDisabled={reason.trim() === '' || !understood}
    >
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
        error={errorOf('reason')}
      >
        <textarea rows={2} maxLength={1000} {...form.register('reason')} />
      </Field>
      <label className="applicant-check anonymise-ack" htmlFor={ackId}>
        <input id={ackId} type="checkbox" {...form.register('understood')} />
        {t('applicants.anonymise.acknowledge')}
      </label>
    </FormDialog>
  );
}

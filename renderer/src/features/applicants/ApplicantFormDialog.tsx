import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Applicant } from '@shared/domain';
import { formatKzPhone } from '@shared/validation/phone';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import { updateApplicant } from '@renderer/db/repositories';
import { FormDialog, useFormSubmit } from '@renderer/ui/FormDialog';
import { ApplicantFields } from './ApplicantFields';
import {
  applicantFormResolver,
  applicantFormToInput,
  compactPhones,
  type ApplicantFormValues,
} from './applicantModel';

/** The form's starting values: what is stored, phones shown the way people read them. */
export function formValuesOf(applicant: Applicant, today: string): ApplicantFormValues {
  return {
    fullName: applicant.fullName,
    phones: applicant.phones.length > 0 ? applicant.phones.map(formatKzPhone) : [''],
    iin: applicant.iin ?? '',
    email: applicant.email ?? '',
    address: { ...applicant.address },
    preferredLanguage: applicant.preferredLanguage,
    preferredChannel: applicant.preferredChannel ?? '',
    vulnerableCategories: [...applicant.vulnerableCategories],
    consentGiven: applicant.consent !== null,
    consentDate: applicant.consent?.date ?? today,
    consentForm: applicant.consent?.form ?? 'written',
  };
}

/** A repository issue on the consent is shown on its flat field. */
function fieldOf(path: string): 'consentDate' | 'consentForm' | undefined {
  if (path === 'consent.form') return 'consentForm';
  if (path.startsWith('consent')) return 'consentDate';
  return undefined;
}

/**
 * Edits an applicant's contacts and personal data with the same fields as a new applicant on
 * the appeal form. The one schema of the domain (`applicantInputSchema`) validates the form;
 * its message codes are shown in the user's language; the repository re-validates and
 * refuses a stale version.
 */
export function ApplicantFormDialog({
  applicant,
  onClose,
}: {
  applicant: Applicant;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { ctx, today } = useSession();
  const db = useDb();
  const form = useForm<ApplicantFormValues>({
    resolver: applicantFormResolver,
    defaultValues: formValuesOf(applicant, today),
  });
  const { failure, submit, busy } = useFormSubmit(
    form,
    (values) =>
      updateApplicant(db, applicant.id, applicantFormToInput(values), ctx, {
        expectedVersion: applicant.version,
      }),
    onClose,
    { fieldOf },
  );
  // Empty phone boxes go before validating, so the issues' indexes match the boxes on screen.
  const save = (event?: React.BaseSyntheticEvent) => {
    form.setValue('phones', compactPhones(form.getValues('phones')));
    return submit(event);
  };

  return (
    <FormDialog
      wide
      title={t('applicants.form.title')}
      formId="applicant-form"
      className="applicant-form"
      busy={busy}
      failure={failure}
      onSubmit={save}
      onClose={onClose}
    >
      <FormProvider {...form}>
        <ApplicantFields />
      </FormProvider>
    </FormDialog>
  );
}

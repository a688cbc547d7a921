import { useId } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '@renderer/ui/Field';
import { CoApplicantsField, LeadApplicantControl } from '../ApplicantChoice';
import { useErrorText } from '../errorText';
import type { AppealFormValues } from '../formModel';
import type { AppealFormController } from '../useAppealFormController';

/** Who writes: the lead applicant (or a new person), anonymity, collective, co-applicants. */
export function ApplicantSection({ c }: { c: AppealFormController }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const { register, control, formState, setValue } = useFormContext<AppealFormValues>();
  const errors = formState.errors;
  const { anonymous, applicantId, coApplicantIds, channel, lead, panel, collective } = c;
  return (
    <section className="form-section card" aria-labelledby={id}>
      <h2 id={id}>{t('appealForm.sections.applicant')}</h2>
      {!anonymous && (
        <Controller
          control={control}
          name="applicantId"
          render={({ field }) => (
            <Field
              label={t('appealForm.fields.applicant')}
              required
              error={panel ? undefined : errorText(errors.applicantId)}
              hint={!field.value && !panel ? t('appealForm.applicant.searchHint') : undefined}
            >
              <LeadApplicantControl
                value={field.value}
                fieldRef={field.ref}
                onPick={c.pickLead}
                onClear={() => setValue('applicantId', null, { shouldDirty: true })}
                excludeIds={coApplicantIds}
                panel={panel}
                onPanelOpen={c.openPanel}
                onPanelChange={c.changePanel}
                onPanelClose={c.closePanel}
                unsavedError={c.lockedApplicantError}
                channel={channel}
              />
            </Field>
          )}
        />
      )}
      {lead && !anonymous && (lead.address.street || lead.address.locality) && (
        <p className="field-hint inline-action">
          <button
            type="button"
            className="link-button"
            onClick={() => c.fillLocationFrom(lead, true)}
          >
            {t('appealForm.applicant.useAddress')}
          </button>
        </p>
      )}
      <div className="check-row">
        <label className="check">
          <input type="checkbox" {...register('anonymous')} />
          {t('appealForm.fields.anonymous')}
        </label>
        <label className="check">
          <input type="checkbox" {...register('collective')} />
          {t('appealForm.fields.collective')}
        </label>
      </div>
      {collective && (
        <div className="grid cols-3">
          <Field
            label={t('appealForm.fields.signatories')}
            required
            error={errorText(errors.signatories)}
            hint={t('appealForm.hints.signatories')}
          >
            <input inputMode="numeric" autoComplete="off" {...register('signatories')} />
          </Field>
        </div>
      )}
      {!anonymous && (
        <Controller
          control={control}
          name="coApplicantIds"
          render={({ field }) => (
            <CoApplicantsField
              ids={field.value}
              onChange={field.onChange}
              excludeIds={applicantId ? [applicantId] : []}
              channel={channel}
            />
          )}
        />
      )}
    </section>
  );
}

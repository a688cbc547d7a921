import { useController, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import {
  applicantInputSchema,
  CONSENT_FORMS,
  CONTACT_CHANNELS,
  labelOf,
  VULNERABLE_CATEGORIES,
  type Applicant,
  type ApplicantInput,
  type ApplicantInputData,
} from '@shared/domain';
import { LANGS } from '@shared/i18n/lang';
import { formatKzPhone } from '@shared/validation/phone';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import { updateApplicant } from '@renderer/db/repositories';
import { FormDialog, useFormSubmit } from '@renderer/ui/FormDialog';
import { Field } from '@renderer/ui/Field';

/** The form's starting values: what is stored, phones shown the way people read them. */
export function formValuesOf(applicant: Applicant): ApplicantInput {
  return {
    fullName: applicant.fullName,
    phones: applicant.phones.map(formatKzPhone),
    iin: applicant.iin ?? '',
    email: applicant.email ?? '',
    address: { ...applicant.address },
    preferredLanguage: applicant.preferredLanguage,
    preferredChannel: applicant.preferredChannel,
    vulnerableCategories: [...applicant.vulnerableCategories],
    consent: applicant.consent ? { ...applicant.consent } : null,
  };
}

/**
 * Edits an applicant's contacts and personal data. The one schema of the domain
 * (`applicantInputSchema`) validates the form; its message codes are shown in the user's
 * language; the repository re-validates and refuses a stale version.
 */
export function ApplicantFormDialog({
  applicant,
  onClose,
}: {
  applicant: Applicant;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { lang, ctx, today } = useSession();
  const db = useDb();
  const form = useForm<ApplicantInput, unknown, ApplicantInputData>({
    resolver: zodResolver(applicantInputSchema),
    defaultValues: formValuesOf(applicant),
  });
  const { register, control, setValue } = form;
  const phones = useController({ control, name: 'phones' });
  const phoneList = phones.field.value ?? [];
  const consent = useWatch({ control, name: 'consent' });

  const { failure, errorOf, submit, busy } = useFormSubmit(
    form,
    (data) => updateApplicant(db, applicant.id, data, ctx, { expectedVersion: applicant.version }),
    onClose,
  );

  const setPhones = (next: string[]) => phones.field.onChange(next);

  return (
    <FormDialog
      wide
      title={t('applicants.form.title')}
      formId="applicant-form"
      className="applicant-form"
      busy={busy}
      failure={failure}
      onSubmit={submit}
      onClose={onClose}
    >
      <Field
        label={t('applicants.form.fullName')}
        required
        hint={t('applicants.form.fullNameHint')}
        error={errorOf('fullName')}
        className="span-2"
      >
        <input autoFocus autoComplete="off" {...register('fullName')} />
      </Field>
      <Field
        label={t('applicants.form.iin')}
        hint={t('applicants.form.iinHint')}
        error={errorOf('iin')}
      >
        <input inputMode="numeric" autoComplete="off" maxLength={20} {...register('iin')} />
      </Field>

      <fieldset className="applicant-fieldset span-2">
        <legend>{t('applicants.form.phones')}</legend>
        <p className="field-hint">{t('applicants.form.phonesHint')}</p>
        {phoneList.map((value, index) => (
          <div className="applicant-phone-row" key={index}>
            <Field
              label={t('applicants.form.phoneN', { n: index + 1 })}
              error={errorOf(`phones.${index}`)}
            >
              <input
                type="tel"
                autoComplete="off"
                value={value}
                onChange={(e) =>
                  setPhones(phoneList.map((p, i) => (i === index ? e.target.value : p)))
                }
                onBlur={phones.field.onBlur}
              />
            </Field>
            <button
              type="button"
              className="button"
              aria-label={t('applicants.form.removePhone', { n: index + 1 })}
              onClick={() => setPhones(phoneList.filter((_, i) => i !== index))}
            >
              ✕
            </button>
          </div>
        ))}
        <button type="button" className="button" onClick={() => setPhones([...phoneList, ''])}>
          <span aria-hidden="true">+ </span>
          {t('applicants.form.addPhone')}
        </button>
      </fieldset>
      <Field label={t('applicants.form.email')} error={errorOf('email')}>
        <input type="email" autoComplete="off" {...register('email')} />
      </Field>

      <fieldset className="applicant-fieldset span-3 applicant-address">
        <legend>{t('applicants.form.address')}</legend>
        <Field label={t('applicants.form.locality')} error={errorOf('address.locality')}>
          <input {...register('address.locality')} />
        </Field>
        <Field label={t('applicants.form.district')} error={errorOf('address.district')}>
          <input {...register('address.district')} />
        </Field>
        <Field label={t('applicants.form.street')} error={errorOf('address.street')}>
          <input {...register('address.street')} />
        </Field>
        <Field label={t('applicants.form.building')} error={errorOf('address.building')}>
          <input {...register('address.building')} />
        </Field>
        <Field label={t('applicants.form.flat')} error={errorOf('address.flat')}>
          <input {...register('address.flat')} />
        </Field>
      </fieldset>

      <Field label={t('applicants.form.language')} error={errorOf('preferredLanguage')}>
        <select {...register('preferredLanguage')}>
          {LANGS.map((l) => (
            <option key={l} value={l}>
              {labelOf('language', l, lang)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('applicants.form.channel')} error={errorOf('preferredChannel')}>
        <select
          {...register('preferredChannel', {
            setValueAs: (v: unknown) => (v === '' || v === null ? null : v),
          })}
        >
          <option value="">{t('common.notSet')}</option>
          {CONTACT_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {labelOf('contactChannel', c, lang)}
            </option>
          ))}
        </select>
      </Field>
      <div />

      <fieldset className="applicant-fieldset span-3">
        <legend>{t('applicants.form.categories')}</legend>
        <div className="applicant-checks">
          {VULNERABLE_CATEGORIES.map((c) => (
            <label key={c} className="applicant-check">
              <input type="checkbox" value={c} {...register('vulnerableCategories')} />
              {labelOf('vulnerableCategory', c, lang)}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="applicant-fieldset span-3">
        <legend>{t('applicants.form.consentTitle')}</legend>
        <label className="applicant-check">
          <input
            type="checkbox"
            checked={consent != null}
            onChange={(e) =>
              setValue(
                'consent',
                e.target.checked ? { given: true, date: today, form: 'written' } : null,
                { shouldDirty: true },
              )
            }
          />
          {t('applicants.form.consent')}
        </label>
        {consent != null && (
          <div className="applicant-consent">
            <Field label={t('applicants.form.consentDate')} error={errorOf('consent.date')}>
              <input type="date" {...register('consent.date')} />
            </Field>
            <Field label={t('applicants.form.consentForm')} error={errorOf('consent.form')}>
              <select {...register('consent.form')}>
                {CONSENT_FORMS.map((f) => (
                  <option key={f} value={f}>
                    {labelOf('consentForm', f, lang)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        )}
      </fieldset>
    </FormDialog>
  );
}

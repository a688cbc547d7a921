import { useFormContext, useWatch, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CONSENT_FORMS, CONTACT_CHANNELS, labelOf, VULNERABLE_CATEGORIES } from '@shared/domain';
import { LANGS } from '@shared/i18n/lang';
import { messageFor } from '@shared/validation/messages';
import { Field } from '@renderer/ui/Field';
import { useLang } from '@renderer/ui/useLang';
import type { ApplicantFormValues } from './applicantModel';
import './applicants.css';
import './applicantForms.css';
import { DateInput } from '@renderer/ui/DateInput';

/**
 * A person's details as an office records them: name, IIN, phones, e-mail, address, language
 * and way of contact, priority categories, consent to keep the data. One set of fields for
 * the new applicant typed in on the appeal form and for editing an applicant, over the form
 * model of applicantModel.ts (react-hook-form context; errors are shared message codes).
 */
export function ApplicantFields() {
  const { t } = useTranslation();
  const lang = useLang();
  const { register, control, formState, setValue, getValues } =
    useFormContext<ApplicantFormValues>();
  const errors = formState.errors;
  const phones = useWatch({ control, name: 'phones' });
  const consentGiven = useWatch({ control, name: 'consentGiven' });
  const text = (error: FieldError | undefined) =>
    error?.message ? messageFor(error.message, lang) : undefined;

  return (
    <div className="applicant-fields">
      <div className="grid cols-3">
        <Field
          label={t('applicants.fields.fullName')}
          required
          error={text(errors.fullName)}
          className="span-2"
        >
          <input autoFocus autoComplete="off" {...register('fullName')} />
        </Field>
        <Field
          label={t('applicants.fields.iin')}
          error={text(errors.iin)}
          hint={t('applicants.fields.iinHint')}
        >
          <input inputMode="numeric" maxLength={12} autoComplete="off" {...register('iin')} />
        </Field>
      </div>

      <div className="grid cols-4">
        <div className="phones">
          {phones.map((_, i) => (
            <div className="phone-row" key={i}>
              <Field
                label={
                  i === 0
                    ? t('applicants.fields.phone')
                    : t('applicants.fields.phoneN', { n: i + 1 })
                }
                error={text(errors.phones?.[i])}
                hint={i === phones.length - 1 ? t('applicants.fields.phoneHint') : undefined}
              >
                <input type="tel" autoComplete="off" {...register(`phones.${i}`)} />
              </Field>
              {phones.length > 1 && (
                <button
                  type="button"
                  className="link-button remove-phone"
                  aria-label={t('applicants.fields.removePhone', { n: i + 1 })}
                  onClick={() =>
                    setValue(
                      'phones',
                      getValues('phones').filter((__, j) => j !== i),
                      { shouldDirty: true },
                    )
                  }
                >
                  ✕
                </button>
              )}
            </div>
          ))}
          <button
            type="button"
            className="link-button add-phone"
            onClick={() => setValue('phones', [...getValues('phones'), ''], { shouldDirty: true })}
          >
            {t('applicants.fields.addPhone')}
          </button>
        </div>
        <Field label={t('applicants.fields.email')} error={text(errors.email)}>
          <input type="email" autoComplete="off" {...register('email')} />
        </Field>
        <Field label={t('applicants.fields.preferredLanguage')}>
          <select {...register('preferredLanguage')}>
            {LANGS.map((l) => (
              <option key={l} value={l}>
                {labelOf('language', l, lang)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('applicants.fields.preferredChannel')}>
          <select {...register('preferredChannel')}>
            <option value="">{t('applicants.fields.notChosen')}</option>
            {CONTACT_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {labelOf('contactChannel', c, lang)}
              </option>
            ))}
          </select>
        </Field>
      </div>

      <div className="grid cols-5">
        <Field label={t('applicants.fields.locality')} error={text(errors.address?.locality)}>
          <input {...register('address.locality')} />
        </Field>
        <Field label={t('applicants.fields.district')} error={text(errors.address?.district)}>
          <input {...register('address.district')} />
        </Field>
        <Field label={t('applicants.fields.street')} error={text(errors.address?.street)}>
          <input {...register('address.street')} />
        </Field>
        <Field label={t('applicants.fields.building')} error={text(errors.address?.building)}>
          <input {...register('address.building')} />
        </Field>
        <Field label={t('applicants.fields.flat')} error={text(errors.address?.flat)}>
          <input {...register('address.flat')} />
        </Field>
      </div>

      <fieldset className="checks">
        <legend>{t('applicants.fields.vulnerable')}</legend>
        <div className="check-row">
          {VULNERABLE_CATEGORIES.map((c) => (
            <label key={c} className="check">
              <input type="checkbox" value={c} {...register('vulnerableCategories')} />
              {labelOf('vulnerableCategory', c, lang)}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="checks consent">
        <legend>{t('applicants.fields.consent')}</legend>
        <div className="grid cols-3">
          <div className={`consent-given${consentGiven ? ' aligned' : ''}`}>
            <label className="check">
              <input
                type="checkbox"
                aria-invalid={errors.consentGiven ? true : undefined}
                aria-describedby={errors.consentGiven ? 'consent-given-error' : undefined}
                {...register('consentGiven')}
              />
              {t('applicants.fields.consentGiven')}
            </label>
          </div>
          {consentGiven && (
            <>
              <Field label={t('applicants.fields.consentDate')} error={text(errors.consentDate)}>
                <DateInput {...register('consentDate')} />
              </Field>
              <Field label={t('applicants.fields.consentForm')} error={text(errors.consentForm)}>
                <select {...register('consentForm')}>
                  {CONSENT_FORMS.map((f) => (
                    <option key={f} value={f}>
                      {labelOf('consentForm', f, lang)}
                    </option>
                  ))}
                </select>
              </Field>
            </>
          )}
        </div>
        {errors.consentGiven && !consentGiven ? (
          <p className="field-error" id="consent-given-error" role="alert">
            {text(errors.consentGiven)}
          </p>
        ) : (
          !consentGiven && (
            <p className="field-hint consent-missing">{t('applicants.fields.consentMissing')}</p>
          )
        )}
      </fieldset>
    </div>
  );
}

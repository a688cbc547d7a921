import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  CONSENT_FORMS,
  CONTACT_CHANNELS,
  labelOf,
  VULNERABLE_CATEGORIES,
  type Applicant,
} from '@shared/domain';
import { LANGS } from '@shared/i18n/lang';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import { createApplicant, RepositoryError } from '@renderer/db/repositories';
import { findDuplicateApplicants, type DuplicateCandidate } from '@renderer/db/queries/applicants';
import { Field } from '@renderer/ui/Field';
import { useLang } from '@renderer/ui/useLang';
import {
  applicantFormResolver,
  applicantFormToInput,
  compactPhones,
  type ApplicantFormValues,
} from './applicantModel';
import { ApplicantSummary } from '@renderer/features/applicants';
import { useErrorText } from './errorText';

interface NewApplicantPanelProps {
  initial: ApplicantFormValues;
  /** Called with every change, so the appeal's draft keeps what is typed here too. */
  onChange: (values: ApplicantFormValues) => void;
  onCreated: (applicant: Applicant) => void;
  onPickExisting: (applicant: Applicant) => void;
  onCancel: () => void;
  /** Set when the appeal was submitted while this person was still unsaved. */
  unsavedError?: string | undefined;
}

type Step = { kind: 'editing' } | { kind: 'duplicates'; candidates: DuplicateCandidate[] };

/**
 * A new applicant typed in place, inside the appeal form. Before the person is stored, the
 * office's records are checked for the same IIN, the same phone (in any format) or the same
 * name at the same address, and the assistant may take the existing person instead.
 */
export function NewApplicantPanel({
  initial,
  onChange,
  onCreated,
  onPickExisting,
  onCancel,
  unsavedError,
}: NewApplicantPanelProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { ctx } = useSession();
  const errorText = useErrorText();
  const titleId = useId();
  const [step, setStep] = useState<Step>({ kind: 'editing' });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<RepositoryError | Error | null>(null);
  const duplicatesRef = useRef<HTMLDivElement>(null);

  const form = useForm<ApplicantFormValues>({
    defaultValues: initial,
    resolver: applicantFormResolver,
    shouldFocusError: true,
  });
  const { register, control, formState, setValue, getValues } = form;
  const errors = formState.errors;
  const phones = useWatch({ control, name: 'phones' });
  const consentGiven = useWatch({ control, name: 'consentGiven' });

  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  useEffect(() => {
    const sub = form.watch((values) => onChangeRef.current(values as ApplicantFormValues));
    return () => sub.unsubscribe();
  }, [form]);

  useEffect(() => {
    if (step.kind === 'duplicates') {
      duplicatesRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
    }
  }, [step]);

  const create = async (values: ApplicantFormValues) => {
    setBusy(true);
    setFailure(null);
    try {
      const applicant = await createApplicant(db, applicantFormToInput(values), ctx);
      onCreated(applicant);
    } catch (error) {
      if (error instanceof RepositoryError) {
        for (const issue of error.issues) {
          const path = issue.path.startsWith('consent.')
            ? issue.path === 'consent.form'
              ? 'consentForm'
              : 'consentDate'
            : issue.path;
          form.setError(path as keyof ApplicantFormValues, { message: issue.code });
        }
      }
      setFailure(error instanceof Error ? error : new Error(String(error)));
      setStep({ kind: 'editing' });
    } finally {
      setBusy(false);
    }
  };

  const check = form.handleSubmit(async (values) => {
    setBusy(true);
    try {
      const input = applicantFormToInput(values);
      const candidates = await findDuplicateApplicants(db, {
        fullName: input.fullName,
        iin: input.iin ?? null,
        phones: input.phones ?? [],
        address: input.address ?? {},
      });
      if (candidates.length > 0) {
        setStep({ kind: 'duplicates', candidates });
        return;
      }
    } finally {
      setBusy(false);
    }
    await create(values);
  });

  const submit = () => {
    setValue('phones', compactPhones(getValues('phones')));
    void check();
  };

  // Inside the appeal's <form>: Enter here adds the person, it must not save the appeal.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter' || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    if (target.tagName === 'INPUT' || target.tagName === 'SELECT') {
      event.preventDefault();
      if (step.kind === 'editing') submit();
    }
  };

  const phoneError = (i: number) => errorText(errors.phones?.[i]);

  return (
    <div
      className="new-applicant card"
      role="group"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
    >
      <h3 id={titleId} className="subsection-title">
        {t('appealForm.newApplicant.title')}
      </h3>
      {unsavedError && (
        <p className="field-error" role="alert">
          {unsavedError}
        </p>
      )}
      <fieldset className="plain" disabled={step.kind === 'duplicates' || busy}>
        <div className="grid cols-3">
          <Field
            label={t('appealForm.newApplicant.fullName')}
            required
            error={errorText(errors.fullName)}
            className="span-2"
          >
            <input autoFocus autoComplete="off" {...register('fullName')} />
          </Field>
          <Field
            label={t('appealForm.newApplicant.iin')}
            error={errorText(errors.iin)}
            hint={t('appealForm.newApplicant.iinHint')}
          >
            <input inputMode="numeric" maxLength={12} autoComplete="off" {...register('iin')} />
          </Field>
        </div>

        <div className="grid cols-4">
          <div className="phones">
            {phones.map((_, i) => (
              <Field
                key={i}
                label={
                  i === 0
                    ? t('appealForm.newApplicant.phone')
                    : t('appealForm.newApplicant.phoneN', { n: i + 1 })
                }
                error={phoneError(i)}
                hint={i === phones.length - 1 ? t('appealForm.newApplicant.phoneHint') : undefined}
              >
                <input type="tel" autoComplete="off" {...register(`phones.${i}`)} />
              </Field>
            ))}
            <button
              type="button"
              className="link-button add-phone"
              onClick={() => setValue('phones', [...getValues('phones'), ''])}
            >
              {t('appealForm.newApplicant.addPhone')}
            </button>
          </div>
          <Field label={t('appealForm.newApplicant.email')} error={errorText(errors.email)}>
            <input type="email" autoComplete="off" {...register('email')} />
          </Field>
          <Field label={t('appealForm.newApplicant.preferredLanguage')}>
            <select {...register('preferredLanguage')}>
              {LANGS.map((l) => (
                <option key={l} value={l}>
                  {labelOf('language', l, lang)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('appealForm.newApplicant.preferredChannel')}>
            <select {...register('preferredChannel')}>
              <option value="">{t('appealForm.notChosen')}</option>
              {CONTACT_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {labelOf('contactChannel', c, lang)}
                </option>
              ))}
            </select>
          </Field>
        </div>

        <div className="grid cols-5">
          <Field label={t('appealForm.location.locality')}>
            <input {...register('address.locality')} />
          </Field>
          <Field label={t('appealForm.location.district')}>
            <input {...register('address.district')} />
          </Field>
          <Field label={t('appealForm.location.street')}>
            <input {...register('address.street')} />
          </Field>
          <Field label={t('appealForm.location.building')}>
            <input {...register('address.building')} />
          </Field>
          <Field label={t('appealForm.newApplicant.flat')}>
            <input {...register('address.flat')} />
          </Field>
        </div>

        <fieldset className="checks">
          <legend>{t('appealForm.newApplicant.vulnerable')}</legend>
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
          <legend>{t('appealForm.newApplicant.consent')}</legend>
          <div className="grid cols-3">
            <div className={`consent-given${consentGiven ? ' aligned' : ''}`}>
              <label className="check">
                <input type="checkbox" {...register('consentGiven')} />
                {t('appealForm.newApplicant.consentGiven')}
              </label>
            </div>
            {consentGiven && (
              <>
                <Field
                  label={t('appealForm.newApplicant.consentDate')}
                  error={errorText(errors.consentDate)}
                >
                  <input type="date" {...register('consentDate')} />
                </Field>
                <Field
                  label={t('appealForm.newApplicant.consentForm')}
                  error={errorText(errors.consentForm)}
                >
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
          {!consentGiven && (
            <p className="field-hint consent-missing">
              {t('appealForm.newApplicant.consentMissing')}
            </p>
          )}
        </fieldset>

        {failure && !(failure instanceof RepositoryError && failure.issues.length > 0) && (
          <p className="notice error" role="alert">
            {failure instanceof RepositoryError && failure.detail
              ? errorText({ message: failure.detail })
              : t('appealForm.newApplicant.failed', { detail: failure.message })}
          </p>
        )}

        {step.kind === 'editing' && (
          <div className="button-row">
            <button
              type="button"
              className="button primary"
              onClick={submit}
              disabled={busy}
              data-error-focus={unsavedError ? 'true' : undefined}
            >
              {t('appealForm.newApplicant.add')}
            </button>
            <button type="button" className="button" onClick={onCancel}>
              {t('appealForm.newApplicant.cancel')}
            </button>
          </div>
        )}
      </fieldset>

      {step.kind === 'duplicates' && (
        <div className="duplicates notice warning" ref={duplicatesRef} role="alert">
          <h4>{t('appealForm.duplicates.title', { count: step.candidates.length })}</h4>
          <p>{t('appealForm.duplicates.lead')}</p>
          <ul className="duplicate-list">
            {step.candidates.map(({ applicant, reasons }) => (
              <li key={applicant.id} className="duplicate">
                <ApplicantSummary applicant={applicant} />
                <div className="duplicate-reasons">
                  {reasons.map((r) => (
                    <span key={r} className="reason-chip">
                      {t(`appealForm.duplicates.reason.${r}`)}
                    </span>
                  ))}
                </div>
                <button
                  type="button"
                  className="button primary"
                  onClick={() => onPickExisting(applicant)}
                >
                  {t('appealForm.duplicates.pick')}
                </button>
              </li>
            ))}
          </ul>
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void create(getValues())}
            >
              {t('appealForm.duplicates.createAnyway')}
            </button>
            <button type="button" className="button" onClick={() => setStep({ kind: 'editing' })}>
              {t('appealForm.duplicates.back')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

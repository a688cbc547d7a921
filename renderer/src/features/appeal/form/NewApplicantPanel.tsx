import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type Applicant } from '@shared/domain';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import { createApplicant, RepositoryError } from '@renderer/db/repositories';
import { findDuplicateApplicants, type DuplicateCandidate } from '@renderer/db/queries/applicants';
import {
  applicantFormResolver,
  applicantFormToInput,
  compactPhones,
  type ApplicantFormValues,
} from '@renderer/features/applicants';
import { ApplicantFields, ApplicantSummary } from '@renderer/features/applicants';
import { describeWriteError } from '@renderer/ui/errors';
import { useLang } from '@renderer/ui/useLang';
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
  const db = useDb();
  const { ctx } = useSession();
  const errorText = useErrorText();
  const lang = useLang();
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
  const { setValue, getValues } = form;

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
      duplicatesRef.current?.querySelector<HTMLButtonElement>('button.primary')?.focus();
    }
  }, [step]);

  // The first refused field gets the focus once the panel is enabled again: focusing it
  // while the save is still busy (its fields disabled) would leave the focus on the button.
  const [focusField, setFocusField] = useState<keyof ApplicantFormValues | null>(null);
  useEffect(() => {
    if (busy || focusField === null) return;
    form.setFocus(focusField);
    setFocusField(null);
  }, [busy, focusField, form]);

  const create = async (values: ApplicantFormValues) => {
    setBusy(true);
    setFailure(null);
    try {
      // The person is linked to this appeal: without consent nothing is stored (the
      // repository refuses on «consent given», before writing).
      const applicant = await createApplicant(db, applicantFormToInput(values), ctx, {
        forAppeal: true,
      });
      onCreated(applicant);
    } catch (error) {
      if (error instanceof RepositoryError) {
        for (const [i, issue] of error.issues.entries()) {
          const path = issue.path.startsWith('consent.')
            ? issue.path === 'consent.form'
              ? 'consentForm'
              : 'consentDate'
            : issue.path;
          form.setError(path as keyof ApplicantFormValues, { message: issue.code });
          if (i === 0) setFocusField(path as keyof ApplicantFormValues);
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
        <FormProvider {...form}>
          <ApplicantFields />
        </FormProvider>

        {failure && !(failure instanceof RepositoryError && failure.issues.length > 0) && (
          <p className="notice error" role="alert">
            {failure instanceof RepositoryError && failure.detail
              ? errorText({ message: failure.detail })
              : (describeWriteError(failure, lang, true)?.message ??
                t('appealForm.newApplicant.failed', { detail: failure.message }))}
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

import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { labelOf, NOT_RESOLVED_REASONS, OUTCOMES, type Outcome } from '@shared/domain';
import { DateInput } from '@renderer/ui/DateInput';
import { Field } from '@renderer/ui/Field';
import { useLang } from '@renderer/ui/useLang';

/** The form controls of a decision's outcome, by name. */
export type DecisionControl = 'outcome' | 'notResolvedReason' | 'forwardedTo';

/**
 * A decision's outcome, its reason category when not resolved and where it was forwarded:
 * the same fields when the decision is taken (ActionDialog) and when it is corrected
 * (CorrectionDialog). The form stays the caller's; only the controls are drawn here.
 */
export function DecisionFields({
  outcome,
  register,
  errors,
  chooseOutcome = false,
  forwardedToHint = false,
}: {
  /** The outcome chosen so far (watched): it decides which of the other fields show. */
  outcome: Outcome | '';
  register: (name: DecisionControl) => UseFormRegisterReturn;
  /** Messages per control name (showError's `fields`). */
  errors: Readonly<Record<string, string>>;
  /** Starts with an empty "choose the outcome" entry (a decision not taken yet). */
  chooseOutcome?: boolean;
  /** Explains under "forwarded to" what to write there. */
  forwardedToHint?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <>
      <Field label={t('appeal.dialog.decide.outcome')} required error={errors.outcome}>
        <select {...register('outcome')}>
          {chooseOutcome && <option value="">{t('appeal.dialog.decide.chooseOutcome')}</option>}
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {labelOf('outcome', o, lang)}
            </option>
          ))}
        </select>
      </Field>
      {outcome === 'not_resolved' && (
        <Field label={t('appeal.dialog.decide.reason')} required error={errors.notResolvedReason}>
          <select {...register('notResolvedReason')}>
            <option value="">{t('appeal.dialog.decide.chooseReason')}</option>
            {NOT_RESOLVED_REASONS.map((r) => (
              <option key={r} value={r}>
                {labelOf('notResolvedReason', r, lang)}
              </option>
            ))}
          </select>
        </Field>
      )}
      {outcome === 'forwarded' && (
        <Field
          label={t('appeal.dialog.decide.forwardedTo')}
          required
          hint={forwardedToHint ? t('appeal.dialog.decide.forwardedToHint') : undefined}
          error={errors.forwardedTo}
        >
          <input maxLength={500} {...register('forwardedTo')} />
        </Field>
      )}
    </>
  );
}

/** The day the decision was taken: a date, never after today. */
export function DecidedOnField({
  today,
  registration,
  error,
}: {
  today: string;
  registration: UseFormRegisterReturn;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Field
      label={t('appeal.dialog.decide.decidedOn')}
      required
      error={error}
      className="field-short"
    >
      <DateInput max={today} {...registration} />
    </Field>
  );
}

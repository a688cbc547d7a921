import { useId } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { APPEAL_TEXT_MAX } from '@shared/domain';
import { formatNumber } from '@shared/format/numbers';
import { useTranslation } from 'react-i18next';
import { Field } from '@renderer/ui/Field';
import { useErrorText } from '../errorText';
import type { AppealFormValues } from '../formModel';

/** What the appeal is about: subject, text, what the applicant expects. */
export function ProblemSection() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const { register, formState } = useFormContext<AppealFormValues>();
  const errors = formState.errors;
  const { control } = useFormContext<AppealFormValues>();
  const length = (useWatch({ control, name: 'text' }) ?? '').length;
  const near = length > APPEAL_TEXT_MAX * 0.9;
  return (
    <section className="form-section card" aria-labelledby={id}>
      <h2 id={id}>{t('appealForm.sections.problem')}</h2>
      <Field label={t('appealForm.fields.subject')} required error={errorText(errors.subject)}>
        <input autoComplete="off" maxLength={300} {...register('subject')} />
      </Field>
      <Field
        label={t('appealForm.fields.text')}
        required
        error={errorText(errors.text)}
        hint={
          <>
            {t('appealForm.hints.text')}{' '}
            <span
              className={`text-counter${length > APPEAL_TEXT_MAX ? ' over' : near ? ' near' : ''}`}
              data-testid="text-counter"
              aria-live={near ? 'polite' : 'off'}
            >
              {t('screens.textCounter', {
                length: formatNumber(length),
                max: formatNumber(APPEAL_TEXT_MAX),
              })}
            </span>
          </>
        }
      >
        <textarea rows={9} className="appeal-text" {...register('text')} />
      </Field>
      <Field
        label={t('appealForm.fields.expectation')}
        error={errorText(errors.expectation)}
        hint={t('appealForm.hints.expectation')}
      >
        <textarea rows={3} {...register('expectation')} />
      </Field>
    </section>
  );
}

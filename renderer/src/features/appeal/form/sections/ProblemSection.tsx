import { useId } from 'react';
import { useFormContext } from 'react-hook-form';
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
        hint={t('appealForm.hints.text')}
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

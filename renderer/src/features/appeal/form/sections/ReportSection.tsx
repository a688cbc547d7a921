import { useId } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '@renderer/ui/Field';
import { useErrorText } from '../errorText';
import type { AppealFormValues } from '../formModel';

/** What the public report says about the appeal (shown when editing a registered one). */
export function ReportSection() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const { register, formState } = useFormContext<AppealFormValues>();
  return (
    <section className="form-section card" aria-labelledby={id}>
      <h2 id={id}>{t('appealForm.sections.report')}</h2>
      <Field
        label={t('appealForm.fields.publicSummary')}
        error={errorText(formState.errors.publicSummary)}
        hint={t('appealForm.hints.publicSummary')}
      >
        <textarea rows={3} {...register('publicSummary')} />
      </Field>
      <label className="check">
        <input type="checkbox" {...register('inReport')} />
        {t('appealForm.fields.inReport')}
      </label>
    </section>
  );
}

import { useId } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { BilingualFields } from '@renderer/ui/BilingualFields';
import { useErrorText } from '../errorText';
import type { AppealFormValues } from '../formModel';

/** What the public report says about the appeal (shown when editing a registered one). */
export function ReportSection() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const { register, formState, control } = useFormContext<AppealFormValues>();
  const values = useWatch({ control, name: 'publicSummary' });
  const errors = formState.errors.publicSummary;
  return (
    <section className="form-section card" aria-labelledby={id}>
      <h2 id={id}>{t('appealForm.sections.report')}</h2>
      <BilingualFields
        label={t('appealForm.fields.publicSummary')}
        hint={t('appealForm.hints.publicSummary')}
        values={values}
        errors={{ kk: errorText(errors?.kk), ru: errorText(errors?.ru) }}
      >
        {(lang) => <textarea rows={3} lang={lang} {...register(`publicSummary.${lang}`)} />}
      </BilingualFields>
      <label className="check">
        <input type="checkbox" {...register('inReport')} />
        {t('appealForm.fields.inReport')}
      </label>
    </section>
  );
}

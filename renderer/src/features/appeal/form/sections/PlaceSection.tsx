import { useId } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '@renderer/ui/Field';
import { useLang } from '@renderer/ui/useLang';
import { useErrorText } from '../errorText';
import type { AppealFormValues } from '../formModel';
import { TagsInput } from '../TagsInput';
import type { AppealFormController } from '../useAppealFormController';

/** The topic, tags and where the problem is. */
export function PlaceSection({ c }: { c: AppealFormController }) {
  const { t } = useTranslation();
  const lang = useLang();
  const errorText = useErrorText();
  const id = useId();
  const { register, control, formState } = useFormContext<AppealFormValues>();
  const errors = formState.errors;
  return (
    <section className="form-section card" aria-labelledby={id}>
      <h2 id={id}>{t('appealForm.sections.place')}</h2>
      <div className="grid cols-2">
        <Field label={t('appealForm.fields.topic')} required error={errorText(errors.topic)}>
          <select {...register('topic')}>
            <option value="">{t('appealForm.choose')}</option>
            {c.topics.map((tp) => (
              <option key={tp.id} value={tp.id}>
                {tp[lang]}
              </option>
            ))}
          </select>
        </Field>
        <Controller
          control={control}
          name="tags"
          render={({ field }) => (
            <Field
              label={t('appealForm.fields.tags')}
              error={errorText(
                Array.isArray(errors.tags) ? errors.tags.find((e) => e !== undefined) : errors.tags,
              )}
              hint={t('appealForm.tags.hint')}
            >
              <TagsInput
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                inputRef={field.ref}
              />
            </Field>
          )}
        />
      </div>
      <div className="grid cols-4">
        <Field
          label={t('appealForm.location.locality')}
          error={errorText(errors.location?.locality)}
        >
          <input {...register('location.locality')} />
        </Field>
        <Field
          label={t('appealForm.location.district')}
          error={errorText(errors.location?.district)}
        >
          <input {...register('location.district')} />
        </Field>
        <Field label={t('appealForm.location.street')} error={errorText(errors.location?.street)}>
          <input {...register('location.street')} />
        </Field>
        <Field
          label={t('appealForm.location.building')}
          error={errorText(errors.location?.building)}
        >
          <input {...register('location.building')} />
        </Field>
      </div>
    </section>
  );
}

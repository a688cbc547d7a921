import { useId } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { APPEAL_CHANNELS, APPEAL_KINDS, labelOf } from '@shared/domain';
import { formatDay } from '@shared/format';
import { useSession } from '@renderer/app/session';
import { Field } from '@renderer/ui/Field';
import { useLang } from '@renderer/ui/useLang';
import { useErrorText } from '../errorText';
import type { AppealFormValues } from '../formModel';
import type { AppealFormController } from '../useAppealFormController';
import { DateInput } from '@renderer/ui/DateInput';

/** When and how the appeal arrived, and what kind it is. */
export function ReceiptSection({ c }: { c: AppealFormController }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { today } = useSession();
  const errorText = useErrorText();
  const id = useId();
  const { register, formState } = useFormContext<AppealFormValues>();
  const errors = formState.errors;
  const { receivedAt, preview } = c;
  return (
    <section className="form-section card" aria-labelledby={id}>
      <h2 id={id}>{t('appealForm.sections.receipt')}</h2>
      <div className="grid cols-3">
        <Field
          label={t('appealForm.fields.receivedAt')}
          required
          error={errorText(errors.receivedAt)}
          hint={
            receivedAt.slice(0, 10) > today
              ? t('appealForm.hints.future')
              : preview?.postponed
                ? t('appealForm.hints.postponed', { date: formatDay(preview.registeredOn) })
                : undefined
          }
        >
          <DateInput kind="datetime" {...register('receivedAt')} />
        </Field>
        <Field label={t('appealForm.fields.channel')} required error={errorText(errors.channel)}>
          <select {...register('channel')}>
            <option value="">{t('appealForm.choose')}</option>
            {APPEAL_CHANNELS.map((ch) => (
              <option key={ch} value={ch}>
                {labelOf('channel', ch, lang)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('appealForm.fields.kind')} error={errorText(errors.kind)}>
          <select {...register('kind')}>
            {APPEAL_KINDS.map((k) => (
              <option key={k} value={k}>
                {labelOf('kind', k, lang)}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </section>
  );
}

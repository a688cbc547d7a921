import { useId } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { labelOf, PROPOSED_ACTIONS } from '@shared/domain';
import { Field } from '@renderer/ui/Field';
import { useLang } from '@renderer/ui/useLang';
import { useErrorText } from '../errorText';
import type { AppealFormValues } from '../formModel';
import type { AppealFormController } from '../useAppealFormController';
import { DateInput } from '@renderer/ui/DateInput';

/** What the office will do, who does it, the first contact and priority. */
export function ActionSection({ c }: { c: AppealFormController }) {
  const { t } = useTranslation();
  const lang = useLang();
  const errorText = useErrorText();
  const id = useId();
  const { register, formState } = useFormContext<AppealFormValues>();
  const errors = formState.errors;
  return (
    <section className="form-section card" aria-labelledby={id}>
      <h2 id={id}>{t('appealForm.sections.action')}</h2>
      <div className="grid cols-3">
        <Field
          label={t('appealForm.fields.proposedAction')}
          error={errorText(errors.proposedAction)}
        >
          <select {...register('proposedAction')}>
            <option value="">{t('appealForm.notChosen')}</option>
            {PROPOSED_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {labelOf('proposedAction', a, lang)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('appealForm.fields.assignee')} error={errorText(errors.assignee)}>
          <select {...register('assignee')}>
            <option value="">{t('appealForm.unassigned')}</option>
            {c.staff.map((u) => (
              <option key={u.id} value={u.id}>
                {u.fullName}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t('appealForm.fields.firstContactAt')}
          error={errorText(errors.firstContactAt)}
          hint={t('appealForm.hints.firstContactAt')}
        >
          <DateInput kind="datetime" {...register('firstContactAt')} />
        </Field>
      </div>
      <div className="priority-row">
        <label className="check">
          <input type="checkbox" {...register('priority', { onChange: c.touchPriority })} />
          {t('appealForm.fields.priority')}
        </label>
        {c.priority && (
          <Field
            label={t('appealForm.fields.priorityReason')}
            error={errorText(errors.priorityReason)}
            hint={c.autoPriority ? t('appealForm.priority.autoHint') : undefined}
            className="grow"
          >
            <input {...register('priorityReason', { onChange: c.touchPriority })} />
          </Field>
        )}
      </div>
    </section>
  );
}

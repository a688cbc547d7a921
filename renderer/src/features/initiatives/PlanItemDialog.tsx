import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  PLAN_STATUSES,
  labelOf,
  planItemInputSchema,
  type PlanItem,
  type PlanItemInput,
} from '@shared/domain';
import { formatQuarter } from '@shared/format';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import { createPlanItem, updatePlanItem } from '@renderer/db/repositories';
import { Field } from '@renderer/ui/Field';
import { BilingualTextField } from './BilingualTextField';
import { FormDialog, useFormSubmit } from '@renderer/ui/FormDialog';
import { TopicSelect } from './TopicSelect';

const emptyToNull = (value: unknown) => (value === '' ? null : value);

/** Adds a priority to the shown quarter's plan, or edits one (keeping its place). */
export function PlanItemDialog({
  item,
  year,
  quarter,
  onClose,
}: {
  item: PlanItem | null;
  year: number;
  quarter: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { lang, ctx, settings } = useSession();
  const db = useDb();
  const form = useForm<PlanItemInput, unknown, z.output<typeof planItemInputSchema>>({
    resolver: zodResolver(planItemInputSchema),
    defaultValues:
      item === null
        ? {
            year,
            quarter,
            title: { kk: '', ru: '' },
            actions: { kk: '', ru: '' },
            topic: null,
            status: 'planned',
            inReport: true,
          }
        : {
            year: item.year,
            quarter: item.quarter,
            title: { ...item.title },
            actions: { ...item.actions },
            topic: item.topic,
            status: item.status,
            order: item.order,
            inReport: item.inReport,
          },
  });
  const { register } = form;

  const { failure, errorOf, submit, busy } = useFormSubmit(
    form,
    (data) => {
      if (item !== null)
        return updatePlanItem(db, item.id, data, ctx, { expectedVersion: item.version });
      // Without an order the repository appends the item at the end of the quarter.
      const { order: _order, ...rest } = data;
      return createPlanItem(db, rest, ctx);
    },
    onClose,
  );

  return (
    <FormDialog
      title={
        item === null ? t('initiatives.planForm.newTitle') : t('initiatives.planForm.editTitle')
      }
      formId="plan-item-form"
      busy={busy}
      wide
      className="initiative-form"
      hint={t('initiatives.form.saveHint')}
      failure={failure}
      lead={
        <p className="muted span-2">
          {t('initiatives.planForm.quarter', {
            period: formatQuarter(
              `${String(item?.year ?? year)}-Q${String(item?.quarter ?? quarter)}`,
              lang,
            ),
          })}
        </p>
      }
      onSubmit={submit}
      onClose={onClose}
    >
      <BilingualTextField
        form={form}
        name="title"
        errorOf={errorOf}
        label={t('initiatives.planForm.title')}
        required
        hint={t('initiatives.planForm.titleHint')}
      />
      <BilingualTextField
        form={form}
        name="actions"
        errorOf={errorOf}
        label={t('initiatives.planForm.actions')}
        hint={t('initiatives.planForm.actionsHint')}
        rows={4}
      />
      <Field label={t('initiatives.planForm.topic')} error={errorOf('topic')}>
        <TopicSelect
          topics={settings.topics}
          current={item?.topic ?? null}
          {...register('topic', { setValueAs: emptyToNull })}
        />
      </Field>
      <Field label={t('initiatives.planForm.status')} error={errorOf('status')}>
        <select {...register('status')}>
          {PLAN_STATUSES.map((status) => (
            <option key={status} value={status}>
              {labelOf('planStatus', status, lang)}
            </option>
          ))}
        </select>
      </Field>
      <label className="checkbox span-2">
        <input type="checkbox" {...register('inReport')} />
        {t('initiatives.planForm.inReport')}
      </label>
    </FormDialog>
  );
}

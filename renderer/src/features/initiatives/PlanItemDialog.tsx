import { useState } from 'react';
import { useForm, useWatch, type FieldPath } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  PLAN_STATUSES,
  labelOf,
  planItemInputSchema,
  type PlanItem,
  type PlanItemInput,
} from '../../../../shared/domain';
import { formatQuarter } from '../../../../shared/report/format';
import { messageFor } from '../../../../shared/validation/messages';
import { useSession } from '../../app/session';
import { useDb } from '../../db/hooks';
import { createPlanItem, updatePlanItem } from '../../db/repositories';
import { describeRepositoryError, RepositoryError } from '../../db/repositories/errors';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { useHotkeys } from '../../ui/useHotkeys';
import { PiiWarning } from './PiiWarning';
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
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState, control, setError } = useForm<
    PlanItemInput,
    unknown,
    z.output<typeof planItemInputSchema>
  >({
    resolver: zodResolver(planItemInputSchema),
    defaultValues:
      item === null
        ? { year, quarter, title: '', actions: '', topic: null, status: 'planned', inReport: true }
        : {
            year: item.year,
            quarter: item.quarter,
            title: item.title,
            actions: item.actions,
            topic: item.topic,
            status: item.status,
            order: item.order,
            inReport: item.inReport,
          },
  });
  const [title, actions] = useWatch({ control, name: ['title', 'actions'] });

  const errorOf = (path: keyof PlanItemInput): string | null => {
    const message = formState.errors[path]?.message;
    return typeof message === 'string' ? messageFor(message, lang) : null;
  };

  const submit = handleSubmit(async (data) => {
    setFailure(null);
    try {
      if (item === null) {
        // Without an order the repository appends the item at the end of the quarter.
        const { order: _order, ...rest } = data;
        await createPlanItem(db, rest, ctx);
      } else {
        await updatePlanItem(db, item.id, data, ctx, { expectedVersion: item.version });
      }
      onClose();
    } catch (error) {
      if (!(error instanceof RepositoryError)) throw error;
      for (const issue of error.issues) {
        setError(issue.path as FieldPath<PlanItemInput>, { message: issue.code });
      }
      setFailure(describeRepositoryError(error, lang).message);
    }
  });
  useHotkeys({ 'Ctrl+Enter': () => void submit() });

  return (
    <Dialog
      open
      wide
      title={
        item === null ? t('initiatives.planForm.newTitle') : t('initiatives.planForm.editTitle')
      }
      onClose={onClose}
      footer={
        <>
          <span className="muted small dialog-hint">{t('initiatives.form.saveHint')}</span>
          <button type="button" className="button" onClick={onClose}>
            {t('common.actions.cancel')}
          </button>
          <button
            type="submit"
            form="plan-item-form"
            className="button primary"
            disabled={formState.isSubmitting}
          >
            {formState.isSubmitting ? t('common.saving') : t('common.actions.save')}
          </button>
        </>
      }
    >
      <form id="plan-item-form" className="initiative-form" onSubmit={submit} noValidate>
        <p className="muted span-2">
          {t('initiatives.planForm.quarter', {
            period: formatQuarter(
              `${String(item?.year ?? year)}-Q${String(item?.quarter ?? quarter)}`,
              lang,
            ),
          })}
        </p>
        {failure && (
          <p className="notice error span-2" role="alert">
            {failure}
          </p>
        )}
        <Field
          label={t('initiatives.planForm.title')}
          required
          hint={t('initiatives.planForm.titleHint')}
          error={errorOf('title')}
          className="span-2"
        >
          <input autoFocus autoComplete="off" {...register('title')} />
        </Field>
        <PiiWarning text={title} />
        <Field
          label={t('initiatives.planForm.actions')}
          hint={t('initiatives.planForm.actionsHint')}
          error={errorOf('actions')}
          className="span-2"
        >
          <textarea rows={4} {...register('actions')} />
        </Field>
        <PiiWarning text={actions} />
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
      </form>
    </Dialog>
  );
}

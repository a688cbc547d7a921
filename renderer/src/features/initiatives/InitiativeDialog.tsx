import { useState } from 'react';
import { useForm, useWatch, type FieldPath } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  INITIATIVE_STATUSES,
  INITIATIVE_TARGETS,
  initiativeInputSchema,
  labelOf,
  type Initiative,
  type InitiativeInput,
} from '../../../../shared/domain';
import { messageFor } from '../../../../shared/validation/messages';
import { useSession } from '../../app/session';
import { useDb } from '../../db/hooks';
import { createInitiative, updateInitiative } from '../../db/repositories';
import { describeRepositoryError, RepositoryError } from '../../db/repositories/errors';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { useHotkeys } from '../../ui/useHotkeys';
import { PiiWarning } from './PiiWarning';
import { TopicSelect } from './TopicSelect';

type FormValues = InitiativeInput;

const emptyToNull = (value: unknown) => (value === '' ? null : value);

function valuesOf(initiative: Initiative | null, today: string): FormValues {
  if (initiative === null) {
    return {
      title: '',
      description: '',
      target: 'session',
      submittedOn: today,
      status: 'submitted',
      result: '',
      topic: null,
      publicSummary: '',
      inReport: true,
    };
  }
  return {
    title: initiative.title,
    description: initiative.description,
    target: initiative.target,
    submittedOn: initiative.submittedOn,
    status: initiative.status,
    result: initiative.result,
    topic: initiative.topic,
    relatedAppealIds: [...initiative.relatedAppealIds],
    publicSummary: initiative.publicSummary,
    inReport: initiative.inReport,
  };
}

/** Records a new initiative or edits one; the repository re-validates and checks the version. */
export function InitiativeDialog({
  initiative,
  onClose,
}: {
  initiative: Initiative | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { lang, ctx, today, settings } = useSession();
  const db = useDb();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState, control, setError } = useForm<
    FormValues,
    unknown,
    z.output<typeof initiativeInputSchema>
  >({
    resolver: zodResolver(initiativeInputSchema),
    defaultValues: valuesOf(initiative, today),
  });
  const [result, summary, title] = useWatch({
    control,
    name: ['result', 'publicSummary', 'title'],
  });

  const errorOf = (path: keyof FormValues): string | null => {
    const message = formState.errors[path]?.message;
    return typeof message === 'string' ? messageFor(message, lang) : null;
  };

  const submit = handleSubmit(async (data) => {
    setFailure(null);
    try {
      if (initiative === null) await createInitiative(db, data, ctx);
      else
        await updateInitiative(db, initiative.id, data, ctx, {
          expectedVersion: initiative.version,
        });
      onClose();
    } catch (error) {
      if (!(error instanceof RepositoryError)) throw error;
      for (const issue of error.issues) {
        setError(issue.path as FieldPath<FormValues>, { message: issue.code });
      }
      setFailure(describeRepositoryError(error, lang).message);
    }
  });
  useHotkeys({ 'Ctrl+Enter': () => void submit() });

  return (
    <Dialog
      open
      wide
      title={initiative === null ? t('initiatives.form.newTitle') : t('initiatives.form.editTitle')}
      onClose={onClose}
      footer={
        <>
          <span className="muted small dialog-hint">{t('initiatives.form.saveHint')}</span>
          <button type="button" className="button" onClick={onClose}>
            {t('common.actions.cancel')}
          </button>
          <button
            type="submit"
            form="initiative-form"
            className="button primary"
            disabled={formState.isSubmitting}
          >
            {formState.isSubmitting ? t('common.saving') : t('common.actions.save')}
          </button>
        </>
      }
    >
      <form id="initiative-form" className="initiative-form" onSubmit={submit} noValidate>
        {failure && (
          <p className="notice error span-2" role="alert">
            {failure}
          </p>
        )}
        <Field
          label={t('initiatives.form.title')}
          required
          hint={t('initiatives.form.titleHint')}
          error={errorOf('title')}
          className="span-2"
        >
          <input autoFocus autoComplete="off" {...register('title')} />
        </Field>
        <PiiWarning text={title} />
        <Field label={t('initiatives.form.target')} error={errorOf('target')}>
          <select {...register('target')}>
            {INITIATIVE_TARGETS.map((target) => (
              <option key={target} value={target}>
                {labelOf('initiativeTarget', target, lang)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t('initiatives.form.submittedOn')}
          hint={t('initiatives.form.submittedOnHint')}
          error={errorOf('submittedOn')}
        >
          <input type="date" {...register('submittedOn', { setValueAs: emptyToNull })} />
        </Field>
        <Field label={t('initiatives.form.status')} error={errorOf('status')}>
          <select {...register('status')}>
            {INITIATIVE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {labelOf('initiativeStatus', status, lang)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('initiatives.form.topic')} error={errorOf('topic')}>
          <TopicSelect
            topics={settings.topics}
            current={initiative?.topic ?? null}
            {...register('topic', { setValueAs: emptyToNull })}
          />
        </Field>
        <Field
          label={t('initiatives.form.result')}
          hint={t('initiatives.form.resultHint')}
          error={errorOf('result')}
          className="span-2"
        >
          <textarea rows={2} {...register('result')} />
        </Field>
        <PiiWarning text={result} />
        <Field
          label={t('initiatives.form.publicSummary')}
          hint={t('initiatives.form.publicSummaryHint')}
          error={errorOf('publicSummary')}
          className="span-2"
        >
          <textarea rows={2} {...register('publicSummary')} />
        </Field>
        <PiiWarning text={summary} />
        <Field
          label={t('initiatives.form.description')}
          hint={t('initiatives.form.descriptionHint')}
          error={errorOf('description')}
          className="span-2"
        >
          <textarea rows={3} {...register('description')} />
        </Field>
        <label className="checkbox span-2">
          <input type="checkbox" {...register('inReport')} />
          {t('initiatives.form.inReport')}
        </label>
      </form>
    </Dialog>
  );
}

import { useForm } from 'react-hook-form';
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
} from '@shared/domain';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import { createInitiative, updateInitiative } from '@renderer/db/repositories';
import { Field } from '@renderer/ui/Field';
import { BilingualTextField } from './BilingualTextField';
import { FormDialog, useFormSubmit } from '@renderer/ui/FormDialog';
import { TopicSelect } from './TopicSelect';
import { DateInput } from '@renderer/ui/DateInput';

type FormValues = InitiativeInput;

const emptyToNull = (value: unknown) => (value === '' ? null : value);

function valuesOf(initiative: Initiative | null, today: string): FormValues {
  if (initiative === null) {
    return {
      title: { kk: '', ru: '' },
      description: '',
      target: 'session',
      submittedOn: today,
      status: 'submitted',
      result: { kk: '', ru: '' },
      topic: null,
      publicSummary: { kk: '', ru: '' },
      inReport: true,
    };
  }
  return {
    title: { ...initiative.title },
    description: initiative.description,
    target: initiative.target,
    submittedOn: initiative.submittedOn,
    status: initiative.status,
    result: { ...initiative.result },
    topic: initiative.topic,
    relatedAppealIds: [...initiative.relatedAppealIds],
    publicSummary: { ...initiative.publicSummary },
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
  const form = useForm<FormValues, unknown, z.output<typeof initiativeInputSchema>>({
    resolver: zodResolver(initiativeInputSchema),
    defaultValues: valuesOf(initiative, today),
  });
  const { register } = form;

  const { failure, errorOf, submit, busy } = useFormSubmit(
    form,
    (data) =>
      initiative === null
        ? createInitiative(db, data, ctx)
        : updateInitiative(db, initiative.id, data, ctx, {
            expectedVersion: initiative.version,
          }),
    onClose,
  );

  return (
    <FormDialog
      title={initiative === null ? t('initiatives.form.newTitle') : t('initiatives.form.editTitle')}
      formId="initiative-form"
      busy={busy}
      wide
      className="initiative-form"
      hint={t('initiatives.form.saveHint')}
      failure={failure}
      onSubmit={submit}
      onClose={onClose}
    >
      <BilingualTextField
        form={form}
        name="title"
        errorOf={errorOf}
        label={t('initiatives.form.title')}
        required
        hint={t('initiatives.form.titleHint')}
      />
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
        <DateInput {...register('submittedOn', { setValueAs: emptyToNull })} />
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
      <BilingualTextField
        form={form}
        name="result"
        errorOf={errorOf}
        label={t('initiatives.form.result')}
        hint={t('initiatives.form.resultHint')}
        rows={2}
      />
      <BilingualTextField
        form={form}
        name="publicSummary"
        errorOf={errorOf}
        label={t('initiatives.form.publicSummary')}
        hint={t('initiatives.form.publicSummaryHint')}
        rows={2}
      />
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
    </FormDialog>
  );
}

import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  INITIATIVE_STATUSES,
  INITIATIVE_TARGETS,
  initiativeInputSchema,
  labelOf,
  asBilingual,
  bothTexts,
  type Initiative,
  type InitiativeInput,
} from '@shared/domain';
import { BilingualFields } from '@renderer/ui/BilingualFields';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import { createInitiative, updateInitiative } from '@renderer/db/repositories';
import { Field } from '@renderer/ui/Field';
import { PiiWarning } from './PiiWarning';
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
  const { register, control } = form;
  const [resultValue, summaryValue, titleValue] = useWatch({
    control,
    name: ['result', 'publicSummary', 'title'],
  });
  // The form holds pairs; `asBilingual` also reads a value not yet in that shape.
  const title = asBilingual(titleValue);
  const result = asBilingual(resultValue);
  const summary = asBilingual(summaryValue);

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
  const pairErrors = (field: 'title' | 'result' | 'publicSummary') => ({
    kk: errorOf(`${field}.kk`),
    ru: errorOf(`${field}.ru`),
  });

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
      <div className="span-2">
        <BilingualFields
          label={t('initiatives.form.title')}
          required
          hint={t('initiatives.form.titleHint')}
          values={title}
          errors={pairErrors('title')}
        >
          {(l) => (
            <input autoFocus={l === 'kk'} autoComplete="off" lang={l} {...register(`title.${l}`)} />
          )}
        </BilingualFields>
      </div>
      <PiiWarning text={bothTexts(title)} />
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
      <div className="span-2">
        <BilingualFields
          label={t('initiatives.form.result')}
          hint={t('initiatives.form.resultHint')}
          values={result}
          errors={pairErrors('result')}
        >
          {(l) => <textarea rows={2} lang={l} {...register(`result.${l}`)} />}
        </BilingualFields>
      </div>
      <PiiWarning text={bothTexts(result)} />
      <div className="span-2">
        <BilingualFields
          label={t('initiatives.form.publicSummary')}
          hint={t('initiatives.form.publicSummaryHint')}
          values={summary}
          errors={pairErrors('publicSummary')}
        >
          {(l) => <textarea rows={2} lang={l} {...register(`publicSummary.${l}`)} />}
        </BilingualFields>
      </div>
      <PiiWarning text={bothTexts(summary)} />
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

import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  FEEDBACK_CHANNELS,
  feedbackRoundInputSchema,
  reportPublicationInputSchema,
  type FeedbackRound,
  type FeedbackRoundInput,
  type ReportPublication,
  type ReportPublicationInput,
} from '@shared/domain';
import { formatQuarter, lastFinishedQuarter, parseQuarterId, shiftQuarterId } from '@shared/format';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import {
  createFeedbackRound,
  createReportPublication,
  updateFeedbackRound,
  updateReportPublication,
} from '@renderer/db/repositories';
import { Field } from '@renderer/ui/Field';
import { FormDialog, useFormSubmit } from '@renderer/ui/FormDialog';
import { DateInput } from '@renderer/ui/DateInput';

const emptyToNull = (value: unknown) => (value === '' ? null : value);

/** Records (or corrects) when and where a quarter's report was published: scorecard step 4. */
export function PublicationDialog({
  item,
  onClose,
}: {
  item: ReportPublication | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { lang, ctx, today } = useSession();
  const db = useDb();
  const last = parseQuarterId(lastFinishedQuarter(today)) ?? { year: 2026, quarter: 1 };
  const form = useForm<
    ReportPublicationInput,
    unknown,
    z.output<typeof reportPublicationInputSchema>
  >({
    resolver: zodResolver(reportPublicationInputSchema),
    defaultValues: {
      year: item?.year ?? last.year,
      quarter: item?.quarter ?? last.quarter,
      publishedOn: item?.publishedOn ?? today,
      link: item?.link ?? '',
      note: item?.note ?? '',
    },
  });
  const { register, setValue, watch } = form;
  const period = `${String(watch('year'))}-Q${String(watch('quarter'))}`;
  const choices = Array.from({ length: 8 }, (_, i) =>
    shiftQuarterId(lastFinishedQuarter(today), -i),
  );
  if (!choices.includes(period)) choices.unshift(period);
  const { failure, errorOf, submit, busy } = useFormSubmit(
    form,
    (data) =>
      item === null
        ? createReportPublication(db, data, ctx)
        : updateReportPublication(db, item.id, data, ctx, { expectedVersion: item.version }),
    onClose,
    { fieldOf: { year: 'quarter' } },
  );
  return (
    <FormDialog
      title={t(
        item === null
          ? 'scorecard.publicationForm.newTitle'
          : 'scorecard.publicationForm.editTitle',
      )}
      formId="publication-form"
      busy={busy}
      failure={failure}
      onSubmit={submit}
      onClose={onClose}
    >
      <Field label={t('scorecard.publicationForm.quarter')} required error={errorOf('quarter')}>
        <select
          value={period}
          onChange={(event) => {
            const q = parseQuarterId(event.target.value);
            if (!q) return;
            setValue('year', q.year);
            setValue('quarter', q.quarter);
          }}
          data-testid="publication-quarter"
        >
          {choices.map((id) => (
            <option key={id} value={id}>
              {formatQuarter(id, lang)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label={t('scorecard.publicationForm.publishedOn')}
        required
        error={errorOf('publishedOn')}
      >
        <DateInput {...register('publishedOn')} />
      </Field>
      <Field
        label={t('scorecard.publicationForm.link')}
        hint={t('scorecard.publicationForm.linkHint')}
        error={errorOf('link')}
        className="span-2"
      >
        <input type="url" autoComplete="off" placeholder="https://" {...register('link')} />
      </Field>
      <Field
        label={t('scorecard.publicationForm.note')}
        hint={t('scorecard.publicationForm.noteHint')}
        error={errorOf('note')}
        className="span-2"
      >
        <input autoComplete="off" {...register('note')} />
      </Field>
    </FormDialog>
  );
}

/** Records a feedback round after a maslikhat decision: scorecard step 5. */
export function FeedbackDialog({
  item,
  onClose,
}: {
  item: FeedbackRound | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { ctx, today } = useSession();
  const db = useDb();
  const form = useForm<FeedbackRoundInput, unknown, z.output<typeof feedbackRoundInputSchema>>({
    resolver: zodResolver(feedbackRoundInputSchema),
    defaultValues: {
      decision: item?.decision ?? '',
      decisionOn: item?.decisionOn ?? null,
      collectedOn: item?.collectedOn ?? today,
      channel: item?.channel ?? 'meeting',
      responses: item?.responses ?? 0,
      summary: item?.summary ?? '',
    },
  });
  const { register } = form;
  const { failure, errorOf, submit, busy } = useFormSubmit(
    form,
    (data) =>
      item === null
        ? createFeedbackRound(db, data, ctx)
        : updateFeedbackRound(db, item.id, data, ctx, { expectedVersion: item.version }),
    onClose,
  );
  return (
    <FormDialog
      title={t(
        item === null ? 'scorecard.feedbackForm.newTitle' : 'scorecard.feedbackForm.editTitle',
      )}
      formId="feedback-form"
      busy={busy}
      failure={failure}
      wide
      onSubmit={submit}
      onClose={onClose}
    >
      <Field
        label={t('scorecard.feedbackForm.decision')}
        hint={t('scorecard.feedbackForm.decisionHint')}
        required
        error={errorOf('decision')}
        className="span-2"
      >
        <input autoFocus autoComplete="off" {...register('decision')} />
      </Field>
      <Field label={t('scorecard.feedbackForm.decisionOn')} error={errorOf('decisionOn')}>
        <DateInput {...register('decisionOn', { setValueAs: emptyToNull })} />
      </Field>
      <Field
        label={t('scorecard.feedbackForm.collectedOn')}
        required
        error={errorOf('collectedOn')}
      >
        <DateInput {...register('collectedOn')} />
      </Field>
      <Field label={t('scorecard.feedbackForm.channel')} error={errorOf('channel')}>
        <select {...register('channel')}>
          {FEEDBACK_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`scorecard.channels.${c}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('scorecard.feedbackForm.responses')} error={errorOf('responses')}>
        <input type="number" min={0} step={1} {...register('responses', { valueAsNumber: true })} />
      </Field>
      <Field
        label={t('scorecard.feedbackForm.summary')}
        hint={t('scorecard.feedbackForm.summaryHint')}
        error={errorOf('summary')}
        className="span-2"
      >
        <textarea rows={3} {...register('summary')} />
      </Field>
    </FormDialog>
  );
}

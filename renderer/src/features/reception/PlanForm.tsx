import { useEffect, useRef, useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  enumSchema,
  labelOf,
  localDateSchema,
  localTimeSchema,
  bilingualText,
  plainText,
  RECEPTION_FORMATS,
  requiredBilingualText,
  type BilingualText,
  type Reception,
} from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import { messageFor } from '@shared/validation/messages';
import { dayOffKind, isValidDay, type WorkCalendar } from '@shared/calendar';
import { weekdayName } from '@shared/format/dates';
import { BilingualFields } from '@renderer/ui/BilingualFields';
import { Field } from '@renderer/ui/Field';
import { useHotkeys } from '@renderer/ui/useHotkeys';
import { useLang } from '@renderer/ui/useLang';
import {
  describeRepositoryError,
  RepositoryError,
  type ReceptionPlan,
} from '@renderer/db/repositories';
import { lostWriteCode } from '@renderer/ui/errors';
import { DateInput } from '@renderer/ui/DateInput';

/** The form keeps every value as typed text; an empty end time means "not set". */
const planFormSchema = z
  .object({
    date: localDateSchema,
    startTime: localTimeSchema,
    endTime: z.union([z.literal(''), localTimeSchema]),
    place: requiredBilingualText(500),
    format: enumSchema(RECEPTION_FORMATS),
    accessibilityNotes: bilingualText(2_000),
    notes: plainText(10_000),
  })
  .superRefine((value, ctx) => {
    if (value.endTime !== '' && value.endTime <= value.startTime) {
      ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'end_before_start' });
    }
  });

export type PlanFormValues = Omit<
  z.input<typeof planFormSchema>,
  'place' | 'accessibilityNotes'
> & {
  place: BilingualText;
  accessibilityNotes: BilingualText;
};
type PlanFields = keyof PlanFormValues;

export function formValues(reception: Reception): PlanFormValues {
  return {
    date: reception.date,
    startTime: reception.startTime.slice(0, 5),
    endTime: reception.endTime?.slice(0, 5) ?? '',
    place: { ...reception.place },
    format: reception.format,
    accessibilityNotes: { ...reception.accessibilityNotes },
    notes: reception.notes,
  };
}

export function toPlan(values: PlanFormValues): ReceptionPlan {
  return { ...values, endTime: values.endTime === '' ? null : values.endTime };
}

function message(code: string | undefined, lang: Lang): string | undefined {
  return code ? messageFor(code, lang) : undefined;
}

interface PlanFormProps {
  defaults: PlanFormValues;
  readOnly: boolean;
  isNew: boolean;
  today: string;
  /**
   * Saves; throws a RepositoryError when refused (its field codes are shown on the fields).
   * `base` is the stored plan this edit started from, to tell someone else's change apart.
   * Resolves to the plan as stored, when the form stays on screen after saving.
   */
  onSave: (plan: ReceptionPlan, base: PlanFormValues) => Promise<PlanFormValues | void>;
  /** The office's working-day calendar: a date on a day off is warned about. */
  calendar?: WorkCalendar;
}

/** Date, time, place, format, accessibility and notes of a reception (Ctrl+Enter saves). */
export function PlanForm({ defaults, readOnly, isNew, today, onSave, calendar }: PlanFormProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const form = useForm<PlanFormValues>({
    // The schema also takes a single string (earlier versions); the form always holds pairs.
    resolver: zodResolver(planFormSchema) as unknown as Resolver<PlanFormValues>,
    defaultValues: defaults,
  });
  const { register, formState, handleSubmit, reset, setError, watch } = form;
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const dirty = formState.isDirty;
  const defaultsKey = JSON.stringify(defaults);
  const lastDefaults = useRef(defaultsKey);
  const base = useRef(defaults);
  // Right after a save the stored reception reaches this form a moment later; until then
  // `defaults` still hold the plan from before the save, which must not come back.
  const staleKey = useRef<string | null>(null);

  // The stored reception changed (saved here or elsewhere): show it, unless the user is
  // in the middle of an edit — their typing is never thrown away.
  useEffect(() => {
    if (defaultsKey === staleKey.current) return;
    staleKey.current = null;
    if (defaultsKey !== lastDefaults.current && !dirty) {
      lastDefaults.current = defaultsKey;
      base.current = JSON.parse(defaultsKey) as PlanFormValues;
      reset(base.current);
    }
  }, [defaultsKey, dirty, reset]);

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    setSaved(false);
    const before = defaultsKey;
    try {
      const stored = await onSave(toPlan(values), base.current);
      if (stored) {
        // The next edit starts from what was stored, even if the user types on before
        // the stored reception comes back to this form.
        base.current = stored;
        lastDefaults.current = JSON.stringify(stored);
        if (before !== lastDefaults.current) staleKey.current = before;
        reset(stored);
      } else {
        lastDefaults.current = '';
        reset(values);
      }
      setSaved(true);
    } catch (error) {
      const lost = lostWriteCode(error, true);
      if (lost) {
        setFailure(messageFor(lost, lang));
        return;
      }
      if (!(error instanceof RepositoryError)) throw error;
      // The first refused field gets the focus (scrolled into view): the error shows where
      // the user is looking; the reason also stays next to the save button.
      let focused = false;
      for (const issue of error.issues) {
        const field = issue.path.split('.')[0] ?? '';
        if (field in defaults) {
          setError(issue.path as PlanFields, { message: issue.code }, { shouldFocus: !focused });
          focused = true;
        }
      }
      const { message: reason, fields } = describeRepositoryError(error, lang);
      setFailure(reason ?? Object.values(fields)[0] ?? messageFor('invalid_value', lang));
    }
  });
  useHotkeys({ 'Ctrl+Enter': () => void submit() }, !readOnly);

  // Field errors carry message codes (from zod or from a refused save).
  const error = (name: PlanFields) => message(formState.errors[name]?.message, lang);
  const pairError = (name: 'place' | 'accessibilityNotes', l: Lang) =>
    message(formState.errors[name]?.[l]?.message, lang);
  const date = watch('date');
  // A reception on a day off is allowed (a Saturday meeting in a village) but rarely meant.
  const dayOff =
    calendar && (isNew || formState.dirtyFields.date) && isValidDay(date)
      ? dayOffKind(calendar, date)
      : null;
  const place = watch('place');
  const accessibility = watch('accessibilityNotes');

  return (
    <form
      className="card reception-plan-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="plan-details"
    >
      <h2 id="plan-details">{t('reception.plan.details')}</h2>
      <fieldset disabled={readOnly} className="reception-plan-fields">
        <div className="reception-plan-when">
          <Field label={t('reception.plan.date')} required error={error('date')}>
            <DateInput autoFocus={isNew} {...register('date')} />
          </Field>
          <Field label={t('reception.plan.startTime')} required error={error('startTime')}>
            <DateInput kind="time" {...register('startTime')} />
          </Field>
          <Field
            label={t('reception.plan.endTime')}
            hint={t('reception.plan.endTimeHint')}
            error={error('endTime')}
          >
            <DateInput kind="time" {...register('endTime')} />
          </Field>
          <Field label={t('reception.plan.format')} required error={error('format')}>
            <select {...register('format')}>
              {RECEPTION_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {labelOf('receptionFormat', f, lang)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {isNew && date && date < today && (
          <p className="notice warning reception-past-date">{t('reception.plan.pastDate')}</p>
        )}
        {dayOff && (
          <p className="notice warning reception-day-off" role="status">
            {dayOff === 'weekend'
              ? t('screens.plan.weekend', { weekday: weekdayName(date, lang) })
              : t('screens.plan.holiday')}
          </p>
        )}
        <BilingualFields
          label={t('reception.plan.place')}
          required
          hint={t('reception.plan.placeHint')}
          values={place}
          errors={{ kk: pairError('place', 'kk'), ru: pairError('place', 'ru') }}
        >
          {(l) => <input autoComplete="off" lang={l} {...register(`place.${l}`)} />}
        </BilingualFields>
        <BilingualFields
          label={t('reception.plan.accessibilityNotes')}
          hint={t('reception.plan.accessibilityHint')}
          values={accessibility}
          errors={{
            kk: pairError('accessibilityNotes', 'kk'),
            ru: pairError('accessibilityNotes', 'ru'),
          }}
        >
          {(l) => <textarea rows={2} lang={l} {...register(`accessibilityNotes.${l}`)} />}
        </BilingualFields>
        <div className="reception-plan-notes">
          <Field
            label={t('reception.plan.notes')}
            hint={t('reception.plan.notesHint')}
            error={error('notes')}
          >
            <textarea rows={3} {...register('notes')} />
          </Field>
        </div>
      </fieldset>
      {!readOnly && (
        <div className="button-row">
          <button
            type="submit"
            className="button primary"
            disabled={formState.isSubmitting}
            aria-keyshortcuts="Control+Enter"
          >
            {isNew ? t('reception.plan.create') : t('reception.plan.save')}{' '}
            <kbd className="kbd">Ctrl+Enter</kbd>
          </button>
          {saved && !dirty && (
            <span className="reception-saved" role="status">
              {t('reception.plan.saved')}
            </span>
          )}
        </div>
      )}
      {failure && (
        <p className="notice error" role="alert">
          {failure}
        </p>
      )}
    </form>
  );
}

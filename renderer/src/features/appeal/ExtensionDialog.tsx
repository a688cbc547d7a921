import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isValidDay } from '@shared/calendar';
import type { Appeal } from '@shared/domain';
import { extensionNoticeBy, maxExtensionDate, validateExtension } from '@shared/workflow/deadlines';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import { extendDeadline } from '@renderer/db/repositories';
import { Field } from '@renderer/ui/Field';
import { formatDay, formatDayLong } from '@shared/format';
import { useLang } from '@renderer/ui/useLang';
import { ActionForm, ActionFormDialog, submitOnCtrlEnter } from './ActionFormFooter';
import { codeError, showError, toFormError, type FormError } from '@renderer/ui/errors';
import { DateInput } from '@renderer/ui/DateInput';

const CONTROLS = ['extendedTo', 'extensionReason'] as const;

interface ExtensionForm {
  extendedTo: string;
  extensionReason: string;
}

function ExtensionForm({ appeal, onDone }: { appeal: Appeal; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { ctx, calendar, settings, today } = useSession();
  const rules = settings.deadlines;
  const cap = maxExtensionDate(appeal.registeredOn, rules);
  const { register, handleSubmit, formState, setFocus } = useForm<ExtensionForm>({
    defaultValues: { extendedTo: '', extensionReason: '' },
  });
  const [error, setError] = useState<FormError | null>(null);
  const shown = showError(error, lang, t, CONTROLS);

  const refuse = (refusal: FormError) => {
    setError(refusal);
    const field = refusal.kind === 'code' ? refusal.field : undefined;
    if (field && (CONTROLS as readonly string[]).includes(field)) {
      setFocus(field as keyof ExtensionForm);
    }
  };

  const submit = handleSubmit(async ({ extendedTo, extensionReason: reason }) => {
    if (!isValidDay(extendedTo)) return refuse(codeError('invalid_date'));
    // The legal cap and the calendar, checked here too so the date field is marked at once;
    // the repository refuses the same things on its own.
    const check = validateExtension(
      calendar,
      appeal.registeredOn,
      appeal.decideBy,
      extendedTo,
      rules,
    );
    if (!check.ok) return refuse(codeError(check.code));
    if (reason.trim() === '') return refuse(codeError('extension_reason_required'));
    try {
      await extendDeadline(db, appeal.id, { extendedTo, reason }, ctx);
      onDone();
    } catch (failure) {
      refuse(toFormError(failure));
    }
  });

  return (
    <ActionForm
      onSubmit={submit}
      lead={t('appeal.extension.lead')}
      failure={shown.message}
      busy={formState.isSubmitting}
      onCancel={onDone}
      submitLabel={t('appeal.extension.submit')}
    >
      <dl className="extension-facts">
        <div>
          <dt>{t('appeal.extension.current')}</dt>
          <dd>{formatDayLong(appeal.decideBy, lang)}</dd>
        </div>
        <div>
          <dt>{t('appeal.extension.cap')}</dt>
          <dd className="extension-cap">{formatDayLong(cap, lang)}</dd>
        </div>
      </dl>
      <Field
        label={t('appeal.extension.newDate')}
        required
        error={shown.fields.extendedTo}
        className="field-short"
        hint={`${formatDay(appeal.decideBy)} – ${formatDay(cap)}`}
      >
        <DateInput min={appeal.decideBy} max={cap} {...register('extendedTo')} />
      </Field>
      <Field
        label={t('appeal.extension.reason')}
        required
        hint={t('appeal.extension.reasonHint')}
        error={shown.fields.extensionReason}
      >
        <textarea
          rows={3}
          maxLength={1000}
          {...register('extensionReason')}
          onKeyDown={submitOnCtrlEnter}
        />
      </Field>
      <p className="field-hint">
        {t('appeal.extension.notice', {
          date: formatDay(extensionNoticeBy(calendar, today, rules)),
        })}
      </p>
    </ActionForm>
  );
}

/** Extends the decision deadline by a reasoned decision, never beyond the legal cap. */
export function ExtensionDialog({
  open,
  appeal,
  onClose,
}: {
  open: boolean;
  appeal: Appeal;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ActionFormDialog open={open} title={t('appeal.extension.title')} onClose={onClose}>
      <ExtensionForm appeal={appeal} onDone={onClose} />
    </ActionFormDialog>
  );
}

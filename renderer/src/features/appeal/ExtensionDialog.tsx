import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidDay } from '@shared/calendar';
import type { Appeal } from '@shared/domain';
import { extensionNoticeBy, maxExtensionDate, validateExtension } from '@shared/workflow/deadlines';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import { extendDeadline } from '@renderer/db/repositories';
import { Dialog } from '@renderer/ui/Dialog';
import { Field } from '@renderer/ui/Field';
import { formatDay, formatDayLong } from '@shared/format';
import { LanguageSwitcher } from '@renderer/ui/LanguageSwitcher';
import { useLang } from '@renderer/ui/useLang';
import { submitOnCtrlEnter } from './ActionDialog';
import { codeError, showError, toFormError, type FormError } from '@renderer/ui/errors';

const CONTROLS = ['extendedTo', 'extensionReason'] as const;

function ExtensionForm({ appeal, onDone }: { appeal: Appeal; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { ctx, calendar, settings, today } = useSession();
  const rules = settings.deadlines;
  const cap = maxExtensionDate(appeal.registeredOn, rules);
  const [extendedTo, setExtendedTo] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const shown = showError(error, lang, t, CONTROLS);

  const refuse = (refusal: FormError) => {
    setError(refusal);
    const field = refusal.kind === 'code' ? refusal.field : undefined;
    const control = field ? formRef.current?.elements.namedItem(field) : null;
    if (control instanceof HTMLElement) control.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
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
    setBusy(true);
    try {
      await extendDeadline(db, appeal.id, { extendedTo, reason }, ctx);
      onDone();
    } catch (failure) {
      refuse(toFormError(failure));
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="action-form" onSubmit={submit} noValidate>
      <p className="dialog-lead">{t('appeal.extension.lead')}</p>
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
        <input
          type="date"
          name="extendedTo"
          value={extendedTo}
          min={appeal.decideBy}
          max={cap}
          onChange={(e) => setExtendedTo(e.target.value)}
        />
      </Field>
      <Field
        label={t('appeal.extension.reason')}
        required
        hint={t('appeal.extension.reasonHint')}
        error={shown.fields.extensionReason}
      >
        <textarea
          name="extensionReason"
          rows={3}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={submitOnCtrlEnter}
        />
      </Field>
      <p className="field-hint">
        {t('appeal.extension.notice', {
          date: formatDay(extensionNoticeBy(calendar, today, rules)),
        })}
      </p>
      {shown.message && (
        <div className="notice error" role="alert">
          {shown.message}
        </div>
      )}
      <div className="action-form-footer">
        <div className="action-form-lang">
          <LanguageSwitcher />
        </div>
        <span className="action-form-keys">{t('appeal.dialog.keys')}</span>
        <button type="button" className="button" onClick={onDone}>
          {t('common.actions.cancel')}
        </button>
        <button type="submit" className="button primary" disabled={busy} aria-busy={busy}>
          {t('appeal.extension.submit')}
        </button>
      </div>
    </form>
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
    <Dialog open={open} title={t('appeal.extension.title')} onClose={onClose}>
      {open && <ExtensionForm appeal={appeal} onDone={onClose} />}
    </Dialog>
  );
}

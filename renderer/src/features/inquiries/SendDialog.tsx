import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLocalDate } from '@shared/domain/common';
import type { Appeal, Inquiry } from '@shared/domain';
import { inquiryAnswerBy } from '@shared/workflow/deadlines';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import { appealsThatCannotWait, sendInquiry } from '@renderer/db/repositories';
import { StatusBadge } from '@renderer/ui/badges';
import { Dialog } from '@renderer/ui/Dialog';
import { Field } from '@renderer/ui/Field';
import { formatDayLong } from '@shared/format';
import { useLang } from '@renderer/ui/useLang';
import { showError, toFormError, type FormError } from '@renderer/ui/errors';

/**
 * Marks a draft as sent: the date on the letter, the answer's due date it gives, and what
 * happens to each appeal — it waits for the agency, it already waits, or it cannot (decided
 * or closed), in which case sending is refused until the user takes it off the inquiry.
 */
export function SendDialog({
  open,
  inquiry,
  appeals,
  onClose,
}: {
  open: boolean;
  inquiry: Inquiry;
  appeals: Appeal[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { ctx, today, calendar, settings } = useSession();
  const [date, setDate] = useState(today);
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const stuck = new Set(appealsThatCannotWait(appeals).map((i) => appeals[i]!.id));
  const due = isLocalDate(date) ? inquiryAnswerBy(calendar, date, settings.deadlines) : null;

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      await sendInquiry(db, inquiry.id, { outgoingDate: date }, ctx, {
        expectedVersion: inquiry.version,
      });
      onClose();
    } catch (failure) {
      setError(toFormError(failure));
    } finally {
      setBusy(false);
    }
  };
  const shown = showError(error, lang, t, ['outgoingDate']);
  return (
    <Dialog
      open={open}
      title={t('inquiries.send.title')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.actions.cancel')}
          </button>
          <button
            type="submit"
            form="send-inquiry-form"
            className="button primary"
            disabled={busy || stuck.size > 0}
          >
            {t('inquiries.send.confirm')}
          </button>
        </>
      }
    >
      <form
        id="send-inquiry-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy && stuck.size === 0) void send();
        }}
      >
        <Field label={t('inquiries.send.date')} error={shown.fields.outgoingDate} required>
          <input type="date" value={date} max={today} onChange={(e) => setDate(e.target.value)} />
        </Field>
      </form>
      {due && (
        <p>
          {t('inquiries.send.due', {
            date: formatDayLong(due, lang),
            count: settings.deadlines.inquiryAnswerWorkingDays,
          })}
        </p>
      )}
      <p className="muted small">{t('inquiries.send.numberHint')}</p>
      {appeals.length > 0 && (
        <>
          <h3 className="dialog-subtitle">{t('inquiries.send.appealsTitle')}</h3>
          <ul className="send-appeals">
            {appeals.map((appeal) => (
              <li key={appeal.id} className={stuck.has(appeal.id) ? 'bad' : ''}>
                <strong>№ {appeal.regNo}</strong> <StatusBadge status={appeal.status} />{' '}
                <span>
                  {stuck.has(appeal.id)
                    ? t('inquiries.send.cannotWait')
                    : appeal.status === 'waiting_agency'
                      ? t('inquiries.send.alreadyWaiting')
                      : t('inquiries.send.willWait')}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {shown.message && (
        <p className="notice error" role="alert">
          {shown.message}
        </p>
      )}
    </Dialog>
  );
}

import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isLocalDate } from '@shared/domain/common';
import type { Appeal, Inquiry } from '@shared/domain';
import { inquiryAnswerBy } from '@shared/workflow/deadlines';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import { appealsThatCannotWait, sendInquiry } from '@renderer/db/repositories';
import { StatusBadge } from '@renderer/ui/badges';
import { Field } from '@renderer/ui/Field';
import { FormDialog, useFormSubmit } from '@renderer/ui/FormDialog';
import { formatDayLong } from '@shared/format';
import { useLang } from '@renderer/ui/useLang';
import { DateInput } from '@renderer/ui/DateInput';

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
  return open ? <SendFormDialog inquiry={inquiry} appeals={appeals} onClose={onClose} /> : null;
}

function SendFormDialog({
  inquiry,
  appeals,
  onClose,
}: {
  inquiry: Inquiry;
  appeals: Appeal[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { ctx, today, calendar, settings } = useSession();
  const form = useForm<{ outgoingDate: string }>({ defaultValues: { outgoingDate: today } });
  const date = useWatch({ control: form.control, name: 'outgoingDate' });
  const stuck = new Set(appealsThatCannotWait(appeals).map((i) => appeals[i]!.id));
  const due = isLocalDate(date) ? inquiryAnswerBy(calendar, date, settings.deadlines) : null;
  const { failure, errorOf, submit, busy } = useFormSubmit(
    form,
    // With an appeal that cannot wait the button is off; the repository refuses it anyway.
    (values) => sendInquiry(db, inquiry.id, values, ctx, { expectedVersion: inquiry.version }),
    onClose,
  );
  return (
    <FormDialog
      title={t('inquiries.send.title')}
      formId="send-inquiry-form"
      busy={busy}
      failure={failure}
      onSubmit={submit}
      onClose={onClose}
      submitLabel={t('inquiries.send.confirm')}
      submitDisabled={stuck.size > 0}
    >
      <Field label={t('inquiries.send.date')} error={errorOf('outgoingDate')} required>
        <DateInput max={today} {...form.register('outgoingDate')} />
      </Field>
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
    </FormDialog>
  );
}

import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Inquiry } from '@shared/domain';
import { isAwaitingAnswer } from '@shared/workflow/inquiries';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import { closeInquiry } from '@renderer/db/repositories';
import { Field } from '@renderer/ui/Field';
import { FormDialog, useFormSubmit } from '@renderer/ui/FormDialog';

/** Closes an inquiry (answered, or no longer waited for), with an optional note. */
export function CloseInquiryDialog({
  open,
  inquiry,
  onClose,
}: {
  open: boolean;
  inquiry: Inquiry;
  onClose: () => void;
}) {
  return open ? <CloseForm inquiry={inquiry} onClose={onClose} /> : null;
}

function CloseForm({ inquiry, onClose }: { inquiry: Inquiry; onClose: () => void }) {
  const { t } = useTranslation();
  const db = useDb();
  const { ctx } = useSession();
  const form = useForm<{ note: string }>({ defaultValues: { note: '' } });
  const { failure, submit, busy } = useFormSubmit(
    form,
    ({ note }) => closeInquiry(db, inquiry.id, ctx, { note, expectedVersion: inquiry.version }),
    onClose,
  );
  return (
    <FormDialog
      title={t('inquiries.close.title')}
      formId="close-inquiry-form"
      busy={busy}
      failure={failure}
      onSubmit={submit}
      onClose={onClose}
      submitLabel={t('inquiries.close.confirm')}
    >
      <p>
        {isAwaitingAnswer(inquiry) ? t('inquiries.close.unanswered') : t('inquiries.close.body')}
      </p>
      <Field label={t('inquiries.close.note')}>
        <textarea rows={3} {...form.register('note')} />
      </Field>
    </FormDialog>
  );
}

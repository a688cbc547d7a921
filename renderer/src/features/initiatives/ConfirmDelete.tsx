import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormDialog, useFormSubmit } from '@renderer/ui/FormDialog';

/** Asks before a soft delete; shows the repository's refusal (e.g. a colleague's edit). */
export function ConfirmDelete({
  message,
  onConfirm,
  onClose,
}: {
  message: string;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm();
  const { submit, failure, busy } = useFormSubmit(form, onConfirm, onClose);
  return (
    <FormDialog
      title={t('initiatives.delete.title')}
      formId="confirm-delete"
      busy={busy}
      failure={failure}
      onSubmit={submit}
      onClose={onClose}
      submitLabel={t('common.actions.delete')}
      submitTone="danger"
    >
      <p>{message}</p>
    </FormDialog>
  );
}

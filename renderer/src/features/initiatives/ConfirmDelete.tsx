import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '@renderer/ui/useLang';
import { Dialog } from '@renderer/ui/Dialog';
import { describeRepositoryError, RepositoryError } from '@renderer/db/repositories/errors';

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
  const lang = useLang();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await onConfirm();
      onClose();
    } catch (error) {
      if (!(error instanceof RepositoryError)) throw error;
      setFailure(describeRepositoryError(error, lang).message);
      setBusy(false);
    }
  };
  return (
    <Dialog
      open
      title={t('initiatives.delete.title')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose} autoFocus>
            {t('common.actions.cancel')}
          </button>
          <button
            type="button"
            className="button danger"
            disabled={busy}
            onClick={() => void confirm()}
          >
            {t('common.actions.delete')}
          </button>
        </>
      }
    >
      {failure && (
        <p className="notice error" role="alert">
          {failure}
        </p>
      )}
      <p>{message}</p>
    </Dialog>
  );
}

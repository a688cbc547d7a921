import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Dialog } from '@renderer/ui/Dialog';
import type { AppealFormController } from '../useAppealFormController';

/** Leaving with something typed: stay, throw the draft away, or keep it for later. */
export function LeaveDialog({ c }: { c: AppealFormController }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { draft, leaveTo, setConfirmLeave } = c;
  return (
    <Dialog
      open={c.confirmLeave}
      title={t('appealForm.leave.title')}
      onClose={() => setConfirmLeave(false)}
      footer={
        <>
          <button type="button" className="button" onClick={() => setConfirmLeave(false)}>
            {t('appealForm.leave.stay')}
          </button>
          <button
            type="button"
            className="button danger"
            onClick={() => {
              void draft.remove().then(() => navigate(leaveTo));
            }}
          >
            {t('appealForm.leave.discard')}
          </button>
          <button
            type="button"
            className="button primary"
            autoFocus
            onClick={() => {
              void draft.flush().then(() => {
                draft.stop();
                return navigate(leaveTo);
              });
            }}
          >
            {t('appealForm.leave.keepDraft')}
          </button>
        </>
      }
    >
      <p>{t('appealForm.leave.body')}</p>
    </Dialog>
  );
}

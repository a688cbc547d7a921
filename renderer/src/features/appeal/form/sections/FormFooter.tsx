import { useTranslation } from 'react-i18next';
import { toKzLocalDateTime } from '@shared/calendar/zone';
import { formatDay, formatDayTime } from '@shared/format';
import { useDraftStatus, type DraftStatusStore } from '../useAppealDraft';
import type { AppealFormController } from '../useAppealFormController';

/** «Жоба автоматты түрде сақталды (14:32)»: re-renders alone when a draft is written. */
function DraftStatusLine({ store }: { store: DraftStatusStore }) {
  const { t } = useTranslation();
  const status = useDraftStatus(store);
  return (
    <p className="draft-status" aria-live="polite">
      {status.kind === 'saved' &&
        t('appealForm.draft.saved', { time: toKzLocalDateTime(status.at).slice(11, 16) })}
      {status.kind === 'failed' && t('appealForm.draft.failed')}
    </p>
  );
}

/** Why the save was refused, as a list above the footer (focused after a failed save). */
export function SaveError({ c }: { c: AppealFormController }) {
  const { t } = useTranslation();
  if (!c.saveErrorView) return null;
  return (
    <div className="notice error save-error" role="alert" tabIndex={-1}>
      <strong>{t('appealForm.save.notSaved')}</strong>
      <ul>
        {c.saveErrorView.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

/** The deadlines the appeal will get, the autosave status, Cancel and Save. */
export function FormFooter({ c }: { c: AppealFormController }) {
  const { t } = useTranslation();
  const { preview } = c;
  return (
    <div className="form-footer">
      <div className="footer-info">
        <p className="deadline-line" aria-live="polite">
          {preview ? (
            <>
              <span>
                {t('appealForm.deadlines.registeredOn')}:{' '}
                <strong>{formatDay(preview.registeredOn)}</strong>
              </span>
              <span>
                {t('appealForm.deadlines.decideBy')}: <strong>{formatDay(preview.decideBy)}</strong>
              </span>
              <span>
                {t('appealForm.deadlines.acknowledgeBy', {
                  time: formatDayTime(preview.acknowledgeBy),
                })}
              </span>
            </>
          ) : (
            <span>{t('appealForm.deadlines.none')}</span>
          )}
        </p>
        <DraftStatusLine store={c.draft.status} />
      </div>
      <div className="button-row">
        <button type="button" className="button" onClick={c.requestCancel}>
          {t('common.actions.cancel')}
        </button>
        <button type="submit" className="button primary" disabled={c.saving}>
          {c.saving
            ? t('common.saving')
            : c.appeal
              ? t('appealForm.save.update')
              : t('appealForm.save.register')}
        </button>
      </div>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { formatTimestamp } from '@shared/format';
import type { AppealFormController } from '../useAppealFormController';

/** The draft left from last time (a crash, a closed lid), offered back or thrown away. */
export function DraftOffer({ c }: { c: AppealFormController }) {
  const { t } = useTranslation();
  const offer = c.draft.pending;
  if (!offer) return null;
  return (
    <div className="notice warning draft-offer" role="alert">
      <span>
        {t('appealForm.draft.offer', { time: formatTimestamp(offer.values.updatedAt) })}
        {c.draftOutdated && <strong> {t('appealForm.draft.outdated')}</strong>}
      </span>
      <span className="button-row">
        <button type="button" className="button primary" onClick={() => void c.restoreDraft()}>
          {t('appealForm.draft.restore')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void c.draft.resolveOffer('discard')}
        >
          {t('appealForm.draft.discard')}
        </button>
      </span>
    </div>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { Dialog } from '@renderer/ui/Dialog';
import { useLang } from '@renderer/ui/useLang';
import { formatTimestamp } from '@shared/format';

/**
 * The recovery sheet, shown once when the password is set: the recovery key in large print,
 * its number, whose office it is, and plainly what losing both means. "Print" prints only the
 * sheet (the page's other content is hidden while printing); it cannot be closed until the
 * person says the key is written down.
 */
export function RecoverySheet({
  sheet,
  onClose,
}: {
  sheet: { key: string; keyId: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const settings = useLiveQuery(() => db.settings.get('settings'), [db]);
  const [confirmed, setConfirmed] = useState(false);
  const [created] = useState(() => new Date().toISOString());
  const office =
    settings?.maslikhat.name[lang] ||
    settings?.deputy.fullName[lang] ||
    settings?.deputy.fullName.kk;

  useEffect(() => {
    if (sheet === null) return;
    document.body.classList.add('printing-recovery-sheet');
    return () => document.body.classList.remove('printing-recovery-sheet');
  }, [sheet]);

  return (
    <Dialog
      open={sheet !== null}
      title={t('backup.sheet.title')}
      onClose={() => confirmed && onClose()}
      wide
      footer={
        <>
          <label className="backup-confirm">
            <input
              type="checkbox"
              checked={confirmed}
              onChange={(e) => setConfirmed(e.target.checked)}
              data-testid="recovery-confirm"
            />
            {t('backup.sheet.confirm')}
          </label>
          <button type="button" className="button" onClick={() => window.print()}>
            {t('backup.sheet.print')}
          </button>
          <button type="button" className="button primary" disabled={!confirmed} onClick={onClose}>
            {t('backup.sheet.close')}
          </button>
        </>
      }
    >
      {sheet && (
        <div className="recovery-sheet" data-testid="recovery-sheet">
          <h2 className="recovery-sheet-title">Tizilim — {t('backup.sheet.title')}</h2>
          {office && <p>{t('backup.sheet.office', { office })}</p>}
          <p>{t('backup.sheet.created', { date: formatTimestamp(created) })}</p>
          <p className="recovery-key-label">{t('backup.sheet.key')}</p>
          <p className="recovery-key" data-testid="recovery-key">
            {sheet.key}
          </p>
          <p>{t('backup.sheet.keyId', { keyId: sheet.keyId })}</p>
          <p className="notice warning">{t('backup.sheet.warning')}</p>
          <p>{t('backup.sheet.keep')}</p>
        </div>
      )}
    </Dialog>
  );
}

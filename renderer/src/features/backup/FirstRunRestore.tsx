import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBackups } from '@renderer/backup/useBackups';
import { setFirstRunRestore } from './firstRunRestore';
import { RestorePanel } from './RestorePanel';
import './backup.css';

/**
 * On the first-run screen: an empty database on a laptop that has backups is not a first
 * run — the data was lost or damaged — so it says so and offers the restore before
 * anything else. Without backups here, restoring from a file is still offered.
 */
export function FirstRunRestore() {
  const { t } = useTranslation();
  const { controller } = useBackups();
  const [known, setKnown] = useState<number | null>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    let live = true;
    void controller.refresh();
    void controller.platform.listBackups().then(
      (listing) =>
        live &&
        setKnown(listing.folders.reduce((n, f) => n + f.files.length, 0) + listing.journals.length),
      () => live && setKnown(0),
    );
    return () => {
      live = false;
    };
  }, [controller]);

  const lost = known !== null && known > 0;
  return (
    <section
      className={`gate-card backup-first-run${lost ? ' lost' : ''}`}
      aria-labelledby="first-run-restore"
      data-testid="first-run-restore"
    >
      <h2 id="first-run-restore">{t('backup.restore.firstRunTitle')}</h2>
      <p className={lost ? 'notice warning' : 'settings-lead'} role={lost ? 'alert' : undefined}>
        {lost ? t('backup.restore.firstRunEmpty') : t('backup.restore.firstRunLead')}
      </p>
      {open || lost ? (
        <RestorePanel
          titled={false}
          onRestoring={() => setFirstRunRestore({ kind: 'restoring' })}
          onRestored={(info) => setFirstRunRestore({ kind: 'done', info })}
          onFailed={() => setFirstRunRestore({ kind: 'idle' })}
        />
      ) : (
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {t('backup.restore.firstRunButton')}
        </button>
      )}
    </section>
  );
}

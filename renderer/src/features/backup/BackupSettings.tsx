import { useTranslation } from 'react-i18next';
import { useBackups } from '@renderer/backup/useBackups';
import { FoldersPanel } from './FoldersPanel';
import { PasswordPanel } from './PasswordPanel';
import { RestorePanel } from './RestorePanel';
import './backup.css';

/** Settings › Data, the backup part: the password, the folders, "back up now", restore. */
export function BackupSettings() {
  const { t } = useTranslation();
  const { snapshot } = useBackups();
  const status = snapshot.status;
  return (
    <div className="backup-settings" data-testid="backup-settings">
      <h3>{t('backup.title')}</h3>
      <p className="settings-lead">{t('backup.lead')}</p>
      {status === null ? (
        <div className="loading" aria-busy="true" />
      ) : (
        <>
          <PasswordPanel status={status} />
          <FoldersPanel status={status} />
          <fieldset className="settings-fieldset">
            <legend>{t('backup.restore.title')}</legend>
            <RestorePanel titled={false} />
          </fieldset>
        </>
      )}
    </div>
  );
}

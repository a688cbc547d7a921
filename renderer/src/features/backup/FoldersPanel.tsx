import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupFolderStatus, BackupStatus } from '@shared/ipc';
import { formatBytes, formatNumber, formatTimestamp } from '@shared/format';
import type { BackupAttempt, BackupRunning } from '@renderer/backup/controller';
import { useBackups } from '@renderer/backup/useBackups';
import { useLang } from '@renderer/ui/useLang';
import { backupErrorText, folderProblemText, reasonText } from './messages';

function FolderCard({ folder }: { folder: BackupFolderStatus }) {
  const { t } = useTranslation();
  const lang = useLang();
  const title = folder.kind === 'local' ? t('backup.folders.local') : t('backup.folders.office');
  return (
    <li className="backup-folder" data-testid={`backup-folder-${folder.kind}`}>
      <strong>{title}</strong>
      {folder.folder === null ? (
        <p className="settings-hint">{t('backup.folders.notChosen')}</p>
      ) : (
        <>
          <p className="backup-path">{folder.folder}</p>
          {!folder.reachable && <p className="notice warning">{t('backup.folders.unreachable')}</p>}
          <p>
            {folder.lastGood
              ? t('backup.folders.lastGood', {
                  date: `${formatTimestamp(folder.lastGood.createdAt)} (${reasonText(t, folder.lastGood.reason)})`,
                  size: formatBytes(folder.lastGood.bytes, lang),
                })
              : t('backup.folders.never')}
          </p>
          {folder.freeBytes !== null && (
            <p className="settings-hint">
              {t('backup.folders.free', { size: formatBytes(folder.freeBytes, lang) })}
            </p>
          )}
          {folder.lastError && (
            <p className="notice error" data-testid={`backup-folder-error-${folder.kind}`}>
              {t('backup.folders.lastError', {
                date: formatTimestamp(folder.lastError.at),
                reason: folderProblemText(t, folder.lastError.code),
              })}
            </p>
          )}
        </>
      )}
    </li>
  );
}

function Progress({ running }: { running: BackupRunning }) {
  const { t } = useTranslation();
  const lang = useLang();
  const total = running.totalRecords + running.totalFileBytes;
  const done = running.records + running.fileBytes;
  return (
    <div className="data-progress" data-testid="backup-progress">
      <progress max={total || 1} value={done} aria-label={t('backup.now.button')} />
      <span>
        {t('backup.now.progress', {
          done: formatNumber(running.records),
          total: formatNumber(running.totalRecords),
        })}
        {running.totalFileBytes > 0 &&
          ` · ${t('backup.now.progressFiles', {
            done: formatBytes(running.fileBytes, lang),
            total: formatBytes(running.totalFileBytes, lang),
          })}`}
      </span>
    </div>
  );
}

/** What one attempt came to, in words: where it was written, where not and why. */
export function AttemptResult({ attempt }: { attempt: BackupAttempt }) {
  const { t } = useTranslation();
  const lang = useLang();
  const place = (kind: string) =>
    kind === 'local' ? t('backup.folders.local') : t('backup.folders.office');
  switch (attempt.kind) {
    case 'done': {
      const written = attempt.outcome.folders.filter((f) => f.written);
      const skipped = attempt.outcome.folders.filter((f) => !f.written && f.folder !== null);
      return (
        <div className="notice" role="status" data-testid="backup-result">
          <p>{t('backup.now.done', { fileName: attempt.outcome.fileName })}</p>
          {written.length > 0 && (
            <p>
              {t('backup.now.doneWhere', { folders: written.map((f) => place(f.kind)).join(', ') })}
            </p>
          )}
          {skipped.length > 0 && (
            <p className="notice warning">
              {t('backup.now.skipped', {
                folders: skipped
                  .map((f) => `${place(f.kind)} — ${folderProblemText(t, f.problem ?? 'other')}`)
                  .join('; '),
              })}
            </p>
          )}
        </div>
      );
    }
    case 'refused': {
      const reasons = attempt.refused.folders
        .filter((f) => f.problem !== null && f.problem !== 'not_chosen')
        .map((f) => `${place(f.kind)} — ${folderProblemText(t, f.problem!)}`)
        .join('; ');
      return (
        <p className="notice error" role="alert" data-testid="backup-result">
          {t('backup.now.refused')} {reasons}
        </p>
      );
    }
    case 'no_password':
      return (
        <p className="notice error" role="alert" data-testid="backup-result">
          {t('backup.now.needsPassword')}
        </p>
      );
    case 'busy':
      return (
        <p className="notice warning" data-testid="backup-result">
          {t('backup.now.busy')}
        </p>
      );
    case 'empty':
      return (
        <p className="notice" data-testid="backup-result">
          {t('backup.now.empty')}
        </p>
      );
    case 'demo':
      return (
        <p className="notice" data-testid="backup-result">
          {t('demo.inDemo.off')}
        </p>
      );
    case 'failed':
      return (
        <p className="notice error" role="alert" data-testid="backup-result">
          {t('backup.now.failed', { reason: backupErrorText(t, new Error(attempt.message), lang) })}
        </p>
      );
  }
}

/** Where the backups go, how each folder is doing, and "back up now" with its progress. */
export function FoldersPanel({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const { controller, snapshot } = useBackups();
  const [attempt, setAttempt] = useState<BackupAttempt | null>(null);
  const desktop = controller.platform.kind === 'desktop';
  const office = status.folders.find((f) => f.kind === 'office');

  const choose = async () => {
    await controller.platform.chooseFolder();
    await controller.refresh();
  };

  const backUp = async () => {
    setAttempt(null);
    setAttempt(await controller.backupNow('manual'));
  };

  return (
    <fieldset className="settings-fieldset backup-folders">
      <legend>{t('backup.folders.title')}</legend>
      {desktop && (
        <>
          <ul className="backup-folder-list">
            {status.folders.map((folder) => (
              <FolderCard key={folder.kind} folder={folder} />
            ))}
          </ul>
          <p>
            <button
              type="button"
              className="button"
              onClick={() => void choose()}
              data-testid="backup-choose-folder"
            >
              {office?.folder ? t('backup.folders.change') : t('backup.folders.choose')}
            </button>
          </p>
        </>
      )}
      <div aria-live="polite">
        {snapshot.running !== null && <Progress running={snapshot.running} />}
        {snapshot.running === null && attempt !== null && <AttemptResult attempt={attempt} />}
      </div>
      <p>
        <button
          type="button"
          className="button primary"
          disabled={snapshot.running !== null || status.password !== 'ready'}
          onClick={() => void backUp()}
          data-testid="backup-now"
        >
          {t('backup.now.button')}
        </button>
      </p>
    </fieldset>
  );
}

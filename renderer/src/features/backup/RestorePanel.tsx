import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupFileInfo, BackupListing, BeginRestoreRequest } from '@shared/ipc';
import { formatBytes, formatNumber, formatTimestamp } from '@shared/format';
import { useDb } from '@renderer/db/hooks';
import type { RestoreHandle } from '@renderer/platform';
import { backupBeforeReplace, type KeptBackup } from '@renderer/backup/beforeImport';
import { restoreBackup, type RestoreProgress } from '@renderer/backup/restore';
import { useBackups } from '@renderer/backup/useBackups';
import { Dialog } from '@renderer/ui/Dialog';
import { useLang } from '@renderer/ui/useLang';
import type { RestoreDoneInfo } from './firstRunRestore';
import { backupErrorText, reasonText } from './messages';
import { RestoreDone } from './RestoreDone';

interface Chosen {
  label: string;
  source: BeginRestoreRequest['source'];
  /** An older app's unencrypted backup: no password. */
  plain: boolean;
}

type Step =
  | { kind: 'list' }
  | { kind: 'secret'; chosen: Chosen }
  | { kind: 'checking'; chosen: Chosen }
  | { kind: 'preview'; chosen: Chosen; handle: RestoreHandle; typedPassword: string | null }
  | { kind: 'working'; progress: RestoreProgress | null }
  | { kind: 'done'; info: RestoreDoneInfo };

const PREVIEW_TABLES = ['appeals', 'applicants', 'receptions', 'inquiries', 'attachments'] as const;

function FileLine({ file, onPick }: { file: BackupFileInfo; onPick: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const readable = file.kind !== 'unreadable';
  return (
    <li className="backup-file">
      <span>
        {file.kind === 'backup'
          ? t('backup.restore.fileLine', {
              date: file.createdAt ? formatTimestamp(file.createdAt) : file.fileName,
              reason: reasonText(t, file.reason),
              device: file.device?.name ?? '—',
              appeals: formatNumber(file.counts?.['appeals'] ?? 0),
              size: formatBytes(file.bytes, lang),
            })
          : `${file.fileName} · ${t(readable ? 'backup.restore.plain' : 'backup.restore.unreadable')}`}
      </span>
      <button type="button" className="button" disabled={!readable} onClick={onPick}>
        {t('backup.restore.pick')}
      </button>
    </li>
  );
}

/**
 * Restore: choose a backup (this laptop's, the office folder's, or any file), give the
 * password or the recovery key, see what it holds — verified through before anything is
 * replaced — then replace, after a backup of the current data, with progress and a result
 * read back from the database. A wrong password or a damaged file changes nothing.
 */
export function RestorePanel({
  onRestoring,
  onRestored,
  onFailed,
  titled = true,
}: {
  /** The records are about to be replaced (after the preview was confirmed). */
  onRestoring?: () => void;
  onRestored?: (info: RestoreDoneInfo) => void;
  /** The restore did not happen: the data is as it was. */
  onFailed?: () => void;
  /** Shows its own heading (the settings page gives it a fieldset legend instead). */
  titled?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { controller, snapshot } = useBackups();
  const platform = controller.platform;
  const [listing, setListing] = useState<BackupListing | null>(null);
  const [step, setStepState] = useState<Step>({ kind: 'list' });
  // A dialog that closes because the next step opened another must not undo that step:
  // its onClose acts only while its own step is current.
  const current = useRef<Step>(step);
  const setStep = (next: Step) => {
    current.current = next;
    setStepState(next);
  };
  const closeSecret = () => {
    if (current.current.kind === 'secret') setStep({ kind: 'list' });
  };
  const [error, setError] = useState<string | null>(null);
  const [method, setMethod] = useState<'kept' | 'password' | 'key'>('password');
  const [secret, setSecret] = useState('');
  const kept = snapshot.status?.password === 'ready' && platform.kind === 'desktop';
  // Listed again whenever a backup was written.
  const lastGoodAt = snapshot.status?.lastGoodAt ?? null;

  useEffect(() => {
    let live = true;
    void platform.listBackups().then(
      (found) => live && setListing(found),
      () => live && setListing({ folders: [], journals: [] }),
    );
    return () => {
      live = false;
    };
  }, [platform, lastGoodAt]);

  const pick = (chosen: Chosen) => {
    setError(null);
    setSecret('');
    setMethod(kept ? 'kept' : 'password');
    setStep({ kind: 'secret', chosen });
  };

  const chooseFile = async () => {
    setError(null);
    const file = await platform.chooseBackupFile().catch((caught: unknown) => {
      setError(backupErrorText(t, caught, lang));
      return null;
    });
    if (file === null) return;
    if (file.kind === 'unreadable') {
      setError(t('backup.errors.BACKUP_DAMAGED'));
      return;
    }
    pick({
      label: file.fileName,
      source: { kind: 'chosen', token: file.token },
      plain: file.kind === 'export-json',
    });
  };

  const open = async (event: FormEvent, chosen: Chosen) => {
    event.preventDefault();
    setError(null);
    setStep({ kind: 'checking', chosen });
    try {
      const handle = await platform.openRestore({
        source: chosen.source,
        journal: true,
        ...(chosen.plain || method === 'kept'
          ? {}
          : { secret: method === 'key' ? { recoveryKey: secret } : { password: secret } }),
      });
      const typed = !chosen.plain && method === 'password' ? secret : null;
      setStep({ kind: 'preview', chosen, handle, typedPassword: typed });
    } catch (caught) {
      setError(backupErrorText(t, caught, lang));
      setStep({ kind: 'secret', chosen });
    }
  };

  const cancel = async () => {
    const now = current.current;
    if (now.kind !== 'preview') return;
    setStep({ kind: 'list' });
    await now.handle.close();
  };

  const replace = async (handle: RestoreHandle, typedPassword: string | null) => {
    setError(null);
    setStep({ kind: 'working', progress: null });
    let keptBackup: KeptBackup | null = null;
    controller.expectReplace('after_restore');
    onRestoring?.();
    try {
      const result = await restoreBackup(db, handle, {
        onProgress: (progress) => setStep({ kind: 'working', progress }),
        backupCurrent: async () => {
          keptBackup = await backupBeforeReplace(db, 'before_restore');
        },
      });
      const info: RestoreDoneInfo = {
        result,
        preview: handle.preview,
        kept: keptBackup,
        typedPassword,
      };
      setSecret('');
      setStep({ kind: 'done', info });
      onRestored?.(info);
    } catch (caught) {
      onFailed?.();
      controller.expectReplace('after_import');
      setError(`${t('backup.restore.failed', { reason: backupErrorText(t, caught, lang) })}`);
      setStep({ kind: 'list' });
    }
  };

  const files = (listing?.folders ?? []).flatMap((folder) =>
    folder.files.map((file) => ({ folder: folder.kind, file })),
  );

  return (
    <section className="backup-restore" aria-label={t('backup.restore.title')}>
      {titled && <h3>{t('backup.restore.title')}</h3>}
      <p className="settings-lead">{t('backup.restore.lead')}</p>
      {error !== null && (
        <p className="notice error" role="alert" data-testid="restore-error">
          {error}
        </p>
      )}
      {step.kind === 'working' && (
        <div className="data-progress" aria-live="polite" data-testid="restore-progress">
          <progress max={step.progress?.total ?? 1} value={step.progress?.done ?? undefined} />
          <span>
            {step.progress
              ? t(`backup.restore.progress.${step.progress.phase}`, {
                  done: formatNumber(step.progress.done),
                  total: formatNumber(step.progress.total),
                })
              : t('backup.restore.checking')}
          </span>
        </div>
      )}
      {step.kind === 'done' && (
        <div className="notice">
          <RestoreDone info={step.info} />
        </div>
      )}
      {(step.kind === 'list' || step.kind === 'done') && (
        <>
          {platform.kind === 'desktop' && (
            <>
              <h4>{t('backup.restore.listTitle')}</h4>
              {listing !== null && files.length === 0 && (
                <p className="settings-hint">{t('backup.restore.none')}</p>
              )}
              <ul className="backup-file-list" data-testid="restore-list">
                {files.slice(0, 12).map(({ folder, file }) => (
                  <FileLine
                    key={`${folder}/${file.fileName}`}
                    file={file}
                    onPick={() =>
                      pick({
                        label: file.fileName,
                        source: { kind: 'folder', folder, fileName: file.fileName },
                        plain: file.kind === 'export-json',
                      })
                    }
                  />
                ))}
              </ul>
            </>
          )}
          <p>
            <button
              type="button"
              className="button"
              onClick={() => void chooseFile()}
              data-testid="restore-choose-file"
            >
              {t('backup.restore.chooseFile')}
            </button>
          </p>
        </>
      )}

      <Dialog
        open={step.kind === 'secret' || step.kind === 'checking'}
        title={t('backup.restore.secretTitle')}
        onClose={closeSecret}
      >
        {(step.kind === 'secret' || step.kind === 'checking') && (
          <form onSubmit={(e) => void open(e, step.chosen)} noValidate>
            <p className="backup-path">{step.chosen.label}</p>
            {!step.chosen.plain && (
              <>
                <div className="backup-methods" role="radiogroup">
                  {(kept
                    ? (['kept', 'password', 'key'] as const)
                    : (['password', 'key'] as const)
                  ).map((m) => (
                    <label key={m}>
                      <input
                        type="radio"
                        name="restore-method"
                        checked={method === m}
                        onChange={() => setMethod(m)}
                      />
                      {t(
                        m === 'kept'
                          ? 'backup.restore.keptPassword'
                          : m === 'password'
                            ? 'backup.restore.usePassword'
                            : 'backup.restore.useKey',
                      )}
                    </label>
                  ))}
                </div>
                {method !== 'kept' && (
                  <label className="field">
                    <span className="field-label">
                      {t(method === 'key' ? 'backup.restore.key' : 'backup.restore.password')}
                    </span>
                    <input
                      type={method === 'key' ? 'text' : 'password'}
                      value={secret}
                      autoComplete="off"
                      spellCheck={false}
                      onChange={(e) => setSecret(e.target.value)}
                      data-testid="restore-secret"
                    />
                  </label>
                )}
              </>
            )}
            {error !== null && (
              <p className="notice error" role="alert" data-testid="restore-secret-error">
                {error}
              </p>
            )}
            {step.kind === 'checking' && <p aria-live="polite">{t('backup.restore.checking')}</p>}
            <p className="button-row">
              <button type="button" className="button" onClick={closeSecret}>
                {t('backup.restore.cancel')}
              </button>
              <button
                type="submit"
                className="button primary"
                disabled={
                  step.kind === 'checking' ||
                  (!step.chosen.plain && method !== 'kept' && secret === '')
                }
                data-testid="restore-open"
              >
                {t('backup.restore.open')}
              </button>
            </p>
          </form>
        )}
      </Dialog>

      <Dialog
        open={step.kind === 'preview'}
        title={t('backup.restore.previewTitle')}
        onClose={() => void cancel()}
        footer={
          <>
            <button type="button" className="button" onClick={() => void cancel()}>
              {t('backup.restore.cancel')}
            </button>
            <button
              type="button"
              className="button danger"
              onClick={() =>
                step.kind === 'preview' && void replace(step.handle, step.typedPassword)
              }
              data-testid="restore-confirm"
            >
              {t('backup.restore.confirm')}
            </button>
          </>
        }
      >
        {step.kind === 'preview' && (
          <div data-testid="restore-preview">
            <p>
              {t('backup.restore.previewWhen', {
                date: formatTimestamp(step.handle.preview.createdAt),
              })}
            </p>
            {step.handle.preview.device && (
              <p>
                {t('backup.restore.previewDevice', { device: step.handle.preview.device.name })}
              </p>
            )}
            <ul className="data-counts">
              {PREVIEW_TABLES.map((name) => (
                <li key={name}>
                  {t(`backup.tables.${name}`)}:{' '}
                  {formatNumber(step.handle.preview.counts[name] ?? 0)}
                </li>
              ))}
            </ul>
            {step.handle.preview.journal && step.handle.preview.journal.changes > 0 && (
              <p>
                {t('backup.restore.previewJournal', {
                  count: formatNumber(step.handle.preview.journal.changes),
                  date: step.handle.preview.journal.lastAt
                    ? formatTimestamp(step.handle.preview.journal.lastAt)
                    : '—',
                })}
              </p>
            )}
            {step.handle.preview.demo && (
              <p className="notice">{t('backup.restore.previewDemo')}</p>
            )}
            <p className="notice warning">{t('backup.restore.lead')}</p>
          </div>
        )}
      </Dialog>
    </section>
  );
}

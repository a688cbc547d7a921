import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeExportProblem, type ExportProblem, type ExportTableName } from '@shared/export';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import {
  DataTransferError,
  exportDatabase,
  exportFileName,
  importLoadedExport,
  removeDemoData,
  serializeExport,
} from '@renderer/db/repositories/dataExport';
import { defaultExportEngine, type ExportCheckEngine } from '@renderer/db/exportCheck/engine';
import { DEMO_MARKER_ID } from '@renderer/db/queries/office';
import { isDemoDb } from '@renderer/db/demoOffice';
import { DEMO_APPEALS, DemoDataSection, OpenDemoOffice } from '@renderer/features/demo';
import { getPlatform } from '@renderer/platform';
import { Dialog } from '@renderer/ui/Dialog';
import { formatBytes, formatNumber, formatTimestamp } from '@shared/format';
import { useLang } from '@renderer/ui/useLang';
import { backupBeforeReplace, type KeptBackup } from '@renderer/backup/beforeImport';
import { checkStorageFor } from '@renderer/backup/storage';
import { bytesToWrite } from '@shared/backup';
import { BackupSettings } from '@renderer/features/backup';
import './dataTransfer.css';
import { JournalDataPanel } from '@renderer/features/journalImport';
import { ImportProgressDialog, useImportEta, type ImportState } from './ImportProgress';

/**
 * A file read and its envelope checked, waiting for the user's confirmation. The file itself
 * is held by the engine (a Web Worker in the app), not by the page.
 */
interface Pending {
  fileName: string;
  engine: ExportCheckEngine;
  demo: boolean;
  exportedAt: string;
  counts: Partial<Record<ExportTableName, number>>;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'importing'; state: ImportState }
  | { kind: 'exported'; fileName: string }
  | { kind: 'imported'; demo: boolean; appeals: number; backup: KeptBackup | null }
  | { kind: 'removed' }
  | { kind: 'problems'; problems: readonly ExportProblem[] }
  | { kind: 'error'; message: string };

function download(fileName: string, data: Uint8Array<ArrayBuffer>) {
  return getPlatform().saveFile({ fileName, mimeType: 'application/json', data });
}

/**
 * Settings → Data: the whole database to a JSON file and back, and the demo office. Importing
 * replaces everything, so it is confirmed, and a backup of the current data is kept first.
 */
export function DataSection() {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { ctx } = useSession();
  const demo = useLiveQuery(
    async () => (await db.counters.get(DEMO_MARKER_ID)) !== undefined,
    [db],
  );
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [pending, setPending] = useState<Pending | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const importInput = useRef<HTMLInputElement>(null);
  const busy = status.kind === 'working' || status.kind === 'importing';
  const eta = useImportEta();

  /** The chosen file is let go of (its worker ended) when it is not imported after all. */
  const dropPending = () => {
    pending?.engine.dispose();
    setPending(null);
  };

  const fail = (error: unknown) => {
    if (error instanceof DataTransferError && error.code === 'invalid_file') {
      setStatus({ kind: 'problems', problems: error.problems });
    } else if (error instanceof DataTransferError) {
      setStatus({ kind: 'error', message: t(`dataTransfer.errors.${error.code}`) });
    } else {
      setStatus({
        kind: 'error',
        message: t('dataTransfer.errors.unexpected', {
          detail: error instanceof Error ? error.message : String(error),
        }),
      });
    }
  };

  const runExport = async () => {
    setStatus({ kind: 'working' });
    try {
      const file = await exportDatabase(db);
      const fileName = exportFileName(new Date(), file.demo);
      const result = await download(fileName, new TextEncoder().encode(serializeExport(file)));
      setStatus(result.saved ? { kind: 'exported', fileName } : { kind: 'idle' });
    } catch (error) {
      fail(error);
    }
  };

  /** Reads the chosen file and checks its envelope; the records are checked on import. */
  const choose = async (input: HTMLInputElement | null) => {
    const chosen = input?.files?.[0];
    if (input) input.value = '';
    if (!chosen) return;
    setStatus({ kind: 'working' });
    const engine = defaultExportEngine();
    try {
      // The bytes go to the engine (transferred to its worker): the page parses nothing.
      const loaded = await engine.load(new Uint8Array(await chosen.arrayBuffer()));
      if (!loaded.ok) {
        engine.dispose();
        setStatus({ kind: 'problems', problems: loaded.problems });
        return;
      }
      setPending({
        fileName: chosen.name,
        engine,
        demo: loaded.envelope.demo,
        exportedAt: loaded.envelope.exportedAt,
        counts: loaded.envelope.counts,
      });
      setStatus({ kind: 'idle' });
    } catch (error) {
      engine.dispose();
      fail(error);
    }
  };

  const runImport = async (file: Pending) => {
    setPending(null);
    setStatus({ kind: 'working' });
    let backup: KeptBackup | null = null;
    try {
      // Refused up front when the records will not fit where the database lives.
      const records = Object.values(file.counts).reduce<number>((n, c) => n + (c ?? 0), 0);
      const room = await checkStorageFor(bytesToWrite(records, 0));
      if (!room.ok) {
        setStatus({
          kind: 'error',
          message: t('backup.space.import', {
            needed: formatBytes(room.needed, lang),
            free: formatBytes(room.free, lang),
          }),
        });
        return;
      }
      eta.reset();
      setStatus({ kind: 'importing', state: { step: null, remainingMs: null } });
      const summary = await importLoadedExport(db, file.engine, ctx, {
        mode: 'replace',
        onProgress: (step) => setStatus({ kind: 'importing', state: eta.track(step) }),
        beforeReplace: async () => {
          backup = await backupBeforeReplace(db, 'before_import');
        },
      });
      setStatus({ kind: 'imported', demo: summary.demo, appeals: summary.appeals, backup });
    } catch (error) {
      fail(error);
    } finally {
      file.engine.dispose();
    }
  };

  const runRemove = async () => {
    setConfirmRemove(false);
    setStatus({ kind: 'working' });
    try {
      await removeDemoData(db);
      setStatus({ kind: 'removed' });
    } catch (error) {
      fail(error);
    }
  };

  // The demo office has none of the office's data tools: nothing of it is kept or sent.
  if (isDemoDb(db)) return <DemoDataSection />;

  return (
    <section className="data-section" aria-labelledby="data-title">
      <h2 id="data-title" className="visually-hidden">
        {t('dataTransfer.title')}
      </h2>

      <div aria-live="polite" className="data-status">
        {status.kind === 'working' && (
          <div className="data-progress">
            <progress aria-label={t('dataTransfer.progress.label')} />
            <span>{t('dataTransfer.progress.reading')}</span>
          </div>
        )}
        {status.kind === 'exported' && (
          <p className="notice">{t('dataTransfer.export.done', { fileName: status.fileName })}</p>
        )}
        {status.kind === 'imported' && (
          <div className="notice">
            <p>
              {t(status.demo ? 'dataTransfer.import.doneDemo' : 'dataTransfer.import.done', {
                appeals: formatNumber(status.appeals),
              })}
            </p>
            {status.backup?.kind === 'disk' && (
              <p>{t('dataTransfer.backup.onDisk', { path: status.backup.path })}</p>
            )}
            {status.backup?.kind === 'download' && (
              <p>{t('dataTransfer.backup.downloaded', { fileName: status.backup.fileName })}</p>
            )}
          </div>
        )}
        {status.kind === 'removed' && <p className="notice">{t('dataTransfer.demo.removed')}</p>}
        {status.kind === 'problems' && (
          <div className="notice error" role="alert">
            <p>
              <strong>{t('dataTransfer.errors.invalid_file')}</strong>
            </p>
            <ul className="data-problems">
              {status.problems.map((problem, i) => (
                <li key={i}>{describeExportProblem(problem, lang)}</li>
              ))}
            </ul>
          </div>
        )}
        {status.kind === 'error' && (
          <p className="notice error" role="alert">
            {status.message}
          </p>
        )}
      </div>

      <BackupSettings />

      <fieldset className="settings-fieldset">
        <legend>{t('dataTransfer.export.title')}</legend>
        <p className="settings-lead">{t('dataTransfer.export.lead')}</p>
        <p>
          <button type="button" className="button primary" disabled={busy} onClick={runExport}>
            {t('dataTransfer.export.button')}
          </button>
        </p>
      </fieldset>

      <fieldset className="settings-fieldset">
        <legend>{t('dataTransfer.import.title')}</legend>
        <p className="settings-lead">{t('dataTransfer.import.lead')}</p>
        <p>
          <label className="button">
            {t('dataTransfer.import.choose')}
            <input
              ref={importInput}
              type="file"
              accept=".json,application/json"
              className="visually-hidden"
              disabled={busy}
              data-testid="import-file"
              onChange={() => void choose(importInput.current)}
            />
          </label>
        </p>
      </fieldset>

      <JournalDataPanel />

      <fieldset className="settings-fieldset">
        <legend>{t('demo.open.settingsTitle')}</legend>
        <p className="settings-lead">
          {t('demo.open.settingsLead', { appeals: formatNumber(DEMO_APPEALS) })}
        </p>
        <OpenDemoOffice />
        {demo && (
          <p className="data-actions">
            <button
              type="button"
              className="button danger"
              disabled={busy}
              onClick={() => setConfirmRemove(true)}
            >
              {t('dataTransfer.demo.remove')}
            </button>
          </p>
        )}
      </fieldset>

      <Dialog
        open={pending !== null}
        title={t(pending?.demo ? 'dataTransfer.confirm.titleDemo' : 'dataTransfer.confirm.title')}
        onClose={dropPending}
        footer={
          <>
            <button type="button" className="button" onClick={dropPending}>
              {t('dataTransfer.confirm.cancel')}
            </button>
            <button
              type="button"
              className="button primary"
              onClick={() => pending && void runImport(pending)}
            >
              {t('dataTransfer.confirm.replace')}
            </button>
          </>
        }
      >
        {pending && (
          <>
            <p>
              {t('dataTransfer.confirm.file', {
                fileName: pending.fileName,
                exportedAt: formatTimestamp(pending.exportedAt),
              })}
            </p>
            <ul className="data-counts">
              {(['appeals', 'applicants', 'receptions', 'inquiries'] as const).map((name) => (
                <li key={name}>
                  {t(`dataTransfer.tables.${name}`)}: {formatNumber(pending.counts[name] ?? 0)}
                </li>
              ))}
            </ul>
            <p className="notice warning">{t('dataTransfer.confirm.warning')}</p>
          </>
        )}
      </Dialog>

      <ImportProgressDialog state={status.kind === 'importing' ? status.state : null} />

      <Dialog
        open={confirmRemove}
        title={t('dataTransfer.demo.confirmTitle')}
        onClose={() => setConfirmRemove(false)}
        footer={
          <>
            <button type="button" className="button" onClick={() => setConfirmRemove(false)}>
              {t('dataTransfer.confirm.cancel')}
            </button>
            <button type="button" className="button danger" onClick={() => void runRemove()}>
              {t('dataTransfer.demo.remove')}
            </button>
          </>
        }
      >
        <p>{t('dataTransfer.demo.confirmText')}</p>
      </Dialog>
    </section>
  );
}

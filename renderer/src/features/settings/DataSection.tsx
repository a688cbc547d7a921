import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EXPORT_TABLE_NAMES,
  describeExportProblem,
  parseExportFile,
  type ExportProblem,
  type ExportTableName,
} from '@shared/export';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import {
  DataTransferError,
  exportDatabase,
  exportFileName,
  importExportFile,
  removeDemoData,
  serializeExport,
  type ImportProgressStep,
} from '@renderer/db/repositories/dataExport';
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

/** A file read and its envelope checked, waiting for the user's confirmation. */
interface Pending {
  fileName: string;
  json: unknown;
  demo: boolean;
  exportedAt: string;
  counts: Partial<Record<ExportTableName, number>>;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'working'; progress: ImportProgressStep | null }
  | { kind: 'exported'; fileName: string }
  | { kind: 'imported'; demo: boolean; appeals: number; backup: KeptBackup | null }
  | { kind: 'removed' }
  | { kind: 'problems'; problems: readonly ExportProblem[] }
  | { kind: 'error'; message: string };

function countsOf(json: unknown): Partial<Record<ExportTableName, number>> {
  const tables = (json as { tables?: Record<string, unknown> }).tables ?? {};
  const out: Partial<Record<ExportTableName, number>> = {};
  for (const name of EXPORT_TABLE_NAMES) {
    const rows = tables[name];
    if (Array.isArray(rows)) out[name] = rows.length;
  }
  return out;
}

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
  const busy = status.kind === 'working';

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
    setStatus({ kind: 'working', progress: null });
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
    setStatus({ kind: 'working', progress: null });
    try {
      let json: unknown;
      try {
        json = JSON.parse(await chosen.text());
      } catch {
        setStatus({ kind: 'problems', problems: [{ code: 'not_json' }] });
        return;
      }
      // The envelope alone: format, version, header fields.
      const header = parseExportFile({ ...(json as object), tables: {} }, { now: new Date() });
      if (!header.ok) {
        setStatus({ kind: 'problems', problems: header.problems });
        return;
      }
      setPending({
        fileName: chosen.name,
        json,
        demo: header.file.demo,
        exportedAt: header.file.exportedAt,
        counts: countsOf(json),
      });
      setStatus({ kind: 'idle' });
    } catch (error) {
      fail(error);
    }
  };

  const runImport = async (file: Pending) => {
    setPending(null);
    setStatus({ kind: 'working', progress: null });
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
      const summary = await importExportFile(db, file.json, ctx, {
        mode: 'replace',
        onProgress: (progress) => setStatus({ kind: 'working', progress }),
        beforeReplace: async () => {
          backup = await backupBeforeReplace(db, 'before_import');
        },
      });
      setStatus({ kind: 'imported', demo: summary.demo, appeals: summary.appeals, backup });
    } catch (error) {
      fail(error);
    }
  };

  const runRemove = async () => {
    setConfirmRemove(false);
    setStatus({ kind: 'working', progress: null });
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
            <progress
              max={status.progress?.total ?? 1}
              value={status.progress?.done ?? undefined}
              aria-label={t('dataTransfer.progress.label')}
            />
            <span>
              {status.progress
                ? t(`dataTransfer.progress.${status.progress.phase}`, {
                    done: formatNumber(status.progress.done),
                    total: formatNumber(status.progress.total),
                  })
                : t('dataTransfer.progress.reading')}
            </span>
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
        onClose={() => setPending(null)}
        footer={
          <>
            <button type="button" className="button" onClick={() => setPending(null)}>
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

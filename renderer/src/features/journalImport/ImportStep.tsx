import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { sameLayoutSheets } from '@shared/journal/analyse';
import { describeSameLayoutSheets } from '@shared/journal/messages';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import { RepositoryError } from '@renderer/db/repositories/errors';
import { hasOfficeData } from '@renderer/db/queries/office';
import { exportDatabase } from '@renderer/db/repositories/dataExport';
import {
  importJournalPlan,
  JournalUndoBlocked,
  undoJournalImport,
} from '@renderer/db/repositories/journalImport';
import { keepBackup, type KeptBackup } from '@renderer/backup/beforeImport';
import { describeWriteError } from '@renderer/ui/errors';
import { useLang } from '@renderer/ui/useLang';
import type { JournalWizard } from './useJournalWizard';

type State =
  | { kind: 'ready' }
  | { kind: 'backup' }
  | { kind: 'writing'; done: number; total: number }
  | { kind: 'done'; appeals: number; backup: KeptBackup | null }
  | { kind: 'undone'; appeals: number }
  | { kind: 'failed'; message: string };

/**
 * The import itself: a backup of the current data first (the same before-import backup as
 * Settings › Data), then the plan written in one transaction with progress, then the way
 * back — undo removes the whole batch while none of its records was edited.
 */
export function ImportStep({
  wizard,
  onBackToPreview,
  onClose,
}: {
  wizard: JournalWizard;
  onBackToPreview: (message: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { ctx } = useSession();
  const [state, setState] = useState<State>({ kind: 'ready' });
  const [confirmUndo, setConfirmUndo] = useState(false);
  const plan = wizard.plan;
  if (!plan) return null;

  const run = async () => {
    try {
      await wizard.rememberMapping();
      let backup: KeptBackup | null = null;
      if (await hasOfficeData(db)) {
        setState({ kind: 'backup' });
        backup = await keepBackup(await exportDatabase(db));
      }
      setState({ kind: 'writing', done: 0, total: 0 });
      // Marks for the benchmark (scripts/bench-journal.mjs): records built, first write.
      performance.mark('journal:start');
      const records = await wizard.planRecords();
      performance.mark('journal:records');
      let first = true;
      const result = await importJournalPlan(db, records, (p) => {
        if (first) performance.mark('journal:validated');
        first = false;
        setState({ kind: 'writing', done: p.done, total: p.total });
      });
      performance.mark('journal:written');
      setState({ kind: 'done', appeals: result.appeals, backup });
    } catch (error) {
      if (error instanceof RepositoryError && error.detail === 'journal_registry_changed') {
        await wizard.makePlan(wizard.options, true);
        onBackToPreview(t('journalImport.import.registryChanged'));
        return;
      }
      // IndexedDB lost the write (a full disk): say so, and what to do, not its English text.
      const lost = describeWriteError(error, lang, false)?.message;
      const detail = lost ?? (error instanceof Error ? error.message : String(error));
      setState({ kind: 'failed', message: t('journalImport.import.failed', { detail }) });
    }
  };

  const undo = async () => {
    setConfirmUndo(false);
    try {
      const result = await undoJournalImport(db, plan.batchId, ctx);
      setState({ kind: 'undone', appeals: result.appeals });
    } catch (error) {
      if (error instanceof JournalUndoBlocked) {
        setState({
          kind: 'failed',
          message: t('journalImport.import.undoBlocked', {
            list: error.edited.map((e) => e.label).join(', '),
          }),
        });
      } else {
        setState({
          kind: 'failed',
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
  };

  // The file's other sheets under the same columns: the next to bring in.
  const otherSheets =
    wizard.file && wizard.sheetName !== null
      ? describeSameLayoutSheets(
          sameLayoutSheets(wizard.file.sheets, wizard.sheetName),
          wizard.lang,
          true,
        )
      : null;

  return (
    <div className="journal-step journal-import">
      {state.kind === 'ready' && (
        <>
          <p>
            {t('journalImport.preview.summary', {
              imported: plan.counts.imported,
              skipped: plan.counts.skipped,
              warnings: plan.counts.warnings,
            })}
          </p>
          <p>{t('journalImport.import.backup')}</p>
          <button type="button" className="button primary" autoFocus onClick={() => void run()}>
            {t('journalImport.preview.importButton', { count: plan.counts.imported })}
          </button>
        </>
      )}
      {state.kind === 'backup' && (
        <p role="status" aria-busy="true">
          {t('journalImport.import.backingUp')}
        </p>
      )}
      {state.kind === 'writing' && (
        <div role="status" aria-busy="true">
          <p>{t('journalImport.import.writing', { done: state.done, total: state.total })}</p>
          <progress max={state.total || 1} value={state.done} />
        </div>
      )}
      {state.kind === 'done' && (
        <div role="status">
          <p className="journal-done">{t('journalImport.import.done', { count: state.appeals })}</p>
          {state.backup?.kind === 'disk' && (
            <p className="journal-note">
              {t('journalImport.import.backupDisk', { path: state.backup.path })}
            </p>
          )}
          {state.backup?.kind === 'download' && (
            <p className="journal-note">
              {t('journalImport.import.backupDownload', { fileName: state.backup.fileName })}
            </p>
          )}
          {otherSheets !== null && <p className="journal-note">{otherSheets}</p>}
          <div className="button-row">
            <Link className="button primary" to="/registry" onClick={onClose}>
              {t('journalImport.import.openRegistry')}
            </Link>
            {confirmUndo ? (
              <>
                <span>{t('journalImport.import.confirmUndo')}</span>
                <button type="button" className="button danger" onClick={() => void undo()}>
                  {t('journalImport.import.undo')}
                </button>
                <button type="button" className="button" onClick={() => setConfirmUndo(false)}>
                  {t('journalImport.nav.cancel')}
                </button>
              </>
            ) : (
              <button type="button" className="button" onClick={() => setConfirmUndo(true)}>
                {t('journalImport.import.undo')}
              </button>
            )}
          </div>
        </div>
      )}
      {state.kind === 'undone' && (
        <p role="status">{t('journalImport.import.undone', { count: state.appeals })}</p>
      )}
      {state.kind === 'failed' && (
        <p className="journal-error" role="alert">
          {state.message}
        </p>
      )}
    </div>
  );
}

import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';

// The registry's header shows these buttons on the first screen; the wizard (spreadsheet
// reading, mapping) and the journal export load when they are used.
const JournalImportDialog = lazy(() =>
  import('./JournalImportDialog').then((m) => ({ default: m.JournalImportDialog })),
);

/**
 * Registry › Import journal, and the shown appeals out again as a journal (.xlsx, CSV).
 * `visible`: the appeals the registry shows, in its order (their ids are taken when an
 * export starts, not at every keystroke of a search).
 */
export function RegistryJournalActions({
  visible,
}: {
  visible: readonly { readonly id: string }[] | null;
}) {
  const { t } = useTranslation();
  const db = useDb();
  const { settings, lang, today } = useSession();
  const [open, setOpen] = useState(false);
  // Mounted from the first opening on, so that closing it is the dialog's own.
  const [opened, setOpened] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  // Translated once per language: the registry renders these at every keystroke.
  const texts = useMemo(
    () => ({
      open: t('journalImport.open'),
      label: t('journalImport.export.label'),
      xlsx: t('journalImport.export.xlsx'),
      csv: t('journalImport.export.csv'),
    }),
    [t],
  );
  const run = async (format: 'xlsx' | 'csv') => {
    if (!visible) return;
    const visibleIds = visible.map((row) => row.id);
    setStatus(t('journalImport.export.working'));
    try {
      const { exportJournal } = await import('./journalExport');
      await exportJournal(db, visibleIds, format, {
        settings,
        lang,
        today,
        title: t('journalImport.export.title'),
        sheet: t('journalImport.export.sheet'),
      });
      setStatus(null);
    } catch (error) {
      setStatus(
        t('journalImport.export.failed', {
          detail: error instanceof Error ? error.message : String(error),
        }),
      );
    }
  };
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => {
          setOpened(true);
          setOpen(true);
        }}
      >
        {texts.open}
      </button>
      <span className="journal-export" role="group" aria-label={texts.label}>
        <button
          type="button"
          className="button"
          disabled={!visible || visible.length === 0}
          onClick={() => void run('xlsx')}
        >
          {texts.xlsx}
        </button>{' '}
        <button
          type="button"
          className="button"
          disabled={!visible || visible.length === 0}
          onClick={() => void run('csv')}
        >
          {texts.csv}
        </button>
      </span>
      {status && (
        <span className="muted" role="status">
          {status}
        </span>
      )}
      {opened && (
        <Suspense fallback={null}>
          <JournalImportDialog open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}

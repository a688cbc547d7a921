import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import {
  JournalUndoBlocked,
  listJournalBatches,
  undoJournalImport,
} from '@renderer/db/repositories/journalImport';
import { JournalImportDialog } from './JournalImportDialog';

/** Settings › Data: bring a journal in, and the imports made so far (each can be undone). */
export function JournalDataPanel() {
  const { t } = useTranslation();
  const db = useDb();
  const { lang, ctx } = useSession();
  const [open, setOpen] = useState(false);
  const [confirm, setConfirm] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const batches = useLiveQuery(() => listJournalBatches(db), [db]);
  const when = new Intl.DateTimeFormat(lang === 'kk' ? 'kk-KZ' : 'ru-RU', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Almaty',
  });
  const undo = async (batchId: string) => {
    setConfirm(null);
    try {
      const result = await undoJournalImport(db, batchId, ctx);
      setMessage({
        text: t('journalImport.import.undone', { count: result.appeals }),
        error: false,
      });
    } catch (error) {
      const text =
        error instanceof JournalUndoBlocked
          ? t('journalImport.import.undoBlocked', {
              list: error.edited.map((e) => e.label).join(', '),
            })
          : error instanceof Error
            ? error.message
            : String(error);
      setMessage({ text, error: true });
    }
  };
  return (
    <fieldset className="settings-fieldset journal-panel">
      <legend>{t('journalImport.data.title')}</legend>
      <p className="settings-lead">{t('journalImport.data.lead')}</p>
      <p>
        <button type="button" className="button primary" onClick={() => setOpen(true)}>
          {t('journalImport.open')}
        </button>
      </p>
      {message && (
        <p
          className={message.error ? 'journal-error' : 'journal-note'}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
      {batches !== undefined && batches.length > 0 && (
        <table className="journal-table" aria-label={t('journalImport.data.batches')}>
          <thead>
            <tr>
              <th scope="col">{t('journalImport.data.file')}</th>
              <th scope="col">{t('journalImport.data.when')}</th>
              <th scope="col" className="num">
                {t('journalImport.data.appeals')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('journalImport.import.undo')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {batches.map((b) => (
              <tr key={b.batchId}>
                <td>
                  {b.fileName} · {b.sheet}
                </td>
                <td>{when.format(new Date(b.importedAt))}</td>
                <td className="num">{b.live === 0 ? t('journalImport.data.undone') : b.live}</td>
                <td>
                  {b.live > 0 &&
                    (confirm === b.batchId ? (
                      <>
                        <span>{t('journalImport.import.confirmUndo')}</span>{' '}
                        <button
                          type="button"
                          className="button danger"
                          onClick={() => void undo(b.batchId)}
                        >
                          {t('journalImport.import.undo')}
                        </button>{' '}
                        <button type="button" className="button" onClick={() => setConfirm(null)}>
                          {t('journalImport.nav.cancel')}
                        </button>
                      </>
                    ) : (
                      <button
                        type="button"
                        className="button"
                        onClick={() => setConfirm(b.batchId)}
                      >
                        {t('journalImport.import.undo')}
                      </button>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <JournalImportDialog open={open} onClose={() => setOpen(false)} />
    </fieldset>
  );
}

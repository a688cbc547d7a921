import './journalImport.css';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sameLayoutSheets } from '@shared/journal/analyse';
import { describeSameLayoutSheets } from '@shared/journal/messages';
import { Dialog } from '@renderer/ui/Dialog';
import { useHotkeys } from '@renderer/ui/useHotkeys';
import type { JournalEngine } from './engine';
import { ImportStep } from './ImportStep';
import { ColumnsStep, HeaderStep, ValuesStep } from './MappingSteps';
import { PreviewStep } from './PreviewStep';
import { STEPS, useJournalWizard, type JournalWizard, type Step } from './useJournalWizard';

const ENCODINGS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (BOM)',
  'windows-1251': 'Windows-1251',
  'utf-16le': 'UTF-16',
};

/**
 * What the file picker offers: the journals read (.xlsx, .ods, .docx, .odt, CSV) and the old
 * formats refused with the way out (.xls, .xlsb, .doc), so choosing one says what to do.
 */
export const JOURNAL_FILE_ACCEPT = [
  '.xlsx',
  '.ods',
  '.docx',
  '.odt',
  '.csv',
  '.txt',
  '.xls',
  '.xlsb',
  '.doc',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
  'text/csv',
].join(',');

function FileStep({ wizard }: { wizard: JournalWizard }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <div
      className={`journal-step journal-drop${over ? ' over' : ''}`}
      data-testid="journal-dropzone"
      onDragOver={(e) => {
        if (wizard.busy || ![...e.dataTransfer.types].includes('Files')) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const dropped = e.dataTransfer.files[0];
        if (dropped && !wizard.busy) void wizard.chooseFile(dropped);
      }}
    >
      <p>{t('journalImport.file.lead')}</p>
      <p className="journal-note">{t('journalImport.file.formats')}</p>
      <input
        ref={input}
        id="journal-file"
        type="file"
        className="visually-hidden"
        accept={JOURNAL_FILE_ACCEPT}
        onChange={(e) => {
          const picked = e.target.files?.[0];
          e.target.value = '';
          if (picked) void wizard.chooseFile(picked);
        }}
      />
      <button
        type="button"
        className="button primary"
        autoFocus
        disabled={wizard.busy}
        onClick={() => input.current?.click()}
      >
        {t('journalImport.file.choose')}
      </button>
      <p className="journal-note">{t('journalImport.file.drop')}</p>
      {wizard.busy && (
        <p role="status" aria-busy="true">
          {t('journalImport.file.reading')}
        </p>
      )}
      {wizard.file && <p>{t('journalImport.file.chosen', { name: wizard.file.fileName })}</p>}
    </div>
  );
}

function SheetStep({ wizard }: { wizard: JournalWizard }) {
  const { t } = useTranslation();
  const file = wizard.file;
  if (!file) return null;
  const sameLayout =
    wizard.sheetName === null
      ? null
      : describeSameLayoutSheets(sameLayoutSheets(file.sheets, wizard.sheetName), wizard.lang);
  return (
    <div className="journal-step">
      <fieldset className="journal-sheets">
        <legend>{t('journalImport.sheet.lead')}</legend>
        {file.sheets.map((s) => (
          <label key={s.name}>
            <input
              type="radio"
              name="journal-sheet"
              checked={wizard.sheetName === s.name}
              onChange={() => wizard.setSheetName(s.name)}
            />{' '}
            <strong>{s.name}</strong>{' '}
            <span className="muted">· {t('journalImport.sheet.rows', { count: s.rows })}</span>
          </label>
        ))}
      </fieldset>
      {sameLayout !== null && <p className="journal-note">{sameLayout}</p>}
      {file.csv && (
        <p className="journal-note">
          {t('journalImport.sheet.csv', {
            encoding: ENCODINGS[file.csv.encoding],
            delimiter: file.csv.delimiter === '\t' ? 'Tab' : file.csv.delimiter,
          })}
        </p>
      )}
      {(file.kind === 'docx' || file.kind === 'odt') && (
        <p className="journal-note">{t('journalImport.sheet.docx')}</p>
      )}
      {file.csv && file.csv.lostLetterRows.length > 0 && (
        <p className="journal-warning" role="alert">
          {t('journalImport.sheet.lostLetters')}
        </p>
      )}
    </div>
  );
}

/**
 * The journal import wizard: file → sheet → header → columns → values → preview → import.
 * Opened from Registry and from Settings › Data. `engine` is for tests (the app reads files
 * in a Web Worker).
 */
export function JournalImportDialog({
  open,
  onClose,
  engine,
}: {
  open: boolean;
  onClose: () => void;
  engine?: () => JournalEngine;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('journalImport.title')} onClose={onClose} wide>
      {open && <Wizard onClose={onClose} engine={engine} />}
    </Dialog>
  );
}

function Wizard({ onClose, engine }: { onClose: () => void; engine?: () => JournalEngine }) {
  const { t } = useTranslation();
  const wizard = useJournalWizard(engine);
  const [notice, setNotice] = useState<string | null>(null);
  const { step, mapping, plan, busy } = wizard;
  const index = STEPS.indexOf(step);

  const canNext: Record<Step, boolean> = {
    file: wizard.file !== null,
    sheet: wizard.sheetName !== null,
    header: wizard.header !== null && wizard.mapping !== null,
    columns:
      mapping !== null &&
      (mapping.columns.receivedDate !== undefined ||
        mapping.columns.registeredDate !== undefined) &&
      (mapping.columns.text !== undefined || mapping.columns.subject !== undefined),
    values: mapping !== null,
    preview: plan !== null && plan.counts.imported > 0,
    import: false,
  };

  const go = async (target: Step) => {
    setNotice(null);
    wizard.setError(null);
    if (target === 'header' && step === 'sheet') {
      await wizard.openSheet();
      return;
    }
    if (target === 'preview' && step === 'values') {
      wizard.setPlan(null);
      wizard.setStep('preview');
      await wizard.makePlan();
      return;
    }
    wizard.setStep(target);
  };
  const next = () => {
    if (!busy && canNext[step] && index < STEPS.length - 1) void go(STEPS[index + 1]!);
  };
  const back = () => {
    if (!busy && index > 0 && step !== 'import') void go(STEPS[index - 1]!);
  };
  useHotkeys({ 'Ctrl+Enter': next, 'Ctrl+ArrowLeft': back });

  return (
    <div className="journal-wizard">
      <ol
        className="journal-steps"
        aria-label={t('journalImport.stepOf', { n: index + 1, total: STEPS.length })}
      >
        {STEPS.map((s, i) => (
          <li
            key={s}
            className={s === step ? 'current' : i < index ? 'done' : undefined}
            aria-current={s === step ? 'step' : undefined}
          >
            <span className="journal-step-no">{i + 1}</span> {t(`journalImport.steps.${s}`)}
          </li>
        ))}
      </ol>
      <div className="journal-body">
        {notice && (
          <p className="journal-warning" role="alert">
            {notice}
          </p>
        )}
        {wizard.error && (
          <p className="journal-error" role="alert">
            {wizard.error}
          </p>
        )}
        {step === 'file' && <FileStep wizard={wizard} />}
        {step === 'sheet' && <SheetStep wizard={wizard} />}
        {step === 'header' && <HeaderStep wizard={wizard} />}
        {step === 'columns' && <ColumnsStep wizard={wizard} />}
        {step === 'values' && <ValuesStep wizard={wizard} />}
        {step === 'preview' && <PreviewStep wizard={wizard} />}
        {step === 'import' && (
          <ImportStep
            wizard={wizard}
            onClose={onClose}
            onBackToPreview={(message) => {
              wizard.setStep('preview');
              setNotice(message);
            }}
          />
        )}
      </div>
      <div className="journal-nav">
        <span className="muted journal-hint">{t('journalImport.nav.hint')}</span>
        <button type="button" className="button" onClick={onClose}>
          {step === 'import' ? t('journalImport.nav.close') : t('journalImport.nav.cancel')}
        </button>
        {index > 0 && step !== 'import' && (
          <button type="button" className="button" disabled={busy} onClick={back}>
            {t('journalImport.nav.back')}
          </button>
        )}
        {step !== 'import' && step !== 'file' && (
          <button
            type="button"
            className="button primary"
            disabled={busy || !canNext[step]}
            onClick={next}
          >
            {step === 'preview' && plan
              ? t('journalImport.preview.importButton', { count: plan.counts.imported })
              : t('journalImport.nav.next')}
          </button>
        )}
      </div>
    </div>
  );
}

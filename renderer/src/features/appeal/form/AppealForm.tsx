import { useId, useRef } from 'react';
import { FormProvider } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Appeal } from '@shared/domain';
import type { StoredFile } from './AttachmentsField';
import { ActionSection } from './sections/ActionSection';
import { ApplicantSection } from './sections/ApplicantSection';
import { DraftOffer } from './sections/DraftOffer';
import { FilesSection } from './sections/FilesSection';
import { FormFooter, SaveError } from './sections/FormFooter';
import { LeaveDialog } from './sections/LeaveDialog';
import { PlaceSection } from './sections/PlaceSection';
import { ProblemSection } from './sections/ProblemSection';
import { ReceiptSection } from './sections/ReceiptSection';
import { ReportSection } from './sections/ReportSection';
import { useAppealFormController } from './useAppealFormController';
import './appealForm.css';
import './appealFormExtras.css';

interface AppealFormProps {
  /** The appeal being edited; none for a new one. */
  appeal?: Appeal;
  storedFiles?: readonly StoredFile[];
}

/**
 * Registers a new appeal or edits one. Everything typed is autosaved to a draft, offered
 * back after a crash; Ctrl+Enter saves, Esc leaves (asking first when something was typed).
 * What it does lives in useAppealFormController; each section of the form is a component.
 */
export function AppealForm({ appeal, storedFiles = [] }: AppealFormProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const c = useAppealFormController({ appeal, storedFiles, formRef });
  return (
    <section className="page appeal-form-page" aria-labelledby={titleId}>
      <header className="page-header">
        <h1 id={titleId}>
          {appeal ? t('appealForm.titleEdit', { regNo: appeal.regNo }) : t('appealForm.titleNew')}
        </h1>
        <span className="hotkeys-hint">
          <span className="kbd">Ctrl</span>+<span className="kbd">Enter</span>{' '}
          {t('appealForm.hotkeys.save')} · <span className="kbd">Esc</span>{' '}
          {t('appealForm.hotkeys.cancel')}
        </span>
      </header>

      <DraftOffer c={c} />

      <FormProvider {...c.form}>
        <form
          ref={formRef}
          className="appeal-form"
          onSubmit={(e) => void c.save(e)}
          // Leaving a field writes the draft at once, without waiting for the debounce.
          onBlur={() => void c.draft.flush()}
          noValidate
        >
          <ReceiptSection c={c} />
          <ApplicantSection c={c} />
          <ProblemSection />
          <PlaceSection c={c} />
          <ActionSection c={c} />
          <FilesSection c={c} />
          {appeal && <ReportSection />}
          <SaveError c={c} />
          <FormFooter c={c} />
        </form>
      </FormProvider>

      <LeaveDialog c={c} />
    </section>
  );
}

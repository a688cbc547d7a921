import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealChannel, Applicant } from '@shared/domain';
import { useSession } from '@renderer/app/session';
import { useLang } from '@renderer/ui/useLang';
import { ApplicantSearch, ChosenApplicant, useApplicants } from './ApplicantPicker';
import { newApplicantValues, type ApplicantFormValues } from '@renderer/features/applicants';
import { NewApplicantPanel } from './NewApplicantPanel';

/** The new-applicant panel's state: open with these starting values (`key` remounts it). */
export interface PanelState {
  key: number;
  values: ApplicantFormValues;
}

interface LeadApplicantControlProps {
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  value: string | null;
  fieldRef: Ref<HTMLInputElement & HTMLButtonElement>;
  onPick: (applicant: Applicant) => void;
  onClear: () => void;
  excludeIds: readonly string[];
  panel: PanelState | null;
  onPanelOpen: (values: ApplicantFormValues) => void;
  onPanelChange: (values: ApplicantFormValues) => void;
  onPanelClose: () => void;
  unsavedError?: string | undefined;
  channel: AppealChannel | '';
}

/**
 * The lead applicant: the chosen person, or the search box, or the inline form for a new
 * person. Receives the Field's id and aria attributes for whichever box is on screen.
 */
export function LeadApplicantControl({
  id,
  'aria-invalid': invalid,
  'aria-describedby': describedBy,
  value,
  fieldRef,
  onPick,
  onClear,
  excludeIds,
  panel,
  onPanelOpen,
  onPanelChange,
  onPanelClose,
  unsavedError,
  channel,
}: LeadApplicantControlProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const { today } = useSession();
  if (value) return <ChosenApplicant applicantId={value} onClear={onClear} buttonRef={fieldRef} />;
  if (panel) {
    return (
      <NewApplicantPanel
        key={panel.key}
        initial={panel.values}
        onChange={onPanelChange}
        onCreated={onPick}
        onPickExisting={onPick}
        onCancel={onPanelClose}
        unsavedError={unsavedError}
      />
    );
  }
  return (
    <ApplicantSearch
      id={id}
      aria-invalid={invalid}
      aria-describedby={describedBy}
      inputRef={fieldRef}
      excludeIds={excludeIds}
      placeholder={t('appealForm.applicant.searchPlaceholder')}
      onPick={onPick}
      onCreateNew={(query) => onPanelOpen(newApplicantValues(query, { today, lang, channel }))}
    />
  );
}

/** Other people who signed or brought the appeal with the lead applicant. */
export function CoApplicantsField({
  ids,
  onChange,
  excludeIds,
  channel,
}: {
  ids: readonly string[];
  onChange: (ids: string[]) => void;
  excludeIds: readonly string[];
  channel: AppealChannel | '';
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { today } = useSession();
  const people = useApplicants(ids);
  const [panel, setPanel] = useState<PanelState | null>(null);
  const inputId = 'co-applicant-search';
  const add = (applicant: Applicant) => {
    setPanel(null);
    if (!ids.includes(applicant.id)) onChange([...ids, applicant.id]);
  };
  return (
    <div className="field co-applicants">
      <label htmlFor={inputId}>{t('appealForm.coApplicants.label')}</label>
      {ids.length > 0 && (
        <ul className="chip-list">
          {ids.map((personId) => {
            const person = people.find((p) => p.id === personId);
            const name = person?.fullName ?? '…';
            return (
              <li key={personId} className="tag-chip">
                {name}
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t('appealForm.coApplicants.remove', { name })}
                  onClick={() => onChange(ids.filter((x) => x !== personId))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {panel ? (
        <NewApplicantPanel
          key={panel.key}
          initial={panel.values}
          onChange={() => undefined}
          onCreated={add}
          onPickExisting={add}
          onCancel={() => setPanel(null)}
        />
      ) : (
        <ApplicantSearch
          id={inputId}
          excludeIds={[...excludeIds, ...ids]}
          placeholder={t('appealForm.coApplicants.placeholder')}
          onPick={add}
          onCreateNew={(query) =>
            setPanel({
              key: Date.now(),
              values: newApplicantValues(query, { today, lang, channel }),
            })
          }
        />
      )}
    </div>
  );
}

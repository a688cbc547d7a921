import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Appeal } from '@shared/domain';
import { useDb } from '@renderer/db/hooks';
import { liveAppealByRegNo } from '@renderer/db/queries/appeals';
import { StatusBadge } from '@renderer/ui/badges';

/** The appeals an inquiry is about: each links to its page and can be taken off; another is added by its number. */
export function LinkedAppealsField({
  linked,
  appealIds,
  onChange,
}: {
  linked: readonly Appeal[];
  appealIds: readonly string[];
  onChange: (appealIds: string[]) => void;
}) {
  const { t } = useTranslation();
  const db = useDb();
  const [regNo, setRegNo] = useState('');
  const [regNoError, setRegNoError] = useState<string | null>(null);

  const addAppeal = async () => {
    setRegNoError(null);
    const appeal = await liveAppealByRegNo(db, regNo.trim());
    if (!appeal) {
      setRegNoError(t('inquiries.draft.appealNotFound', { regNo: regNo.trim() }));
      return;
    }
    if (!appealIds.includes(appeal.id)) onChange([...appealIds, appeal.id]);
    setRegNo('');
  };

  return (
    <fieldset className="linked-appeals">
      <legend>{t('inquiries.draft.appeals')}</legend>
      {linked.length === 0 ? (
        <p className="muted small">{t('inquiries.draft.noAppeals')}</p>
      ) : (
        <ul>
          {linked.map((appeal) => (
            <li key={appeal.id}>
              <Link to={`/appeals/${appeal.id}`}>№ {appeal.regNo}</Link>{' '}
              <span>{appeal.subject}</span> <StatusBadge status={appeal.status} />
              <button
                type="button"
                className="link-button"
                aria-label={t('inquiries.draft.removeAppeal', { regNo: appeal.regNo })}
                onClick={() => onChange(appealIds.filter((id) => id !== appeal.id))}
              >
                {t('inquiries.draft.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="add-appeal">
        <input
          value={regNo}
          placeholder="2026-0001"
          aria-label={t('inquiries.draft.addAppealLabel')}
          onChange={(e) => setRegNo(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void addAppeal();
            }
          }}
        />
        <button
          type="button"
          className="button"
          onClick={() => void addAppeal()}
          disabled={regNo.trim() === ''}
        >
          {t('inquiries.draft.addAppeal')}
        </button>
      </div>
      {regNoError && (
        <p className="field-error" role="alert">
          {regNoError}
        </p>
      )}
    </fieldset>
  );
}

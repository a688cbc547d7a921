import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictChoice, SyncConflict } from '@shared/sync';

/**
 * Conflicts for a person: per record, each field changed differently on both sides, with
 * "keep mine", "keep theirs" and "edit". Presentational — it reads and writes nothing — so
 * the exchange-package screens can show their conflicts (shared/merge's `Conflict`, the same
 * shape) with it too; `onDecide` does the writing.
 */
export interface ConflictListProps {
  conflicts: readonly SyncConflict[];
  /** A record's kind, e.g. «Өтініш»; by table name. */
  tableLabel: (table: string) => string;
  fieldLabel: (field: string) => string;
  onDecide: (conflict: SyncConflict, choice: ConflictChoice) => Promise<void>;
}

function shown(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value, null, 1);
}

function ConflictRow({
  conflict,
  fieldLabel,
  onDecide,
}: {
  conflict: SyncConflict;
  fieldLabel: (field: string) => string;
  onDecide: ConflictListProps['onDecide'];
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(typeof conflict.mine === 'string' ? conflict.mine : '');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const empty = t('sync.conflicts.empty');
  const editable = typeof conflict.mine === 'string' || typeof conflict.theirs === 'string';
  const decide = async (choice: ConflictChoice) => {
    setBusy(true);
    setFailed(false);
    try {
      await onDecide(conflict, choice);
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };
  return (
    <li className="conflict-field">
      <div className="conflict-field-name">{fieldLabel(conflict.field)}</div>
      <dl className="conflict-values">
        <div>
          <dt>{t('sync.conflicts.mine')}</dt>
          <dd className="conflict-mine">{shown(conflict.mine, empty)}</dd>
        </div>
        <div>
          <dt>{t('sync.conflicts.theirs')}</dt>
          <dd className="conflict-theirs">{shown(conflict.theirs, empty)}</dd>
        </div>
        {conflict.baseKnown && (
          <div className="conflict-base">
            <dt>{t('sync.conflicts.base')}</dt>
            <dd>{shown(conflict.base, empty)}</dd>
          </div>
        )}
      </dl>
      {editing ? (
        <form
          className="conflict-edit"
          onSubmit={(event) => {
            event.preventDefault();
            void decide({ value });
          }}
        >
          <label>
            {t('sync.conflicts.editLabel')}
            <textarea value={value} rows={2} onChange={(e) => setValue(e.target.value)} autoFocus />
          </label>
          <div className="button-row">
            <button type="submit" className="button primary small" disabled={busy}>
              {t('sync.conflicts.saveEdit')}
            </button>
            <button type="button" className="button small" onClick={() => setEditing(false)}>
              {t('sync.conflicts.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="button small"
            disabled={busy}
            onClick={() => void decide('mine')}
          >
            {t('sync.conflicts.keepMine')}
          </button>
          <button
            type="button"
            className="button small"
            disabled={busy}
            onClick={() => void decide('theirs')}
          >
            {t('sync.conflicts.keepTheirs')}
          </button>
          {editable && (
            <button
              type="button"
              className="button small"
              disabled={busy}
              onClick={() => setEditing(true)}
            >
              {t('sync.conflicts.edit')}
            </button>
          )}
        </div>
      )}
      {failed && (
        <p className="settings-notice error" role="alert">
          {t('sync.conflicts.failed')}
        </p>
      )}
    </li>
  );
}

export function ConflictList({ conflicts, tableLabel, fieldLabel, onDecide }: ConflictListProps) {
  const { t } = useTranslation();
  if (conflicts.length === 0) return <p className="conflict-none">{t('sync.conflicts.none')}</p>;
  const records = new Map<string, SyncConflict[]>();
  for (const conflict of conflicts) {
    const key = `${conflict.table}/${conflict.recordId}`;
    records.set(key, [...(records.get(key) ?? []), conflict]);
  }
  return (
    <ul className="conflict-list">
      {[...records].map(([key, list]) => (
        <li key={key} className="conflict-record card">
          <h3>
            <span className="badge">{tableLabel(list[0]!.table)}</span>{' '}
            {list[0]!.label || list[0]!.recordId}
          </h3>
          <ul>
            {list.map((conflict) => (
              <ConflictRow
                key={conflict.id}
                conflict={conflict}
                fieldLabel={fieldLabel}
                onDecide={onDecide}
              />
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conflict } from '@shared/merge';
import './conflictList.css';

/**
 * Conflicts for a person (docs/merge.md, "Deciding conflicts"): per record, each field changed
 * differently on two laptops, with what this laptop holds, what arrived and what it was
 * before, and "keep mine", "keep theirs" or a typed value. Presentational — it reads and
 * writes nothing; `onDecide` does the writing — so exchange packages and the live sync show
 * their conflicts (shared/merge's `Conflict`) with the same screen, each in its own words
 * (`texts`). A decision that fails (a value breaking the record's rules) keeps the row and
 * says so.
 */
export type ConflictDecision = 'mine' | 'theirs' | { value: string };

/** Whose wording the list speaks with: the live sync's or the exchange packages' catalog. */
export type ConflictTexts = 'sync.conflicts' | 'exchange.conflicts';

export interface ConflictListProps<C extends Conflict = Conflict> {
  conflicts: readonly C[];
  /** The catalog prefix of the list's texts, so each screen keeps its own words. */
  texts: ConflictTexts;
  /** A record's kind, e.g. «Өтініш», by table name. */
  tableLabel: (table: string) => string;
  fieldLabel: (field: string) => string;
  /** Where a record's conflicts came from, e.g. «Қабылдау ноутбугінен» (optional). */
  sourceLabel?: (conflict: C) => string | null;
  onDecide: (conflict: C, decision: ConflictDecision) => Promise<void>;
}

function shown(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  if (Array.isArray(value) && value.length === 0) return empty;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  return JSON.stringify(value, null, 1);
}

function ConflictRow<C extends Conflict>({
  conflict,
  texts,
  fieldLabel,
  onDecide,
}: {
  conflict: C;
  texts: ConflictTexts;
  fieldLabel: (field: string) => string;
  onDecide: ConflictListProps<C>['onDecide'];
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(typeof conflict.mine === 'string' ? conflict.mine : '');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const empty = t(`${texts}.empty` as const);
  const editable = typeof conflict.mine === 'string' || typeof conflict.theirs === 'string';
  const decide = async (decision: ConflictDecision) => {
    setBusy(true);
    setFailed(false);
    try {
      await onDecide(conflict, decision);
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };
  return (
    <li className="conflict-field" data-conflict={conflict.id}>
      <div className="conflict-field-name">{fieldLabel(conflict.field)}</div>
      <dl className="conflict-values">
        <div>
          <dt>{t(`${texts}.mine` as const)}</dt>
          <dd className="conflict-mine">{shown(conflict.mine, empty)}</dd>
        </div>
        <div>
          <dt>{t(`${texts}.theirs` as const)}</dt>
          <dd className="conflict-theirs">{shown(conflict.theirs, empty)}</dd>
        </div>
        {conflict.baseKnown && (
          <div className="conflict-base">
            <dt>{t(`${texts}.base` as const)}</dt>
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
            {t(`${texts}.editLabel` as const)}
            <textarea value={value} rows={2} onChange={(e) => setValue(e.target.value)} autoFocus />
          </label>
          <div className="button-row">
            <button type="submit" className="button primary small" disabled={busy}>
              {t(`${texts}.saveEdit` as const)}
            </button>
            <button type="button" className="button small" onClick={() => setEditing(false)}>
              {t(`${texts}.cancel` as const)}
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
            {t(`${texts}.keepMine` as const)}
          </button>
          <button
            type="button"
            className="button small"
            disabled={busy}
            onClick={() => void decide('theirs')}
          >
            {t(`${texts}.keepTheirs` as const)}
          </button>
          {editable && (
            <button
              type="button"
              className="button small"
              disabled={busy}
              onClick={() => setEditing(true)}
            >
              {t(`${texts}.edit` as const)}
            </button>
          )}
        </div>
      )}
      {failed && (
        <p className="settings-notice error" role="alert">
          {t(`${texts}.failed` as const)}
        </p>
      )}
    </li>
  );
}

export function ConflictList<C extends Conflict>({
  conflicts,
  texts,
  tableLabel,
  fieldLabel,
  sourceLabel,
  onDecide,
}: ConflictListProps<C>) {
  const { t } = useTranslation();
  if (conflicts.length === 0) return <p className="conflict-none">{t(`${texts}.none` as const)}</p>;
  const records = new Map<string, C[]>();
  for (const conflict of conflicts) {
    const key = `${conflict.table}/${conflict.recordId}`;
    records.set(key, [...(records.get(key) ?? []), conflict]);
  }
  return (
    <ul className="conflict-list">
      {[...records].map(([key, list]) => {
        const source = sourceLabel?.(list[0]!) ?? null;
        return (
          <li key={key} className="conflict-record card">
            <h3>
              <span className="badge">{tableLabel(list[0]!.table)}</span>{' '}
              {list[0]!.label || list[0]!.recordId}
              {source && <span className="conflict-source"> · {source}</span>}
            </h3>
            <ul>
              {list.map((conflict) => (
                <ConflictRow
                  key={conflict.id}
                  conflict={conflict}
                  texts={texts}
                  fieldLabel={fieldLabel}
                  onDecide={onDecide}
                />
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}

import { useEffect, useId, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Applicant } from '@shared/domain';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { ApplicantSummary, maskedDetails } from '@renderer/features/applicants';
import { pickApplicants } from '@renderer/db/queries/applicants';

interface ApplicantSearchProps {
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  inputRef?: Ref<HTMLInputElement>;
  /** People already on the appeal, not offered again. */
  excludeIds?: readonly string[];
  onPick: (applicant: Applicant) => void;
  onCreateNew: (query: string) => void;
  placeholder: string;
}

/**
 * A combobox over the office's people: type part of a name, a phone in any format or an IIN,
 * pick with the arrows and Enter (or the mouse). The last option adds a new person with what
 * was typed.
 */
export function ApplicantSearch({
  id,
  'aria-invalid': invalid,
  'aria-describedby': describedBy,
  inputRef,
  excludeIds = [],
  onPick,
  onCreateNew,
  placeholder,
}: ApplicantSearchProps) {
  const { t } = useTranslation();
  const db = useDb();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<{ query: string; people: Applicant[] }>({
    query: '',
    people: [],
  });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      void pickApplicants(db, q).then((people) => {
        if (!cancelled) setResults({ query: q, people });
      });
    }, 120);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [db, query]);

  const searching = query.trim().length >= 2;
  const people = searching
    ? results.people.filter((p) => !excludeIds.includes(p.id))
    : ([] as Applicant[]);
  const optionCount = searching ? people.length + 1 : 0;
  const expanded = open && optionCount > 0;
  const activeIndex = Math.min(active, Math.max(0, optionCount - 1));
  const optionId = (i: number) => `${listId}-opt-${String(i)}`;

  const choose = (index: number) => {
    const person = people[index];
    setOpen(false);
    setQuery('');
    setActive(0);
    if (person) onPick(person);
    else onCreateNew(query);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive(optionCount === 0 ? 0 : (activeIndex + 1) % optionCount);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      setActive(optionCount === 0 ? 0 : (activeIndex - 1 + optionCount) % optionCount);
    } else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      // Enter picks; it never submits the appeal form around this box.
      event.preventDefault();
      if (expanded) choose(activeIndex);
      else if (searching) onCreateNew(query);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div className="combobox">
      <input
        id={id}
        ref={inputRef}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-invalid={invalid}
        aria-describedby={describedBy}
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? optionId(activeIndex) : undefined}
        placeholder={placeholder}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" className="combobox-list" hidden={!expanded}>
        {expanded && (
          <>
            {people.map((person, i) => (
              <li
                key={person.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === activeIndex}
                className="combobox-option"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(i)}
              >
                <strong>{person.fullName}</strong>
                <span className="option-details">
                  {/* Masked: the visitor may be looking at the screen. */}
                  {maskedDetails(person).join(' · ')}
                </span>
              </li>
            ))}
            {people.length === 0 && results.query === query.trim() && (
              <li className="combobox-empty" aria-hidden="true">
                {t('appealForm.applicant.nobody')}
              </li>
            )}
            <li
              id={optionId(people.length)}
              role="option"
              aria-selected={activeIndex === people.length}
              className="combobox-option create"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(people.length)}
            >
              {t('appealForm.applicant.createNamed', { query: query.trim() })}
            </li>
          </>
        )}
      </ul>
    </div>
  );
}

/** The chosen lead applicant, with a way to choose someone else. */
export function ChosenApplicant({
  applicantId,
  onClear,
  buttonRef,
}: {
  applicantId: string;
  onClear: () => void;
  buttonRef?: Ref<HTMLButtonElement>;
}) {
  const { t } = useTranslation();
  const db = useDb();
  const applicant = useLiveQuery(() => db.applicants.get(applicantId), [db, applicantId]);
  return (
    <div className="chosen-applicant card">
      {applicant ? (
        <ApplicantSummary applicant={applicant} showConsent />
      ) : (
        <span className="muted">{t('appealForm.applicant.loading')}</span>
      )}
      <button type="button" className="button small" ref={buttonRef} onClick={onClear}>
        {t('appealForm.applicant.change')}
      </button>
    </div>
  );
}

/** Names of people by id, for chips. */
export function useApplicants(ids: readonly string[]): Applicant[] {
  const db = useDb();
  const key = ids.join(',');
  return (
    useLiveQuery(
      async () =>
        (await db.applicants.bulkGet([...ids])).filter((a): a is Applicant => a !== undefined),
      // `key` stands for `ids`: a new array with the same people must not re-run the query.
      [db, key],
    ) ?? []
  );
}

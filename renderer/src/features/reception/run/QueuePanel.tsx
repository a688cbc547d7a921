import { useEffect, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import {
  queueOrder,
  VULNERABLE_CATEGORIES,
  labelOf,
  type Applicant,
  type QueueEntry,
  type Reception,
  type VulnerableCategory,
} from '@shared/domain';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import {
  addVisitor,
  callVisitor,
  markVisitorLeft,
  returnVisitorToQueue,
} from '@renderer/db/repositories';
import { useLang } from '@renderer/ui/useLang';
import { maskedDetails, maskedPhone } from '@renderer/features/applicants';
import { minutesBetween, vulnerableReason } from './intakeModel';
import { useReturning } from './useReturning';
import { describeWriteError } from '@renderer/ui/errors';

function AddVisitorForm({
  reception,
  nameRef,
}: {
  reception: Reception;
  nameRef: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { ctx } = useSession();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [categories, setCategories] = useState<VulnerableCategory[]>([]);
  const [known, setKnown] = useState<Applicant | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const returning = useReturning(name, phone).filter((a) => a.id !== known?.id);

  const pick = (applicant: Applicant) => {
    setKnown(applicant);
    setName(applicant.fullName);
    // The person's number is on file: it is not typed back where the visitor can read it.
    setCategories((current) => [...new Set([...current, ...applicant.vulnerableCategories])]);
    nameRef.current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await addVisitor(
        db,
        reception.id,
        { name, phone, vulnerableCategories: categories, applicantId: known?.id ?? null },
        ctx,
      );
      setName('');
      setPhone('');
      setCategories([]);
      setKnown(null);
      nameRef.current?.focus();
    } catch (failure) {
      const described = describeWriteError(failure, lang, true);
      if (!described) throw failure;
      setError(described.message ?? Object.values(described.fields).join(' '));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="add-visitor card"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="add-visitor-title"
    >
      <h2 id="add-visitor-title">
        {t('reception.queue.addTitle')} <span className="kbd">Alt+N</span>
      </h2>
      <div className="add-visitor-fields">
        <label>
          <span>{t('reception.queue.name')}</span>
          <input
            ref={nameRef}
            value={name}
            autoComplete="off"
            onChange={(e) => {
              setName(e.target.value);
              if (known && e.target.value !== known.fullName) setKnown(null);
            }}
          />
        </label>
        <label>
          <span>{t('reception.queue.phone')}</span>
          <input
            value={phone}
            inputMode="tel"
            autoComplete="off"
            placeholder="8 7__ ___ __ __"
            onChange={(e) => setPhone(e.target.value)}
          />
        </label>
      </div>
      {known && (
        <p className="returning-chosen" data-testid="returning-chosen">
          {t('reception.queue.returningChosen', { name: known.fullName })}
        </p>
      )}
      {returning.length > 0 && (
        <div className="returning" aria-live="polite">
          <div className="returning-title">{t('reception.queue.returning')}</div>
          <ul>
            {returning.map((a) => (
              <li key={a.id}>
                <button type="button" className="link-button" onClick={() => pick(a)}>
                  <strong>{a.fullName}</strong>
                  <span className="muted">{maskedDetails(a).join(' · ')}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <fieldset className="categories">
        <legend>{t('reception.queue.categories')}</legend>
        {VULNERABLE_CATEGORIES.map((c) => (
          <label key={c} className="check">
            <input
              type="checkbox"
              checked={categories.includes(c)}
              onChange={(e) =>
                setCategories((current) =>
                  e.target.checked ? [...current, c] : current.filter((x) => x !== c),
                )
              }
            />
            {labelOf('vulnerableCategory', c, lang)}
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button primary" disabled={busy}>
        {t('reception.queue.add')}
      </button>
    </form>
  );
}

function Waiting({ since, now }: { since: string; now: string }) {
  const { t } = useTranslation();
  const minutes = minutesBetween(since, now);
  return (
    <span className={`waiting-time${minutes >= 30 ? ' long' : ''}`}>
      {t('reception.queue.waitingFor', { count: minutes })}
    </span>
  );
}

/** A small button in a visitor's row (open, postpone, call, no-show, back to the queue). */
function RowAction({
  onClick,
  primary = false,
  children,
}: {
  onClick: () => void;
  primary?: boolean;
  children: ReactNode;
}) {
  return (
    <button type="button" className={`button small${primary ? ' primary' : ''}`} onClick={onClick}>
      {children}
    </button>
  );
}

/**
 * The visitor queue: the add form, then who is with the deputy, who waits (vulnerable
 * first, the reason shown), who was seen and who left.
 */
export function QueuePanel({
  reception,
  now,
  selectedId,
  onSelect,
  nameRef,
  readOnly,
}: {
  reception: Reception;
  now: string;
  selectedId: string | null;
  onSelect: (entryId: string) => void;
  nameRef: RefObject<HTMLInputElement | null>;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { ctx } = useSession();
  const [error, setError] = useState<string | null>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  // A refused call or no-show is said where the user is looking: scrolled into view.
  useEffect(() => {
    if (error) errorRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [error]);

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
    } catch (failure) {
      const described = describeWriteError(failure, lang, false);
      if (!described) throw failure;
      setError(described.message);
    }
  };
  // What was typed stays in the draft until the visitor is called again.
  const backToQueue = (entry: QueueEntry) => () =>
    void run(() => returnVisitorToQueue(db, reception.id, entry.id, ctx));
  const call = (entry: QueueEntry) =>
    run(async () => {
      await callVisitor(db, reception.id, entry.id, ctx);
      onSelect(entry.id);
    });

  const byStatus = (status: QueueEntry['status']) =>
    reception.queue.filter((e) => e.status === status);
  const waiting = queueOrder(byStatus('waiting'));
  const talking = byStatus('in_conversation');
  const done = byStatus('done');
  const left = byStatus('left');

  const head = (entry: QueueEntry) => (
    <span className="visitor-head">
      <span
        className="visitor-number"
        aria-label={t('reception.queue.numberLabel', { n: entry.number })}
      >
        №{entry.number}
      </span>
      <span className="visitor-name">{entry.name}</span>
      {entry.phone && <span className="visitor-phone">{maskedPhone(entry.phone, lang)}</span>}
    </span>
  );

  return (
    <div className="queue-panel">
      {!readOnly && <AddVisitorForm reception={reception} nameRef={nameRef} />}
      {error && (
        <p className="notice error" role="alert" ref={errorRef}>
          {error}
        </p>
      )}
      <section className="queue card" aria-labelledby="queue-title">
        <h2 id="queue-title">
          {t('reception.queue.title')}{' '}
          <span className="muted">
            {t('reception.queue.counts', {
              waiting: waiting.length,
              total: reception.queue.length,
            })}
          </span>
        </h2>
        {reception.queue.length === 0 && <p className="muted">{t('reception.queue.empty')}</p>}
        {talking.length > 0 && (
          <ul className="queue-list talking" aria-label={t('reception.queue.talking')}>
            {talking.map((entry) => (
              <li
                key={entry.id}
                className={`visitor in_conversation${entry.id === selectedId ? ' selected' : ''}`}
                data-testid="visitor"
              >
                {head(entry)}
                <span className="visitor-state">{labelOf('queueStatus', entry.status, lang)}</span>
                <span className="visitor-actions">
                  {entry.id !== selectedId && (
                    <RowAction onClick={() => onSelect(entry.id)}>
                      {t('reception.queue.open')}
                    </RowAction>
                  )}
                  {!readOnly && (
                    <RowAction onClick={backToQueue(entry)}>
                      {t('reception.queue.postpone')}
                    </RowAction>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
        {waiting.length > 0 && (
          <ol className="queue-list waiting" aria-label={t('reception.queue.waiting')}>
            {waiting.map((entry, i) => (
              <li
                key={entry.id}
                className={`visitor waiting${entry.vulnerable ? ' vulnerable' : ''}`}
                data-testid="visitor"
              >
                {head(entry)}
                {entry.vulnerable && (
                  <span className="visitor-priority">
                    {t('reception.queue.priority', {
                      reason: vulnerableReason(entry.vulnerableCategories, lang),
                    })}
                  </span>
                )}
                <Waiting since={entry.arrivedAt} now={now} />
                {!readOnly && (
                  <span className="visitor-actions">
                    <RowAction primary={i === 0} onClick={() => void call(entry)}>
                      {t('reception.queue.call')}
                      {i === 0 && <span className="kbd">Alt+C</span>}
                    </RowAction>
                    <RowAction
                      onClick={() =>
                        void run(() => markVisitorLeft(db, reception.id, entry.id, ctx))
                      }
                    >
                      {t('reception.queue.noShow')}
                    </RowAction>
                  </span>
                )}
              </li>
            ))}
          </ol>
        )}
        {done.length > 0 && (
          <>
            <h3>{t('reception.queue.done')}</h3>
            <ul className="queue-list done">
              {done.map((entry) => (
                <li key={entry.id} className="visitor done" data-testid="visitor">
                  {head(entry)}
                  {entry.appealId && (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => onSelect(entry.id)}
                    >
                      {t('reception.queue.seeAppeal')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
        {left.length > 0 && (
          <>
            <h3>{t('reception.queue.left')}</h3>
            <ul className="queue-list left">
              {left.map((entry) => (
                <li key={entry.id} className="visitor left" data-testid="visitor">
                  {head(entry)}
                  {!readOnly && (
                    <RowAction onClick={backToQueue(entry)}>
                      {t('reception.queue.returnToQueue')}
                    </RowAction>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}

/** The visitor the deputy should call next: vulnerable first, then by arrival. */
export function nextWaiting(reception: Reception): QueueEntry | undefined {
  return queueOrder(reception.queue.filter((e) => e.status === 'waiting'))[0];
}

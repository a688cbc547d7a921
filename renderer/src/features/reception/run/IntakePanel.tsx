import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toKzLocalDateTime } from '@shared/calendar/zone';
import { labelOf, PROPOSED_ACTIONS, type QueueEntry, type Reception } from '@shared/domain';
import { maskedPhone } from '@renderer/features/applicants';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import {
  INTAKE_DRAFT_KIND,
  intakeDraftKey,
  loadDraft,
  registerIntake,
} from '@renderer/db/repositories';
import { intakeDeadline, subjectFromText } from '@shared/reception/intake';
import { formatDayLong } from '@shared/format';
import { isTyping, useHotkeys } from '@renderer/ui/useHotkeys';
import { useLang } from '@renderer/ui/useLang';
import { restoreIntake, toIntakeInput, vulnerableReason, type IntakeValues } from './intakeModel';
import { useIntakeDraft, useIntakeSaveStatus } from './useIntakeDraft';
import type { DraftStatusStore } from '@renderer/ui/useDraft';
import { ApplicantPart } from './IntakeApplicantPart';
import { Registered } from './IntakeRegistered';
import { describeWriteError } from '@renderer/ui/errors';
import { DateInput } from '@renderer/ui/DateInput';

function intakeDeadlineNow(
  calendar: Parameters<typeof intakeDeadline>[0],
  settings: Parameters<typeof intakeDeadline>[2],
  action: IntakeValues['proposedAction'],
) {
  try {
    return intakeDeadline(
      calendar,
      toKzLocalDateTime(new Date()).slice(0, 16),
      settings,
      action === '' ? null : action,
    );
  } catch {
    // A year outside the calendar's range: no suggestion rather than a broken screen.
    return null;
  }
}

type Errors = { message: string | null; fields: Record<string, string> };

function SaveStatus({ store }: { store: DraftStatusStore<IntakeValues> }) {
  const { t } = useTranslation();
  const status = useIntakeSaveStatus(store);
  const time = status.kind === 'saved' ? toKzLocalDateTime(status.at).slice(11, 19) || '' : '';
  return (
    <span
      className={`intake-saved ${status.kind}`}
      data-testid="intake-saved"
      data-saved-chars={status.kind === 'saved' ? status.data.text.length : undefined}
      aria-live="polite"
    >
      {status.kind === 'saved'
        ? t('reception.intake.savedAt', { time })
        : status.kind === 'failed'
          ? t('reception.intake.saveFailed')
          : t('reception.intake.autosave')}
    </span>
  );
}

export function Step({
  n,
  title,
  hint,
  children,
}: {
  n: number;
  title: string;
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="intake-step" aria-labelledby={`intake-step-${String(n)}`}>
      <h3 id={`intake-step-${String(n)}`}>
        <span className="step-number" aria-hidden="true">
          {n}
        </span>
        {title}
        <span className="kbd">Alt+{n}</span>
      </h3>
      {hint && <p className="step-hint">{hint}</p>}
      {children}
    </section>
  );
}

function IntakeForm({
  reception,
  entry,
  initial,
  focusedAtStart,
}: {
  reception: Reception;
  entry: QueueEntry;
  initial: IntakeValues;
  /** What had the focus when the visitor's panel appeared (before their draft was read). */
  focusedAtStart: Element | null;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { ctx, calendar, settings, today } = useSession();
  const [values, setValues] = useState(initial);
  /** What the autosave and "finish" read: always the latest keystroke, set in `set`. */
  const valuesRef = useRef(values);
  const [errors, setErrors] = useState<Errors | null>(null);
  const [busy, setBusy] = useState(false);
  const draft = useIntakeDraft({
    db,
    draftKey: intakeDraftKey(reception.id, entry.id),
    snapshot: () => valuesRef.current,
  });

  const textRef = useRef<HTMLTextAreaElement>(null);
  const expectationRef = useRef<HTMLTextAreaElement>(null);
  const actionRef = useRef<HTMLFieldSetElement>(null);
  const resultRef = useRef<HTMLTextAreaElement>(null);
  const finishRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // The deputy starts listening at once: the cursor waits in the text, at its end —
    // unless, while the draft was being read, they put the cursor into another field (the
    // new visitor's name, say): what they type there must not land in this text.
    const el = textRef.current;
    if (!el) return;
    const now = document.activeElement;
    if (now !== focusedAtStart && isTyping(now)) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
    // Once, when the form appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const set = <K extends keyof IntakeValues>(key: K, value: IntakeValues[K]) => {
    setValues((current) => {
      const next = { ...current, [key]: value };
      valuesRef.current = next;
      return next;
    });
    draft.schedule();
  };

  // Registration day follows the moment of finishing (after hours: the next working day).
  const deadline = intakeDeadlineNow(calendar, settings, values.proposedAction);

  const focusAction = () => {
    const radios = actionRef.current?.querySelectorAll<HTMLInputElement>('input[type=radio]');
    const checked = [...(radios ?? [])].find((r) => r.checked) ?? radios?.[0];
    checked?.focus();
  };

  const finish = async () => {
    if (busy) return;
    setBusy(true);
    setErrors(null);
    await draft.stop();
    try {
      await registerIntake(
        db,
        toIntakeInput(
          valuesRef.current,
          { receptionId: reception.id, entryId: entry.id },
          { today, lang, categories: entry.vulnerableCategories },
        ),
        ctx,
      );
      // The live queue now shows this visitor as seen: the panel turns into the receipt.
    } catch (failure) {
      draft.resume();
      setBusy(false);
      const described = describeWriteError(failure, lang, true);
      if (!described) throw failure;
      setErrors(described);
      const first = Object.keys(described.fields)[0];
      if (first === 'text') textRef.current?.focus();
      else if (first === 'respondBy') document.getElementById('intake-respond-by')?.focus();
      else if (first === 'consent') {
        // The choice the law asks for, where the deputy is looking.
        document.querySelector<HTMLInputElement>('input[name="intake-consent"]')?.focus();
      } else finishRef.current?.focus();
    }
  };

  useHotkeys({
    'Alt+1': () => textRef.current?.focus(),
    'Alt+2': () => expectationRef.current?.focus(),
    'Alt+3': focusAction,
    'Alt+4': () => resultRef.current?.focus(),
    'Alt+5': () => finishRef.current?.focus(),
    'Ctrl+Enter': () => void finish(),
  });

  const fieldError = (path: string) =>
    errors?.fields[path] ? (
      <div className="field-error" role="alert">
        {errors.fields[path]}
      </div>
    ) : null;
  const onBlur = () => void draft.flush();
  const topics = settings.topics.filter((tp) => !tp.retired || tp.id === values.topic);

  return (
    <form
      className="intake-form"
      aria-label={t('reception.intake.formLabel', { name: entry.name })}
      onSubmit={(e) => {
        e.preventDefault();
        void finish();
      }}
    >
      <div className="intake-steps">
        <Step n={1} title={t('reception.intake.step2')} hint={t('reception.intake.step2Hint')}>
          <textarea
            ref={textRef}
            id="intake-text"
            className="intake-text"
            aria-label={t('reception.intake.textLabel')}
            aria-invalid={errors?.fields.text ? true : undefined}
            value={values.text}
            spellCheck={false}
            onChange={(e) => set('text', e.target.value)}
            onBlur={onBlur}
          />
          {fieldError('text')}
        </Step>
        <Step n={2} title={t('reception.intake.step3')}>
          <textarea
            ref={expectationRef}
            className="intake-expectation"
            aria-label={t('reception.intake.expectationLabel')}
            value={values.expectation}
            onChange={(e) => set('expectation', e.target.value)}
            onBlur={onBlur}
          />
        </Step>
        <Step n={3} title={t('reception.intake.step4')}>
          <fieldset ref={actionRef} className="intake-actions">
            <legend className="visually-hidden">{t('reception.intake.step4')}</legend>
            {PROPOSED_ACTIONS.map((action) => (
              <label
                key={action}
                className={`action-option${values.proposedAction === action ? ' chosen' : ''}`}
              >
                <input
                  type="radio"
                  name="proposedAction"
                  value={action}
                  checked={values.proposedAction === action}
                  onChange={() => set('proposedAction', action)}
                />
                <span>{labelOf('proposedAction', action, lang)}</span>
              </label>
            ))}
          </fieldset>
        </Step>
        <Step n={4} title={t('reception.intake.step5')}>
          <textarea
            ref={resultRef}
            className="intake-result"
            aria-label={t('reception.intake.resultLabel')}
            value={values.result}
            onChange={(e) => set('result', e.target.value)}
            onBlur={onBlur}
          />
          <div className="respond-by">
            <label htmlFor="intake-respond-by">{t('reception.intake.respondBy')}</label>
            <DateInput
              id="intake-respond-by"
              value={values.respondBy || deadline?.legal || ''}
              min={deadline?.registeredOn}
              max={deadline?.legal}
              aria-invalid={errors?.fields.respondBy ? true : undefined}
              aria-describedby="intake-respond-by-hint"
              onChange={(e) => set('respondBy', e.target.value)}
              onBlur={onBlur}
            />
            <span id="intake-respond-by-hint" className="field-hint">
              {deadline &&
                t(
                  values.proposedAction === 'forwarding'
                    ? 'reception.intake.legalForwarding'
                    : 'reception.intake.legalDecide',
                  { date: formatDayLong(deadline.legal, lang) },
                )}
            </span>
          </div>
          {fieldError('respondBy')}
        </Step>
      </div>

      <details className="intake-details card" open>
        <summary>{t('reception.intake.details')}</summary>
        <div className="details-grid">
          <label className="wide">
            <span>{t('reception.intake.subject')}</span>
            <input
              value={values.subject}
              placeholder={values.text.trim() ? subjectFromText(values.text) : ''}
              onChange={(e) => set('subject', e.target.value)}
              onBlur={onBlur}
            />
            {fieldError('subject')}
          </label>
          <label>
            <span>{t('reception.intake.topic')}</span>
            <select value={values.topic} onChange={(e) => set('topic', e.target.value)}>
              <option value="">{t('reception.intake.topicLater')}</option>
              {topics.map((tp) => (
                <option key={tp.id} value={tp.id}>
                  {tp[lang]}
                </option>
              ))}
            </select>
            {fieldError('topic')}
          </label>
          <label>
            <span>{t('reception.intake.locality')}</span>
            <input
              value={values.locality}
              onChange={(e) => set('locality', e.target.value)}
              onBlur={onBlur}
            />
          </label>
          <label>
            <span>{t('reception.intake.district')}</span>
            <input
              value={values.district}
              onChange={(e) => set('district', e.target.value)}
              onBlur={onBlur}
            />
          </label>
          <label>
            <span>{t('reception.intake.street')}</span>
            <input
              value={values.street}
              onChange={(e) => set('street', e.target.value)}
              onBlur={onBlur}
            />
          </label>
          <label>
            <span>{t('reception.intake.building')}</span>
            <input
              value={values.building}
              onChange={(e) => set('building', e.target.value)}
              onBlur={onBlur}
            />
          </label>
        </div>
        <ApplicantPart values={values} set={set} fieldError={fieldError} onBlur={onBlur} />
      </details>

      {errors?.message && (
        <p className="notice error" role="alert">
          {errors.message}
        </p>
      )}
      {errors && !errors.message && Object.keys(errors.fields).length > 0 && (
        <p className="notice error" role="alert">
          {t('reception.intake.fixErrors')}
        </p>
      )}
      <div className="intake-footer">
        <SaveStatus store={draft.status} />

        <button ref={finishRef} type="submit" className="button primary" disabled={busy}>
          {t('reception.intake.finish')} <span className="kbd">Ctrl+Enter</span>
        </button>
      </div>
    </form>
  );
}

/** The intake of the chosen visitor: the guided form, or the receipt once registered. */
export function IntakePanel({ reception, entry }: { reception: Reception; entry: QueueEntry }) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const [initial, setInitial] = useState<{ id: string; values: IntakeValues } | null>(null);
  const [focusedAtStart] = useState(() => document.activeElement);
  const appeal = useLiveQuery(
    async () => (entry.appealId ? ((await db.appeals.get(entry.appealId)) ?? null) : null),
    [db, entry.appealId],
  );

  useEffect(() => {
    if (entry.status !== 'in_conversation') return;
    let cancelled = false;
    void loadDraft(db, INTAKE_DRAFT_KIND, intakeDraftKey(reception.id, entry.id)).then((d) => {
      if (!cancelled) setInitial({ id: entry.id, values: restoreIntake(entry, d?.data) });
    });
    return () => {
      cancelled = true;
    };
    // Loaded once per visitor: later changes to the entry must not reset what is typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, reception.id, entry.id, entry.status]);

  let body: ReactNode;
  if (entry.status === 'done') {
    body = appeal ? <Registered appeal={appeal} entry={entry} /> : null;
  } else if (entry.status !== 'in_conversation') {
    body = <p className="muted">{t('reception.intake.notInConversation')}</p>;
  } else if (initial?.id === entry.id) {
    body = (
      <IntakeForm
        key={entry.id}
        reception={reception}
        entry={entry}
        initial={initial.values}
        focusedAtStart={focusedAtStart}
      />
    );
  } else {
    body = <p className="muted">{t('common.loading')}</p>;
  }

  return (
    <section className="intake-panel" aria-labelledby="intake-title">
      <header className="intake-header">
        <h2 id="intake-title">
          <span className="visitor-number">№{entry.number}</span> {entry.name}
        </h2>
        {entry.phone && <span className="muted">{maskedPhone(entry.phone, lang)}</span>}
        {entry.vulnerable && (
          <span className="visitor-priority">
            {t('reception.queue.priority', {
              reason: vulnerableReason(entry.vulnerableCategories, lang),
            })}
          </span>
        )}
      </header>
      {body}
    </section>
  );
}

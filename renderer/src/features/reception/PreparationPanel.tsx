import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Reception } from '@shared/domain';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { setPreparationStep } from '@renderer/db/repositories';
import { checklistFor, getChecklistTemplate } from '@renderer/db/queries/checklists';
import { useLang } from '@renderer/ui/useLang';
import { describeWriteError } from '@renderer/ui/errors';

/**
 * The preparation checklist of a reception (table, notebook, water, contact cards, receipts,
 * a charged laptop…): each tick is stored at once, with an optional note per step.
 */
export function PreparationPanel({ reception }: { reception: Reception }) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { ctx } = useSession();
  const templateId = reception.checklistTemplateId;
  const template = useLiveQuery(
    async () =>
      (templateId ? await getChecklistTemplate(db, templateId) : undefined) ??
      (await checklistFor(db, 'reception_preparation')),
    [db, templateId],
  );
  const [editingNote, setEditingNote] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // A tick shows at once; the stored state takes over once the write has landed (the
  // record's version moves on).
  const [pending, setPending] = useState<
    Readonly<Record<string, { done: boolean; version: number }>>
  >({});
  // Writes still on their way to the database: the panel says it is busy until they land.
  const [saving, setSaving] = useState(0);
  const readOnly = reception.status !== 'planned';

  if (!template) return null;
  const states = new Map(reception.checklist.map((s) => [s.stepId, s]));
  const isDone = (stepId: string) => {
    const tick = pending[stepId];
    if (tick && tick.version === reception.version) return tick.done;
    return states.get(stepId)?.done ?? false;
  };
  const done = template.steps.filter((s) => isDone(s.id)).length;
  const total = template.steps.length;

  const save = async (stepId: string, state: { done: boolean; note?: string }) => {
    setFailure(null);
    setPending((p) => ({ ...p, [stepId]: { done: state.done, version: reception.version } }));
    setSaving((n) => n + 1);
    try {
      await setPreparationStep(db, reception.id, stepId, state, ctx);
    } catch (error) {
      const described = describeWriteError(error, lang, false);
      if (!described) throw error;
      const { message, fields } = described;
      setFailure(message ?? Object.values(fields)[0] ?? null);
      setPending(({ [stepId]: _, ...rest }) => rest);
    } finally {
      setSaving((n) => n - 1);
    }
  };

  return (
    <section
      className="card reception-preparation"
      aria-labelledby="preparation-title"
      aria-busy={saving > 0}
    >
      <header className="reception-panel-header">
        <h2 id="preparation-title">{t('reception.preparation.title')}</h2>
        <span
          className={`reception-progress${done === total ? ' complete' : ''}`}
          data-testid="preparation-progress"
        >
          {done === total
            ? t('reception.preparation.allDone')
            : t('reception.preparation.progress', { done, total })}
        </span>
      </header>
      <progress max={total} value={done} aria-hidden="true" />
      {readOnly && <p className="reception-muted">{t('reception.preparation.readOnly')}</p>}
      <ul className="reception-steps">
        {template.steps.map((step) => {
          const state = states.get(step.id);
          const note = state?.note ?? '';
          return (
            <li key={step.id} className={isDone(step.id) ? 'done' : ''}>
              <label className="reception-step">
                <input
                  type="checkbox"
                  checked={isDone(step.id)}
                  disabled={readOnly}
                  onChange={(e) => void save(step.id, { done: e.target.checked })}
                />
                <span>{step.text[lang] || step.text.kk || step.text.ru}</span>
              </label>
              {editingNote === step.id ? (
                <input
                  className="reception-step-note-input"
                  aria-label={`${t('reception.preparation.note')}: ${step.text[lang]}`}
                  defaultValue={note}
                  autoFocus
                  maxLength={1_000}
                  onBlur={(e) => {
                    setEditingNote(null);
                    if (e.target.value.trim() !== note) {
                      void save(step.id, { done: isDone(step.id), note: e.target.value });
                    }
                  }}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') e.currentTarget.blur();
                    if (e.key === 'Escape') {
                      e.preventDefault();
                      e.currentTarget.value = note;
                      e.currentTarget.blur();
                    }
                  }}
                />
              ) : (
                <>
                  {note && <span className="reception-step-note">{note}</span>}
                  {!readOnly && (
                    <button
                      type="button"
                      className="link-button reception-step-note-button"
                      onClick={() => setEditingNote(step.id)}
                      aria-label={`${t('reception.preparation.note')}: ${step.text[lang]}`}
                      title={t('reception.preparation.note')}
                    >
                      ✎
                    </button>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ul>
      {failure && (
        <p className="notice error" role="alert">
          {failure}
        </p>
      )}
      <p className="reception-muted">
        {t('reception.preparation.list', { name: template.name[lang] })} ·{' '}
        <Link to="/settings/checklists">{t('reception.preparation.editLists')}</Link>
      </p>
    </section>
  );
}

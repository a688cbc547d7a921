import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CHECKLIST_PURPOSES,
  labelOf,
  type ChecklistPurpose,
  type ChecklistTemplate,
} from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import { messageFor } from '@shared/validation/messages';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import type { TizilimDb } from '@renderer/db/database';
import {
  archiveChecklistTemplate,
  copyChecklistTemplate,
  deleteChecklistTemplate,
  RepositoryError,
} from '@renderer/db/repositories';
import { checklistFor, listChecklistTemplates } from '@renderer/db/queries/checklists';
import { Dialog } from '@renderer/ui/Dialog';
import { ChecklistEditDialog } from './ChecklistEditDialog';
import { useLang } from '@renderer/ui/useLang';
import '../reception.css';
import '../receptionPlan.css';
import { lostWriteCode } from '@renderer/ui/errors';

const INTAKE_FIELDS = ['text', 'expectation', 'proposedAction'] as const;

/**
 * What the last action did. Kept as a catalog key or a message code, not as text, so the
 * notice follows a change of the interface language.
 */
type Outcome =
  { tone: 'ok'; key: 'copied' | 'saved' | 'deleted' } | { tone: 'error'; code: string };

/** The message code of a failed write; null for an error that is not one (a bug). */
function failureCode(error: unknown): string | null {
  if (!(error instanceof RepositoryError)) return lostWriteCode(error, false);
  return error.detail ?? error.issues[0]?.code ?? 'invalid_value';
}

function otherLang(lang: Lang): Lang {
  return lang === 'kk' ? 'ru' : 'kk';
}

/** The ids of the lists in use now, one per purpose (own list if any, else the built-in). */
async function inUseIds(db: TizilimDb): Promise<Set<string>> {
  const purposes = CHECKLIST_PURPOSES.filter((p) => p !== 'custom') as Exclude<
    ChecklistPurpose,
    'custom'
  >[];
  const chosen = await Promise.all(purposes.map((p) => checklistFor(db, p)));
  return new Set(chosen.map((t) => t.id));
}

function ViewDialog({ template, onClose }: { template: ChecklistTemplate; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Dialog
      open
      wide
      title={template.name[lang]}
      onClose={onClose}
      footer={
        <button type="button" className="button" onClick={onClose}>
          {t('common.actions.close')}
        </button>
      }
    >
      {template.builtIn && (
        <p className="settings-hint">{t('reception.checklists.readOnlyNote')}</p>
      )}
      <ol className="checklist-view" data-testid="checklist-steps">
        {template.steps.map((step) => (
          <li key={step.id}>
            {step.text[lang]}
            {step.text[otherLang(lang)] && (
              <span className="checklist-view-other" lang={otherLang(lang)}>
                {step.text[otherLang(lang)]}
              </span>
            )}
            {step.field && INTAKE_FIELDS.includes(step.field as (typeof INTAKE_FIELDS)[number]) && (
              <span className="checklist-view-other">
                {t('reception.checklists.intakeField', {
                  field: t(
                    `reception.checklists.fields.${step.field as (typeof INTAKE_FIELDS)[number]}`,
                  ),
                })}
              </span>
            )}
          </li>
        ))}
      </ol>
    </Dialog>
  );
}

function ChecklistItem({
  template,
  inUse,
  onView,
  onEdit,
  onDone,
}: {
  template: ChecklistTemplate;
  inUse: boolean;
  onView: () => void;
  onEdit: (copy: ChecklistTemplate) => void;
  onDone: (outcome: Outcome) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { ctx } = useSession();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const name = template.name[lang] || template.name[otherLang(lang)];

  const run = async (action: () => Promise<unknown>, key: 'saved' | 'deleted') => {
    try {
      await action();
      onDone({ tone: 'ok', key });
    } catch (error) {
      const code = failureCode(error);
      if (code === null) throw error;
      onDone({ tone: 'error', code });
    }
  };

  return (
    <li
      className={`checklists-item${template.archived ? ' archived' : ''}`}
      data-testid="checklist-item"
    >
      <span className="checklists-name">{name}</span>
      {inUse && <span className="badge">{t('reception.checklists.inUse')}</span>}
      {template.archived && <span className="badge">{t('reception.checklists.archived')}</span>}
      <span className="checklists-meta">
        {labelOf('checklistPurpose', template.purpose, lang)} ·{' '}
        {t('reception.checklists.steps', { count: template.steps.length })}
      </span>
      {template.builtIn ? (
        <button type="button" className="button" onClick={onView}>
          {t('reception.checklists.view')}
        </button>
      ) : (
        <button type="button" className="button" onClick={() => onEdit(template)}>
          {t('reception.checklists.edit')}
        </button>
      )}
      <button
        type="button"
        className="button"
        onClick={() =>
          void (async () => {
            try {
              const copy = await copyChecklistTemplate(db, template.id, ctx);
              onDone({ tone: 'ok', key: 'copied' });
              onEdit(copy);
            } catch (error) {
              const code = failureCode(error);
              if (code === null) throw error;
              onDone({ tone: 'error', code });
            }
          })()
        }
      >
        {t('reception.checklists.copy')}
      </button>
      {!template.builtIn && (
        <>
          <button
            type="button"
            className="button"
            onClick={() =>
              void run(
                () => archiveChecklistTemplate(db, template.id, !template.archived, ctx),
                'saved',
              )
            }
          >
            {template.archived
              ? t('reception.checklists.unarchive')
              : t('reception.checklists.archive')}
          </button>
          <button type="button" className="button danger" onClick={() => setConfirmDelete(true)}>
            {t('reception.checklists.delete')}
          </button>
        </>
      )}
      {confirmDelete && (
        <Dialog
          open
          title={t('reception.checklists.delete')}
          onClose={() => setConfirmDelete(false)}
          footer={
            <>
              <button type="button" className="button" onClick={() => setConfirmDelete(false)}>
                {t('common.actions.cancel')}
              </button>
              <button
                type="button"
                className="button danger"
                onClick={() => {
                  setConfirmDelete(false);
                  void run(() => deleteChecklistTemplate(db, template.id, ctx), 'deleted');
                }}
              >
                {t('reception.checklists.delete')}
              </button>
            </>
          }
        >
          <p>{t('reception.checklists.deleteConfirm', { name })}</p>
        </Dialog>
      )}
    </li>
  );
}

/**
 * Settings › Checklists: the built-in meeting checklist, preparation list and public
 * hearing structure (read-only, both languages), and the office's own copies to edit.
 */
export function ChecklistsSection() {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const templates = useLiveQuery(() => listChecklistTemplates(db), [db]);
  const inUse = useLiveQuery(() => inUseIds(db), [db]);
  const [viewing, setViewing] = useState<ChecklistTemplate | null>(null);
  const [editing, setEditing] = useState<ChecklistTemplate | null>(null);
  const [notice, setNotice] = useState<Outcome | null>(null);

  if (!templates) return <p className="lead">{t('common.loading')}</p>;
  const builtIns = templates.filter((x) => x.builtIn);
  const own = templates.filter((x) => !x.builtIn);
  const item = (template: ChecklistTemplate) => (
    <ChecklistItem
      key={template.id}
      template={template}
      inUse={inUse?.has(template.id) ?? false}
      onView={() => setViewing(template)}
      onEdit={setEditing}
      onDone={setNotice}
    />
  );

  return (
    <section aria-labelledby="checklists-title">
      <h2 id="checklists-title" className="visually-hidden">
        {t('reception.checklists.title')}
      </h2>
      <p className="settings-lead">{t('reception.checklists.lead')}</p>
      {notice && (
        <p
          className={notice.tone === 'ok' ? 'notice' : 'notice error'}
          role={notice.tone === 'ok' ? 'status' : 'alert'}
        >
          {notice.tone === 'ok'
            ? t(`reception.checklists.${notice.key}`)
            : messageFor(notice.code, lang)}
        </p>
      )}
      <div className="checklists-group">
        <h3>{t('reception.checklists.builtIn')}</h3>
        <ul className="checklists-list" data-testid="builtin-checklists">
          {builtIns.map(item)}
        </ul>
      </div>
      <div className="checklists-group">
        <h3>{t('reception.checklists.own')}</h3>
        {own.length === 0 ? (
          <p className="settings-hint">{t('reception.checklists.noOwn')}</p>
        ) : (
          <ul className="checklists-list" data-testid="own-checklists">
            {own.map(item)}
          </ul>
        )}
      </div>
      {viewing && <ViewDialog template={viewing} onClose={() => setViewing(null)} />}
      {editing && (
        <ChecklistEditDialog
          key={editing.id}
          template={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setNotice({ tone: 'ok', key: 'saved' });
          }}
        />
      )}
    </section>
  );
}

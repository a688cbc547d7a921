import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOf, textFor, topicLabel, type Initiative } from '@shared/domain';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { deleteInitiative, updateInitiative } from '@renderer/db/repositories';
import { listInitiatives } from '@renderer/db/queries/initiatives';
import { formatDay } from '@shared/format';
import { useHotkeys } from '@renderer/ui/useHotkeys';
import { ConfirmDelete } from './ConfirmDelete';
import { InitiativeDialog } from './InitiativeDialog';

/** The deputy's initiatives: report section 4 takes those submitted in the quarter. */
export function InitiativesTab() {
  const { t } = useTranslation();
  const { lang, ctx, settings } = useSession();
  const db = useDb();
  const initiatives = useLiveQuery(() => listInitiatives(db), [db]);
  const [editing, setEditing] = useState<Initiative | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Initiative | null>(null);
  useHotkeys({ n: () => setEditing('new') }, editing === null && deleting === null);

  return (
    <div className="initiatives-tab">
      <div className="initiatives-toolbar">
        <button
          type="button"
          className="button primary"
          onClick={() => setEditing('new')}
          aria-keyshortcuts="n"
        >
          {t('initiatives.list.add')} <span className="kbd">N</span>
        </button>
      </div>
      {initiatives === undefined ? (
        <p className="muted">{t('common.loading')}</p>
      ) : initiatives.length === 0 ? (
        <div className="empty-state">
          <p>{t('initiatives.list.empty')}</p>
        </div>
      ) : (
        <table className="initiatives-table">
          <caption className="visually-hidden">{t('initiatives.list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('initiatives.list.columns.date')}</th>
              <th scope="col">{t('initiatives.list.columns.title')}</th>
              <th scope="col">{t('initiatives.list.columns.target')}</th>
              <th scope="col">{t('initiatives.list.columns.status')}</th>
              <th scope="col">{t('initiatives.list.columns.result')}</th>
              <th scope="col">{t('initiatives.list.columns.topic')}</th>
              <th scope="col">{t('initiatives.list.columns.inReport')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('initiatives.list.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {initiatives.map((initiative) => (
              <tr key={initiative.id}>
                <td className="nowrap">
                  {initiative.submittedOn === null ? (
                    <span className="muted">{t('initiatives.list.notSubmitted')}</span>
                  ) : (
                    formatDay(initiative.submittedOn)
                  )}
                </td>
                <td>
                  <button
                    type="button"
                    className="link-button initiative-title"
                    onClick={() => setEditing(initiative)}
                    aria-label={t('initiatives.list.editLabel', {
                      title: textFor(initiative.title, lang),
                    })}
                  >
                    {textFor(initiative.title, lang)}
                  </button>
                  {textFor(initiative.publicSummary, lang) && (
                    <div className="muted small">{textFor(initiative.publicSummary, lang)}</div>
                  )}
                </td>
                <td>{labelOf('initiativeTarget', initiative.target, lang)}</td>
                <td>
                  <span className={`initiative-status status-${initiative.status}`}>
                    {labelOf('initiativeStatus', initiative.status, lang)}
                  </span>
                </td>
                <td className="small">{textFor(initiative.result, lang) || '—'}</td>
                <td className="small">
                  {initiative.topic === null
                    ? '—'
                    : topicLabel(settings.topics, initiative.topic, lang)}
                </td>
                <td>
                  <input
                    type="checkbox"
                    role="switch"
                    checked={initiative.inReport}
                    aria-label={t('initiatives.list.inReportLabel', {
                      title: textFor(initiative.title, lang),
                    })}
                    onChange={(e) =>
                      void updateInitiative(
                        db,
                        initiative.id,
                        { inReport: e.target.checked },
                        ctx,
                        {
                          expectedVersion: initiative.version,
                        },
                      )
                    }
                  />
                </td>
                <td className="nowrap">
                  <button
                    type="button"
                    className="button small"
                    onClick={() => setDeleting(initiative)}
                    aria-label={t('initiatives.list.deleteLabel', {
                      title: textFor(initiative.title, lang),
                    })}
                  >
                    {t('common.actions.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing !== null && (
        <InitiativeDialog
          initiative={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting !== null && (
        <ConfirmDelete
          message={t('initiatives.delete.initiative', { title: textFor(deleting.title, lang) })}
          onConfirm={() =>
            deleteInitiative(db, deleting.id, ctx, { expectedVersion: deleting.version })
          }
          onClose={() => setDeleting(null)}
        />
      )}
    </div>
  );
}

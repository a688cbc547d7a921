import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { labelOf, textFor, topicLabel, type PlanItem } from '@shared/domain';
import { formatQuarter } from '@shared/format';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { deletePlanItem, movePlanItem } from '@renderer/db/repositories';
import { listPlanItems } from '@renderer/db/queries/initiatives';
import { useHotkeys } from '@renderer/ui/useHotkeys';
import { ConfirmDelete } from './ConfirmDelete';
import { PlanItemDialog } from './PlanItemDialog';
import { nextQuarterOf, yearOptions } from './quarters';

/**
 * A quarter's plan: priorities in report order with their key actions (report section 5).
 * The quarter is in the URL (?year=&quarter=), the next quarter by default.
 */
export function PlanTab() {
  const { t } = useTranslation();
  const { lang, ctx, today, settings } = useSession();
  const db = useDb();
  const [params, setParams] = useSearchParams();
  const next = nextQuarterOf(today);
  const year = Number(params.get('year')) || next.year;
  const quarterParam = Number(params.get('quarter'));
  const quarter = quarterParam >= 1 && quarterParam <= 4 ? quarterParam : next.quarter;
  const items = useLiveQuery(() => listPlanItems(db, year, quarter), [db, year, quarter]);
  const [editing, setEditing] = useState<PlanItem | 'new' | null>(null);
  const [deleting, setDeleting] = useState<PlanItem | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const focusAfterMove = useRef<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  useHotkeys({ n: () => setEditing('new') }, editing === null && deleting === null);

  const setQuarter = (y: number, q: number) => {
    const nextParams = new URLSearchParams(params);
    nextParams.set('year', String(y));
    nextParams.set('quarter', String(q));
    setParams(nextParams, { replace: true });
  };

  // After a move the list re-renders from the database; keep the moved item focused.
  useEffect(() => {
    const id = focusAfterMove.current;
    if (id === null || items === undefined) return;
    focusAfterMove.current = null;
    listRef.current?.querySelector<HTMLElement>(`[data-id="${id}"]`)?.focus();
  }, [items]);

  const move = async (item: PlanItem, direction: 'up' | 'down') => {
    const list = await movePlanItem(db, item.id, direction, ctx);
    const position = list.findIndex((p) => p.id === item.id) + 1;
    focusAfterMove.current = item.id;
    setAnnouncement(t('initiatives.plan.moved', { title: textFor(item.title, lang), position }));
  };

  const onItemKey = (event: KeyboardEvent<HTMLLIElement>, item: PlanItem, index: number) => {
    if (event.target !== event.currentTarget || items === undefined) return;
    const focusAt = (i: number) =>
      listRef.current?.querySelectorAll<HTMLElement>('li[data-id]')[i]?.focus();
    if (event.altKey && event.key === 'ArrowUp') void move(item, 'up');
    else if (event.altKey && event.key === 'ArrowDown') void move(item, 'down');
    else if (event.key === 'ArrowUp') focusAt(Math.max(0, index - 1));
    else if (event.key === 'ArrowDown') focusAt(Math.min(items.length - 1, index + 1));
    else if (event.key === 'Enter') setEditing(item);
    else if (event.key === 'Delete') setDeleting(item);
    else return;
    event.preventDefault();
  };

  const period = formatQuarter(`${String(year)}-Q${String(quarter)}`, lang);
  const isNext = year === next.year && quarter === next.quarter;

  return (
    <div className="plan-tab">
      <div className="initiatives-toolbar">
        <label className="inline-field">
          {t('initiatives.plan.year')}
          <select value={year} onChange={(e) => setQuarter(Number(e.target.value), quarter)}>
            {yearOptions(today, year).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          {t('initiatives.plan.quarter')}
          <select value={quarter} onChange={(e) => setQuarter(year, Number(e.target.value))}>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                {t('initiatives.plan.quarterOption', { quarter: ['I', 'II', 'III', 'IV'][q - 1] })}
              </option>
            ))}
          </select>
        </label>
        {!isNext && (
          <button
            type="button"
            className="link-button"
            onClick={() => setQuarter(next.year, next.quarter)}
          >
            {t('initiatives.plan.nextQuarter')}
          </button>
        )}
        <button
          type="button"
          className="button primary push-right"
          onClick={() => setEditing('new')}
          aria-keyshortcuts="n"
        >
          {t('initiatives.plan.add')} <span className="kbd">N</span>
        </button>
      </div>
      <h2 className="plan-heading">{t('initiatives.plan.heading', { period })}</h2>
      {items === undefined ? (
        <p className="muted">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <div className="empty-state">
          <p>{t('initiatives.plan.empty')}</p>
        </div>
      ) : (
        <>
          <p className="muted small">{t('initiatives.plan.keyboardHint')}</p>
          <ol className="plan-list" ref={listRef} aria-label={t('initiatives.plan.listLabel')}>
            {items.map((item, index) => {
              const actions = textFor(item.actions, lang)
                .split('\n')
                .map((line) => line.trim().replace(/^[-–—•*]\s*/, ''))
                .filter((line) => line !== '');
              return (
                <li
                  key={item.id}
                  data-id={item.id}
                  tabIndex={0}
                  className={`plan-item${item.inReport ? '' : ' not-in-report'}`}
                  aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown Enter Delete"
                  onKeyDown={(e) => onItemKey(e, item, index)}
                >
                  <span className="plan-number" aria-hidden="true">
                    {index + 1}
                  </span>
                  <div className="plan-body">
                    <div className="plan-title">{textFor(item.title, lang)}</div>
                    {actions.length > 0 && (
                      <ul className="plan-actions">
                        {actions.map((line, i) => (
                          <li key={i}>{line}</li>
                        ))}
                      </ul>
                    )}
                    <div className="muted small">
                      {[
                        labelOf('planStatus', item.status, lang),
                        item.topic === null ? null : topicLabel(settings.topics, item.topic, lang),
                        item.inReport ? null : t('initiatives.plan.notInReport'),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </div>
                  </div>
                  <div className="plan-buttons">
                    <button
                      type="button"
                      className="button small"
                      tabIndex={-1}
                      disabled={index === 0}
                      title={t('initiatives.plan.moveUp')}
                      aria-label={t('initiatives.plan.moveUpLabel', {
                        title: textFor(item.title, lang),
                      })}
                      onClick={() => void move(item, 'up')}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="button small"
                      tabIndex={-1}
                      disabled={index === items.length - 1}
                      title={t('initiatives.plan.moveDown')}
                      aria-label={t('initiatives.plan.moveDownLabel', {
                        title: textFor(item.title, lang),
                      })}
                      onClick={() => void move(item, 'down')}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="button small"
                      tabIndex={-1}
                      aria-label={t('initiatives.plan.editLabel', {
                        title: textFor(item.title, lang),
                      })}
                      onClick={() => setEditing(item)}
                    >
                      {t('common.actions.edit')}
                    </button>
                    <button
                      type="button"
                      className="button small"
                      tabIndex={-1}
                      aria-label={t('initiatives.plan.deleteLabel', {
                        title: textFor(item.title, lang),
                      })}
                      onClick={() => setDeleting(item)}
                    >
                      {t('common.actions.delete')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {editing !== null && (
        <PlanItemDialog
          item={editing === 'new' ? null : editing}
          year={year}
          quarter={quarter}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting !== null && (
        <ConfirmDelete
          message={t('initiatives.delete.planItem', { title: textFor(deleting.title, lang) })}
          onConfirm={() =>
            deletePlanItem(db, deleting.id, ctx, { expectedVersion: deleting.version })
          }
          onClose={() => setDeleting(null)}
        />
      )}
    </div>
  );
}

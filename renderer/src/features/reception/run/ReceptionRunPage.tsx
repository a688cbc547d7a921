import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { labelOf, textFor } from '@shared/domain';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { callVisitor } from '@renderer/db/repositories';
import { formatDayLong } from '@shared/format';
import { useHotkeys } from '@renderer/ui/useHotkeys';
import { useLang } from '@renderer/ui/useLang';
import { IntakePanel } from './IntakePanel';
import { nextWaiting, QueuePanel } from './QueuePanel';
import { NotFoundPage } from '@renderer/ui/NotFoundPage';
import { useNowLocal } from '@renderer/ui/useNowLocal';
import './run.css';
import './intake.css';
import { describeWriteError } from '@renderer/ui/errors';

/**
 * `/reception/:id/run`: the reception as it happens. The queue on the left, the guided
 * intake of the visitor being heard on the right. Everything is in the database as it is
 * typed, so reopening this screen after a crash shows the same queue and the same words.
 */
export function ReceptionRunPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { ctx } = useSession();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const now = useNowLocal(30_000);
  const nameRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const reception = useLiveQuery(async () => (await db.receptions.get(id)) ?? null, [db, id]);

  const readOnly = reception ? reception.status !== 'planned' : true;
  const chosen = search.get('visitor');
  const selected =
    reception?.queue.find((e) => e.id === chosen) ??
    reception?.queue.find((e) => e.status === 'in_conversation');
  const select = (entryId: string) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('visitor', entryId);
        return next;
      },
      { replace: true },
    );

  // The visitor shown is named in the address, so the receipt stays on screen after
  // finishing and a reload (or a relaunch) opens the same visitor.
  const shownId = selected?.id;
  useEffect(() => {
    if (shownId && chosen !== shownId) select(shownId);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shownId, chosen]);

  const callNext = async () => {
    if (!reception || readOnly) return;
    const next = nextWaiting(reception);
    if (!next) return;
    setError(null);
    try {
      await callVisitor(db, reception.id, next.id, ctx);
      select(next.id);
    } catch (failure) {
      const described = describeWriteError(failure, lang, false);
      if (!described) throw failure;
      setError(described.message);
    }
  };

  useHotkeys({
    'Alt+N': () => nameRef.current?.focus(),
    'Alt+C': () => void callNext(),
  });

  if (reception === undefined) {
    return (
      <section className="page" aria-busy="true">
        <p>{t('common.loading')}</p>
      </section>
    );
  }
  if (reception === null || reception.deletedAt !== null) {
    return (
      <NotFoundPage
        title={t('reception.run.notFound')}
        backTo="/reception"
        backLabel={t('reception.run.backToList')}
      />
    );
  }

  return (
    <section className="page reception-run" aria-labelledby="page-title">
      <header className="run-header">
        <div>
          <h1 id="page-title">{t('reception.run.title')}</h1>
          <p className="run-where">
            {formatDayLong(reception.date, lang)}, {reception.startTime.slice(0, 5)}
            {reception.endTime ? `–${reception.endTime.slice(0, 5)}` : ''} ·{' '}
            {textFor(reception.place, lang)}
            {reception.status !== 'planned' && (
              <> · {labelOf('receptionStatus', reception.status, lang)}</>
            )}
          </p>
        </div>
        <nav className="run-links" aria-label={t('reception.run.links')}>
          <Link to={`/reception/${reception.id}`}>{t('reception.run.plan')}</Link>
          <Link className="button" to={`/reception/${reception.id}/summary`}>
            {t('reception.run.summary')}
          </Link>
        </nav>
      </header>
      <p className="run-shortcuts" data-testid="run-shortcuts">
        <span>
          <span className="kbd">Alt+N</span> {t('reception.run.keyAdd')}
        </span>
        <span>
          <span className="kbd">Alt+C</span> {t('reception.run.keyCall')}
        </span>
        <span>
          <span className="kbd">Alt+1…4</span> {t('reception.run.keySteps')}
        </span>
        <span>
          <span className="kbd">Ctrl+Enter</span> {t('reception.run.keyFinish')}
        </span>
        <span>
          <span className="kbd">Alt+P</span> {t('reception.run.keyReceipt')}
        </span>
        <span>
          <span className="kbd">Tab</span> {t('reception.run.keyTab')}
        </span>
      </p>
      {readOnly && (
        <p className="notice warning">
          {reception.status === 'held' ? t('reception.run.held') : t('reception.run.cancelled')}
        </p>
      )}
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      <div className="run-grid">
        <QueuePanel
          reception={reception}
          now={now}
          selectedId={selected?.id ?? null}
          onSelect={select}
          nameRef={nameRef}
          readOnly={readOnly}
        />
        {selected ? (
          <IntakePanel key={selected.id} reception={reception} entry={selected} />
        ) : (
          <section className="intake-panel empty card">
            <h2>{t('reception.intake.noneTitle')}</h2>
            <p>
              {nextWaiting(reception)
                ? t('reception.intake.noneCall')
                : t('reception.intake.noneAdd')}
            </p>
            <ol className="checklist-reminder">
              <li>{t('reception.intake.step2')}</li>
              <li>{t('reception.intake.step3')}</li>
              <li>{t('reception.intake.step4')}</li>
              <li>{t('reception.intake.step5')}</li>
              <li>{t('reception.intake.step6')}</li>
            </ol>
          </section>
        )}
      </div>
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { labelOf, textFor } from '@shared/domain';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { markReceptionHeld } from '@renderer/db/repositories';
import { summarizeReception } from '@shared/reception/summary';
import { appealDeadline, DeadlineBadge } from '@renderer/ui/badges';
import { formatDay, formatDayLong, formatNumber } from '@shared/format';
import { useLang } from '@renderer/ui/useLang';
import { vulnerableReason } from './intakeModel';
import { NotFoundPage } from '@renderer/ui/NotFoundPage';
import './run.css';
import './intake.css';
import { describeWriteError } from '@renderer/ui/errors';

function Stat({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="summary-stat" data-testid={testId}>
      <span className="summary-stat-value">{formatNumber(value)}</span>
      <span className="summary-stat-label">{label}</span>
    </div>
  );
}

/**
 * `/reception/:id/summary`: what the reception came to — visitors, appeals, topics, the
 * promises with their deadlines (each also on the Today view) and who is still waiting —
 * and where it is marked held.
 */
export function ReceptionSummaryPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { ctx, settings, calendar, today } = useSession();
  const { id = '' } = useParams();
  const [error, setError] = useState<string | null>(null);
  const data = useLiveQuery(async () => {
    const reception = await db.receptions.get(id);
    if (!reception || reception.deletedAt !== null) return null;
    const appeals = await db.appeals.where('receptionId').equals(id).toArray();
    return { reception, summary: summarizeReception(reception, appeals) };
  }, [db, id]);

  if (data === undefined) {
    return (
      <section className="page" aria-busy="true">
        <p>{t('common.loading')}</p>
      </section>
    );
  }
  if (data === null) {
    return (
      <NotFoundPage
        title={t('reception.run.notFound')}
        backTo="/reception"
        backLabel={t('reception.run.backToList')}
      />
    );
  }
  const { reception, summary } = data;
  const topicName = (topic: string) =>
    settings.topics.find((tp) => tp.id === topic)?.[lang] ?? topic;

  const markHeld = async () => {
    setError(null);
    try {
      await markReceptionHeld(db, reception.id, ctx, { expectedVersion: reception.version });
    } catch (failure) {
      const described = describeWriteError(failure, lang, false);
      if (!described) throw failure;
      setError(described.message);
    }
  };

  return (
    <section className="page reception-summary" aria-labelledby="page-title">
      <header className="run-header">
        <div>
          <h1 id="page-title">{t('reception.summary.title')}</h1>
          <p className="run-where">
            {formatDayLong(reception.date, lang)}, {reception.startTime.slice(0, 5)} ·{' '}
            {textFor(reception.place, lang)} ·{' '}
            <span className={`reception-status ${reception.status}`} data-testid="reception-status">
              {labelOf('receptionStatus', reception.status, lang)}
            </span>
          </p>
        </div>
        <nav className="run-links" aria-label={t('reception.run.links')}>
          <Link to={`/reception/${reception.id}`}>{t('reception.run.plan')}</Link>
          {reception.status === 'planned' && (
            <Link className="button" to={`/reception/${reception.id}/run`}>
              {t('reception.summary.backToRun')}
            </Link>
          )}
          {reception.status === 'planned' && (
            <button type="button" className="button primary" onClick={() => void markHeld()}>
              {t('reception.summary.markHeld')}
            </button>
          )}
        </nav>
      </header>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}

      <div className="summary-stats">
        <Stat
          testId="summary-visitors"
          label={t('reception.summary.visitors')}
          value={summary.visitors}
        />
        <Stat
          testId="summary-appeals"
          label={t('reception.summary.appeals')}
          value={summary.appealsRegistered}
        />
        <Stat
          testId="summary-vulnerable"
          label={t('reception.summary.vulnerable')}
          value={summary.vulnerable}
        />
        <Stat
          testId="summary-no-shows"
          label={t('reception.summary.noShows')}
          value={summary.noShows}
        />
        <Stat
          testId="summary-waiting"
          label={t('reception.summary.stillWaiting')}
          value={summary.stillWaiting.length}
        />
      </div>

      <div className="summary-grid">
        <section className="card" aria-labelledby="summary-promises">
          <h2 id="summary-promises">{t('reception.summary.promises')}</h2>
          {summary.promises.length === 0 ? (
            <p className="muted">{t('reception.summary.noPromises')}</p>
          ) : (
            <table className="summary-table">
              <thead>
                <tr>
                  <th scope="col">{t('reception.summary.regNo')}</th>
                  <th scope="col">{t('reception.summary.visitor')}</th>
                  <th scope="col">{t('reception.summary.action')}</th>
                  <th scope="col">{t('reception.summary.deadline')}</th>
                </tr>
              </thead>
              <tbody>
                {summary.promises.map((p) => (
                  <tr key={p.appealId} data-testid="summary-promise">
                    <td className="nowrap">
                      <Link to={`/appeals/${p.appealId}`}>{p.regNo}</Link>
                    </td>
                    <td>
                      {p.entryNumber !== null && <span className="muted">№{p.entryNumber} </span>}
                      {p.visitorName}
                      <div className="muted summary-subject">{p.subject}</div>
                    </td>
                    <td>{p.proposedAction && labelOf('proposedAction', p.proposedAction, lang)}</td>
                    <td>
                      <div className="summary-deadline">
                        <span className="nowrap">{formatDay(p.decideBy)}</span>
                        <DeadlineBadge
                          deadline={appealDeadline(calendar, today, {
                            status: p.status,
                            decideBy: p.decideBy,
                            decidedOn: p.decidedOn,
                          })}
                        />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <div className="summary-side">
          <section className="card" aria-labelledby="summary-topics">
            <h2 id="summary-topics">{t('reception.summary.topics')}</h2>
            {summary.topics.length === 0 ? (
              <p className="muted">{t('reception.summary.noAppeals')}</p>
            ) : (
              <ul className="summary-topics">
                {summary.topics.map((tp) => (
                  <li key={tp.topic}>
                    <span>{topicName(tp.topic)}</span> <strong>{tp.count}</strong>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card" aria-labelledby="summary-waiting">
            <h2 id="summary-waiting">{t('reception.summary.whoWaits')}</h2>
            {summary.stillWaiting.length === 0 ? (
              <p className="muted">{t('reception.summary.nobodyWaits')}</p>
            ) : (
              <ul className="summary-waiting-list">
                {summary.stillWaiting.map((e) => (
                  <li key={e.id} data-testid="summary-waiting-visitor">
                    №{e.number} {e.name} · {labelOf('queueStatus', e.status, lang)}
                    {e.vulnerable && (
                      <span className="visitor-priority">
                        {vulnerableReason(e.vulnerableCategories, lang)}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { FeedbackRound, ReportPublication } from '@shared/domain';
import {
  formatDay,
  formatNumber,
  formatQuarter,
  quarterIdBounds,
  quarterIdOf,
  shiftQuarterId,
} from '@shared/format';
import { toKzLocalDate } from '@shared/calendar/zone';
import { STALE_DAYS } from '@shared/scorecard';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { deleteFeedbackRound, deleteReportPublication } from '@renderer/db/repositories';
import { ConfirmDelete } from '@renderer/features/initiatives';
import { FeedbackDialog, PublicationDialog } from './OpennessDialogs';
import { OpennessList } from './OpennessList';
import { ScorecardPanel } from './ScorecardPanel';
import { useScorecard } from './useScorecard';

type Editing =
  | { kind: 'publication'; item: ReportPublication | null }
  | { kind: 'feedback'; item: FeedbackRound | null }
  | { kind: 'delete'; run: () => Promise<unknown> }
  | null;

/**
 * The "7 steps to an open deputy" for a chosen quarter, and the two records the steps need
 * that appeals cannot give: the report's publications and the feedback rounds.
 */
export function OpennessPage() {
  const { t } = useTranslation();
  const { lang, today, ctx } = useSession();
  const db = useDb();
  const [params, setParams] = useSearchParams();
  const quarter = params.get('quarter') ?? quarterIdOf(today);
  const bounds = quarterIdBounds(quarter) ?? quarterIdBounds(quarterIdOf(today))!;
  const data = useScorecard(bounds.start, bounds.end, today);
  const publications = useLiveQuery(
    async () =>
      (await db.reportPublications.toArray())
        .filter((p) => p.deletedAt === null)
        .sort((a, b) => b.year - a.year || b.quarter - a.quarter),
    [db],
  );
  const rounds = useLiveQuery(
    async () =>
      (await db.feedbackRounds.orderBy('collectedOn').reverse().toArray()).filter(
        (r) => r.deletedAt === null,
      ),
    [db],
  );
  const record = params.get('record');
  const [editing, setEditing] = useState<Editing>(
    record === 'publication'
      ? { kind: 'publication', item: null }
      : record === 'feedback'
        ? { kind: 'feedback', item: null }
        : null,
  );
  const close = () => {
    setEditing(null);
    if (params.has('record')) {
      params.delete('record');
      setParams(params, { replace: true });
    }
  };
  const quarters = Array.from({ length: 8 }, (_, i) => shiftQuarterId(quarterIdOf(today), -i));

  return (
    <section className="page openness-page" aria-labelledby="page-title">
      <h1 id="page-title">{t('scorecard.page.title')}</h1>
      <p className="lead">{t('scorecard.page.lead')}</p>
      <div className="openness-toolbar">
        <label>
          {t('scorecard.page.quarter')}{' '}
          <select
            value={quarter}
            onChange={(event) => {
              params.set('quarter', event.target.value);
              setParams(params, { replace: true });
            }}
          >
            {quarters.map((id) => (
              <option key={id} value={id}>
                {formatQuarter(id, lang)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {data ? <ScorecardPanel card={data.card} /> : <p>{t('scorecard.loading')}</p>}

      <div className="openness-lists">
        <OpennessList
          titleId="publications-title"
          title={t('scorecard.page.publications')}
          addLabel={t('scorecard.page.addPublication')}
          onAdd={() => setEditing({ kind: 'publication', item: null })}
          emptyText={t('scorecard.page.publicationsEmpty')}
          items={publications}
          testId="publication"
          render={(p) => (
            <>
              <strong>{formatQuarter(`${String(p.year)}-Q${String(p.quarter)}`, lang)}</strong>
              <span className="grow">
                {formatDay(p.publishedOn)}
                {p.link && (
                  <>
                    {' · '}
                    <a href={p.link} target="_blank" rel="noreferrer noopener">
                      {t('scorecard.page.openLink')}
                    </a>
                  </>
                )}
                {p.note && ` · ${p.note}`}
              </span>
            </>
          )}
          onEdit={(p) => setEditing({ kind: 'publication', item: p })}
          onDelete={(p) =>
            setEditing({ kind: 'delete', run: () => deleteReportPublication(db, p.id, ctx) })
          }
        />
        <OpennessList
          titleId="feedback-title"
          title={t('scorecard.page.feedback')}
          addLabel={t('scorecard.page.addFeedback')}
          onAdd={() => setEditing({ kind: 'feedback', item: null })}
          emptyText={t('scorecard.page.feedbackEmpty')}
          items={rounds}
          testId="feedback-round"
          render={(r) => (
            <>
              <strong>{formatDay(r.collectedOn)}</strong>
              <span className="grow">
                {r.decision} · {t(`scorecard.channels.${r.channel}`)} ·{' '}
                {t('scorecard.page.responses', { n: formatNumber(r.responses) })}
              </span>
            </>
          )}
          onEdit={(r) => setEditing({ kind: 'feedback', item: r })}
          onDelete={(r) =>
            setEditing({ kind: 'delete', run: () => deleteFeedbackRound(db, r.id, ctx) })
          }
        />
      </div>

      <section className="openness-list card" id="stale" aria-labelledby="stale-title">
        <h2 id="stale-title">{t('scorecard.page.stale', { days: STALE_DAYS })}</h2>
        {data?.stale.length === 0 && <p className="muted">{t('scorecard.page.staleEmpty')}</p>}
        <ul>
          {(data?.stale ?? []).slice(0, 50).map((a) => (
            <li key={a.id}>
              <Link to={`/appeals/${a.id}`}>{a.regNo}</Link>
              <span className="grow">{a.subject}</span>
              <span className="muted">{formatDay(toKzLocalDate(new Date(a.updatedAt)))}</span>
            </li>
          ))}
        </ul>
      </section>

      {editing?.kind === 'publication' && <PublicationDialog item={editing.item} onClose={close} />}
      {editing?.kind === 'feedback' && <FeedbackDialog item={editing.item} onClose={close} />}
      {editing?.kind === 'delete' && (
        <ConfirmDelete
          message={t('scorecard.deleteConfirm.body')}
          onConfirm={editing.run}
          onClose={close}
        />
      )}
    </section>
  );
}

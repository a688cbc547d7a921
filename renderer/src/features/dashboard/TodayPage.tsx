import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { inquiriesAwaitingAnswer } from '@renderer/db/queries/inquiries';
import { openReceptionPromises, receptionsBetween } from '@renderer/db/queries/receptions';
import { useAllRegistryRows } from '@renderer/db/registryRows';
import { labelOf } from '@shared/domain';
import { appealDeadline, DeadlineBadge } from '@renderer/ui/badges';
import {
  formatDay,
  formatDayTime,
  formatDayWithWeekday,
  formatNumber,
  monthWord,
} from '@shared/format';
import { useLang } from '@renderer/ui/useLang';
import { useNowLocal } from '@renderer/ui/useNowLocal';
import {
  countLateInquiries,
  monthOf,
  receptionsThisMonth,
  summarizeToday,
  TODAY_LINKS,
  type TodayRow,
} from './todayCounts';
import { BackupWarnings } from '@renderer/features/backup';
import { TodayScorecard } from '@renderer/features/scorecard';
import './today.css';

function StatCard({
  to,
  label,
  value,
  detail,
  tone,
  testId,
}: {
  to: string;
  label: string;
  value: number;
  detail?: string | null;
  tone: 'danger' | 'warning' | 'info';
  testId: string;
}) {
  return (
    <Link
      to={to}
      className={`today-stat ${value > 0 ? tone : 'zero'}`}
      data-testid={testId}
      aria-label={`${label}: ${value}${detail ? `, ${detail}` : ''}`}
    >
      <span className="today-stat-value">{formatNumber(value)}</span>
      <span className="today-stat-label">{label}</span>
      {detail && <span className="today-stat-detail">{detail}</span>}
    </Link>
  );
}

function ShortList({
  title,
  empty,
  more,
  children,
  count,
  id,
}: {
  title: string;
  empty: string;
  more: { to: string; label: string } | null;
  children: ReactNode[];
  count: number;
  id: string;
}) {
  return (
    <section className="today-list card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children.length === 0 ? <p className="today-empty">{empty}</p> : <ul>{children}</ul>}
      {more && count > children.length && (
        <Link className="today-more" to={more.to}>
          {more.label}
        </Link>
      )}
    </section>
  );
}

/**
 * One appeal in a Today list: its number and subject open the appeal, the badge says what is
 * due. A reception promise shows what was promised and by when before its subject.
 */
function AppealLine({
  row,
  badge,
  promise,
}: {
  row: Pick<TodayRow, 'id' | 'regNo' | 'subject'> & { priority?: boolean };
  badge: ReactNode;
  promise?: { action: ReactNode };
}) {
  const { t } = useTranslation();
  return (
    <li
      className={promise ? 'today-appeal today-promise' : 'today-appeal'}
      data-testid={promise ? 'today-promise' : undefined}
    >
      <Link to={`/appeals/${row.id}`} className="today-appeal-link">
        <span className="today-regno">{row.regNo}</span>
        <span className="today-subject" title={row.subject}>
          {promise ? (
            <>
              {promise.action}
              <span className="today-promise-subject">{row.subject}</span>
            </>
          ) : (
            <>
              {row.priority && (
                <span className="today-priority" title={t('today.priority')}>
                  {t('today.priorityShort')}
                </span>
              )}
              {row.subject}
            </>
          )}
        </span>
      </Link>
      {badge}
    </li>
  );
}

/** When a first contact or an answer to the applicant is due (or was missed). */
function DueBadge({ state, title, children }: { state: string; title: string; children: string }) {
  return (
    <span className={`deadline-badge ${state}`} title={title}>
      {children}
    </span>
  );
}

/**
 * What the office must do today: deadlines due and missed, first contacts within 72 hours,
 * results to report back, late agencies, and whether this month has a reception. Every
 * number opens the matching list in the registry.
 */
export function TodayPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { settings, calendar, today, user } = useSession();
  const now = useNowLocal();
  const month = monthOf(today);

  const rows = useAllRegistryRows(db);
  const inquiries = useLiveQuery(() => inquiriesAwaitingAnswer(db), [db]);
  const receptions = useLiveQuery(
    () => receptionsBetween(db, month.start, month.end),
    [db, month.start, month.end],
  );

  // Checklist step 7: every promise made at a reception stays in view until it is kept.
  const promises = useLiveQuery(() => openReceptionPromises(db), [db]);

  const informWorkingDays = settings.deadlines.informWorkingDays;
  const summary = useMemo(
    () =>
      rows && summarizeToday(rows, { calendar, today, now, userId: user.id, informWorkingDays }),
    [rows, calendar, today, now, user.id, informWorkingDays],
  );
  const lateInquiries = inquiries && countLateInquiries(inquiries, today);
  const receptionCount = receptions && receptionsThisMonth(receptions, today);

  if (!summary) {
    return (
      <section className="page today-page" aria-busy="true" aria-labelledby="page-title">
        <h1 id="page-title">{t('today.title')}</h1>
        <p className="lead">{t('common.loading')}</p>
      </section>
    );
  }
  const { counts } = summary;

  return (
    <section className="page today-page" aria-labelledby="page-title">
      <header className="today-header">
        <h1 id="page-title">{t('today.title')}</h1>
        <span className="today-date">{formatDayWithWeekday(today, lang)}</span>
        <Link to="/appeals/new" className="button primary today-new">
          {t('today.newAppeal')}
        </Link>
      </header>

      <BackupWarnings />

      {receptionCount === 0 && (
        <div className="notice warning today-reception-warning" role="alert">
          <strong>
            {t('today.noReception.title', { month: monthWord(Number(today.slice(5, 7)), lang) })}
          </strong>{' '}
          {t('today.noReception.body')} <Link to="/reception">{t('today.noReception.action')}</Link>
        </div>
      )}

      <div className="today-stats">
        <StatCard
          testId="today-overdue"
          to={TODAY_LINKS.overdue}
          label={t('today.cards.overdue')}
          value={counts.overdue}
          tone="danger"
        />
        <StatCard
          testId="today-due-today"
          to={TODAY_LINKS.dueToday}
          label={t('today.cards.dueToday')}
          value={counts.dueToday}
          tone="warning"
        />
        <StatCard
          testId="today-due-soon"
          to={TODAY_LINKS.dueSoon}
          label={t('today.cards.dueSoon')}
          value={counts.dueSoon}
          tone="info"
        />
        <StatCard
          testId="today-not-contacted"
          to={TODAY_LINKS.notContacted}
          label={t('today.cards.notContacted', { hours: settings.deadlines.acknowledgeHours })}
          value={counts.notContacted}
          detail={
            counts.notContactedLate > 0
              ? t('today.cards.late', { n: counts.notContactedLate })
              : null
          }
          tone={counts.notContactedLate > 0 ? 'danger' : 'warning'}
        />
        <StatCard
          testId="today-not-informed"
          to={TODAY_LINKS.notInformed}
          label={t('today.cards.notInformed')}
          value={counts.notInformed}
          detail={
            counts.notInformedLate > 0 ? t('today.cards.late', { n: counts.notInformedLate }) : null
          }
          tone={counts.notInformedLate > 0 ? 'danger' : 'warning'}
        />
        <StatCard
          testId="today-waiting-agency"
          to={TODAY_LINKS.waitingAgency}
          label={t('today.cards.waitingAgency')}
          value={counts.waitingAgency}
          tone="info"
        />
        <StatCard
          testId="today-agencies-late"
          to="/inquiries?view=overdue"
          label={t('today.cards.agenciesLate')}
          value={lateInquiries ?? 0}
          tone="danger"
        />
        <StatCard
          testId="today-mine"
          to={TODAY_LINKS.mine}
          label={t('today.cards.mine')}
          value={counts.mine}
          detail={t('today.cards.open', { n: counts.open })}
          tone="info"
        />
      </div>

      <div className="today-lists">
        <ShortList
          id="today-urgent-title"
          title={t('today.lists.urgent')}
          empty={t('today.lists.urgentEmpty')}
          count={counts.overdue + counts.dueToday + counts.dueSoon}
          more={{ to: TODAY_LINKS.overdue, label: t('today.lists.allOverdue') }}
        >
          {summary.urgent.map(({ row }) => (
            <AppealLine
              key={row.id}
              row={row}
              badge={<DeadlineBadge deadline={appealDeadline(calendar, today, row)} />}
            />
          ))}
        </ShortList>
        <div className="today-side">
          <ShortList
            id="today-contact-title"
            title={t('today.lists.contact', { hours: settings.deadlines.acknowledgeHours })}
            empty={t('today.lists.contactEmpty')}
            count={counts.notContacted}
            more={{ to: TODAY_LINKS.notContacted, label: t('today.lists.all') }}
          >
            {summary.contact.map(({ row, late }) => (
              <AppealLine
                key={row.id}
                row={row}
                badge={
                  <DueBadge
                    state={late ? 'overdue' : 'due_soon'}
                    title={formatDayTime(row.acknowledgeBy)}
                  >
                    {t(late ? 'today.lists.contactLate' : 'today.lists.contactBy', {
                      time: formatDayTime(row.acknowledgeBy),
                    })}
                  </DueBadge>
                }
              />
            ))}
          </ShortList>
          <ShortList
            id="today-inform-title"
            title={t('today.lists.inform')}
            empty={t('today.lists.informEmpty')}
            count={counts.notInformed}
            more={{ to: TODAY_LINKS.notInformed, label: t('today.lists.all') }}
          >
            {summary.inform.map(({ row, informBy, state }) => (
              <AppealLine
                key={row.id}
                row={row}
                badge={
                  <DueBadge state={state} title={formatDay(informBy)}>
                    {t(state === 'overdue' ? 'today.lists.informLate' : 'today.lists.informBy', {
                      date: formatDay(informBy),
                    })}
                  </DueBadge>
                }
              />
            ))}
          </ShortList>
          <ShortList
            id="today-promises-title"
            title={t('today.lists.promises')}
            empty={t('today.lists.promisesEmpty')}
            count={promises?.length ?? 0}
            more={{ to: '/registry?channel=reception', label: t('today.lists.all') }}
          >
            {(promises ?? []).slice(0, 8).map((appeal) => (
              <AppealLine
                key={appeal.id}
                row={appeal}
                promise={{
                  action: appeal.proposedAction && (
                    <span className="today-promise-action">
                      {t('today.lists.promiseBy', { date: formatDay(appeal.decideBy) })} ·{' '}
                      {labelOf('proposedAction', appeal.proposedAction, lang)}
                    </span>
                  ),
                }}
                badge={<DeadlineBadge deadline={appealDeadline(calendar, today, appeal)} />}
              />
            ))}
          </ShortList>
        </div>
      </div>

      <TodayScorecard />
    </section>
  );
}

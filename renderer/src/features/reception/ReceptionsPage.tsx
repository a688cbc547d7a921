import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { labelOf, type Reception, textFor } from '@shared/domain';
import {
  addMonths,
  isMonthKey,
  monthOfDay,
  upcomingMonthsWithout,
  type MonthKey,
} from '@shared/reception/months';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { listReceptions } from '@renderer/db/queries/receptions';
import { formatDay } from '@shared/format';
import { useHotkeys } from '@renderer/ui/useHotkeys';
import { useLang } from '@renderer/ui/useLang';
import { MonthCalendar } from './MonthCalendar';
import { capitalize, monthList, monthName, suggestedDay, timeRange } from './receptionText';
import './reception.css';
import './receptionPlan.css';
import { formatDayWithWeekday } from '@shared/format';

function ReceptionRow({ reception, today }: { reception: Reception; today: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const done = reception.checklist.filter((s) => s.done).length;
  const visitors = reception.queue.length;
  return (
    <li className={`reception-row ${reception.status}`}>
      <Link to={`/reception/${reception.id}`} className="reception-row-link">
        <span className="reception-row-date">{formatDayWithWeekday(reception.date, lang)}</span>
        <span className="reception-row-time">{timeRange(reception)}</span>
        <span className="reception-row-place" title={textFor(reception.place, lang)}>
          {textFor(reception.place, lang)}
        </span>
      </Link>
      <span className="reception-row-meta">
        <span className={`status-badge reception-status ${reception.status}`}>
          {labelOf('receptionStatus', reception.status, lang)}
        </span>
        <span className="reception-row-format">
          {labelOf('receptionFormat', reception.format, lang)}
        </span>
        {reception.status === 'planned' && reception.date < today && (
          <Link to={`/reception/${reception.id}/summary`} className="reception-warn">
            {t('reception.list.notClosed')}
          </Link>
        )}
        {reception.status === 'planned' && reception.date >= today && (
          <>
            <span className={reception.announcedOn ? 'reception-ok' : 'reception-warn'}>
              {reception.announcedOn
                ? t('reception.list.announced', { date: formatDay(reception.announcedOn) })
                : t('reception.list.notAnnounced')}
            </span>
            {reception.checklist.length > 0 && (
              <span className={done === reception.checklist.length ? 'reception-ok' : ''}>
                {t('reception.list.preparation', { done, total: reception.checklist.length })}
              </span>
            )}
          </>
        )}
        {reception.status !== 'cancelled' && visitors > 0 && (
          <span>{t('reception.list.visitors', { count: visitors })}</span>
        )}
        {reception.status === 'cancelled' && reception.cancelReason && (
          <span className="reception-row-reason" title={reception.cancelReason}>
            {reception.cancelReason}
          </span>
        )}
      </span>
    </li>
  );
}

/**
 * The reception plan: a month calendar, the warning for this month and the next two when
 * they have no reception (the seed: at least one a month), and the lists of upcoming and
 * past receptions. N plans a new one.
 */
export function ReceptionsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const navigate = useNavigate();
  const { today } = useSession();
  const [params, setParams] = useSearchParams();
  const requested = params.get('month') ?? '';
  const month: MonthKey = isMonthKey(requested) ? requested : monthOfDay(today);
  const receptions = useLiveQuery(() => listReceptions(db), [db]);

  const setMonth = (next: MonthKey) => {
    setParams(next === monthOfDay(today) ? {} : { month: next }, { replace: true });
  };
  useHotkeys({
    n: () => navigate('/reception/new'),
    PageUp: () => setMonth(addMonths(month, -1)),
    PageDown: () => setMonth(addMonths(month, 1)),
  });

  const missing = receptions ? upcomingMonthsWithout(receptions, today) : [];
  const upcoming = (receptions ?? []).filter((r) => r.status === 'planned' && r.date >= today);
  const past = (receptions ?? [])
    .filter((r) => !(r.status === 'planned' && r.date >= today))
    .reverse();

  return (
    <section className="page reception-page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">{t('reception.title')}</h1>
        <Link to="/reception/new" className="button primary" aria-keyshortcuts="N">
          {t('reception.list.new')} <kbd className="kbd">N</kbd>
        </Link>
      </header>
      <p className="lead">{t('reception.list.lead')}</p>

      {missing.length > 0 && (
        <div className="notice warning reception-missing" role="alert" data-testid="months-missing">
          <strong>
            {capitalize(
              t('reception.calendar.missing', {
                count: missing.length,
                months: monthList(missing, lang),
              }),
            )}
          </strong>{' '}
          {t('reception.calendar.rule')}
          <span className="reception-missing-links">
            {missing.map((m) => (
              <Link key={m} to={`/reception/new?date=${suggestedDay(m, today)}`}>
                {capitalize(t('reception.calendar.planMonth', { month: monthName(m, lang) }))}
              </Link>
            ))}
          </span>
        </div>
      )}

      <div className="reception-layout">
        <MonthCalendar
          month={month}
          today={today}
          receptions={receptions ?? []}
          onMonthChange={setMonth}
          prevMonth={addMonths(month, -1)}
          nextMonth={addMonths(month, 1)}
        />
        <div className="reception-lists">
          <section className="card" aria-labelledby="reception-upcoming">
            <h2 id="reception-upcoming">{t('reception.list.upcoming')}</h2>
            {receptions === undefined ? (
              <p className="lead">{t('common.loading')}</p>
            ) : upcoming.length === 0 ? (
              <p className="reception-empty">{t('reception.list.noUpcoming')}</p>
            ) : (
              <ul className="reception-rows" data-testid="upcoming-receptions">
                {upcoming.map((r) => (
                  <ReceptionRow key={r.id} reception={r} today={today} />
                ))}
              </ul>
            )}
          </section>
          <section className="card" aria-labelledby="reception-past">
            <h2 id="reception-past">{t('reception.list.past')}</h2>
            {receptions !== undefined && past.length === 0 ? (
              <p className="reception-empty">{t('reception.list.noPast')}</p>
            ) : (
              <ul className="reception-rows" data-testid="past-receptions">
                {past.map((r) => (
                  <ReceptionRow key={r.id} reception={r} today={today} />
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </section>
  );
}

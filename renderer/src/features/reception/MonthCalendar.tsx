import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { labelOf, RECEPTION_STATUSES, type Reception, textFor } from '@shared/domain';
import { countsForMonth, monthGrid, monthOfDay, type MonthKey } from '@shared/reception/months';
import { formatDay } from '@shared/format';
import { useLang } from '@renderer/ui/useLang';
import { monthTitle, timeRange } from './receptionText';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

interface MonthCalendarProps {
  month: MonthKey;
  today: string;
  /** Receptions of the shown month (others are ignored). */
  receptions: readonly Reception[];
  onMonthChange: (month: MonthKey) => void;
  prevMonth: MonthKey;
  nextMonth: MonthKey;
}

/**
 * One month of receptions, Monday first. Each reception opens its plan; a day still ahead
 * offers to plan one on it. PageUp/PageDown (handled by the page) change the month.
 */
export function MonthCalendar({
  month,
  today,
  receptions,
  onMonthChange,
  prevMonth,
  nextMonth,
}: MonthCalendarProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const inMonth = receptions.filter((r) => monthOfDay(r.date) === month);
  const byDay = new Map<string, Reception[]>();
  for (const r of inMonth) byDay.set(r.date, [...(byDay.get(r.date) ?? []), r]);
  const empty = !inMonth.some(countsForMonth);
  const currentMonth = monthOfDay(today);
  const title = monthTitle(month, lang);

  return (
    <section className="card reception-calendar" aria-labelledby="reception-calendar-title">
      <header className="reception-calendar-header">
        <button
          type="button"
          className="button"
          onClick={() => onMonthChange(prevMonth)}
          aria-label={t('reception.calendar.prev')}
          title={`${t('reception.calendar.prev')} (PageUp)`}
        >
          ‹
        </button>
        <h2 id="reception-calendar-title" aria-live="polite">
          {title}
        </h2>
        <button
          type="button"
          className="button"
          onClick={() => onMonthChange(nextMonth)}
          aria-label={t('reception.calendar.next')}
          title={`${t('reception.calendar.next')} (PageDown)`}
        >
          ›
        </button>
        {month !== currentMonth && (
          <button type="button" className="link-button" onClick={() => onMonthChange(currentMonth)}>
            {t('reception.calendar.current')}
          </button>
        )}
        <span className="reception-calendar-keys">
          <kbd className="kbd">PageUp</kbd> <kbd className="kbd">PageDown</kbd>{' '}
          {t('reception.calendar.keys')}
        </span>
      </header>
      {empty && (
        <p className="notice warning reception-month-empty" data-testid="month-empty">
          {t('reception.calendar.monthEmpty')}{' '}
          {month >= currentMonth && t('reception.calendar.rule')}
        </p>
      )}
      <table className="reception-month" aria-label={`${t('reception.calendar.label')}: ${title}`}>
        <thead>
          <tr>
            {WEEKDAYS.map((d) => (
              <th key={d} scope="col">
                {t(`reception.calendar.weekdays.${d}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthGrid(month).map((week) => (
            <tr key={week[0]}>
              {week.map((day, i) => {
                const outside = monthOfDay(day) !== month;
                const dayReceptions = outside ? [] : (byDay.get(day) ?? []);
                const classes = [
                  'reception-day',
                  outside ? 'outside' : '',
                  i >= 5 ? 'weekend' : '',
                  day === today ? 'today' : '',
                  dayReceptions.length > 0 ? 'has-reception' : '',
                ]
                  .filter(Boolean)
                  .join(' ');
                return (
                  <td key={day} className={classes} data-day={day}>
                    <div className="reception-day-head">
                      <span className="reception-day-number">{Number(day.slice(8, 10))}</span>
                      {day === today && (
                        <span className="reception-today-mark">
                          {t('reception.calendar.today')}
                        </span>
                      )}
                      {!outside && day >= today && (
                        <Link
                          to={`/reception/new?date=${day}`}
                          className="reception-day-add"
                          aria-label={t('reception.calendar.planOnDay', { date: formatDay(day) })}
                          title={t('reception.calendar.planOnDay', { date: formatDay(day) })}
                          tabIndex={-1}
                        >
                          +
                        </Link>
                      )}
                    </div>
                    {dayReceptions.map((r) => (
                      <Link
                        key={r.id}
                        to={`/reception/${r.id}`}
                        className={`reception-chip ${r.status}`}
                        data-testid="calendar-reception"
                        title={`${timeRange(r)}, ${labelOf('receptionStatus', r.status, lang)}: ${textFor(r.place, lang)}`}
                      >
                        <span className="reception-chip-time">{timeRange(r)}</span>
                        {/* The chip's colour shows the status (see the legend); the word is for screen readers. */}
                        <span className="visually-hidden">
                          {labelOf('receptionStatus', r.status, lang)}
                        </span>
                      </Link>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="reception-legend" aria-hidden="true">
        {RECEPTION_STATUSES.map((status) => (
          <span key={status} className={status}>
            {labelOf('receptionStatus', status, lang)}
          </span>
        ))}
      </p>
    </section>
  );
}

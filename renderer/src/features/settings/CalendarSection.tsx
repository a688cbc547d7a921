import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { z } from 'zod';
import { dayOffKind } from '@shared/calendar';
import { err, localDateSchema, type CalendarYearOverrides, type Settings } from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import { Field } from '@renderer/ui/Field';
import { formatDay, formatDayMonth, monthName, weekdayName, weekdaysShort } from '@shared/format';
import { useLang } from '@renderer/ui/useLang';
import {
  builtInKurbanAit,
  describeDaysOff,
  EMPTY_YEAR_OVERRIDES,
  workingDayTotals,
  yearGrid,
  type CellKind,
  type DayOff,
} from './calendarYear';
import { changeSettings, describeSaveError, fieldError } from './saveHelpers';
import { DateInput } from '@renderer/ui/DateInput';

const MIN_SHOWN_YEAR = 2000;
const MAX_SHOWN_YEAR = 2100;
const LEGEND: readonly CellKind[] = [
  'work',
  'weekend',
  'holiday',
  'moved_holiday',
  'religious',
  'transfer',
  'extra_work',
];

/** «1 қаңтар, бейсенбі» / «1 января, четверг». */
function dayWithWeekday(day: string, lang: Lang): string {
  return `${formatDayMonth(day, lang)}, ${weekdayName(day, lang)}`;
}

function parseYear(value: string | null, fallback: number): number {
  const year = Number(value);
  return Number.isInteger(year) && year >= MIN_SHOWN_YEAR && year <= MAX_SHOWN_YEAR
    ? year
    : fallback;
}

function overridesOf(settings: Settings, year: number): CalendarYearOverrides {
  return settings.calendar[String(year)] ?? EMPTY_YEAR_OVERRIDES;
}

/** The settings with one year's overrides replaced (an empty year is dropped). */
function withYear(settings: Settings, year: number, next: CalendarYearOverrides): Settings {
  const calendar = { ...settings.calendar };
  const sorted = {
    extraDaysOff: [...new Set(next.extraDaysOff)].sort(),
    extraWorkingDays: [...new Set(next.extraWorkingDays)].sort(),
    religiousDaysOff: [...new Set(next.religiousDaysOff)].sort(),
  };
  if (Object.values(sorted).every((list) => list.length === 0)) delete calendar[String(year)];
  else calendar[String(year)] = sorted;
  return { ...settings, calendar };
}

/** A one-date form; `onAdd` returns an error text or null when done. */
function DayForm({
  year,
  label,
  hint,
  button,
  defaultDay = '',
  onAdd,
  children,
}: {
  year: number;
  label: string;
  hint?: string;
  button: string;
  defaultDay?: string;
  onAdd: (day: string) => Promise<string | null>;
  children?: ReactNode;
}) {
  const lang = useLang();
  const schema = z.object({
    day: localDateSchema.refine((d) => d.startsWith(`${year}-`), err('date_outside_year')),
  });
  const form = useForm<{ day: string }>({
    resolver: zodResolver(schema),
    defaultValues: { day: defaultDay },
  });
  const [failure, setFailure] = useState<string | null>(null);
  const submit = form.handleSubmit(async ({ day }) => {
    const problem = await onAdd(day);
    setFailure(problem);
    if (!problem) form.reset({ day: defaultDay });
  });
  return (
    <form className="calendar-form card" onSubmit={submit} noValidate>
      <Field
        label={label}
        hint={hint}
        error={fieldError(form.formState.errors, 'day', lang) ?? failure}
      >
        <DateInput
          min={`${year}-01-01`}
          max={`${year}-12-31`}
          {...form.register('day', { onChange: () => setFailure(null) })}
        />
      </Field>
      <div className="button-row">
        <button type="submit" className="button primary">
          {button}
        </button>
        {children}
      </div>
    </form>
  );
}

function DaysOffList({
  days,
  onRemove,
}: {
  days: readonly DayOff[];
  onRemove: (day: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <ul className="calendar-days-off" aria-label={t('settings.calendar.daysOffTitle')}>
      {days.map((d) => (
        <li key={d.day} className={`calendar-day-off ${d.kind}`} data-day={d.day}>
          <span className="calendar-swatch" aria-hidden="true" />
          <span className="calendar-day-text">
            <strong>{dayWithWeekday(d.day, lang)}</strong>
            <span className="calendar-day-meta">
              {d.holiday
                ? d.movedFrom
                  ? t('settings.calendar.movedFrom', {
                      name: t(`settings.calendar.holidays.${d.holiday}`),
                      date: formatDay(d.movedFrom),
                    })
                  : t(`settings.calendar.holidays.${d.holiday}`)
                : t(`settings.calendar.kinds.${d.kind}`)}
              {d.holiday && d.kind !== 'holiday' && ` · ${t(`settings.calendar.kinds.${d.kind}`)}`}
            </span>
          </span>
          {d.custom && (
            <button
              type="button"
              className="button small"
              aria-label={t('settings.calendar.removeOf', { date: formatDay(d.day) })}
              onClick={() => onRemove(d.day)}
            >
              {t('settings.calendar.remove')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * The working-day calendar of one year: days off computed from the law (moved holidays,
 * religious days), plus the office's corrections from the yearly government order. Deadlines
 * use it as soon as it is saved: the session's calendar is built from these settings.
 */
export function CalendarSection() {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { settings, calendar, today, ctx } = useSession();
  const [params, setParams] = useSearchParams();
  const year = parseYear(params.get('year'), Number(today.slice(0, 4)));
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  const overrides = overridesOf(settings, year);
  const daysOff = describeDaysOff(calendar, year, overrides);
  const grid = yearGrid(calendar, year);
  const totals = workingDayTotals(grid);
  const weekdays = weekdaysShort(lang);
  const kurbanBuiltIn = builtInKurbanAit(year);
  const kurban = overrides.religiousDaysOff[0] ?? kurbanBuiltIn;

  const goTo = (next: number) => {
    setNotice(null);
    setParams({ year: String(next) }, { replace: true });
  };

  /** Saves a change of this year's overrides; returns an error text or null. */
  const update = async (
    change: (current: CalendarYearOverrides) => CalendarYearOverrides,
    done: string,
  ): Promise<string | null> => {
    try {
      await changeSettings(db, ctx, (current) =>
        withYear(current, year, change(overridesOf(current, year))),
      );
      setNotice({ tone: 'ok', text: done });
      return null;
    } catch (error) {
      const { message } = describeSaveError(error, lang);
      setNotice(null);
      return message;
    }
  };

  const addDayOff = (day: string) => {
    if (dayOffKind(calendar, day) !== null) {
      return Promise.resolve(t('settings.calendar.alreadyOff'));
    }
    return update(
      (o) => ({ ...o, extraDaysOff: [...o.extraDaysOff, day] }),
      t('settings.calendar.dayOffAdded', { date: formatDay(day) }),
    );
  };

  const addWorkingDay = (day: string) => {
    if (dayOffKind(calendar, day) === null) {
      return Promise.resolve(t('settings.calendar.alreadyWorking'));
    }
    return update(
      (o) => ({ ...o, extraWorkingDays: [...o.extraWorkingDays, day] }),
      t('settings.calendar.workingDayAdded', { date: formatDay(day) }),
    );
  };

  const setKurban = (day: string) =>
    update(
      (o) => ({ ...o, religiousDaysOff: day === kurbanBuiltIn ? [] : [day] }),
      t('settings.calendar.kurbanSaved', { date: formatDay(day) }),
    );

  const removeDayOff = (day: string) =>
    void update(
      (o) => ({ ...o, extraDaysOff: o.extraDaysOff.filter((d) => d !== day) }),
      t('settings.calendar.removed', { date: formatDay(day) }),
    ).then((problem) => problem && setNotice({ tone: 'error', text: problem }));

  const removeWorkingDay = (day: string) =>
    void update(
      (o) => ({ ...o, extraWorkingDays: o.extraWorkingDays.filter((d) => d !== day) }),
      t('settings.calendar.removed', { date: formatDay(day) }),
    ).then((problem) => problem && setNotice({ tone: 'error', text: problem }));

  return (
    <div className="settings-section calendar-section">
      <div className="calendar-head">
        <div className="calendar-year-nav">
          <button
            type="button"
            className="button small"
            aria-label={t('settings.calendar.previousYear')}
            disabled={year <= MIN_SHOWN_YEAR}
            onClick={() => goTo(year - 1)}
          >
            ‹
          </button>
          <h2 aria-live="polite">{year}</h2>
          <button
            type="button"
            className="button small"
            aria-label={t('settings.calendar.nextYear')}
            disabled={year >= MAX_SHOWN_YEAR}
            onClick={() => goTo(year + 1)}
          >
            ›
          </button>
        </div>
        <p className="calendar-summary">
          {t('settings.calendar.workingDays', { count: totals.total, year })}
          {' · '}
          {t('settings.calendar.weekdayDaysOff', { count: daysOff.length })}
        </p>
      </div>
      <p className="settings-lead">{t('settings.calendar.lead')}</p>

      <div className="calendar-layout">
        <section className="calendar-list" aria-labelledby="calendar-days-off-title">
          <h3 id="calendar-days-off-title">{t('settings.calendar.daysOffTitle')}</h3>
          <DaysOffList days={daysOff} onRemove={removeDayOff} />
          {overrides.extraWorkingDays.length > 0 && (
            <>
              <h3>{t('settings.calendar.workingDaysTitle')}</h3>
              <ul
                className="calendar-days-off"
                aria-label={t('settings.calendar.workingDaysTitle')}
              >
                {overrides.extraWorkingDays.map((day) => (
                  <li key={day} className="calendar-day-off extra_work" data-day={day}>
                    <span className="calendar-swatch" aria-hidden="true" />
                    <span className="calendar-day-text">
                      <strong>{dayWithWeekday(day, lang)}</strong>
                      <span className="calendar-day-meta">
                        {t('settings.calendar.kinds.extra_work')}
                      </span>
                    </span>
                    <button
                      type="button"
                      className="button small"
                      aria-label={t('settings.calendar.removeOf', { date: formatDay(day) })}
                      onClick={() => removeWorkingDay(day)}
                    >
                      {t('settings.calendar.remove')}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>

        <section className="calendar-grid-wrap" aria-label={t('settings.calendar.gridTitle')}>
          <div className="calendar-grid">
            {grid.map((m) => (
              <div key={m.month} className="calendar-month">
                <div className="calendar-month-name">
                  {monthName(m.month, lang)}
                  <span
                    className="calendar-month-count"
                    title={t('settings.calendar.monthWorkingDays', {
                      count: totals.byMonth[m.month - 1] ?? 0,
                    })}
                  >
                    {totals.byMonth[m.month - 1]}
                  </span>
                </div>
                <div className="calendar-weekdays" aria-hidden="true">
                  {weekdays.map((w) => (
                    <span key={w}>{w}</span>
                  ))}
                </div>
                <div className="calendar-days">
                  {m.offset > 0 && (
                    <span className="calendar-blank" style={{ gridColumn: `span ${m.offset}` }} />
                  )}
                  {m.cells.map((c) => (
                    <span
                      key={c.day}
                      className={`calendar-cell ${c.kind}${c.day === today ? ' today' : ''}`}
                      title={`${formatDay(c.day)} — ${t(`settings.calendar.kinds.${c.kind}`)}`}
                    >
                      {c.date}
                    </span>
                  ))}
                </div>
              </div>
            ))}
          </div>
          <ul className="calendar-legend">
            {LEGEND.map((kind) => (
              <li key={kind}>
                <span className={`calendar-cell ${kind}`} aria-hidden="true" />
                {t(`settings.calendar.kinds.${kind}`)}
              </li>
            ))}
          </ul>
          {notice && (
            <p className={`settings-notice ${notice.tone}`} role="status">
              {notice.text}
            </p>
          )}

          <div className="calendar-forms">
            <DayForm
              key={`off-${year}`}
              year={year}
              label={t('settings.calendar.addDayOff')}
              hint={t('settings.calendar.addDayOffHint')}
              button={t('settings.calendar.addDayOffButton')}
              onAdd={addDayOff}
            />
            <DayForm
              key={`work-${year}`}
              year={year}
              label={t('settings.calendar.addWorkingDay')}
              hint={t('settings.calendar.addWorkingDayHint')}
              button={t('settings.calendar.addWorkingDayButton')}
              onAdd={addWorkingDay}
            />
            <DayForm
              key={`kurban-${year}-${kurban ?? ''}`}
              year={year}
              label={t('settings.calendar.kurban')}
              hint={
                kurbanBuiltIn
                  ? t('settings.calendar.kurbanHint', { date: formatDay(kurbanBuiltIn) })
                  : t('settings.calendar.kurbanUnknown')
              }
              button={t('settings.calendar.kurbanButton')}
              defaultDay={kurban ?? ''}
              onAdd={setKurban}
            >
              {overrides.religiousDaysOff.length > 0 && (
                <button
                  type="button"
                  className="button"
                  onClick={() =>
                    void update(
                      (o) => ({ ...o, religiousDaysOff: [] }),
                      t('settings.calendar.kurbanReset'),
                    )
                  }
                >
                  {t('settings.calendar.kurbanResetButton')}
                </button>
              )}
            </DayForm>
          </div>
        </section>
      </div>
    </div>
  );
}

// Deadlines of an appeal (domain.md, "Deadlines"). Every function takes the working-day
// calendar and the dates explicitly: there is no hidden clock, "today" is always an argument.

import { z } from 'zod';
import {
  addWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  workingDaysBetween,
  type WorkCalendar,
} from '../calendar';
import {
  MINUTES_PER_DAY,
  addMonthsClamped,
  formatDay,
  formatLocalDateTime,
  parseDay,
  parseLocalDateTime,
  parseTimeOfDay,
} from '../calendar/dates';
import { informBy } from './predicates';

export type DeadlineRules = {
  /** First contact with the applicant, in clock hours after receipt. */
  acknowledgeHours: number;
  /** Consideration of an appeal (АППК art. 76). */
  decideWorkingDays: number;
  /** Forwarding an appeal outside the deputy's competence (АППК art. 65). */
  forwardWorkingDays: number;
  /** Reporting the result to the applicant after the decision (office rule). */
  informWorkingDays: number;
  /** Longest total term with extensions, in calendar months from registration (АППК art. 76). */
  extensionMaxMonths: number;
  /** Expected answer of an agency to a deputy inquiry (office practice). */
  inquiryAnswerWorkingDays: number;
  /** Telling the applicant about an extension (АППК art. 76). */
  extensionNoticeWorkingDays: number;
};

export const DEFAULT_DEADLINE_RULES: Readonly<DeadlineRules> = Object.freeze({
  acknowledgeHours: 72,
  decideWorkingDays: 15,
  forwardWorkingDays: 3,
  informWorkingDays: 3,
  extensionMaxMonths: 2,
  inquiryAnswerWorkingDays: 15,
  extensionNoticeWorkingDays: 3,
});

const boundedInt = (max: number) => z.number().int().min(1).max(max);

/** Settings form validation: positive whole numbers with generous but sane upper bounds. */
export const deadlineRulesSchema = z.object({
  acknowledgeHours: boundedInt(720),
  decideWorkingDays: boundedInt(120),
  forwardWorkingDays: boundedInt(60),
  informWorkingDays: boundedInt(60),
  extensionMaxMonths: boundedInt(12),
  inquiryAnswerWorkingDays: boundedInt(120),
  extensionNoticeWorkingDays: boundedInt(60),
}) satisfies z.ZodType<DeadlineRules>;

export type DeadlineErrorCode =
  'extension_beyond_cap' | 'extension_not_later' | 'extension_not_working_day';

export const deadlineErrorMessages: Readonly<
  Record<DeadlineErrorCode, { readonly kk: string; readonly ru: string }>
> = {
  extension_beyond_cap: {
    kk: 'Ұзартылған мерзім өтініш тіркелген күннен бастап екі айдан аспауға тиіс (ӘРПК 76-бабы).',
    ru: 'Продлённый срок не может превышать двух месяцев со дня регистрации обращения (статья 76 АППК).',
  },
  extension_not_later: {
    kk: 'Жаңа мерзім қазіргі қарау мерзімінен кейінгі күн болуы керек.',
    ru: 'Новый срок должен быть позже текущего срока рассмотрения.',
  },
  extension_not_working_day: {
    kk: 'Жаңа мерзім демалыс немесе мереке күніне түседі. Жұмыс күнін таңдаңыз.',
    ru: 'Новый срок приходится на выходной или праздничный день. Выберите рабочий день.',
  },
};

export class DeadlineError extends Error {
  readonly code: DeadlineErrorCode;

  constructor(code: DeadlineErrorCode, detail: string) {
    super(`${code}: ${detail}`);
    this.name = 'DeadlineError';
    this.code = code;
  }
}

export type AppealDates = {
  /** Local date-time 'YYYY-MM-DDTHH:mm' (seconds optional). */
  receivedAt: string;
  registeredOn: string;
  extendedTo?: string | null;
  decidedOn?: string | null;
};

export type AppealDeadlines = {
  /** Local date-time 'YYYY-MM-DDTHH:mm'. */
  acknowledgeBy: string;
  decideBy: string;
  informBy: string | null;
  forwardBy: string;
};

/**
 * Deadlines of one appeal. Working-day terms count from the day after registration. The
 * acknowledgement is measured in clock hours from the moment of receipt, not from the
 * registration day: registration is only a date, and an appeal that arrives on Friday evening
 * should not wait for Monday to start its 72 hours. Seconds of `receivedAt` are dropped,
 * which can only make that deadline earlier, never later than the rule.
 * Throws a DeadlineError when `extendedTo` is beyond the extension cap.
 */
export function computeDeadlines(
  cal: WorkCalendar,
  appeal: AppealDates,
  rules: DeadlineRules = DEFAULT_DEADLINE_RULES,
): AppealDeadlines {
  const received = parseLocalDateTime(appeal.receivedAt, 'receivedAt');
  const { registeredOn, extendedTo, decidedOn } = appeal;
  let decideBy: string;
  if (extendedTo === undefined || extendedTo === null) {
    decideBy = addWorkingDays(cal, registeredOn, rules.decideWorkingDays);
  } else {
    const cap = maxExtensionDate(registeredOn, rules);
    if (parseDay(extendedTo, 'extendedTo') > parseDay(cap)) {
      throw new DeadlineError(
        'extension_beyond_cap',
        `extendedTo ${extendedTo} is after ${cap}, the latest date allowed for an appeal registered on ${registeredOn}`,
      );
    }
    decideBy = extendedTo;
  }
  return {
    acknowledgeBy: formatLocalDateTime(received + rules.acknowledgeHours * 60),
    decideBy,
    informBy:
      decidedOn === undefined || decidedOn === null
        ? null
        : informBy(cal, decidedOn, rules.informWorkingDays),
    forwardBy: addWorkingDays(cal, registeredOn, rules.forwardWorkingDays),
  };
}

/** Latest date an extension may reach: `extensionMaxMonths` calendar months after registration. */
export function maxExtensionDate(
  registeredOn: string,
  rules: DeadlineRules = DEFAULT_DEADLINE_RULES,
): string {
  return addMonthsClamped(registeredOn, rules.extensionMaxMonths);
}

export type ExtensionCheck = { ok: true } | { ok: false; code: DeadlineErrorCode };

/**
 * Checks a new extended deadline against the current one (which may itself be an earlier
 * extension: the two-month cap is for the whole term, not per extension). A deadline on a
 * day off is rejected because the office could not act on it; the cap still wins over it.
 */
export function validateExtension(
  cal: WorkCalendar,
  registeredOn: string,
  currentDecideBy: string,
  extendedTo: string,
  rules: DeadlineRules = DEFAULT_DEADLINE_RULES,
): ExtensionCheck {
  const target = parseDay(extendedTo, 'extendedTo');
  if (target <= parseDay(currentDecideBy, 'currentDecideBy')) {
    return { ok: false, code: 'extension_not_later' };
  }
  if (target > parseDay(maxExtensionDate(registeredOn, rules))) {
    return { ok: false, code: 'extension_beyond_cap' };
  }
  if (!isWorkingDay(cal, extendedTo)) return { ok: false, code: 'extension_not_working_day' };
  return { ok: true };
}

/** By when the applicant must hear about an extension decided on `extendedOn`. */
export function extensionNoticeBy(
  cal: WorkCalendar,
  extendedOn: string,
  rules: DeadlineRules = DEFAULT_DEADLINE_RULES,
): string {
  return addWorkingDays(cal, extendedOn, rules.extensionNoticeWorkingDays);
}

/** When an agency's answer to a deputy inquiry sent on `sentOn` is expected. */
export function inquiryAnswerBy(
  cal: WorkCalendar,
  sentOn: string,
  rules: DeadlineRules = DEFAULT_DEADLINE_RULES,
): string {
  return addWorkingDays(cal, sentOn, rules.inquiryAnswerWorkingDays);
}

export type WorkHours = { start: string; end: string };

export const DEFAULT_WORK_HOURS: Readonly<WorkHours> = Object.freeze({
  start: '09:00',
  end: '18:00',
});

/**
 * Registration day of an appeal (АППК art. 64): the day it arrived, or the next working day
 * if it arrived after working hours (at or after `end`) or on a day off. An appeal that
 * arrives before opening on a working day (an e-mail at 07:30) is registered that same day:
 * the office opens and registers it that day, and the law only postpones after-hours and
 * day-off arrivals. So `start` is validated but does not change the result.
 */
export function registrationDay(
  cal: WorkCalendar,
  receivedAt: string,
  workHours: WorkHours = DEFAULT_WORK_HOURS,
): string {
  const received = parseLocalDateTime(receivedAt, 'receivedAt');
  const start = parseTimeOfDay(workHours.start, 'start of working hours');
  const end = parseTimeOfDay(workHours.end, 'end of working hours');
  if (start >= end) {
    throw new RangeError(
      `Working hours ${workHours.start}–${workHours.end}: the start must be before the end`,
    );
  }
  const dayNumber = Math.floor(received / MINUTES_PER_DAY);
  const day = formatDay(dayNumber);
  const minuteOfDay = received - dayNumber * MINUTES_PER_DAY;
  return isWorkingDay(cal, day) && minuteOfDay < end ? day : nextWorkingDay(cal, day);
}

export type DeadlineState = 'on_track' | 'due_soon' | 'due_today' | 'overdue';

/** Days before a deadline when it starts to be highlighted, in working days. */
const DUE_SOON_WORKING_DAYS = 2;

/**
 * Badge state of a deadline. The issue sketched `deadlineState(today, due)`; counting working
 * days needs the calendar, so it is the first argument. "Due soon" means the deadline falls
 * within the next two working days; a deadline after today on a day off (with no working day
 * in between) counts as due soon too, since it cannot be met later than the next working day.
 */
export function deadlineState(cal: WorkCalendar, today: string, due: string): DeadlineState {
  const t = parseDay(today, 'today');
  const d = parseDay(due, 'due date');
  if (t > d) return 'overdue';
  if (t === d) return 'due_today';
  return workingDaysBetween(cal, today, due) <= DUE_SOON_WORKING_DAYS ? 'due_soon' : 'on_track';
}

/**
 * Working days from `today` to `due` (working days d with today < d ≤ due): 0 on the due day,
 * negative once overdue (minus the working days elapsed since the deadline).
 */
export function workingDaysLeft(cal: WorkCalendar, today: string, due: string): number {
  return workingDaysBetween(cal, today, due);
}

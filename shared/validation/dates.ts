/**
 * Dates are facts (domain.md, "Rules added … 2026-12"): the day an appeal arrived, was
 * registered, decided and reported back, the day an inquiry went out and its answer came,
 * the day a reception was held — none of them lies in the future (Kazakhstan time, with a
 * few minutes of tolerance for a laptop clock that runs slow), none before 2000, and they
 * keep their order.
 *
 * One function per record kind, each taking `now` explicitly and returning the problems as
 * `{ path, code }` (the same shape as a repository's FieldIssue): forms highlight `path`,
 * and `code` is a message code of shared/validation/messages.ts whose kk/ru text names the
 * field («Шешім қабылданған күн болашақта бола алмайды» / «Дата решения не может быть в
 * будущем»). The repositories (forms, the reception intake, the status and inquiry dialogs),
 * every import path and the merge call these; nothing else decides what a valid date is.
 */

import { toKzLocalDate, toKzLocalDateTime } from '../calendar/zone';
import { isLocalDate, isLocalDateTime } from '../domain/common';

/** No date of the registry is earlier: the app's records start in this century. */
export const EARLIEST_DATE = '2000-01-01';
/** A laptop clock a few minutes slow must not refuse what was typed at the reception. */
export const CLOCK_TOLERANCE_MINUTES = 5;
/**
 * Registration may fall after today only as the next working day after an appeal that came
 * on a day off or after hours (АППК art. 64). Kazakhstan's longest run of days off (Nauryz
 * with a weekend) is five days, so a week bounds it without needing the calendar here.
 */
export const MAX_REGISTRATION_LAG_DAYS = 7;

/** "Now" as the rules compare it: Kazakhstan local values of now plus the tolerance. */
export interface FactClock {
  /** 'YYYY-MM-DD' */
  readonly today: string;
  /** 'YYYY-MM-DDTHH:mm' */
  readonly nowLocal: string;
  /** ISO UTC, for record and event timestamps. */
  readonly nowIso: string;
}

export function factClock(now: Date): FactClock {
  const latest = new Date(now.getTime() + CLOCK_TOLERANCE_MINUTES * 60_000);
  return {
    today: toKzLocalDate(latest),
    nowLocal: toKzLocalDateTime(latest),
    nowIso: latest.toISOString(),
  };
}

function clockOf(now: Date | FactClock): FactClock {
  return now instanceof Date ? factClock(now) : now;
}

// --- Fields and messages ----------------------------------------------------------------

/** The dated facts, by what the user calls them. */
export const DATE_FACTS = {
  received: { kk: 'Өтініш келіп түскен күн', ru: 'Дата поступления обращения' },
  registered: { kk: 'Тіркелген күн', ru: 'Дата регистрации' },
  decided: { kk: 'Шешім қабылданған күн', ru: 'Дата решения' },
  informed: { kk: 'Өтініш берушіге хабарланған күн', ru: 'Дата сообщения заявителю' },
  firstContact: { kk: 'Өтініш берушімен алғашқы байланыс күні', ru: 'Дата первого контакта' },
  inquirySent: { kk: 'Сауал жіберілген күн', ru: 'Дата отправки запроса' },
  answerReceived: { kk: 'Мекеме жауабы келген күн', ru: 'Дата получения ответа' },
  answerLetter: { kk: 'Мекеме хатының күні', ru: 'Дата письма учреждения' },
  receptionHeld: { kk: 'Өткізілген қабылдау күні', ru: 'Дата проведённого приёма' },
  receptionDate: { kk: 'Қабылдау күні', ru: 'Дата приёма' },
  announced: { kk: 'Хабарландыру күні', ru: 'Дата объявления' },
  arrived: { kk: 'Келушінің келген уақыты', ru: 'Время прихода посетителя' },
  submitted: { kk: 'Бастама ұсынылған күн', ru: 'Дата внесения инициативы' },
  consent: { kk: 'Келісім берілген күн', ru: 'Дата согласия' },
  event: { kk: 'Тарихтағы жазбаның уақыты', ru: 'Время записи в истории' },
  published: { kk: 'Есеп жарияланған күн', ru: 'Дата публикации отчёта' },
  decisionMade: { kk: 'Мәслихат шешімінің күні', ru: 'Дата решения маслихата' },
  feedbackCollected: { kk: 'Кері байланыс жиналған күн', ru: 'Дата сбора откликов' },
} as const satisfies Readonly<Record<string, { kk: string; ru: string }>>;

export type DateFact = keyof typeof DATE_FACTS;
export const DATE_FACT_NAMES = Object.keys(DATE_FACTS) as DateFact[];

export type FutureDateCode = `date_future_${DateFact}`;
export type EarlyDateCode = `date_early_${DateFact}`;

/** Order rules, each with its own wording (which two dates, which way). */
const ORDER_MESSAGES = {
  registered_before_received: {
    kk: 'Тіркелген күн өтініш келіп түскен күннен бұрын бола алмайды',
    ru: 'Дата регистрации не может быть раньше даты поступления обращения',
  },
  informed_before_received: {
    kk: 'Өтініш берушіге өтініш келіп түскенге дейін хабарлау мүмкін емес',
    ru: 'Сообщить заявителю результат раньше поступления обращения нельзя',
  },
  first_contact_before_received: {
    kk: 'Алғашқы байланыс өтініш келіп түскеннен бұрын бола алмайды',
    ru: 'Первый контакт не может быть раньше поступления обращения',
  },
  answer_letter_before_sent: {
    kk: 'Мекеме хатының күні сауал жіберілген күннен бұрын бола алмайды',
    ru: 'Дата письма учреждения не может быть раньше даты отправки запроса',
  },
  inquiry_before_appeal: {
    kk: 'Сауал өтініш келіп түскенге дейін жіберілмейді',
    ru: 'Запрос не может быть отправлен раньше, чем поступило обращение',
  },
  arrived_before_reception: {
    kk: 'Келуші қабылдау күнінен бұрын келе алмайды',
    ru: 'Посетитель не может прийти раньше дня приёма',
  },
} as const;

/**
 * Codes already in the catalog that these rules return as well: `decided_before_received`,
 * `informed_before_decision`, `response_before_sent`, `their_date_after_received`,
 * `announced_after_reception`, `reception_in_future`.
 */
export type DateOrderCode =
  | keyof typeof ORDER_MESSAGES
  | 'decided_before_received'
  | 'informed_before_decision'
  | 'response_before_sent'
  | 'their_date_after_received'
  | 'announced_after_reception'
  | 'reception_in_future';

export type DateRuleCode = FutureDateCode | EarlyDateCode | DateOrderCode;

function buildFieldMessages(): Record<
  FutureDateCode | EarlyDateCode,
  { readonly kk: string; readonly ru: string }
> {
  const out: Partial<Record<FutureDateCode | EarlyDateCode, { kk: string; ru: string }>> = {};
  for (const fact of DATE_FACT_NAMES) {
    const { kk, ru } = DATE_FACTS[fact];
    out[`date_future_${fact}`] = {
      kk: `${kk} болашақта бола алмайды: ол әлі келмеген күн`,
      ru: `${ru} не может быть в будущем`,
    };
    out[`date_early_${fact}`] = {
      kk: `${kk} 2000 жылдан бұрын бола алмайды: жылын тексеріңіз`,
      ru: `${ru} не может быть раньше 2000 года: проверьте год`,
    };
  }
  return out as Record<FutureDateCode | EarlyDateCode, { kk: string; ru: string }>;
}

/** Spread into MESSAGES (shared/validation/messages.ts); the texts live next to the rules. */
export const dateRuleMessages = { ...buildFieldMessages(), ...ORDER_MESSAGES };

// --- The checks -------------------------------------------------------------------------

export interface DateIssue {
  /** Dotted path of the field, as forms and FieldIssue name it ('response.receivedOn'). */
  path: string;
  code: DateRuleCode;
}

/** Whether a calendar date or local date-time lies after now (plus the tolerance). */
export function isFuture(value: string, now: Date | FactClock): boolean {
  const clock = clockOf(now);
  return value.length <= 10 ? value > clock.today : value.slice(0, 16) > clock.nowLocal;
}

/**
 * One dated fact: not in the future, not before 2000. Malformed values are left to the
 * schemas (they report `invalid_date`), so a bad string never counts twice.
 */
function checkFact(
  issues: DateIssue[],
  path: string,
  fact: DateFact,
  value: string | null | undefined,
  clock: FactClock,
): void {
  if (value === null || value === undefined) return;
  if (!(isLocalDate(value) || isLocalDateTime(value))) return;
  if (value.slice(0, 10) < EARLIEST_DATE) issues.push({ path, code: `date_early_${fact}` });
  else if (isFuture(value, clock)) issues.push({ path, code: `date_future_${fact}` });
}

function dayOf(value: string): string {
  return value.slice(0, 10);
}

function minuteOf(value: string): string {
  return value.slice(0, 16);
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/** The dated fields of an appeal. */
export interface AppealDateFields {
  /** 'YYYY-MM-DDTHH:mm' */
  receivedAt: string;
  /** 'YYYY-MM-DD'; may be absent in input (the repository derives it). */
  registeredOn?: string | null;
  decidedOn?: string | null;
  applicantInformedAt?: string | null;
  firstContactAt?: string | null;
}

/**
 * An appeal's dates. Order: registered ≥ received, decided ≥ the day it was received, informed ≥ decided and ≥ received,
 * first contact ≥ received. The registration day may be after today only as the next working
 * day after an appeal that came on a day off or after hours (at most a week after receipt). A decision is bounded by the day of receipt, not the registration day: a
 * consultation given at a Saturday reception is decided on the spot, before the Monday it
 * is registered on (shared/workflow/status.ts relies on this).
 */
export function checkAppealDates(appeal: AppealDateFields, now: Date | FactClock): DateIssue[] {
  const clock = clockOf(now);
  const issues: DateIssue[] = [];
  const { receivedAt } = appeal;
  checkFact(issues, 'receivedAt', 'received', receivedAt, clock);
  const received = isLocalDateTime(receivedAt) ? receivedAt : null;

  const registered = appeal.registeredOn ?? null;
  if (registered !== null && isLocalDate(registered)) {
    if (registered < EARLIEST_DATE) {
      issues.push({ path: 'registeredOn', code: 'date_early_registered' });
    } else if (received !== null && registered < dayOf(received)) {
      issues.push({ path: 'registeredOn', code: 'registered_before_received' });
    } else if (
      registered > clock.today &&
      (received === null || daysBetween(dayOf(received), registered) > MAX_REGISTRATION_LAG_DAYS)
    ) {
      issues.push({ path: 'registeredOn', code: 'date_future_registered' });
    }
  }

  const decided = appeal.decidedOn ?? null;
  const before = issues.length;
  checkFact(issues, 'decidedOn', 'decided', decided, clock);
  if (issues.length === before && decided !== null && received !== null && isLocalDate(decided)) {
    if (decided < dayOf(received))
      issues.push({ path: 'decidedOn', code: 'decided_before_received' });
  }

  const informed = appeal.applicantInformedAt ?? null;
  const beforeInformed = issues.length;
  checkFact(issues, 'applicantInformedAt', 'informed', informed, clock);
  if (issues.length === beforeInformed && informed !== null && isLocalDateTime(informed)) {
    if (received !== null && minuteOf(informed) < minuteOf(received)) {
      issues.push({ path: 'applicantInformedAt', code: 'informed_before_received' });
    } else if (decided !== null && isLocalDate(decided) && dayOf(informed) < decided) {
      issues.push({ path: 'applicantInformedAt', code: 'informed_before_decision' });
    }
  }

  const contact = appeal.firstContactAt ?? null;
  const beforeContact = issues.length;
  checkFact(issues, 'firstContactAt', 'firstContact', contact, clock);
  if (issues.length === beforeContact && contact !== null && received !== null) {
    if (isLocalDateTime(contact) && minuteOf(contact) < minuteOf(received)) {
      issues.push({ path: 'firstContactAt', code: 'first_contact_before_received' });
    }
  }
  return issues;
}

/** The dated fields of a deputy inquiry. */
export interface InquiryDateFields {
  outgoingDate: string | null;
  response: { receivedOn: string; theirDate: string | null } | null;
}

/**
 * An inquiry's dates: sent, the answer received and the agency's letter date are facts;
 * answer ≥ sent, the agency's letter between sending and receipt, and — when the linked
 * appeals are given — the inquiry is not sent before an appeal it is about arrived.
 */
export function checkInquiryDates(
  inquiry: InquiryDateFields,
  now: Date | FactClock,
  linkedAppeals: readonly { receivedAt: string }[] = [],
): DateIssue[] {
  const clock = clockOf(now);
  const issues: DateIssue[] = [];
  const sent = inquiry.outgoingDate;
  checkFact(issues, 'outgoingDate', 'inquirySent', sent, clock);
  if (issues.length === 0 && sent !== null && isLocalDate(sent)) {
    const latest = linkedAppeals
      .map((appeal) => dayOf(appeal.receivedAt))
      .reduce<string | null>((max, day) => (max === null || day > max ? day : max), null);
    if (latest !== null && sent < latest) {
      issues.push({ path: 'outgoingDate', code: 'inquiry_before_appeal' });
    }
  }
  const response = inquiry.response;
  if (response === null) return issues;
  const before = issues.length;
  checkFact(issues, 'response.receivedOn', 'answerReceived', response.receivedOn, clock);
  if (issues.length === before && sent !== null && response.receivedOn < sent) {
    issues.push({ path: 'response.receivedOn', code: 'response_before_sent' });
  }
  const beforeLetter = issues.length;
  checkFact(issues, 'response.theirDate', 'answerLetter', response.theirDate, clock);
  if (issues.length === beforeLetter && response.theirDate !== null) {
    if (response.theirDate > response.receivedOn) {
      issues.push({ path: 'response.theirDate', code: 'their_date_after_received' });
    } else if (sent !== null && response.theirDate < sent) {
      issues.push({ path: 'response.theirDate', code: 'answer_letter_before_sent' });
    }
  }
  return issues;
}

/** The dated fields of a reception. */
export interface ReceptionDateFields {
  date: string;
  status: 'planned' | 'held' | 'cancelled';
  announcedOn: string | null;
  queue: readonly { arrivedAt: string }[];
}

/**
 * A reception may be planned for any day from 2000 on; once held, its day is a fact and
 * cannot be after today. The announcement is a fact made no later than the reception's day;
 * visitors arrive no earlier than that day and not in the future.
 */
export function checkReceptionDates(
  reception: ReceptionDateFields,
  now: Date | FactClock,
): DateIssue[] {
  const clock = clockOf(now);
  const issues: DateIssue[] = [];
  if (reception.date < EARLIEST_DATE) {
    issues.push({ path: 'date', code: 'date_early_receptionDate' });
  } else if (reception.status === 'held' && reception.date > clock.today) {
    issues.push({ path: 'date', code: 'reception_in_future' });
  }
  const before = issues.length;
  checkFact(issues, 'announcedOn', 'announced', reception.announcedOn, clock);
  if (
    issues.length === before &&
    reception.announcedOn !== null &&
    reception.announcedOn > reception.date
  ) {
    issues.push({ path: 'announcedOn', code: 'announced_after_reception' });
  }
  reception.queue.forEach((entry, i) => {
    const path = `queue.${String(i)}.arrivedAt`;
    const count = issues.length;
    checkFact(issues, path, 'arrived', entry.arrivedAt, clock);
    if (issues.length === count && dayOf(entry.arrivedAt) < reception.date) {
      issues.push({ path, code: 'arrived_before_reception' });
    }
  });
  return issues;
}

/** An initiative's submission date is a fact. */
export function checkInitiativeDates(
  initiative: { submittedOn: string | null },
  now: Date | FactClock,
): DateIssue[] {
  const issues: DateIssue[] = [];
  checkFact(issues, 'submittedOn', 'submitted', initiative.submittedOn, clockOf(now));
  return issues;
}

/** The date consent was given (or refused) is a fact. `path` is where the form shows it. */
export function checkConsentDate(
  consent: { date: string } | null,
  now: Date | FactClock,
  path = 'consent.date',
): DateIssue[] {
  const issues: DateIssue[] = [];
  if (consent !== null) checkFact(issues, path, 'consent', consent.date, clockOf(now));
  return issues;
}

/** A history entry happened at `at` (ISO UTC): not in the future, not before 2000. */
export function checkEventDate(event: { at: string }, now: Date | FactClock): DateIssue[] {
  const clock = clockOf(now);
  const at = Date.parse(event.at);
  if (Number.isNaN(at)) return [];
  if (event.at.slice(0, 10) < EARLIEST_DATE) return [{ path: 'at', code: 'date_early_event' }];
  if (at > Date.parse(clock.nowIso)) return [{ path: 'at', code: 'date_future_event' }];
  return [];
}

/** A quarterly report's publication date is a fact. */
export function checkPublicationDates(
  publication: { publishedOn: string },
  now: Date | FactClock,
): DateIssue[] {
  const issues: DateIssue[] = [];
  checkFact(issues, 'publishedOn', 'published', publication.publishedOn, clockOf(now));
  return issues;
}

/** A feedback round: the decision's date and the day responses were collected are facts. */
export function checkFeedbackDates(
  round: { decisionOn: string | null; collectedOn: string },
  now: Date | FactClock,
): DateIssue[] {
  const clock = clockOf(now);
  const issues: DateIssue[] = [];
  checkFact(issues, 'decisionOn', 'decisionMade', round.decisionOn, clock);
  checkFact(issues, 'collectedOn', 'feedbackCollected', round.collectedOn, clock);
  return issues;
}

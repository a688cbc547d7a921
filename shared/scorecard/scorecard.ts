// The seed's "Тексеру парағы: ашық депутатқа 7 қадам" (seed 003), measured from the office's
// data for any period. Pure: the period and `today` are arguments, records are plain objects
// (stored ones fit as they are). Each step says met / partly / not met, the numbers behind
// it and a code for what to do next; the texts are the renderer's (i18n/scorecard.*.json).
//
// Boundaries, all inclusive of the limit: a reception announced exactly 3 days before it
// counts as announced in advance; a first contact at exactly 72 hours is in time; an open
// appeal last touched exactly 30 days ago is stale ("untouched for 30 days").

import { toKzLocalDate } from '../calendar/zone';
import type { Appeal, Reception, ReportPublication, FeedbackRound } from '../domain';
import {
  quarterId,
  quarterIdBounds,
  quarterIdOf,
  reportDueDate,
  shiftQuarterId,
} from '../format/quarters';
import { monthBounds, monthOfDay, monthsBetween } from '../reception/months';

export type StepState = 'met' | 'partly' | 'not_met';

export const STEP_IDS = [
  'receptions',
  'announced',
  'channels',
  'report',
  'feedback',
  'firstContact',
  'statusCurrent',
] as const;
export type StepId = (typeof STEP_IDS)[number];

/** What to do next, one code per situation; the renderer words it and links it. */
export type StepAction =
  | 'keep_receptions'
  | 'plan_reception'
  | 'announce_earlier'
  | 'hold_receptions'
  | 'keep_announcing'
  | 'add_profile_channels'
  | 'invite_messengers'
  | 'keep_channels'
  | 'record_publication'
  | 'publish_report'
  | 'publish_on_time'
  | 'keep_publishing'
  | 'collect_feedback'
  | 'keep_feedback'
  | 'contact_now'
  | 'keep_contact'
  | 'update_stale'
  | 'keep_current';

export interface ScoreStep {
  id: StepId;
  /** 1–7, as the seed numbers the steps. */
  number: number;
  state: StepState;
  /** The number behind the state: how many of `total` (months, receptions, appeals…). */
  count: number;
  /** What `count` is out of; null where the step is a single fact (the report). */
  total: number | null;
  /** count / total as a whole percent, when a share is what the step measures. */
  percent: number | null;
  action: StepAction;
  /** Facts the texts name: a month 'YYYY-MM', a quarter 'YYYY-Qn', a date, a number of days. */
  detail: Readonly<Record<string, string | number>>;
}

export interface Scorecard {
  from: string;
  to: string;
  today: string;
  steps: ScoreStep[];
  met: number;
}

/** The appeal fields the scorecard reads. A stored `Appeal` fits as is. */
export type ScoreAppeal = Pick<
  Appeal,
  | 'id'
  | 'deletedAt'
  | 'registeredOn'
  | 'channel'
  | 'applicantId'
  | 'status'
  | 'firstContactAt'
  | 'acknowledgeBy'
  | 'updatedAt'
>;
export type ScoreReception = Pick<Reception, 'deletedAt' | 'date' | 'status' | 'announcedOn'>;
export type ScorePublication = Pick<
  ReportPublication,
  'deletedAt' | 'year' | 'quarter' | 'publishedOn' | 'link'
>;
export type ScoreFeedbackRound = Pick<FeedbackRound, 'deletedAt' | 'collectedOn' | 'responses'>;

export interface ScorecardInput {
  /** The period, 'YYYY-MM-DD', both days included. */
  from: string;
  to: string;
  /** Kazakhstan calendar date of today. */
  today: string;
  appeals: readonly ScoreAppeal[];
  receptions: readonly ScoreReception[];
  publications: readonly ScorePublication[];
  feedbackRounds: readonly ScoreFeedbackRound[];
  /** The office's contacts in its profile (Settings › Profile). */
  contacts: { telegram: string; website: string; other: string };
  /**
   * The latest history entry of an appeal (ISO UTC), when later than its `updatedAt`: a note
   * added touches the appeal without a new version. Only stale candidates need it.
   */
  lastActivity?: ReadonlyMap<string, string>;
}

/** Step 2: announced at least this many days before the reception. */
export const ANNOUNCE_DAYS_AHEAD = 3;
/** Step 7: an open appeal untouched this many days is stale. */
export const STALE_DAYS = 30;
/** Shares at or above which a step is met, or partly met. */
export const SHARE_MET = 90;
export const SHARE_PARTLY = 50;
/** Step 7 is met only with no stale appeal; partly from this share of current ones. */
export const CURRENT_PARTLY = 80;

export const MESSENGER_CHANNELS = ['telegram', 'whatsapp', 'instagram'] as const;
export type MessengerChannel = (typeof MESSENGER_CHANNELS)[number];

const OPEN_STATUSES: ReadonlySet<string> = new Set(['registered', 'in_progress', 'waiting_agency']);

function dayIndex(day: string): number {
  return Math.round(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / 86_400_000);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysFrom(from: string, to: string): number {
  return dayIndex(to) - dayIndex(from);
}

function percentOf(count: number, total: number): number | null {
  return total === 0 ? null : Math.round((count / total) * 100);
}

function byShare(count: number, total: number, met: number, partly: number): StepState {
  if (total === 0) return 'met';
  const share = (count / total) * 100;
  if (share >= met) return 'met';
  return share >= partly ? 'partly' : 'not_met';
}

function byCoverage(covered: number, judged: number, any: boolean): StepState {
  if (judged > 0 && covered === judged) return 'met';
  return covered > 0 || any ? 'partly' : 'not_met';
}

const minDay = (a: string, b: string): string => (a < b ? a : b);

/**
 * The office's messenger channels named in its profile: the Telegram field, and WhatsApp or
 * Instagram written in the website or "other contacts" fields.
 */
export function profileChannels(contacts: ScorecardInput['contacts']): MessengerChannel[] {
  const text = `${contacts.website}\n${contacts.other}`.toLowerCase();
  const found: MessengerChannel[] = [];
  if (contacts.telegram.trim() !== '' || /t\.me\/|telegram|телеграм/.test(text)) {
    found.push('telegram');
  }
  if (/whatsapp|wa\.me\/|ватсап|вотсап/.test(text)) found.push('whatsapp');
  if (/instagram|instagr\.am|инстаграм/.test(text)) found.push('instagram');
  return found;
}

/**
 * The months (or quarters) of the period that are judged: those already over, and the
 * current one only when it is already covered (a month that is not over yet can still get
 * its reception).
 */
function judged<T extends string>(
  units: readonly T[],
  lastDay: (unit: T) => string,
  today: string,
  covered: ReadonlySet<string>,
): { judged: T[]; missing: T[] } {
  const out: T[] = [];
  for (const unit of units) {
    if (lastDay(unit) < today || covered.has(unit)) out.push(unit);
  }
  return { judged: out, missing: units.filter((u) => !covered.has(u)) };
}

function receptionsStep(input: ScorecardInput, end: string): ScoreStep {
  const months = monthsBetween(monthOfDay(input.from), monthOfDay(end));
  const held = input.receptions.filter(
    (r) => r.deletedAt === null && r.status === 'held' && r.date >= input.from && r.date <= end,
  );
  const covered = new Set(held.map((r) => monthOfDay(r.date)));
  const { judged: months2, missing } = judged(
    months,
    (m) => monthBounds(m).last,
    input.today,
    covered,
  );
  const count = months2.filter((m) => covered.has(m)).length;
  const state = byCoverage(count, months2.length, false);
  const next = missing.find((m) => monthBounds(m).last >= input.today) ?? missing[0];
  return {
    id: 'receptions',
    number: 1,
    state,
    count,
    total: months2.length,
    percent: percentOf(count, months2.length),
    action: state === 'met' ? 'keep_receptions' : 'plan_reception',
    detail: next === undefined ? {} : { month: next, missingMonths: missing.length },
  };
}

function announcedStep(input: ScorecardInput, end: string): ScoreStep {
  const held = input.receptions.filter(
    (r) => r.deletedAt === null && r.status === 'held' && r.date >= input.from && r.date <= end,
  );
  let inAdvance = 0;
  let late = 0;
  for (const r of held) {
    if (r.announcedOn === null) continue;
    if (daysFrom(r.announcedOn, r.date) >= ANNOUNCE_DAYS_AHEAD) inAdvance++;
    else late++;
  }
  const state = held.length === 0 ? 'not_met' : byShare(inAdvance, held.length, 100, SHARE_PARTLY);
  return {
    id: 'announced',
    number: 2,
    state,
    count: inAdvance,
    total: held.length,
    percent: percentOf(inAdvance, held.length),
    action:
      held.length === 0
        ? 'hold_receptions'
        : state === 'met'
          ? 'keep_announcing'
          : 'announce_earlier',
    detail: { days: ANNOUNCE_DAYS_AHEAD, late, unannounced: held.length - inAdvance - late },
  };
}

function channelsStep(input: ScorecardInput, end: string): ScoreStep {
  const ofPeriod = input.appeals.filter(
    (a) => a.deletedAt === null && a.registeredOn >= input.from && a.registeredOn <= end,
  );
  const messengers: ReadonlySet<string> = new Set(MESSENGER_CHANNELS);
  const viaMessengers = ofPeriod.filter((a) => messengers.has(a.channel)).length;
  const inProfile = profileChannels(input.contacts);
  const state: StepState =
    inProfile.length > 0 && viaMessengers > 0
      ? 'met'
      : inProfile.length > 0 || viaMessengers > 0
        ? 'partly'
        : 'not_met';
  return {
    id: 'channels',
    number: 3,
    state,
    count: viaMessengers,
    total: ofPeriod.length,
    percent: percentOf(viaMessengers, ofPeriod.length),
    action:
      inProfile.length === 0
        ? 'add_profile_channels'
        : viaMessengers === 0
          ? 'invite_messengers'
          : 'keep_channels',
    detail: { profile: inProfile.join(', '), profileCount: inProfile.length },
  };
}

/**
 * The quarter whose report the period answers for: the last quarter that has ended by the
 * period's end (or by today, when the period runs on).
 */
export function reportQuarterFor(to: string, today: string): string {
  const end = minDay(to, today);
  const own = quarterIdOf(end);
  const bounds = quarterIdBounds(own);
  return bounds !== null && bounds.end === end ? own : shiftQuarterId(own, -1);
}

function reportStep(input: ScorecardInput): ScoreStep {
  const quarter = reportQuarterFor(input.to, input.today);
  const due = reportDueDate(quarter) ?? input.today;
  const published = input.publications
    .filter((p) => p.deletedAt === null && quarterId(p.year, p.quarter) === quarter)
    .map((p) => p.publishedOn)
    .sort()[0];
  const base = { quarter, due };
  if (published !== undefined) {
    const late = Math.max(0, daysFrom(due, published));
    return {
      id: 'report',
      number: 4,
      state: late === 0 ? 'met' : 'partly',
      count: 1,
      total: null,
      percent: null,
      action: late === 0 ? 'keep_publishing' : 'publish_on_time',
      detail: { ...base, publishedOn: published, daysLate: late },
    };
  }
  const left = daysFrom(input.today, due);
  return {
    id: 'report',
    number: 4,
    // Not published yet but still within its 15 days: not missed, not done.
    state: left >= 0 ? 'partly' : 'not_met',
    count: 0,
    total: null,
    percent: null,
    action: left >= 0 ? 'publish_report' : 'record_publication',
    detail: left >= 0 ? { ...base, daysLeft: left } : { ...base, daysOverdue: -left },
  };
}

function quartersBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let q = quarterIdOf(from); q <= quarterIdOf(to); q = shiftQuarterId(q, 1)) out.push(q);
  return out;
}

function feedbackStep(input: ScorecardInput, end: string): ScoreStep {
  const rounds = input.feedbackRounds.filter(
    (r) => r.deletedAt === null && r.collectedOn >= input.from && r.collectedOn <= end,
  );
  const heard = rounds.filter((r) => r.responses > 0);
  const covered = new Set(heard.map((r) => quarterIdOf(r.collectedOn)));
  const quarters = quartersBetween(input.from, end);
  const { judged: judgedQuarters, missing } = judged(
    quarters,
    (q) => quarterIdBounds(q)?.end ?? q,
    input.today,
    covered,
  );
  const count = judgedQuarters.filter((q) => covered.has(q)).length;
  const state = byCoverage(count, judgedQuarters.length, rounds.length > 0);
  const responses = rounds.reduce((sum, r) => sum + r.responses, 0);
  return {
    id: 'feedback',
    number: 5,
    state,
    count: rounds.length,
    total: null,
    percent: null,
    action: state === 'met' ? 'keep_feedback' : 'collect_feedback',
    detail: {
      responses,
      quartersCovered: count,
      quartersJudged: judgedQuarters.length,
      ...(missing.length === 0 ? {} : { quarter: missing[missing.length - 1] ?? '' }),
    },
  };
}

function firstContactStep(input: ScorecardInput): ScoreStep {
  let total = 0;
  let inTime = 0;
  let waitingLate = 0;
  for (const a of input.appeals) {
    if (a.deletedAt !== null || a.applicantId === null) continue;
    if (a.registeredOn < input.from || a.registeredOn > input.to) continue;
    const contact = a.firstContactAt?.slice(0, 16) ?? null;
    const due = a.acknowledgeBy.slice(0, 16);
    // Still inside its 72 hours with no contact yet: not judged (as the report does).
    if (contact === null && due.slice(0, 10) >= input.today) continue;
    total++;
    if (contact !== null && contact <= due) inTime++;
    if (contact === null && OPEN_STATUSES.has(a.status)) waitingLate++;
  }
  const state = byShare(inTime, total, SHARE_MET, SHARE_PARTLY);
  return {
    id: 'firstContact',
    number: 6,
    state,
    count: inTime,
    total,
    percent: percentOf(inTime, total),
    action: waitingLate > 0 ? 'contact_now' : state === 'met' ? 'keep_contact' : 'contact_now',
    detail: { waitingLate, share: SHARE_MET },
  };
}

/** The Kazakhstan date an appeal was last touched: its last version or its last history entry. */
function lastTouched(a: ScoreAppeal, activity: ReadonlyMap<string, string> | undefined): string {
  const event = activity?.get(a.id);
  const latest = event !== undefined && event > a.updatedAt ? event : a.updatedAt;
  return toKzLocalDate(new Date(latest));
}

/** Whether an open appeal has gone `STALE_DAYS` days or more without a touch. */
export function isStale(
  a: ScoreAppeal,
  today: string,
  activity?: ReadonlyMap<string, string>,
): boolean {
  return daysFrom(lastTouched(a, activity), today) >= STALE_DAYS;
}

function statusStep(input: ScorecardInput): ScoreStep {
  const open = input.appeals.filter(
    (a) => a.deletedAt === null && OPEN_STATUSES.has(a.status) && a.registeredOn <= input.to,
  );
  const stale = open.filter((a) => isStale(a, input.today, input.lastActivity)).length;
  const current = open.length - stale;
  const state: StepState = stale === 0 ? 'met' : byShare(current, open.length, 101, CURRENT_PARTLY);
  return {
    id: 'statusCurrent',
    number: 7,
    state,
    count: current,
    total: open.length,
    percent: percentOf(current, open.length),
    action: stale === 0 ? 'keep_current' : 'update_stale',
    detail: { stale, days: STALE_DAYS },
  };
}

/** Computes the seven steps for the period [from, to] as of `today`. */
export function computeScorecard(input: ScorecardInput): Scorecard {
  if (input.to < input.from)
    throw new RangeError(`The period ends before it starts: ${input.from}…${input.to}`);
  // What has not happened yet cannot be judged: the period is read up to today.
  const end = minDay(input.to, input.today);
  const steps = [
    receptionsStep(input, end),
    announcedStep(input, end),
    channelsStep(input, end),
    reportStep(input),
    feedbackStep(input, end),
    firstContactStep(input),
    statusStep(input),
  ];
  return {
    from: input.from,
    to: input.to,
    today: input.today,
    steps,
    met: steps.filter((s) => s.state === 'met').length,
  };
}

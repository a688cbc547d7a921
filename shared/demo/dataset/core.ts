/** The dataset builder's state, shared types, small helpers and its clock. */
import { type WorkCalendar, addWorkingDays } from '../../calendar';
import { formatDay, parseDay } from '../../calendar/dates';
import { KZ_UTC_OFFSET_MINUTES } from '../../calendar/zone';
import type {
  AppEvent,
  Appeal,
  AppealChannel,
  Applicant,
  BilingualText,
  ContactChannel,
  EventOf,
  EventType,
  InformChannel,
  NewEventParams,
  NotResolvedReason,
  Outcome,
  StaffUser,
} from '../../domain';
import type { Lang } from '../../i18n/lang';
import type { Sex } from '../people';
import type { Place } from '../places';
import type { Rng } from '../rng';
import type { Problem } from '../texts';
import { MINUTES_PER_DAY, OFFICE_HOURS } from './tables';

/**
 * The record `makeEvent` builds, with the given id instead of a random one. Written out as a
 * literal because makeEvent's object spread costs tens of microseconds a call in Node 20's
 * V8, a large share of a 50,000-appeal run; generate.test.ts pins the two to one shape.
 */
export function eventRecord<T extends EventType>(
  params: NewEventParams<T>,
  id: string,
): EventOf<T> {
  const event = {
    id,
    createdAt: params.now,
    updatedAt: params.now,
    createdBy: params.userId,
    updatedBy: params.userId,
    version: 1,
    deletedAt: null,
    appealId: params.appealId,
    type: params.type,
    at: params.at ?? params.now,
    userId: params.userId,
    note: params.note ?? '',
    data: params.data,
  };
  // As in makeEvent: TypeScript cannot tie `type` to `data` through the type parameter.
  return event as unknown as EventOf<T>;
}

// ── Small helpers ────────────────────────────────────────────────────────────────────────

export type Vars = Record<string, string>;

export function fill(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => {
    const value = vars[key];
    if (value === undefined) throw new Error(`No value for ${match} in «${template}»`);
    return value;
  });
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function ruPeople(n: number): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  const few = mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14);
  return `${n} ${few ? 'человека' : 'человек'}`;
}

export const dayOf = (lm: number): string => formatDay(Math.floor(lm / MINUTES_PER_DAY));
export const minuteOf = (lm: number): number =>
  lm - Math.floor(lm / MINUTES_PER_DAY) * MINUTES_PER_DAY;
export const lmAt = (day: string, minute: number): number =>
  parseDay(day) * MINUTES_PER_DAY + minute;

export interface Stamp {
  iso: string;
  ms: number;
}

export interface WeightedDays {
  days: string[];
  cumulative: number[];
}

export interface Session {
  day: string;
  start: number;
  end: number;
}

export interface Skeleton {
  channel: AppealChannel;
  /** Local minutes since 1970 (Kazakhstan wall clock). */
  received: number;
  registeredOn: string;
  created: number;
  createdMs: number;
}

export interface Person {
  record: Applicant;
  lang: Lang;
  sex: Sex;
  place: Place;
  house: string;
  channel: ContactChannel;
  lastProblem: string | null;
}

export type Path = 'consult' | 'quick' | 'explain' | 'inquiry' | 'meeting';

/** What the office writes about an appeal depends on these. */
export interface Story {
  lang: Lang;
  words: Problem['kk'];
  notResolvedReason: NotResolvedReason | null;
  anonymous: boolean;
  repeat: boolean;
  personal: boolean;
}

export type Step =
  | { lm: number; kind: 'start' | 'close' | 'agencyAnswered'; note: string; user: string }
  | { lm: number; kind: 'awaitAgency'; note: string; user: string }
  | { lm: number; kind: 'decide'; outcome: Outcome; summary: string; user: string }
  | { lm: number; kind: 'inform'; via: InformChannel; user: string }
  | { lm: number; kind: 'reopen'; reason: string; user: string }
  | { lm: number; kind: 'note'; note: string; user: string }
  | { lm: number; kind: 'contact'; contactAt: number; note: string; user: string }
  | { lm: number; kind: 'extend'; to: string; reason: string; user: string }
  | { lm: number; kind: 'publish'; summary: BilingualText; inReport: boolean; user: string };

// ── The builder's state ──────────────────────────────────────────────────────────────────

/**
 * What the dataset builder knows and has made so far. The generator's parts are functions of
 * this state (each in the module of its concern); generateDataset creates one per run.
 */
export interface Builder {
  readonly rng: Rng;
  readonly cal: WorkCalendar;
  readonly from: string;
  readonly today: string;
  readonly count: number;
  readonly cutoff: number;
  readonly fromLm: number;
  readonly users: StaffUser[];
  readonly deputy: string;
  readonly assistants: string[];
  readonly workDays: WeightedDays;
  readonly offDays: WeightedDays;
  readonly receptions: Session[];
  readonly hearings: Session[];
  readonly problemsByMonth: (readonly (readonly [Problem, number])[])[];

  readonly applicants: Applicant[];
  readonly appeals: Appeal[];
  readonly events: AppEvent[];
  readonly counters: Map<number, number>;
  readonly returning: { person: Person; left: number }[];
}

// ── Time ─────────────────────────────────────────────────────────────────────────────────

/** An ISO UTC timestamp for a local minute, with the seconds a real clock would show. */
export function stampAt(b: Builder, lm: number): Stamp {
  const ms = (lm - KZ_UTC_OFFSET_MINUTES) * 60_000 + b.rng.int(0, 59_999);
  return { iso: new Date(ms).toISOString(), ms };
}

export function newId(b: Builder, stamp: Stamp): string {
  return b.rng.uuidv7(stamp.ms);
}

export function event<T extends EventType>(
  b: Builder,
  params: NewEventParams<T>,
  stamp: Stamp,
): void {
  b.events.push(eventRecord(params, newId(b, stamp)));
}

/** A minute of the office day, thinner over lunch. */
export function officeMinute(b: Builder): number {
  const hour = b.rng.weighted(OFFICE_HOURS);
  return hour * 60 + b.rng.int(hour === 9 ? 5 : 0, hour === 17 ? 55 : 59);
}

/** A moment in office hours of `day`, after `after` (the previous write of the appeal). */
export function officeAfter(b: Builder, day: string, after: number): number {
  const lm = lmAt(day, officeMinute(b));
  return lm > after ? lm : after + b.rng.int(2, 25);
}

export function workDayAfter(b: Pick<Builder, 'cal'>, n: number, from: string): string {
  return addWorkingDays(b.cal, from, n);
}

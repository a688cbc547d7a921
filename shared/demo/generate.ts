/**
 * A seeded generator of realistic appeals at any size: for tests, for the benchmark that seeds
 * 50,000 appeals into IndexedDB, and for demo data.
 *
 * Records are what the app's repositories would have stored had the office typed them in over
 * the period: base fields and versions count the writes, regNo follows the counter of the
 * registration year, deadlines come from the working-day calendar, and status changes go
 * through the same state machine the repositories use (applyTransition). Every random id is
 * replaced with a UUIDv7 from the seeded PRNG, so one seed always gives the same dataset.
 * Nothing is validated here (a zod parse per record would dominate the run time);
 * generate.test.ts checks every record against the schemas.
 */
import { addWorkingDays, createKzCalendar, isWorkingDay, type WorkCalendar } from '../calendar';
import { formatDay, formatLocalDateTime, parseDay, weekdayOfDayNumber } from '../calendar/dates';
import { KZ_UTC_OFFSET_MINUTES } from '../calendar/zone';
import {
  type BilingualText,
  counterId,
  formatRegNo,
  type AppEvent,
  type Appeal,
  type AppealChannel,
  type AppealKind,
  type Applicant,
  type ConsentForm,
  type ContactChannel,
  type DefaultTopicId,
  type EventOf,
  type EventType,
  type InformChannel,
  type NewEventParams,
  type NotResolvedReason,
  type Outcome,
  type ProposedAction,
  type StaffUser,
  type VulnerableCategory,
} from '../domain';
import type { Lang } from '../i18n/lang';
import {
  computeDeadlines,
  maxExtensionDate,
  registrationDay,
  validateExtension,
} from '../workflow/deadlines';
import { applyTransition, type WorkflowAction } from '../workflow/status';
import { birthDateForAge, makeEmail, makeIin, makeMobile, makeName, type Sex } from './people';
import {
  ACTION_SENTENCES,
  AGENCIES,
  ANSWER_NOTES,
  AWAIT_NOTE,
  BUS_ROUTES,
  CLOSERS,
  COLLECTIVE_AREA,
  COLLECTIVE_BUILDING,
  COLLECTIVE_PERSONAL,
  EARLIER_ATTEMPTS,
  EXPLAINED_ANONYMOUS_SUMMARY,
  EXPLAINED_SUMMARY,
  EXTENSION_NOTICE_NOTE,
  EXTENSION_REASONS,
  FIRST_CONTACT_NOTES,
  FORWARDED_SUMMARY,
  MANUAL_PRIORITY_REASON,
  NOTES,
  NOT_CONSIDERED_SUMMARY,
  NOT_RESOLVED_SUMMARY,
  OPENERS,
  OSI_NAMES,
  PRIORITY_REASONS,
  PUBLIC_EXPLAINED,
  PUBLIC_EXPLAINED_ANONYMOUS,
  PUBLIC_FORWARDED,
  PUBLIC_NOT_CONSIDERED,
  PUBLIC_NOT_RESOLVED,
  PUBLIC_WITHDRAWN,
  REOPEN_REASONS,
  START_NOTES,
  TAGS,
  WITHDRAWN_SUMMARIES,
  districtAkimat,
  type Agency,
  type ContactHow,
} from './phrases';
import { PLACE_WEIGHTS, placeLocation, type Place } from './places';
import { createRng, type Rng } from './rng';
import { ANONYMOUS_SUFFIX, PROBLEMS, VULNERABLE_SENTENCES, type Problem } from './texts';

export interface DatasetOptions {
  appeals: number;
  /** Default 1. */
  seed?: number;
  /** First day appeals can arrive, 'YYYY-MM-DD'; default '2025-01-01'. */
  from?: string;
  /**
   * The office's "today", 'YYYY-MM-DD'; default '2026-11-20'. The data is as of the end of
   * that working day: nothing happens after 18:00 local time on it.
   */
  today?: string;
  /**
   * Ids of existing staff (e.g. users already saved in settings), in settings order: the first
   * is taken as the deputy, the others as assistants. Default: three new staff.
   */
  userIds?: string[];
}

export interface Dataset {
  applicants: Applicant[];
  appeals: Appeal[];
  events: AppEvent[];
  counters: { id: string; value: number }[];
  users: StaffUser[];
}

export function generateDataset(options: DatasetOptions): Dataset {
  return new DatasetBuilder(options).build();
}

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

// ── Tunables ─────────────────────────────────────────────────────────────────────────────

const OPEN = 9 * 60;
const CLOSE = 18 * 60;
const MINUTES_PER_DAY = 1440;

const CHANNELS: readonly (readonly [AppealChannel, number])[] = [
  ['reception', 20],
  ['phone', 14],
  ['whatsapp', 14],
  ['eotinish', 13],
  ['telegram', 10],
  ['letter', 8],
  ['email', 6],
  ['website', 4],
  ['instagram', 3],
  ['hearing', 2],
  ['other', 2],
];

const IN_PERSON = new Set<AppealChannel>(['reception', 'hearing']);
/** Channels that deliver text at any hour; the rest arrive while someone is at the desk. */
const ONLINE = new Set<AppealChannel>([
  'email',
  'telegram',
  'whatsapp',
  'instagram',
  'website',
  'eotinish',
  'other',
]);
/** Channels where people write a letter-like text with a greeting. */
const FORMAL = new Set<AppealChannel>(['letter', 'email', 'website', 'eotinish']);
/** Nobody gives a name at a reception, so anonymous appeals come in writing. */
const ANONYMOUS_CHANNELS = new Set<AppealChannel>([
  'letter',
  'website',
  'telegram',
  'instagram',
  'whatsapp',
  'other',
]);
const ANONYMOUS_SHARE = 0.048;

/** Share of online appeals that arrive after hours or on a day off. */
const ONLINE_AFTER_HOURS = 0.1;

/** e-Otinish logs people in with their IIN; a phone call rarely gets as far as the IIN. */
const IIN_SHARE: Readonly<Record<AppealChannel, number>> = {
  eotinish: 1,
  reception: 0.75,
  letter: 0.7,
  website: 0.5,
  email: 0.45,
  whatsapp: 0.45,
  telegram: 0.45,
  hearing: 0.4,
  other: 0.4,
  phone: 0.35,
  instagram: 0.2,
};

const VULNERABLE_SHARE = 0.2;
const RETURNING_SHARE = 0.15;
/** Chance that an appeal comes from someone who has written before (when anyone is due). */
const RETURN_PICK = 0.25;
const COLLECTIVE_SCALE = 0.55;

/** How a district's appeals split by topic in a month without seasonal effects. */
const TOPIC_WEIGHTS: Readonly<Record<DefaultTopicId, number>> = {
  housing: 20,
  roads_transport: 16,
  improvement: 11,
  heating_gas: 8,
  social_support: 8,
  water: 7,
  land_construction: 5,
  ecology_waste: 5,
  public_safety: 5,
  health: 4,
  education: 4,
  employment: 3,
  other: 3,
};

/** Fewer appeals in the summer holidays and around New Year. */
const MONTH_VOLUME = [0.85, 1, 1.1, 1.2, 1.1, 1, 0.8, 0.85, 1.1, 1.15, 1.15, 0.9] as const;

const OUTCOMES: readonly (readonly [Outcome, number])[] = [
  ['resolved', 45],
  ['partially_resolved', 13],
  ['explained', 16],
  ['forwarded', 9],
  ['not_resolved', 9],
  ['withdrawn', 4],
];

const NOT_RESOLVED_REASONS: readonly (readonly [NotResolvedReason, number])[] = [
  ['needs_budget', 3],
  ['agency_refused', 3],
  ['outside_competence', 1],
  ['other', 1],
];
/** A benefit or a queue is refused or belongs to a court; it never waits for a budget line. */
const PERSONAL_NOT_RESOLVED_REASONS: readonly (readonly [NotResolvedReason, number])[] = [
  ['agency_refused', 6],
  ['outside_competence', 4],
];

/** Share of decided appeals the office puts into the quarterly report, by outcome. */
const IN_REPORT: Readonly<Record<Outcome, number>> = {
  resolved: 0.85,
  partially_resolved: 0.8,
  explained: 0.6,
  forwarded: 0.55,
  not_resolved: 0.75,
  withdrawn: 0.15,
  not_considered: 0.1,
};

const CONTACT_HOW: Readonly<Record<ContactChannel, ContactHow>> = {
  in_person: 'call',
  phone: 'call',
  sms: 'call',
  letter: 'call',
  email: 'email',
  telegram: 'telegram',
  whatsapp: 'whatsapp',
  eotinish: 'call',
  other: 'call',
};

// ── Small helpers ────────────────────────────────────────────────────────────────────────

type Vars = Record<string, string>;

function fill(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => {
    const value = vars[key];
    if (value === undefined) throw new Error(`No value for ${match} in «${template}»`);
    return value;
  });
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function ruPeople(n: number): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  const few = mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14);
  return `${n} ${few ? 'человека' : 'человек'}`;
}

const dayOf = (lm: number): string => formatDay(Math.floor(lm / MINUTES_PER_DAY));
const minuteOf = (lm: number): number => lm - Math.floor(lm / MINUTES_PER_DAY) * MINUTES_PER_DAY;
const lmAt = (day: string, minute: number): number => parseDay(day) * MINUTES_PER_DAY + minute;

interface Stamp {
  iso: string;
  ms: number;
}

interface WeightedDays {
  days: string[];
  cumulative: number[];
}

interface Session {
  day: string;
  start: number;
  end: number;
}

interface Skeleton {
  channel: AppealChannel;
  /** Local minutes since 1970 (Kazakhstan wall clock). */
  received: number;
  registeredOn: string;
  created: number;
  createdMs: number;
}

interface Person {
  record: Applicant;
  lang: Lang;
  sex: Sex;
  place: Place;
  house: string;
  channel: ContactChannel;
  lastProblem: string | null;
}

type Path = 'consult' | 'quick' | 'explain' | 'inquiry' | 'meeting';

/** What the office writes about an appeal depends on these. */
interface Story {
  lang: Lang;
  words: Problem['kk'];
  notResolvedReason: NotResolvedReason | null;
  anonymous: boolean;
  repeat: boolean;
  personal: boolean;
}

type Step =
  | { lm: number; kind: 'start' | 'close' | 'agencyAnswered'; note: string; user: string }
  | { lm: number; kind: 'awaitAgency'; note: string; user: string }
  | { lm: number; kind: 'decide'; outcome: Outcome; summary: string; user: string }
  | { lm: number; kind: 'inform'; via: InformChannel; user: string }
  | { lm: number; kind: 'reopen'; reason: string; user: string }
  | { lm: number; kind: 'note'; note: string; user: string }
  | { lm: number; kind: 'contact'; contactAt: number; note: string; user: string }
  | { lm: number; kind: 'extend'; to: string; reason: string; user: string }
  | { lm: number; kind: 'publish'; summary: BilingualText; inReport: boolean; user: string };

// ── The builder ──────────────────────────────────────────────────────────────────────────

class DatasetBuilder {
  private readonly rng: Rng;
  private readonly cal: WorkCalendar;
  private readonly from: string;
  private readonly today: string;
  private readonly count: number;
  private readonly cutoff: number;
  private readonly fromLm: number;
  private readonly users: StaffUser[];
  private readonly deputy: string;
  private readonly assistants: string[];
  private readonly workDays: WeightedDays;
  private readonly offDays: WeightedDays;
  private readonly receptions: Session[];
  private readonly hearings: Session[];
  private readonly problemsByMonth: (readonly (readonly [Problem, number])[])[];

  private readonly applicants: Applicant[] = [];
  private readonly appeals: Appeal[] = [];
  private readonly events: AppEvent[] = [];
  private readonly counters = new Map<number, number>();
  private readonly returning: { person: Person; left: number }[] = [];

  constructor(options: DatasetOptions) {
    const { appeals, seed = 1, from = '2025-01-01', today = '2026-11-20', userIds } = options;
    if (!Number.isInteger(appeals) || appeals < 0) {
      throw new RangeError(`appeals must be a whole number ≥ 0, got ${appeals}`);
    }
    if (parseDay(from, 'from') > parseDay(today, 'today')) {
      throw new RangeError(`from ${from} is after today ${today}`);
    }
    if (userIds !== undefined && userIds.length === 0) {
      throw new RangeError('userIds, when given, must name at least one user');
    }
    this.rng = createRng(seed);
    this.cal = createKzCalendar();
    this.from = from;
    this.today = today;
    this.count = appeals;
    this.cutoff = lmAt(today, CLOSE);
    this.fromLm = lmAt(from, 0);
    this.users = this.makeStaff(userIds);
    this.deputy = (this.users[0] as StaffUser).id;
    const assistants = this.users.slice(1).map((u) => u.id);
    this.assistants = assistants.length > 0 ? assistants : [this.deputy];
    [this.workDays, this.offDays] = this.dayPools();
    [this.receptions, this.hearings] = this.sessions();
    this.problemsByMonth = Array.from({ length: 12 }, (_, i) => problemWeights(i + 1));
  }

  build(): Dataset {
    const skeletons = Array.from({ length: this.count }, () => this.skeleton());
    // Numbers are given in the order appeals were typed in, as the repository's counter does.
    skeletons.sort((a, b) => a.created - b.created || a.createdMs - b.createdMs);
    for (const skeleton of skeletons) this.appeal(skeleton);

    const counters = [...this.counters.entries()]
      .sort(([a], [b]) => a - b)
      .map(([year, value]) => ({ id: counterId('appeal', year), value }));
    return {
      applicants: this.applicants,
      appeals: this.appeals,
      events: this.events,
      counters,
      users: this.users,
    };
  }

  // ── Time ───────────────────────────────────────────────────────────────────────────────

  /** An ISO UTC timestamp for a local minute, with the seconds a real clock would show. */
  private stamp(lm: number): Stamp {
    const ms = (lm - KZ_UTC_OFFSET_MINUTES) * 60_000 + this.rng.int(0, 59_999);
    return { iso: new Date(ms).toISOString(), ms };
  }

  private id(stamp: Stamp): string {
    return this.rng.uuidv7(stamp.ms);
  }

  private event<T extends EventType>(params: NewEventParams<T>, stamp: Stamp): void {
    this.events.push(eventRecord(params, this.id(stamp)));
  }

  /** A minute of the office day, thinner over lunch. */
  private officeMinute(): number {
    const hour = this.rng.weighted(OFFICE_HOURS);
    return hour * 60 + this.rng.int(hour === 9 ? 5 : 0, hour === 17 ? 55 : 59);
  }

  /** A moment in office hours of `day`, after `after` (the previous write of the appeal). */
  private officeAfter(day: string, after: number): number {
    const lm = lmAt(day, this.officeMinute());
    return lm > after ? lm : after + this.rng.int(2, 25);
  }

  private workDay(n: number, from: string): string {
    return addWorkingDays(this.cal, from, n);
  }

  private dayPools(): [WeightedDays, WeightedDays] {
    const work: WeightedDays = { days: [], cumulative: [] };
    const off: WeightedDays = { days: [], cumulative: [] };
    let workTotal = 0;
    let offTotal = 0;
    const last = parseDay(this.today);
    for (let dn = parseDay(this.from); dn <= last; dn++) {
      const day = formatDay(dn);
      const weight = MONTH_VOLUME[Number(day.slice(5, 7)) - 1] ?? 1;
      if (isWorkingDay(this.cal, day)) {
        workTotal += weight;
        work.days.push(day);
        work.cumulative.push(workTotal);
      } else {
        offTotal += weight;
        off.days.push(day);
        off.cumulative.push(offTotal);
      }
    }
    if (work.days.length === 0) {
      throw new RangeError(`No working day between ${this.from} and ${this.today}`);
    }
    return [work, off];
  }

  private pickDay(pool: WeightedDays): string {
    const total = pool.cumulative[pool.cumulative.length - 1] ?? 0;
    const r = this.rng.next() * total;
    let lo = 0;
    let hi = pool.days.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((pool.cumulative[mid] ?? 0) > r) hi = mid;
      else lo = mid + 1;
    }
    return pool.days[lo] as string;
  }

  /**
   * The deputy's receptions: two a month on working days (the seed asks for at least one),
   * a Saturday one each quarter for people who work, and a public hearing each quarter.
   */
  private sessions(): [Session[], Session[]] {
    const receptions: Session[] = [];
    const hearings: Session[] = [];
    const first = parseDay(this.from);
    const last = parseDay(this.today);
    const inRange = (day: string) => parseDay(day) >= first && parseDay(day) <= last;
    let year = Number(this.from.slice(0, 4));
    let month = Number(this.from.slice(5, 7));
    const monthStart = () => parseDay(`${year}-${String(month).padStart(2, '0')}-01`);
    /** The n-th given weekday (0 = Sunday) of the month; n = 5 means the last one. */
    const nth = (weekday: number, n: number): string => {
      const start = monthStart();
      let dn = start + ((weekday - weekdayOfDayNumber(start) + 7) % 7) + 7 * (Math.min(n, 4) - 1);
      if (n === 5 && formatDay(dn + 7).slice(5, 7) === formatDay(dn).slice(5, 7)) dn += 7;
      return formatDay(dn);
    };
    /** A reception that falls on a holiday moves to the next working day. */
    const onWorkingDay = (day: string): string =>
      isWorkingDay(this.cal, day) ? day : this.workDay(1, day);
    const add = (list: Session[], day: string, start: number, end: number) => {
      if (inRange(day)) list.push({ day, start, end });
    };
    while (monthStart() <= last) {
      add(receptions, onWorkingDay(nth(3, 2)), 15 * 60, CLOSE);
      add(receptions, onWorkingDay(nth(2, 4)), 10 * 60, 13 * 60);
      if (month % 3 === 0) add(receptions, nth(6, 5), 10 * 60, 13 * 60);
      const thursday = nth(4, 3);
      if (month % 3 === 2 && thursday < this.today) {
        add(hearings, thursday, 18 * 60 + 30, 20 * 60 + 30);
      }
      month += 1;
      if (month > 12) {
        month = 1;
        year += 1;
      }
    }
    return [receptions, hearings];
  }

  /** When an appeal arrived, was registered and was typed in, by channel. */
  private skeleton(): Skeleton {
    for (;;) {
      const channel = this.rng.weighted(CHANNELS);
      const times = this.arrival(channel);
      const received = formatLocalDateTime(times.received);
      const registeredOn = registrationDay(this.cal, received);
      if (times.received < this.fromLm || times.created > this.cutoff) continue;
      if (registeredOn > this.today) continue;
      return {
        channel,
        registeredOn,
        received: times.received,
        created: times.created,
        createdMs: this.rng.int(0, 59_999),
      };
    }
  }

  private arrival(channel: AppealChannel): { received: number; created: number } {
    const rng = this.rng;
    const sessions =
      channel === 'reception' ? this.receptions : channel === 'hearing' ? this.hearings : [];
    if (sessions.length > 0) {
      const session = rng.pick(sessions);
      const received = lmAt(session.day, rng.int(session.start, session.end - 10));
      // Typed in during the conversation: the queue is short and the laptop is on the table.
      return { received, created: received + rng.int(4, 20) };
    }
    if (channel === 'phone' && rng.chance(0.05)) {
      const received = lmAt(this.pickDay(this.workDays), rng.int(CLOSE, CLOSE + 90));
      return { received, created: received + rng.int(1, 10) };
    }
    if (ONLINE.has(channel) && rng.chance(ONLINE_AFTER_HOURS)) {
      const kind = rng.weighted(AFTER_HOURS_KINDS);
      const received =
        kind === 'evening'
          ? lmAt(this.pickDay(this.workDays), rng.int(CLOSE, 23 * 60 + 50))
          : kind === 'early'
            ? lmAt(this.pickDay(this.workDays), rng.int(6 * 60 + 30, OPEN - 1))
            : lmAt(
                this.pickDay(this.offDays.days.length > 0 ? this.offDays : this.workDays),
                rng.int(8 * 60, 23 * 60),
              );
      const registeredOn = registrationDay(this.cal, formatLocalDateTime(received));
      const created = Math.max(lmAt(registeredOn, rng.int(OPEN, 11 * 60 + 30)), received + 5);
      return { received, created };
    }
    const day = this.pickDay(this.workDays);
    const received =
      channel === 'letter' ? lmAt(day, rng.int(10 * 60, 16 * 60)) : lmAt(day, this.officeMinute());
    const delay =
      channel === 'phone' ? rng.int(1, 12) : rng.int(5, channel === 'letter' ? 240 : 150);
    let created = received + delay;
    if (minuteOf(created) >= CLOSE - 2 || dayOf(created) !== day) {
      // Too late to type in today: it waits for the next morning (registered today all the same).
      created = lmAt(this.workDay(1, day), rng.int(OPEN, 10 * 60 + 30));
    }
    return { received, created };
  }

  // ── People ─────────────────────────────────────────────────────────────────────────────

  private makeStaff(userIds: readonly string[] | undefined): StaffUser[] {
    const rng = this.rng;
    const ids =
      userIds ??
      Array.from({ length: 3 }, (_, i) =>
        rng.uuidv7(Date.parse(`${this.from}T04:00:00Z`) - 86_400_000 * (3 - i)),
      );
    return ids.map((id, i) => {
      const sex: Sex =
        i === 0 ? (rng.chance(0.7) ? 'male' : 'female') : rng.chance(0.8) ? 'female' : 'male';
      const name = makeName(rng, sex, i === 2 ? 'ru' : 'kk');
      return { id, fullName: name.fullName, role: i === 0 ? 'deputy' : 'assistant', active: true };
    });
  }

  private randomHome(): { place: Place; house: string } {
    const place = this.rng.weighted(PLACE_WEIGHTS);
    return { place, house: this.houseNumber(place) };
  }

  private houseNumber(place: Place): string {
    const n = String(this.rng.int(1, place.maxHouse));
    const r = this.rng.next();
    if (r < 0.07) return `${n}/${this.rng.int(1, 3)}`;
    if (r < 0.11) return `${n}${this.rng.pick(['А', 'Б'])}`;
    return n;
  }

  private vulnerableCategories(): VulnerableCategory[] {
    if (!this.rng.chance(VULNERABLE_SHARE)) return [];
    const main = this.rng.weighted(VULNERABLE_WEIGHTS);
    if (main === 'pensioner' && this.rng.chance(0.25)) return ['pensioner', 'disability'];
    if (main === 'large_family' && this.rng.chance(0.3)) return ['large_family', 'low_income'];
    return [main];
  }

  private newPerson(
    lang: Lang,
    channel: AppealChannel,
    createdLm: number,
    userId: string,
    home?: { place: Place; house: string },
  ): Person {
    const rng = this.rng;
    const vulnerable = this.vulnerableCategories();
    const main = vulnerable[0];
    const sex: Sex =
      main === 'veteran'
        ? rng.chance(0.9)
          ? 'male'
          : 'female'
        : main === 'large_family' || main === 'other'
          ? rng.chance(0.8)
            ? 'female'
            : 'male'
          : rng.chance(0.56)
            ? 'female'
            : 'male';
    const [minAge, maxAge] = main === undefined ? rng.weighted(AGE_BANDS) : AGE_BY_CATEGORY[main];
    const birthDate = birthDateForAge(rng, rng.int(minAge, maxAge), dayOf(createdLm));
    const name = makeName(rng, sex, lang);
    const { place, house } = home ?? this.randomHome();
    const flat = rng.chance(0.93) ? String(rng.int(1, 180)) : '';
    const phones = [makeMobile(rng)];
    if (rng.chance(0.06)) {
      const second = makeMobile(rng);
      if (second !== phones[0]) phones.push(second);
    }
    const iin = rng.chance(IIN_SHARE[channel]) ? makeIin(rng, birthDate, sex) : null;
    const email =
      channel === 'email' || rng.chance(0.25)
        ? makeEmail(rng, name, Number(birthDate.slice(0, 4)))
        : null;
    const preferred = rng.weighted(PREFERRED_CHANNEL[channel]);
    const location = placeLocation(place, house);
    const stamp = this.stamp(createdLm - rng.int(1, 3));
    const record: Applicant = {
      id: this.id(stamp),
      createdAt: stamp.iso,
      updatedAt: stamp.iso,
      createdBy: userId,
      updatedBy: userId,
      version: 1,
      deletedAt: null,
      fullName: name.fullName,
      phones,
      iin,
      email,
      address: {
        locality: location.locality,
        district: location.district,
        street: location.street,
        building: location.building,
        flat,
      },
      preferredLanguage: lang,
      preferredChannel: preferred,
      vulnerableCategories: vulnerable,
      consent: { given: true, date: dayOf(createdLm), form: rng.weighted(CONSENT_FORM[channel]) },
      anonymisedAt: null,
      importBatchId: null,
      mergedInto: null,
    };
    this.applicants.push(record);
    return { record, lang, sex, place, house, channel: preferred, lastProblem: null };
  }

  /** The lead applicant of the next appeal: someone who has written before, or someone new. */
  private leadApplicant(
    channel: AppealChannel,
    createdLm: number,
    userId: string,
  ): { person: Person; returning: boolean } {
    const rng = this.rng;
    if (this.returning.length > 0 && rng.chance(RETURN_PICK)) {
      const i = rng.int(0, this.returning.length - 1);
      const entry = this.returning[i] as { person: Person; left: number };
      entry.left -= 1;
      if (entry.left === 0) {
        this.returning[i] = this.returning[this.returning.length - 1] as typeof entry;
        this.returning.pop();
      }
      const record = entry.person.record;
      // People change numbers: a returning applicant sometimes dictates a new one.
      if (record.phones.length === 1 && rng.chance(0.15)) {
        const phone = makeMobile(rng);
        if (!record.phones.includes(phone)) {
          const stamp = this.stamp(createdLm - rng.int(1, 3));
          record.phones = [...record.phones, phone];
          record.updatedAt = stamp.iso;
          record.updatedBy = userId;
          record.version += 1;
        }
      }
      return { person: entry.person, returning: true };
    }
    const lang: Lang = rng.chance(0.6) ? 'kk' : 'ru';
    const person = this.newPerson(lang, channel, createdLm, userId);
    if (rng.chance(RETURNING_SHARE)) this.returning.push({ person, left: rng.int(1, 3) });
    return { person, returning: false };
  }

  // ── Appeals ────────────────────────────────────────────────────────────────────────────

  private appeal(sk: Skeleton): void {
    const rng = this.rng;
    const month = Number(dayOf(sk.received).slice(5, 7));
    const inPerson = IN_PERSON.has(sk.channel);
    const assignee = rng.weighted<string | null>([
      [this.assistants[0] ?? this.deputy, 45],
      [this.assistants[1] ?? this.assistants[0] ?? this.deputy, 40],
      [this.deputy, 10],
      [null, 5],
    ]);
    const worker = (): string =>
      assignee !== null && assignee !== this.deputy && !rng.chance(0.15)
        ? assignee
        : rng.pick(this.assistants);
    const createdBy = inPerson && rng.chance(0.35) ? this.deputy : worker();

    const anonymous = ANONYMOUS_CHANNELS.has(sk.channel) && rng.chance(ANONYMOUS_SHARE);
    const found = anonymous ? null : this.leadApplicant(sk.channel, sk.created, createdBy);
    const lead = found?.person ?? null;
    const lang: Lang = lead?.lang ?? (rng.chance(0.6) ? 'kk' : 'ru');
    let problem = rng.weighted(this.problemsByMonth[month - 1] ?? []);
    while (anonymous && problem.scope === 'personal') {
      problem = rng.weighted(this.problemsByMonth[month - 1] ?? []);
    }
    const words = problem[lang];
    const repeat = lead !== null && lead.lastProblem === problem.id;
    if (lead !== null) lead.lastProblem = problem.id;

    // Where: the applicant's own block for a building, often their street for a street.
    const home = lead ?? this.randomHome();
    const place =
      problem.scope === 'street' && (lead === null || rng.chance(0.3))
        ? this.rng.weighted(PLACE_WEIGHTS)
        : home.place;
    const house =
      problem.scope === 'building' && place === home.place ? home.house : this.houseNumber(place);
    const textIndex = rng.int(0, words.texts.length - 1);
    const body = words.texts[textIndex] as string;
    const building =
      problem.scope === 'personal'
        ? ''
        : problem.scope === 'building' || body.includes('{house}')
          ? house
          : '';

    const collective =
      !anonymous &&
      problem.scope !== 'personal' &&
      rng.chance(
        Math.min(0.9, problem.collective * COLLECTIVE_SCALE * (sk.channel === 'hearing' ? 2 : 1)),
      );
    const signatories = collective ? this.signatories() : null;
    const agency: Agency =
      problem.agency === 'district_akimat'
        ? districtAkimat(place.district)
        : AGENCIES[problem.agency];
    const vars = this.vars(lang, place, house, signatories, words.about, agency);
    // The office writes public texts in both languages (domain.md, 2026-12): the same
    // story's words and places in the other language, with the same OSI and route.
    const otherLang: Lang = lang === 'kk' ? 'ru' : 'kk';
    const other = {
      words: problem[otherLang],
      vars: varsOf(
        otherLang,
        place,
        house,
        signatories,
        problem[otherLang].about,
        agency,
        vars.osi ?? '',
        vars.route ?? '',
      ),
    };

    const coApplicantIds: string[] = [];
    if (collective && rng.chance(0.25) && lead !== null) {
      for (let i = rng.int(1, 2); i > 0; i--) {
        const neighbour = this.newPerson(lang, sk.channel, sk.created, createdBy, {
          place,
          house: problem.scope === 'building' ? house : this.houseNumber(place),
        });
        coApplicantIds.push(neighbour.record.id);
      }
    }

    const subject = fill(rng.pick(words.subjects), vars);
    const text = this.citizenText(
      sk.channel,
      lang,
      problem,
      body,
      vars,
      lead,
      collective,
      anonymous,
    );
    let expectation = rng.chance(0.95) ? fill(rng.pick(words.expectations), vars) : '';
    if (collective)
      expectation = expectation.replace('сұраймын', 'сұраймыз').replace('Прошу', 'Просим');

    let priorityReason: string | null = null;
    const categories = lead?.record.vulnerableCategories ?? [];
    if (categories.length > 0 && rng.chance(0.9)) {
      priorityReason = categories.map((c) => PRIORITY_REASONS[c][lang]).join(' ');
    } else if (rng.chance(problem.urgent ?? 0)) {
      priorityReason = MANUAL_PRIORITY_REASON[lang];
    }

    const tags: string[] = [];
    if (repeat || (found?.returning === true && rng.chance(0.3))) tags.push(TAGS.repeat);
    if (rng.chance(0.16)) tags.push(rng.pick(TAGS.byTopic[problem.topic]));
    if (rng.chance(0.04)) tags.push(rng.pick(TAGS.general));

    // What will happen to it: the outcome first, then the way there.
    const outcome = this.outcome(problem, anonymous, repeat);
    const notResolvedReason =
      outcome === 'not_resolved'
        ? rng.weighted(
            problem.notResolved ??
              (problem.scope === 'personal' ? PERSONAL_NOT_RESOLVED_REASONS : NOT_RESOLVED_REASONS),
          )
        : null;
    const path: Path =
      outcome === 'explained'
        ? inPerson && rng.chance(0.5)
          ? 'consult'
          : 'explain'
        : outcome === 'forwarded' || outcome === 'not_considered'
          ? 'quick'
          : rng.chance(0.7)
            ? 'inquiry'
            : 'meeting';
    const proposedAction: ProposedAction | null =
      !inPerson && rng.chance(0.25) ? null : PROPOSED_ACTION[path][outcome === 'forwarded' ? 1 : 0];

    const year = Number(sk.registeredOn.slice(0, 4));
    const sequence = (this.counters.get(year) ?? 0) + 1;
    this.counters.set(year, sequence);
    const regNo = formatRegNo(year, sequence);
    const receivedAt = formatLocalDateTime(sk.received);
    const deadlines = computeDeadlines(this.cal, { receivedAt, registeredOn: sk.registeredOn });
    const created: Stamp = {
      ms: (sk.created - KZ_UTC_OFFSET_MINUTES) * 60_000 + sk.createdMs,
      iso: new Date((sk.created - KZ_UTC_OFFSET_MINUTES) * 60_000 + sk.createdMs).toISOString(),
    };
    const id = this.id(created);

    let appeal: Appeal = {
      id,
      createdAt: created.iso,
      updatedAt: created.iso,
      createdBy,
      updatedBy: createdBy,
      version: 1,
      deletedAt: null,
      regNo,
      receivedAt,
      registeredOn: sk.registeredOn,
      channel: sk.channel,
      kind: anonymous ? rng.weighted(ANONYMOUS_KINDS) : rng.weighted(problem.kinds),
      collective,
      signatories,
      applicantId: lead?.record.id ?? null,
      coApplicantIds,
      subject,
      text,
      expectation,
      topic: problem.topic,
      location: placeLocation(place, building),
      priority: priorityReason !== null,
      priorityReason,
      proposedAction,
      assignee,
      status: 'registered',
      outcome: null,
      notResolvedReason: null,
      outcomeSummary: '',
      publicSummary: { kk: '', ru: '' },
      inReport: false,
      reportHighlight: false,
      applicantInformedAt: null,
      informedVia: null,
      // At a reception the conversation is the first contact, recorded with the intake.
      firstContactAt: inPerson ? receivedAt : null,
      decidedOn: null,
      extendedTo: null,
      extensionReason: null,
      decideBy: deadlines.decideBy,
      acknowledgeBy: deadlines.acknowledgeBy,
      receptionId: null,
      forwardedTo: null,
      tags,
      attachmentIds: [],
      journalNo: null,
      importBatchId: null,
    };
    this.appeals.push(appeal);
    this.event(
      {
        appealId: id,
        type: 'created',
        data: { regNo },
        now: created.iso,
        userId: createdBy,
      },
      created,
    );

    const steps = this.plan({
      sk,
      appeal,
      path,
      outcome,
      notResolvedReason,
      lang,
      words: problem[lang],
      vars,
      other,
      agency,
      anonymous,
      repeat,
      lead,
      worker,
      createdBy,
      collective: signatories ?? 0,
      personal: problem.scope === 'personal',
    });
    appeal = this.realise(appeal, steps, notResolvedReason, agency, lang);
    this.appeals[this.appeals.length - 1] = appeal;
  }

  private signatories(): number {
    const [min, max] = this.rng.weighted(SIGNATORY_BANDS);
    return this.rng.int(min, max);
  }

  private vars(
    lang: Lang,
    place: Place,
    house: string,
    signatories: number | null,
    about: string,
    agency: Agency,
  ): Vars {
    const osi = this.rng.pick(OSI_NAMES);
    const route = this.rng.pick(BUS_ROUTES);
    return varsOf(lang, place, house, signatories, about, agency, osi, route);
  }

  /** The problem in the citizen's words, dressed as the channel brings it. */
  private citizenText(
    channel: AppealChannel,
    lang: Lang,
    problem: Problem,
    body: string,
    vars: Vars,
    lead: Person | null,
    collective: boolean,
    anonymous: boolean,
  ): string {
    const rng = this.rng;
    const parts: string[] = [];
    const chat = ONLINE.has(channel) && !FORMAL.has(channel);
    if ((FORMAL.has(channel) && rng.chance(0.85)) || (chat && rng.chance(0.3))) {
      parts.push(rng.pick(OPENERS[lang]));
    }
    // A body that names the place already gets the signatures after it, not a second address.
    const namesPlace = /\{(house|street\w*|alongAttr)\}/.test(body);
    if (collective && !namesPlace) {
      const openings = problem.scope === 'building' ? COLLECTIVE_BUILDING : COLLECTIVE_AREA;
      parts.push(fill(rng.pick(openings[lang]), vars));
    }
    parts.push(fill(body, vars));
    if (collective && namesPlace) parts.push(fill(rng.pick(COLLECTIVE_PERSONAL[lang]), vars));
    const categories = lead?.record.vulnerableCategories ?? [];
    const category = categories[0];
    if (lead !== null && category !== undefined && rng.chance(0.5)) {
      const sentences = VULNERABLE_SENTENCES[category];
      parts.push(rng.pick(lang === 'kk' ? sentences.kk : sentences.ru[lead.sex]));
    }
    if (problem.scope !== 'personal' && rng.chance(0.25))
      parts.push(rng.pick(EARLIER_ATTEMPTS[lang]));
    if (anonymous && rng.chance(0.5)) parts.push(rng.pick(ANONYMOUS_SUFFIX[lang]));
    if (!IN_PERSON.has(channel) && channel !== 'phone' && rng.chance(0.55)) {
      parts.push(rng.pick(CLOSERS[lang]));
    }
    return parts.join(' ');
  }

  private outcome(problem: Problem, anonymous: boolean, repeat: boolean): Outcome {
    if (anonymous) return this.rng.chance(0.55) ? 'not_considered' : 'explained';
    if (repeat && this.rng.chance(0.12)) return 'not_considered';
    const factors = problem.outcomes ?? {};
    return this.rng.weighted(OUTCOMES.map(([o, w]) => [o, w * (factors[o] ?? 1)] as const));
  }

  // ── Workflow ───────────────────────────────────────────────────────────────────────────

  /**
   * Everything that will happen to the appeal, as dated steps. Steps after the end of
   * `today` are dropped later, so the same plan yields a closed appeal when it is old and an
   * open one when it is recent.
   */
  private plan(p: {
    sk: Skeleton;
    appeal: Appeal;
    path: Path;
    outcome: Outcome;
    notResolvedReason: NotResolvedReason | null;
    lang: Lang;
    words: Problem['kk'];
    vars: Vars;
    /** The other language's words and placeholders, for texts kept in both. */
    other: { words: Problem['kk']; vars: Vars };
    agency: Agency;
    anonymous: boolean;
    repeat: boolean;
    lead: Person | null;
    worker: () => string;
    createdBy: string;
    collective: number;
    personal: boolean;
  }): Step[] {
    const rng = this.rng;
    const { sk, path, outcome, lang, vars, worker } = p;
    const reg = sk.registeredOn;
    const wd = (n: number): string => this.workDay(n, reg);
    const decider = (): string => (rng.chance(0.3) ? this.deputy : worker());
    const officeLang: Lang = rng.chance(0.85) ? lang : lang === 'kk' ? 'ru' : 'kk';
    const steps: Step[] = [];
    let prev = sk.created;
    const at = (day: string): number => {
      prev = this.officeAfter(day, prev);
      return prev;
    };

    const summary = (o: Outcome): string => this.outcomeSummary(o, path, p, vars);
    const publicSummary = (o: Outcome): BilingualText => this.publicSummary(o, p, vars);

    let decideLm: number;
    let extension: { lm: number; to: string } | null = null;
    if (path === 'consult') {
      decideLm = sk.created + rng.int(8, 30);
      prev = decideLm;
      // Whoever typed the intake records the consultation given on the spot.
      steps.push({
        lm: decideLm,
        kind: 'decide',
        outcome,
        summary: summary(outcome),
        user: p.createdBy,
      });
    } else {
      const nStart = rng.weighted(START_DAYS);
      let nDecide: number;
      let nAwait: number | null = null;
      let nAnswer: number | null = null;
      if (path === 'quick') {
        nDecide = outcome === 'forwarded' ? rng.weighted(FORWARD_DAYS) : rng.int(1, 5);
      } else if (path === 'explain') {
        nDecide = nStart + (rng.chance(0.9) ? rng.int(1, 8) : rng.int(9, 16));
      } else if (path === 'inquiry') {
        nAwait = nStart + rng.weighted(AWAIT_DAYS);
        const agencyDays = rng.chance(0.65)
          ? rng.int(3, 10)
          : rng.chance(0.77)
            ? rng.int(10, 15)
            : rng.int(16, 25);
        nAnswer = nAwait + agencyDays;
        nDecide = nAnswer + rng.weighted(AFTER_ANSWER_DAYS);
      } else {
        nDecide = nStart + (rng.chance(0.85) ? rng.int(3, 12) : rng.int(13, 22));
      }
      const stuck = path !== 'quick' && rng.chance(0.03);
      if (stuck) nDecide = nDecide * 2 + rng.int(15, 60);
      if (
        !stuck &&
        (path === 'inquiry' || path === 'meeting') &&
        outcome !== 'withdrawn' &&
        rng.chance(0.075)
      ) {
        // An extension is decided a few days before the term runs out, up to the legal cap.
        const cap = maxExtensionDate(reg);
        let nTo = rng.int(22, 40);
        while (wd(nTo) > cap) nTo -= 1;
        const to = wd(nTo);
        const nExtend = rng.int(10, 14);
        const extendLm = this.officeAfter(wd(nExtend), sk.created);
        const check = validateExtension(this.cal, reg, p.appeal.decideBy, to);
        if (check.ok) {
          extension = { lm: extendLm, to };
          nDecide = rng.chance(0.85)
            ? rng.int(Math.max(16, nExtend + 1), nTo)
            : nTo + rng.int(1, 6);
        }
      }
      if (outcome === 'withdrawn') {
        nDecide = nStart + rng.int(1, 10);
        nAnswer = null;
        if (nAwait !== null && nAwait >= nDecide) nAwait = null;
      }
      if (nAnswer !== null && nAwait !== null) {
        // An extension is usually asked for because the agency has not answered yet.
        const latest = nDecide - rng.int(0, 3);
        nAnswer = Math.max(nAwait + 1, extension === null ? Math.min(nAnswer, latest) : latest);
        nDecide = Math.max(nDecide, nAnswer);
      }
      if (path !== 'quick' || (rng.chance(0.5) && nStart < nDecide)) {
        const note = rng.chance(0.5) ? rng.pick(START_NOTES[officeLang]) : '';
        steps.push({ lm: at(wd(Math.min(nStart, nDecide))), kind: 'start', note, user: worker() });
      }
      if (nAwait !== null) {
        const note = fill(AWAIT_NOTE[officeLang], this.agencyVars(p.agency, officeLang));
        steps.push({ lm: at(wd(nAwait)), kind: 'awaitAgency', note, user: worker() });
      }
      if (nAnswer !== null) {
        const note = rng.chance(0.6) ? rng.pick(ANSWER_NOTES[officeLang]) : '';
        steps.push({ lm: at(wd(nAnswer)), kind: 'agencyAnswered', note, user: worker() });
      }
      decideLm = at(wd(nDecide));
      steps.push({
        lm: decideLm,
        kind: 'decide',
        outcome,
        summary: summary(outcome),
        user: decider(),
      });
      if (extension !== null) {
        const reason = rng.pick(EXTENSION_REASONS[lang]);
        steps.push({ lm: extension.lm, kind: 'extend', to: extension.to, reason, user: worker() });
        const noticeDay = this.workDay(rng.int(0, 2), dayOf(extension.lm));
        steps.push({
          lm: this.officeAfter(noticeDay, extension.lm),
          kind: 'note',
          note: EXTENSION_NOTICE_NOTE[officeLang],
          user: worker(),
        });
      }
    }

    const via: InformChannel =
      path === 'consult'
        ? 'in_person'
        : p.lead === null || (p.collective > 80 && rng.chance(0.4))
          ? 'publication'
          : p.lead.channel;
    const publish = (lm: number, o: Outcome): void => {
      steps.push({
        lm,
        kind: 'publish',
        summary: publicSummary(o),
        inReport: rng.chance(IN_REPORT[o]),
        user: worker(),
      });
    };

    // Reporting the result back, and closing.
    let informLm: number | null = null;
    if (path === 'consult') {
      informLm = decideLm + rng.int(1, 3);
      steps.push({ lm: informLm, kind: 'inform', via, user: p.createdBy });
      const closeLm = rng.chance(0.8)
        ? informLm + rng.int(1, 5)
        : this.officeAfter(this.workDay(1, dayOf(informLm)), informLm);
      steps.push({ lm: closeLm, kind: 'close', note: '', user: worker() });
      publish(closeLm + rng.int(1, 30), outcome);
    } else {
      publish(decideLm + rng.int(2, 40), outcome);
      const delay = rng.weighted(INFORM_DAYS);
      if (delay !== null) {
        informLm = this.officeAfter(this.workDay(delay, dayOf(decideLm)), decideLm);
        steps.push({ lm: informLm, kind: 'inform', via, user: worker() });
        const r = rng.next();
        const closeLm =
          r < 0.75
            ? informLm + rng.int(1, 25)
            : r < 0.95
              ? this.officeAfter(this.workDay(rng.int(1, 3), dayOf(informLm)), informLm)
              : null;
        if (closeLm !== null) {
          steps.push({ lm: closeLm, kind: 'close', note: '', user: worker() });
          if (outcome === 'resolved' && rng.chance(0.015)) {
            // The problem came back after the repair: the office reopens and decides again.
            const reopenLm = this.officeAfter(
              this.workDay(rng.int(5, 25), dayOf(closeLm)),
              closeLm,
            );
            const reason = rng.pick(REOPEN_REASONS[lang]);
            steps.push({ lm: reopenLm, kind: 'reopen', reason, user: worker() });
            const again: Outcome = rng.chance(0.7) ? 'resolved' : 'partially_resolved';
            const redecideLm = this.officeAfter(
              this.workDay(rng.int(3, 10), dayOf(reopenLm)),
              reopenLm,
            );
            steps.push({
              lm: redecideLm,
              kind: 'decide',
              outcome: again,
              summary: summary(again),
              user: decider(),
            });
            publish(redecideLm + rng.int(2, 40), again);
            const reinformLm = this.officeAfter(
              this.workDay(rng.int(0, 2), dayOf(redecideLm)),
              redecideLm,
            );
            steps.push({ lm: reinformLm, kind: 'inform', via, user: worker() });
            steps.push({
              lm: reinformLm + rng.int(1, 25),
              kind: 'close',
              note: '',
              user: worker(),
            });
          }
        }
      }
    }

    // First contact, for the 72-hour rule: in person it happened at the intake.
    if (p.lead !== null && !IN_PERSON.has(sk.channel)) {
      const r = rng.next();
      let contact: number | null = null;
      if (r < 0.84) {
        contact = sk.created + rng.int(5, 240);
        if (dayOf(contact) !== dayOf(sk.created) || minuteOf(contact) > CLOSE + 30) {
          contact = this.officeAfter(this.workDay(1, dayOf(sk.created)), sk.created);
        }
      } else if (r < 0.92) {
        contact = this.officeAfter(this.workDay(rng.int(1, 2), dayOf(sk.created)), sk.created);
      } else if (r < 0.96) {
        contact = this.officeAfter(this.workDay(rng.int(3, 6), dayOf(sk.created)), sk.created);
      }
      const recordedAt = contact === null ? null : contact + rng.int(0, 15);
      // Reporting the result counts as contact too; a later record would not start from null.
      if (contact !== null && recordedAt !== null && (informLm === null || recordedAt < informLm)) {
        const note = rng.chance(0.6)
          ? FIRST_CONTACT_NOTES[officeLang][CONTACT_HOW[p.lead.channel]]
          : '';
        steps.push({ lm: recordedAt, kind: 'contact', contactAt: contact, note, user: worker() });
      }
    }

    // Notes while the appeal is being worked on.
    const notes = rng.weighted(NOTE_COUNTS);
    const end = Math.min(decideLm, this.cutoff);
    for (let i = 0; i < notes && end - sk.created > 60; i++) {
      const lm = sk.created + 30 + Math.floor(rng.next() * (end - sk.created - 30));
      const day = dayOf(lm);
      const workDay = isWorkingDay(this.cal, day) ? day : this.workDay(1, day);
      const noteLm = this.officeAfter(workDay, lm);
      if (noteLm >= end) continue;
      const note = fill(rng.pick(NOTES[officeLang]), this.agencyVars(p.agency, officeLang));
      steps.push({ lm: noteLm, kind: 'note', note, user: worker() });
    }
    return steps;
  }

  private agencyVars(agency: Agency, lang: Lang): Vars {
    return { agency: agency[lang], agencyDat: agency.kkDat, agencyTo: agency.ruTo };
  }

  private outcomeSummary(outcome: Outcome, path: Path, story: Story, vars: Vars): string {
    const { lang, words, anonymous, repeat } = story;
    const reason = story.notResolvedReason;
    const rng = this.rng;
    const action =
      path === 'inquiry'
        ? `${fill(ACTION_SENTENCES.inquiry[lang], vars)} `
        : path === 'meeting'
          ? `${ACTION_SENTENCES[story.personal ? 'meetingPersonal' : 'meeting'][lang]} `
          : '';
    switch (outcome) {
      case 'resolved':
        return action + fill(rng.pick(words.resolved), vars);
      case 'partially_resolved':
        return action + fill(rng.pick(words.partial), vars);
      case 'explained':
        return fill((anonymous ? EXPLAINED_ANONYMOUS_SUMMARY : EXPLAINED_SUMMARY)[lang], vars);
      case 'forwarded':
        return fill(FORWARDED_SUMMARY[lang], vars);
      case 'not_resolved':
        return action + NOT_RESOLVED_SUMMARY[reason ?? 'other'][lang];
      case 'withdrawn':
        return rng.pick(WITHDRAWN_SUMMARIES[lang]);
      case 'not_considered':
        return NOT_CONSIDERED_SUMMARY[anonymous || !repeat ? 'anonymous' : 'repeated'][lang];
    }
  }

  /** The public summary in both languages: the same sentence (same index) in each. */
  private publicSummary(
    outcome: Outcome,
    story: Story & { other: { words: Problem['kk']; vars: Vars } },
    vars: Vars,
  ): BilingualText {
    const own = this.publicSummaryIn(outcome, story, story.lang, story.words, vars, null);
    const otherLang: Lang = story.lang === 'kk' ? 'ru' : 'kk';
    const other = this.publicSummaryIn(
      outcome,
      story,
      otherLang,
      story.other.words,
      story.other.vars,
      own.index,
    );
    return story.lang === 'kk'
      ? { kk: own.text, ru: other.text }
      : { kk: other.text, ru: own.text };
  }

  /** One language's sentence; `index` repeats the other language's choice without the PRNG. */
  private publicSummaryIn(
    outcome: Outcome,
    story: Story,
    lang: Lang,
    words: Problem['kk'],
    vars: Vars,
    index: number | null,
  ): { text: string; index: number } {
    const { anonymous, repeat } = story;
    const reason = story.notResolvedReason;
    const choose = (list: readonly string[]): { text: string; index: number } => {
      if (index !== null) return { text: list[index % list.length] as string, index };
      const picked = this.rng.pick(list);
      return { text: picked, index: list.indexOf(picked) };
    };
    const filled = (choice: { text: string; index: number }) => ({
      text: fill(choice.text, vars),
      index: choice.index,
    });
    switch (outcome) {
      case 'resolved':
        return filled(choose(words.publicResolved));
      case 'partially_resolved':
        return filled(choose(words.publicPartial));
      case 'explained':
        return filled(
          anonymous
            ? { text: PUBLIC_EXPLAINED_ANONYMOUS[lang], index: 0 }
            : choose(PUBLIC_EXPLAINED[lang]),
        );
      case 'forwarded':
        return filled({ text: PUBLIC_FORWARDED[lang], index: 0 });
      case 'not_resolved':
        return filled({ text: PUBLIC_NOT_RESOLVED[reason ?? 'other'][lang], index: 0 });
      case 'withdrawn':
        return filled({ text: PUBLIC_WITHDRAWN[lang], index: 0 });
      case 'not_considered':
        return {
          text: PUBLIC_NOT_CONSIDERED[anonymous || !repeat ? 'anonymous' : 'repeated'][lang],
          index: 0,
        };
    }
  }

  /** Applies the planned steps up to the end of `today`, as the repositories would. */
  private realise(
    start: Appeal,
    planned: Step[],
    notResolvedReason: NotResolvedReason | null,
    agency: Agency,
    lang: Lang,
  ): Appeal {
    let appeal = start;
    const steps = planned.sort((a, b) => a.lm - b.lm);
    let last = Math.floor(Date.parse(appeal.createdAt) / 60_000) + KZ_UTC_OFFSET_MINUTES;
    for (const step of steps) {
      // Two writes never share a minute, so the history has one order however it is sorted.
      const lm = Math.max(step.lm, last + 1);
      if (lm > this.cutoff) break;
      last = lm;
      const stamp = this.stamp(lm);
      const transition = (action: WorkflowAction): void => {
        const result = applyTransition(appeal, action, { now: stamp.iso, userId: step.user });
        if (!result.ok) {
          throw new Error(`${appeal.regNo}: ${action.type} refused (${result.error.code})`);
        }
        appeal = result.appeal;
        result.event.id = this.id(stamp);
        this.events.push(result.event);
      };
      // applyTransition returns a fresh object each time and nothing else holds this one, so
      // plain edits can change it in place (a 45-field spread per edit is slow in Node 20).
      const touch = (): void => {
        appeal.updatedAt = stamp.iso;
        appeal.updatedBy = step.user;
        appeal.version += 1;
      };
      switch (step.kind) {
        case 'start':
        case 'awaitAgency':
        case 'agencyAnswered':
        case 'close':
          transition({ type: step.kind, note: step.note });
          break;
        case 'decide':
          transition({
            type: 'decide',
            outcome: step.outcome,
            outcomeSummary: step.summary,
            notResolvedReason: step.outcome === 'not_resolved' ? notResolvedReason : null,
            decidedOn: dayOf(lm),
            forwardedTo: step.outcome === 'forwarded' ? agency[lang] : undefined,
          });
          break;
        case 'inform':
          transition({
            type: 'informApplicant',
            informedAt: formatLocalDateTime(lm),
            via: step.via,
          });
          break;
        case 'reopen':
          transition({ type: 'reopen', reason: step.reason });
          break;
        case 'note':
          this.event(
            {
              appealId: appeal.id,
              type: 'noteAdded',
              data: {},
              now: stamp.iso,
              userId: step.user,
              note: step.note,
            },
            stamp,
          );
          break;
        case 'contact': {
          if (appeal.firstContactAt !== null) break;
          const to = formatLocalDateTime(Math.min(step.contactAt, lm));
          appeal.firstContactAt = to;
          touch();
          this.event(
            {
              appealId: appeal.id,
              type: 'fieldChanged',
              data: { changes: [{ field: 'firstContactAt', from: null, to }] },
              now: stamp.iso,
              userId: step.user,
              note: step.note,
            },
            stamp,
          );
          break;
        }
        case 'extend': {
          if (appeal.status === 'decided' || appeal.status === 'closed') break;
          const from = appeal.decideBy;
          appeal.extendedTo = step.to;
          appeal.extensionReason = step.reason;
          appeal.decideBy = step.to;
          touch();
          this.event(
            {
              appealId: appeal.id,
              type: 'deadlineExtended',
              data: { from, to: step.to, reason: step.reason },
              now: stamp.iso,
              userId: step.user,
              note: step.reason,
            },
            stamp,
          );
          break;
        }
        case 'publish': {
          const changes: { field: string; from: unknown; to: unknown }[] = [];
          if (
            appeal.publicSummary.kk !== step.summary.kk ||
            appeal.publicSummary.ru !== step.summary.ru
          ) {
            changes.push({ field: 'publicSummary', from: appeal.publicSummary, to: step.summary });
          }
          if (appeal.inReport !== step.inReport) {
            changes.push({ field: 'inReport', from: appeal.inReport, to: step.inReport });
          }
          if (changes.length === 0) break;
          appeal.publicSummary = step.summary;
          appeal.inReport = step.inReport;
          touch();
          this.event(
            {
              appealId: appeal.id,
              type: 'fieldChanged',
              data: { changes },
              now: stamp.iso,
              userId: step.user,
            },
            stamp,
          );
          break;
        }
      }
    }
    return appeal;
  }
}

// ── Tables ───────────────────────────────────────────────────────────────────────────────

const OFFICE_HOURS: readonly (readonly [number, number])[] = [
  [9, 8],
  [10, 12],
  [11, 12],
  [12, 10],
  [13, 4],
  [14, 10],
  [15, 11],
  [16, 10],
  [17, 7],
];

const AFTER_HOURS_KINDS: readonly (readonly ['evening' | 'early' | 'dayoff', number])[] = [
  ['evening', 55],
  ['early', 10],
  ['dayoff', 35],
];

const VULNERABLE_WEIGHTS: readonly (readonly [VulnerableCategory, number])[] = [
  ['pensioner', 40],
  ['disability', 20],
  ['large_family', 20],
  ['low_income', 10],
  ['veteran', 5],
  ['other', 5],
];

const AGE_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[19, 29], 15],
  [[30, 44], 30],
  [[45, 59], 30],
  [[60, 80], 25],
];

const AGE_BY_CATEGORY: Readonly<Record<VulnerableCategory, readonly [number, number]>> = {
  pensioner: [63, 88],
  veteran: [58, 75],
  large_family: [28, 48],
  disability: [22, 75],
  low_income: [22, 55],
  other: [24, 45],
};

const SIGNATORY_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[3, 20], 60],
  [[21, 60], 30],
  [[61, 150], 10],
];

const PREFERRED_CHANNEL: Readonly<
  Record<AppealChannel, readonly (readonly [ContactChannel, number])[]>
> = {
  reception: [
    ['phone', 50],
    ['whatsapp', 40],
    ['in_person', 10],
  ],
  hearing: [
    ['phone', 50],
    ['whatsapp', 50],
  ],
  phone: [['phone', 1]],
  whatsapp: [['whatsapp', 1]],
  telegram: [['telegram', 1]],
  email: [['email', 1]],
  letter: [
    ['letter', 70],
    ['phone', 30],
  ],
  eotinish: [
    ['eotinish', 80],
    ['phone', 20],
  ],
  website: [
    ['email', 50],
    ['phone', 50],
  ],
  instagram: [
    ['whatsapp', 60],
    ['phone', 40],
  ],
  other: [['phone', 1]],
};

const CONSENT_FORM: Readonly<Record<AppealChannel, readonly (readonly [ConsentForm, number])[]>> = {
  reception: [
    ['written', 70],
    ['oral', 30],
  ],
  hearing: [
    ['written', 50],
    ['oral', 50],
  ],
  letter: [['written', 1]],
  phone: [['oral', 1]],
  whatsapp: [['electronic', 1]],
  telegram: [['electronic', 1]],
  email: [['electronic', 1]],
  eotinish: [['electronic', 1]],
  website: [['electronic', 1]],
  instagram: [['electronic', 1]],
  other: [['oral', 1]],
};

const ANONYMOUS_KINDS: readonly (readonly [AppealKind, number])[] = [
  ['report', 6],
  ['complaint', 4],
];

/** Index 1 is for forwarded appeals (the only outcome of the quick path that has an action). */
const PROPOSED_ACTION: Readonly<
  Record<Path, readonly [ProposedAction | null, ProposedAction | null]>
> = {
  consult: ['consultation', 'consultation'],
  explain: ['consultation', 'consultation'],
  quick: [null, 'forwarding'],
  inquiry: ['inquiry', 'inquiry'],
  meeting: ['meeting', 'meeting'],
};

/** Working days after registration; the day of registration itself is 0. */
const START_DAYS: readonly (readonly [number, number])[] = [
  [0, 50],
  [1, 35],
  [2, 12],
  [3, 3],
];
const FORWARD_DAYS: readonly (readonly [number, number])[] = [
  [1, 40],
  [2, 30],
  [3, 20],
  [4, 6],
  [5, 4],
];
const AWAIT_DAYS: readonly (readonly [number, number])[] = [
  [0, 40],
  [1, 35],
  [2, 15],
  [4, 10],
];
const AFTER_ANSWER_DAYS: readonly (readonly [number, number])[] = [
  [0, 35],
  [1, 30],
  [2, 20],
  [3, 10],
  [5, 5],
];
/** null: the office never records that the applicant was told. */
const INFORM_DAYS: readonly (readonly [number | null, number])[] = [
  [0, 40],
  [1, 25],
  [2, 12],
  [3, 8],
  [5, 6],
  [8, 5],
  [null, 4],
];
const NOTE_COUNTS: readonly (readonly [number, number])[] = [
  [0, 45],
  [1, 30],
  [2, 17],
  [3, 8],
];

/** Problems with their weight in a month: topic share × share within topic × season. */
function problemWeights(month: number): (readonly [Problem, number])[] {
  const topicTotals = new Map<string, number>();
  for (const problem of PROBLEMS) {
    topicTotals.set(problem.topic, (topicTotals.get(problem.topic) ?? 0) + problem.weight);
  }
  return PROBLEMS.map((problem) => {
    const season = problem.season;
    const factor =
      season === undefined ? 1 : season.months.includes(month) ? season.inside : season.outside;
    const share = problem.weight / (topicTotals.get(problem.topic) ?? problem.weight);
    return [problem, TOPIC_WEIGHTS[problem.topic] * share * factor] as const;
  }).filter(([, weight]) => weight > 0);
}

/** A story's placeholders in one language (no randomness: the caller picked OSI and route). */
function varsOf(
  lang: Lang,
  place: Place,
  house: string,
  signatories: number | null,
  about: string,
  agency: Agency,
  osi: string,
  route: string,
): Vars {
  // Two literals rather than a shared part spread into each: see eventRecord.
  const count = String(signatories ?? 0);

  if (lang === 'kk') {
    return {
      house,
      osi,
      route,
      signatories: count,
      about,
      aboutCap: capitalise(about),
      agency: agency.kk,
      agencyDat: agency.kkDat,
      streetNom: place.kk.nom,
      streetLoc: place.kk.loc,
      streetAttr: place.kk.attr,
      streetDat: place.kk.dat,
      streetGen: place.kk.gen,
      alongAttr: place.isMicro ? place.kk.attr : `${place.kk.gen} бойындағы`,
    };
  }
  return {
    house,
    osi,
    route,
    signatories: count,
    signatoriesRu: ruPeople(signatories ?? 0),
    about,
    aboutCap: capitalise(about),
    agency: agency.ru,
    agencyTo: agency.ruTo,
    streetNom: place.ru.nom,
    streetAt: place.ru.at,
    streetAlong: place.ru.along,
    streetOf: place.ru.of,
  };
}

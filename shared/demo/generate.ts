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
import { createKzCalendar } from '../calendar';
import { parseDay } from '../calendar/dates';
import { counterId, type Appeal, type AppEvent, type Applicant, type StaffUser } from '../domain';
import { addAppeal, problemWeights } from './dataset/appeal';
import { makeStaff } from './dataset/applicants';
import { dayPools, sessionsOf, skeleton } from './dataset/arrivals';
import { lmAt, type Builder } from './dataset/core';
import { CLOSE } from './dataset/tables';
import { createRng } from './rng';

// The builder's parts, by concern: dataset/core (state, clock, helpers), arrivals (when
// appeals come), applicants (people), appeal (one appeal and its texts), plan (its workflow
// steps), summaries (what the office writes), realise (the steps applied), tables (weights).
export { eventRecord } from './dataset/core';

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
  return build(newBuilder(options));
}

/** A fresh builder's state for one run; the order of the PRNG's draws is the generator's. */
function newBuilder(options: DatasetOptions): Builder {
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
  const rng = createRng(seed);
  const cal = createKzCalendar();
  const users = makeStaff({ rng, from }, userIds);
  const deputy = (users[0] as StaffUser).id;
  const assistants = users.slice(1).map((u) => u.id);
  const [workDays, offDays] = dayPools({ cal, from, today });
  const [receptions, hearings] = sessionsOf({ cal, from, today });
  return {
    rng,
    cal,
    from,
    today,
    count: appeals,
    cutoff: lmAt(today, CLOSE),
    fromLm: lmAt(from, 0),
    users,
    deputy,
    assistants: assistants.length > 0 ? assistants : [deputy],
    workDays,
    offDays,
    receptions,
    hearings,
    problemsByMonth: Array.from({ length: 12 }, (_, i) => problemWeights(i + 1)),
    applicants: [],
    appeals: [],
    events: [],
    counters: new Map<number, number>(),
    returning: [],
  };
}

function build(b: Builder): Dataset {
  const skeletons = Array.from({ length: b.count }, () => skeleton(b));
  // Numbers are given in the order appeals were typed in, as the repository's counter does.
  skeletons.sort((x, y) => x.created - y.created || x.createdMs - y.createdMs);
  for (const sk of skeletons) addAppeal(b, sk);

  const counters = [...b.counters.entries()]
    .sort(([x], [y]) => x - y)
    .map(([year, value]) => ({ id: counterId('appeal', year), value }));
  return {
    applicants: b.applicants,
    appeals: b.appeals,
    events: b.events,
    counters,
    users: b.users,
  };
}

/** The office generator's state, its record stamps and quarter arithmetic. */
import { type WorkCalendar, createKzCalendar } from '../../calendar';
import { type Rng, createRng } from '../rng';

export interface Stamped {
  id: string;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
  version: number;
  deletedAt: null;
}

/** A local day-time in Kazakhstan (UTC+5) as ISO UTC. */
export function isoOf(localDateTime: string): string {
  return new Date(`${localDateTime}:00+05:00`).toISOString();
}

export function quarterOf(day: string): { year: number; quarter: number } {
  return {
    year: Number(day.slice(0, 4)),
    quarter: Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1,
  };
}

export function quarterStart(year: number, quarter: number): string {
  return `${String(year)}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
}

/** A quarter's place in time: one more for each quarter, so quarters compare as numbers. */
export function quarterIndex(q: { year: number; quarter: number }): number {
  return q.year * 4 + q.quarter;
}

/** Each quarter from the one `from` falls in through the one numbered `lastIndex`, in order. */
export function* quartersFrom(from: string, lastIndex: number) {
  let { year, quarter } = quarterOf(from);
  while (quarterIndex({ year, quarter }) <= lastIndex) {
    yield { year, quarter };
    quarter += 1;
    if (quarter > 4) {
      quarter = 1;
      year += 1;
    }
  }
}

/** What the office's parts share: their own PRNG stream, the calendar, "today" and the staff. */
export interface OfficeState {
  readonly rng: Rng;
  readonly cal: WorkCalendar;
  readonly today: string;
  readonly deputy: string;
  readonly assistant: string;
}

export function newOfficeState(
  seed: number,
  today: string,
  users: readonly { id: string; role: string }[],
): OfficeState {
  return {
    // A stream of its own, so the appeals stay exactly what generateDataset gives.
    rng: createRng(seed * 7919 + 17),
    cal: createKzCalendar(),
    today,
    deputy: users[0]!.id,
    assistant: (users[1] ?? users[0]!).id,
  };
}

export function stamped(o: OfficeState, localDateTime: string, userId = o.assistant): Stamped {
  const iso = isoOf(localDateTime);
  return {
    id: o.rng.uuidv7(Date.parse(iso) + o.rng.int(0, 59_999)),
    createdAt: iso,
    updatedAt: iso,
    createdBy: userId,
    updatedBy: userId,
    version: 1,
    deletedAt: null,
  };
}

/** When appeals arrive: weighted working days and days off, reception sessions, channels. */
import { isWorkingDay } from '../../calendar';
import { formatDay, formatLocalDateTime, parseDay, weekdayOfDayNumber } from '../../calendar/dates';
import type { AppealChannel } from '../../domain';
import { registrationDay } from '../../workflow/deadlines';
import {
  type Builder,
  type Session,
  type Skeleton,
  type WeightedDays,
  dayOf,
  lmAt,
  minuteOf,
  officeMinute,
  workDayAfter,
} from './core';
import {
  AFTER_HOURS_KINDS,
  CHANNELS,
  CLOSE,
  MONTH_VOLUME,
  ONLINE,
  ONLINE_AFTER_HOURS,
  OPEN,
} from './tables';

export function dayPools(b: Pick<Builder, 'cal' | 'from' | 'today'>): [WeightedDays, WeightedDays] {
  const work: WeightedDays = { days: [], cumulative: [] };
  const off: WeightedDays = { days: [], cumulative: [] };
  let workTotal = 0;
  let offTotal = 0;
  const last = parseDay(b.today);
  for (let dn = parseDay(b.from); dn <= last; dn++) {
    const day = formatDay(dn);
    const weight = MONTH_VOLUME[Number(day.slice(5, 7)) - 1] ?? 1;
    if (isWorkingDay(b.cal, day)) {
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
    throw new RangeError(`No working day between ${b.from} and ${b.today}`);
  }
  return [work, off];
}

export function pickDay(b: Builder, pool: WeightedDays): string {
  const total = pool.cumulative[pool.cumulative.length - 1] ?? 0;
  const r = b.rng.next() * total;
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
export function sessionsOf(b: Pick<Builder, 'cal' | 'from' | 'today'>): [Session[], Session[]] {
  const receptions: Session[] = [];
  const hearings: Session[] = [];
  const first = parseDay(b.from);
  const last = parseDay(b.today);
  const inRange = (day: string) => parseDay(day) >= first && parseDay(day) <= last;
  let year = Number(b.from.slice(0, 4));
  let month = Number(b.from.slice(5, 7));
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
    isWorkingDay(b.cal, day) ? day : workDayAfter(b, 1, day);
  const add = (list: Session[], day: string, start: number, end: number) => {
    if (inRange(day)) list.push({ day, start, end });
  };
  while (monthStart() <= last) {
    add(receptions, onWorkingDay(nth(3, 2)), 15 * 60, CLOSE);
    add(receptions, onWorkingDay(nth(2, 4)), 10 * 60, 13 * 60);
    if (month % 3 === 0) add(receptions, nth(6, 5), 10 * 60, 13 * 60);
    const thursday = nth(4, 3);
    if (month % 3 === 2 && thursday < b.today) {
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
export function skeleton(b: Builder): Skeleton {
  for (;;) {
    const channel = b.rng.weighted(CHANNELS);
    const times = arrival(b, channel);
    const received = formatLocalDateTime(times.received);
    const registeredOn = registrationDay(b.cal, received);
    if (times.received < b.fromLm || times.created > b.cutoff) continue;
    if (registeredOn > b.today) continue;
    return {
      channel,
      registeredOn,
      received: times.received,
      created: times.created,
      createdMs: b.rng.int(0, 59_999),
    };
  }
}

export function arrival(b: Builder, channel: AppealChannel): { received: number; created: number } {
  const rng = b.rng;
  const sessions = channel === 'reception' ? b.receptions : channel === 'hearing' ? b.hearings : [];
  if (sessions.length > 0) {
    const session = rng.pick(sessions);
    const received = lmAt(session.day, rng.int(session.start, session.end - 10));
    // Typed in during the conversation: the queue is short and the laptop is on the table.
    return { received, created: received + rng.int(4, 20) };
  }
  if (channel === 'phone' && rng.chance(0.05)) {
    const received = lmAt(pickDay(b, b.workDays), rng.int(CLOSE, CLOSE + 90));
    return { received, created: received + rng.int(1, 10) };
  }
  if (ONLINE.has(channel) && rng.chance(ONLINE_AFTER_HOURS)) {
    const kind = rng.weighted(AFTER_HOURS_KINDS);
    const received =
      kind === 'evening'
        ? lmAt(pickDay(b, b.workDays), rng.int(CLOSE, 23 * 60 + 50))
        : kind === 'early'
          ? lmAt(pickDay(b, b.workDays), rng.int(6 * 60 + 30, OPEN - 1))
          : lmAt(
              pickDay(b, b.offDays.days.length > 0 ? b.offDays : b.workDays),
              rng.int(8 * 60, 23 * 60),
            );
    const registeredOn = registrationDay(b.cal, formatLocalDateTime(received));
    const created = Math.max(lmAt(registeredOn, rng.int(OPEN, 11 * 60 + 30)), received + 5);
    return { received, created };
  }
  const day = pickDay(b, b.workDays);
  const received =
    channel === 'letter' ? lmAt(day, rng.int(10 * 60, 16 * 60)) : lmAt(day, officeMinute(b));
  const delay = channel === 'phone' ? rng.int(1, 12) : rng.int(5, channel === 'letter' ? 240 : 150);
  let created = received + delay;
  if (minuteOf(created) >= CLOSE - 2 || dayOf(created) !== day) {
    // Too late to type in today: it waits for the next morning (registered today all the same).
    created = lmAt(workDayAfter(b, 1, day), rng.int(OPEN, 10 * 60 + 30));
  }
  return { received, created };
}

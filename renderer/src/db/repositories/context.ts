import { createKzCalendar, type WorkCalendar } from '@shared/calendar';
import { toKzLocalDateTime } from '@shared/calendar/zone';
import {
  defaultSettingsData,
  SETTINGS_ID,
  toCalendarOverrides,
  type SettingsInputData,
} from '@shared/domain';
import type { TizilimDb } from '../database';

/** Who writes and when; tests pass a fixed clock, the app passes the real one. */
export interface WriteContext {
  userId: string;
  now?: () => Date;
}

export interface Stamp {
  /** ISO UTC, for createdAt/updatedAt and event times. */
  iso: string;
  /** Kazakhstan local date-time, for domain fields. */
  local: string;
}

export function stamp(ctx: WriteContext): Stamp {
  const instant = ctx.now ? ctx.now() : new Date();
  return { iso: instant.toISOString(), local: toKzLocalDateTime(instant) };
}

export interface Rules {
  settings: SettingsInputData;
  calendar: WorkCalendar;
}

const calendars = new Map<string, WorkCalendar>();

/** Settings and the calendar built from them (cached per distinct overrides). */
export async function loadRules(db: TizilimDb): Promise<Rules> {
  const settings = (await db.settings.get(SETTINGS_ID)) ?? defaultSettingsData();
  const key = JSON.stringify(settings.calendar);
  let calendar = calendars.get(key);
  if (!calendar) {
    calendar = createKzCalendar(toCalendarOverrides(settings.calendar));
    calendars.set(key, calendar);
  }
  return { settings, calendar };
}

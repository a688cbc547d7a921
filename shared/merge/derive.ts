/**
 * Derived data of merged records (docs/merge.md, "Derived data"): recomputed from the merged
 * record, never copied from a file. An appeal's registration day and
 * deadlines come with the fields they follow from — the side whose receivedAt (and
 * extension) the merged appeal has keeps its dates, which may hold a promise made at a
 * reception; a combination neither side had is computed with the office's rules.
 */
import { createKzCalendar, type WorkCalendar } from '../calendar';
import { defaultSettingsData, toCalendarOverrides, type Appeal, type Settings } from '../domain';
import {
  computeDeadlines,
  DEFAULT_WORK_HOURS,
  registrationDay,
  type DeadlineRules,
  type WorkHours,
} from '../workflow/deadlines';
import { deepEqual } from './stable';
import type { RecordTable } from './tables';
import type { AnyRecord } from './types';

export interface DeriveRules {
  calendar: WorkCalendar;
  workHours: WorkHours;
  deadlines: DeadlineRules;
}

/** The office's rules from its (merged) settings, or the defaults of a fresh database. */
export function deriveRules(settings: Partial<Settings> | undefined): DeriveRules {
  const defaults = defaultSettingsData();
  return {
    calendar: createKzCalendar(toCalendarOverrides(settings?.calendar ?? defaults.calendar)),
    workHours: settings?.workHours ?? DEFAULT_WORK_HOURS,
    deadlines: settings?.deadlines ?? defaults.deadlines,
  };
}

function sameSources(a: AnyRecord, b: AnyRecord | undefined, fields: readonly string[]) {
  return b !== undefined && fields.every((f) => deepEqual(a[f] ?? null, b[f] ?? null));
}

function appealDates(
  appeal: AnyRecord,
  sides: readonly (AnyRecord | undefined)[],
  rulesOf: () => DeriveRules,
): Pick<Appeal, 'registeredOn' | 'decideBy' | 'acknowledgeBy'> {
  const received = sides.find((s) => sameSources(appeal, s, ['receivedAt']));
  const registeredOn = received
    ? (received.registeredOn as string)
    : registrationDay(rulesOf().calendar, appeal.receivedAt as string, rulesOf().workHours);
  const computed = () => {
    const rules = rulesOf();
    const extendedTo = (appeal.extendedTo as string | null) ?? null;
    try {
      return computeDeadlines(
        rules.calendar,
        { receivedAt: appeal.receivedAt as string, registeredOn, extendedTo },
        rules.deadlines,
      );
    } catch {
      // An extension beyond today's cap (the rules changed since): the extension stands.
      const plain = computeDeadlines(
        rules.calendar,
        { receivedAt: appeal.receivedAt as string, registeredOn },
        rules.deadlines,
      );
      return { ...plain, decideBy: extendedTo ?? plain.decideBy };
    }
  };
  const acknowledgeBy = received ? (received.acknowledgeBy as string) : computed().acknowledgeBy;
  const deadlineSide = sides.find(
    (s) =>
      s !== undefined && s.registeredOn === registeredOn && sameSources(appeal, s, ['extendedTo']),
  );
  const decideBy = deadlineSide ? (deadlineSide.decideBy as string) : computed().decideBy;
  return { registeredOn, decideBy, acknowledgeBy };
}

/** The record with its derived fields recomputed. `sides` are the two records it merges. */
export function withDerived(
  table: RecordTable,
  record: AnyRecord,
  sides: readonly (AnyRecord | undefined)[],
  rules: () => DeriveRules,
): AnyRecord {
  switch (table) {
    case 'appeals':
      return { ...withoutSearchWords(record), ...appealDates(record, sides, rules) };
    case 'applicants':
    case 'agencies':
      return withoutSearchWords(record);
    default:
      return record;
  }
}

/**
 * Records of files written before schema version 4 carry `searchWords`; the search is an
 * in-memory index now (shared/search), so the merged record goes without them.
 */
function withoutSearchWords(record: AnyRecord): AnyRecord {
  const { searchWords: _dropped, ...rest } = record;
  return rest;
}

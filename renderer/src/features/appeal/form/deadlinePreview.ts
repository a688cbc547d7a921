import type { WorkCalendar } from '@shared/calendar';
import { isLocalDateTime } from '@shared/domain';
import {
  computeDeadlines,
  registrationDay,
  type DeadlineRules,
  type WorkHours,
} from '@shared/workflow/deadlines';

export interface DeadlinePreview {
  registeredOn: string;
  decideBy: string;
  acknowledgeBy: string;
  /** Arrived after hours or on a day off: registered on a later day. */
  postponed: boolean;
}

/**
 * The registration day and deadlines the repository will store for this receipt time, so
 * the form can show them while the assistant types. Null while the time is incomplete.
 * An edited appeal keeps its stored dates (extensions included) until its time changes.
 */
export function previewDeadlines(
  calendar: WorkCalendar,
  receivedAt: string,
  rules: { workHours: WorkHours; deadlines: DeadlineRules },
  stored?: { receivedAt: string; registeredOn: string; decideBy: string; acknowledgeBy: string },
): DeadlinePreview | null {
  if (stored && stored.receivedAt.slice(0, 16) === receivedAt.slice(0, 16)) {
    return {
      registeredOn: stored.registeredOn,
      decideBy: stored.decideBy,
      acknowledgeBy: stored.acknowledgeBy,
      postponed: stored.registeredOn !== stored.receivedAt.slice(0, 10),
    };
  }
  if (!isLocalDateTime(receivedAt)) return null;
  try {
    const registeredOn = registrationDay(calendar, receivedAt, rules.workHours);
    const deadlines = computeDeadlines(calendar, { receivedAt, registeredOn }, rules.deadlines);
    return {
      registeredOn,
      decideBy: deadlines.decideBy,
      acknowledgeBy: deadlines.acknowledgeBy,
      postponed: registeredOn !== receivedAt.slice(0, 10),
    };
  } catch {
    // A year outside the calendar's range, or rules being edited elsewhere: show nothing.
    return null;
  }
}

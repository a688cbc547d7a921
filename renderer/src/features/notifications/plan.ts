// What the deadline notifications say, decided from the Today counts. Pure: the counts and
// the time are arguments.

import type { NotificationKind } from '@shared/ipc/notifications';
import { TODAY_LINKS } from '@renderer/features/dashboard';

export interface DeadlineNotice {
  kind: NotificationKind;
  count: number;
  /** The registry list it opens. */
  to: string;
}

export const NOTICE_LINKS: Readonly<Record<NotificationKind, string>> = {
  overdue: TODAY_LINKS.overdue,
  due_today: TODAY_LINKS.dueToday,
  not_contacted: TODAY_LINKS.notContacted,
};

/** One notice per kind with something in it: overdue first, then due today, then contact. */
export function planNotices(counts: {
  overdue: number;
  dueToday: number;
  notContactedLate: number;
}): DeadlineNotice[] {
  const all: DeadlineNotice[] = [
    { kind: 'overdue', count: counts.overdue, to: NOTICE_LINKS.overdue },
    { kind: 'due_today', count: counts.dueToday, to: NOTICE_LINKS.due_today },
    { kind: 'not_contacted', count: counts.notContactedLate, to: NOTICE_LINKS.not_contacted },
  ];
  return all.filter((n) => n.count > 0);
}

export interface NotificationPrefs {
  enabled: boolean;
  /** 'HH:mm', Kazakhstan time: the daily reminder (besides the one at start). */
  time: string;
}

export const DEFAULT_PREFS: NotificationPrefs = { enabled: true, time: '09:00' };

const KEY = 'tizilim.notifications';

/**
 * Notifications are this workstation's choice (one assistant wants them, the deputy's laptop
 * at a reception does not), so they are kept in the browser's storage, not in the office's
 * settings that travel to every laptop.
 */
export function readPrefs(storage: Pick<Storage, 'getItem'> = localStorage): NotificationPrefs {
  try {
    const value = JSON.parse(storage.getItem(KEY) ?? 'null') as Partial<NotificationPrefs> | null;
    return {
      enabled: typeof value?.enabled === 'boolean' ? value.enabled : DEFAULT_PREFS.enabled,
      time:
        typeof value?.time === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value.time)
          ? value.time
          : DEFAULT_PREFS.time,
    };
  } catch {
    return DEFAULT_PREFS;
  }
}

export function writePrefs(
  prefs: NotificationPrefs,
  storage: Pick<Storage, 'setItem'> = localStorage,
): void {
  storage.setItem(KEY, JSON.stringify(prefs));
}

/**
 * Whether the daily reminder is due: the chosen time has come today (`now` is Kazakhstan
 * 'YYYY-MM-DDTHH:mm') and it was not given yet today.
 */
export function dailyDue(now: string, time: string, lastDay: string | null): boolean {
  return now.slice(11, 16) >= time && lastDay !== now.slice(0, 10);
}

import { describe, expect, it } from 'vitest';
import {
  dailyDue,
  DEFAULT_PREFS,
  planNotices,
  readPrefs,
  writePrefs,
} from '@renderer/features/notifications/plan';

function memoryStorage(initial: string | null = null) {
  let value = initial;
  return {
    getItem: () => value,
    setItem: (_key: string, next: string) => {
      value = next;
    },
  };
}

describe('deadline notices', () => {
  it('one per kind with something in it, each opening its registry list', () => {
    expect(planNotices({ overdue: 2, dueToday: 0, notContactedLate: 1 })).toEqual([
      { kind: 'overdue', count: 2, to: '/registry?view=overdue' },
      { kind: 'not_contacted', count: 1, to: '/registry?view=not_contacted' },
    ]);
    expect(planNotices({ overdue: 0, dueToday: 0, notContactedLate: 0 })).toEqual([]);
  });

  it('the daily reminder is due from the chosen minute, once a day', () => {
    expect(dailyDue('2026-11-20T08:59', '09:00', null)).toBe(false);
    expect(dailyDue('2026-11-20T09:00', '09:00', null)).toBe(true);
    expect(dailyDue('2026-11-20T15:30', '09:00', '2026-11-20')).toBe(false);
    expect(dailyDue('2026-11-21T09:00', '09:00', '2026-11-20')).toBe(true);
  });

  it('keeps the workstation’s choice, and falls back to the defaults on anything unreadable', () => {
    const storage = memoryStorage();
    expect(readPrefs(storage)).toEqual(DEFAULT_PREFS);
    writePrefs({ enabled: false, time: '14:30' }, storage);
    expect(readPrefs(storage)).toEqual({ enabled: false, time: '14:30' });
    expect(readPrefs(memoryStorage('{"enabled":"yes","time":"25:00"}'))).toEqual(DEFAULT_PREFS);
    expect(readPrefs(memoryStorage('not json'))).toEqual(DEFAULT_PREFS);
  });
});

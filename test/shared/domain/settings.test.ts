import { describe, expect, it } from 'vitest';

import {
  calendarOverridesSchema,
  defaultSettingsData,
  SETTINGS_ID,
  settingsInputSchema,
  settingsSchema,
  toCalendarOverrides,
} from '@shared/domain/settings';
import { DEFAULT_TOPICS } from '@shared/domain/topics';
import { createKzCalendar, isWorkingDay } from '@shared/calendar';
import { DEFAULT_DEADLINE_RULES } from '@shared/workflow/deadlines';
import { newId } from '@shared/ids';
import { base, issueCodes } from './fixtures';

describe('Settings', () => {
  it('has sensible defaults for a fresh database', () => {
    const settings = defaultSettingsData();
    expect(settings.language).toBe('kk');
    expect(settings.maslikhat.level).toBe('district');
    expect(settings.topics.map((t) => t.id)).toEqual(DEFAULT_TOPICS.map((t) => t.id));
    expect(settings.deadlines).toEqual(DEFAULT_DEADLINE_RULES);
    expect(settings.workHours).toEqual({ start: '09:00', end: '18:00' });
    expect(settings.report).toMatchObject({ languages: ['kk', 'ru'], placeLevel: 'street' });
    expect(settings.users).toEqual([]);
  });

  it('parses a filled-in profile and stores it under the fixed id', () => {
    const userId = newId();
    const input = settingsInputSchema.parse({
      deputy: {
        fullName: { kk: 'Нұрланов Серік Қайратұлы', ru: 'Нурланов Серик Кайратович' },
        position: {
          kk: 'Қарағанды қалалық мәслихатының депутаты',
          ru: 'Депутат Карагандинского городского маслихата',
        },
      },
      maslikhat: {
        level: 'city',
        name: { kk: 'Қарағанды қалалық мәслихаты', ru: 'Карагандинский городской маслихат' },
      },
      okrugNumber: 7,
      contacts: { phone: '8 (7212) 41-12-34', email: 'deputat7@example.kz' },
      users: [{ id: userId, fullName: 'Әлиева Дана', role: 'assistant' }],
      calendar: { '2026': { extraDaysOff: ['2026-01-05'] } },
      deadlines: { ...DEFAULT_DEADLINE_RULES, decideWorkingDays: 10 },
      backupFolder: '',
    });
    expect(input.contacts.phone).toBe('+77212411234');
    expect(input.users[0]).toMatchObject({ role: 'assistant', active: true });
    expect(input.calendar['2026']).toEqual({
      extraDaysOff: ['2026-01-05'],
      extraWorkingDays: [],
      religiousDaysOff: [],
    });
    expect(input.backupFolder).toBeNull();
    const stored = { ...base(), ...input, id: SETTINGS_ID };
    expect(settingsSchema.parse(stored)).toEqual(stored);
    expect(issueCodes(settingsSchema.safeParse({ ...stored, id: newId() }))).toEqual([
      'id: invalid_id',
    ]);
  });

  it('rejects duplicate users and topics, no topics, bad hours and no report language', () => {
    const user = { id: 'u1', fullName: 'Әлиева Дана', role: 'assistant' };
    const topic = { id: 'water', kk: 'Су', ru: 'Вода' };
    expect(
      issueCodes(settingsInputSchema.safeParse({ users: [user, user], topics: [topic, topic] })),
    ).toEqual(['users.1.id: duplicate_key', 'topics.1.id: duplicate_key']);
    expect(
      issueCodes(
        settingsInputSchema.safeParse({
          topics: [],
          workHours: { start: '18:00', end: '09:00' },
          report: { languages: [] },
          okrugNumber: 0,
        }),
      ).sort(),
    ).toEqual(
      [
        'topics: topics_required',
        'workHours.end: end_before_start',
        'report.languages: report_language_required',
        'okrugNumber: positive_int',
      ].sort(),
    );
  });

  it('checks calendar overrides against their year', () => {
    expect(
      issueCodes(
        calendarOverridesSchema.safeParse({
          '2026': { extraDaysOff: ['2025-01-03', '2026-01-05'], extraWorkingDays: ['2026-01-05'] },
          '26': {},
        }),
      ).sort(),
    ).toEqual(['26: year_invalid']);
    expect(issueCodes(calendarOverridesSchema.safeParse([]))).toEqual([': invalid_value']);
    expect(
      issueCodes(
        calendarOverridesSchema.safeParse({
          '2026': { extraDaysOff: ['2025-01-03', '2026-01-05'], extraWorkingDays: ['2026-01-05'] },
        }),
      ),
    ).toEqual([
      '2026.extraDaysOff.0: date_outside_year',
      '2026.extraWorkingDays.0: day_both_off_and_working',
    ]);
  });

  it('turns per-year overrides into the calendar module options', () => {
    const byYear = calendarOverridesSchema.parse({
      '2026': { extraDaysOff: ['2026-01-05'], religiousDaysOff: ['2026-05-28'] },
      '2025': { extraDaysOff: ['2025-01-03'], extraWorkingDays: ['2025-01-04'] },
    });
    const overrides = toCalendarOverrides(byYear);
    expect(overrides).toEqual({
      extraDaysOff: ['2025-01-03', '2026-01-05'],
      extraWorkingDays: ['2025-01-04'],
      religiousDaysOff: { 2026: ['2026-05-28'] },
    });
    const cal = createKzCalendar(overrides);
    expect(isWorkingDay(cal, '2026-01-05')).toBe(false);
    expect(isWorkingDay(cal, '2025-01-04')).toBe(true);
  });
});

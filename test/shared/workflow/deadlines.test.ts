import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  addWorkingDays,
  createKzCalendar,
  isWorkingDay,
  workingDaysBetween,
} from '@shared/calendar';
import { dayNumberFromParts } from '@shared/calendar/dates';
import {
  DEFAULT_DEADLINE_RULES,
  DeadlineError,
  computeDeadlines,
  deadlineErrorMessages,
  deadlineRulesSchema,
  deadlineState,
  extensionNoticeBy,
  inquiryAnswerBy,
  maxExtensionDate,
  registrationDay,
  validateExtension,
  workingDaysLeft,
  type DeadlineErrorCode,
  type DeadlineRules,
} from '@shared/workflow/deadlines';

const cal = createKzCalendar();

const minuteArb = fc.integer({
  min: dayNumberFromParts(2024, 1, 1) * 1440,
  max: dayNumberFromParts(2030, 12, 31) * 1440 + 1439,
});
// Independent oracle: UTC arithmetic of Date is plain clock arithmetic (no DST), like KZ time.
const toLocal = (minutes: number) => new Date(minutes * 60_000).toISOString().slice(0, 16);
const plusHours = (local: string, hours: number) =>
  new Date(Date.parse(`${local}:00Z`) + hours * 3_600_000).toISOString().slice(0, 16);

function expectDeadlineError(fn: () => unknown, code: DeadlineErrorCode): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DeadlineError);
    expect(error).toBeInstanceOf(Error);
    expect((error as DeadlineError).code).toBe(code);
    expect((error as DeadlineError).name).toBe('DeadlineError');
    return;
  }
  expect.unreachable(`expected a DeadlineError ${code}`);
}

describe('default rules and their schema', () => {
  it('has the defaults of domain.md', () => {
    expect(DEFAULT_DEADLINE_RULES).toEqual({
      acknowledgeHours: 72,
      decideWorkingDays: 15,
      forwardWorkingDays: 3,
      informWorkingDays: 3,
      extensionMaxMonths: 2,
      inquiryAnswerWorkingDays: 15,
      extensionNoticeWorkingDays: 3,
    });
    expect(deadlineRulesSchema.parse(DEFAULT_DEADLINE_RULES)).toEqual(DEFAULT_DEADLINE_RULES);
  });

  it.each([
    ['zero', { decideWorkingDays: 0 }],
    ['negative', { forwardWorkingDays: -3 }],
    ['fractional', { acknowledgeHours: 1.5 }],
    ['a string', { informWorkingDays: '3' }],
    ['too many hours', { acknowledgeHours: 721 }],
    ['too many months', { extensionMaxMonths: 13 }],
    ['too many working days', { inquiryAnswerWorkingDays: 121 }],
    ['a missing field', { extensionNoticeWorkingDays: undefined }],
  ])('rejects %s', (_label, patch) => {
    expect(deadlineRulesSchema.safeParse({ ...DEFAULT_DEADLINE_RULES, ...patch }).success).toBe(
      false,
    );
  });

  it('accepts the bounds', () => {
    const rules: DeadlineRules = {
      acknowledgeHours: 720,
      decideWorkingDays: 1,
      forwardWorkingDays: 60,
      informWorkingDays: 1,
      extensionMaxMonths: 12,
      inquiryAnswerWorkingDays: 120,
      extensionNoticeWorkingDays: 60,
    };
    expect(deadlineRulesSchema.safeParse(rules).success).toBe(true);
  });
});

describe('computeDeadlines', () => {
  it('computes around Nauryz 2026', () => {
    // Registered Fri 20 Mar 2026; 23–25 Mar are off. Working days counted from Thu 26 Mar.
    expect(
      computeDeadlines(cal, { receivedAt: '2026-03-20T17:45', registeredOn: '2026-03-20' }),
    ).toEqual({
      acknowledgeBy: '2026-03-23T17:45',
      decideBy: '2026-04-15',
      forwardBy: '2026-03-30',
      informBy: null,
    });
  });

  it('adds clock hours across months, years and leap days, dropping seconds', () => {
    const ack = (receivedAt: string) =>
      computeDeadlines(cal, { receivedAt, registeredOn: '2026-01-05' }).acknowledgeBy;
    expect(ack('2025-12-30T23:30')).toBe('2026-01-02T23:30');
    expect(ack('2024-02-27T10:00')).toBe('2024-03-01T10:00');
    expect(ack('2026-01-05T10:15:30')).toBe('2026-01-08T10:15');
    expect(ack('2026-01-05T00:00')).toBe('2026-01-08T00:00');
  });

  it('computes informBy from the decision day', () => {
    // Fri 8 May 2026; Mon 11 May is the moved Victory Day.
    const d = computeDeadlines(cal, {
      receivedAt: '2026-04-01T09:00',
      registeredOn: '2026-04-01',
      decidedOn: '2026-05-08',
    });
    expect(d.informBy).toBe('2026-05-14');
    expect(
      computeDeadlines(cal, {
        receivedAt: '2026-04-01T09:00',
        registeredOn: '2026-04-01',
        decidedOn: null,
        extendedTo: null,
      }).informBy,
    ).toBeNull();
  });

  it('uses the extended deadline up to the cap and throws beyond it', () => {
    const appeal = { receivedAt: '2026-01-30T20:00', registeredOn: '2026-01-31' };
    expect(computeDeadlines(cal, { ...appeal, extendedTo: '2026-03-31' }).decideBy).toBe(
      '2026-03-31',
    );
    expectDeadlineError(
      () => computeDeadlines(cal, { ...appeal, extendedTo: '2026-04-01' }),
      'extension_beyond_cap',
    );
    expect(() => computeDeadlines(cal, { ...appeal, extendedTo: '2026-04-01' })).toThrow(
      /after 2026-03-31/,
    );
  });

  it('follows custom rules', () => {
    const rules: DeadlineRules = {
      ...DEFAULT_DEADLINE_RULES,
      acknowledgeHours: 24,
      decideWorkingDays: 10,
      forwardWorkingDays: 5,
      informWorkingDays: 1,
      extensionMaxMonths: 1,
    };
    const d = computeDeadlines(
      cal,
      { receivedAt: '2026-03-20T10:00', registeredOn: '2026-03-20', decidedOn: '2026-03-20' },
      rules,
    );
    expect(d).toEqual({
      acknowledgeBy: '2026-03-21T10:00',
      decideBy: '2026-04-08',
      forwardBy: '2026-04-01',
      informBy: '2026-03-26',
    });
    expectDeadlineError(
      () =>
        computeDeadlines(
          cal,
          { receivedAt: '2026-03-20T10:00', registeredOn: '2026-03-20', extendedTo: '2026-04-21' },
          rules,
        ),
      'extension_beyond_cap',
    );
  });

  it('rejects malformed dates', () => {
    const ok = { receivedAt: '2026-03-20T10:00', registeredOn: '2026-03-20' };
    expect(() => computeDeadlines(cal, { ...ok, receivedAt: '2026-03-20' })).toThrow(
      "Invalid receivedAt '2026-03-20'",
    );
    expect(() => computeDeadlines(cal, { ...ok, registeredOn: '2026-02-30' })).toThrow(RangeError);
    expect(() => computeDeadlines(cal, { ...ok, extendedTo: '2026-4-1' })).toThrow(
      "Invalid extendedTo '2026-4-1'",
    );
    expect(() => computeDeadlines(cal, { ...ok, decidedOn: '2026-04-31' })).toThrow(RangeError);
  });

  it('never sets a deadline before registration or receipt', () => {
    fc.assert(
      fc.property(minuteArb, fc.integer({ min: 0, max: 200 }), (minutes, decidedAfter) => {
        const receivedAt = toLocal(minutes);
        const registeredOn = registrationDay(cal, receivedAt);
        const decidedOn = addWorkingDays(cal, registeredOn, decidedAfter);
        const d = computeDeadlines(cal, { receivedAt, registeredOn, decidedOn });
        expect(d.acknowledgeBy > receivedAt).toBe(true);
        expect(d.acknowledgeBy).toBe(plusHours(receivedAt, 72));
        expect(d.forwardBy > registeredOn).toBe(true);
        expect(d.decideBy > d.forwardBy).toBe(true);
        expect(workingDaysBetween(cal, registeredOn, d.decideBy)).toBe(15);
        expect(isWorkingDay(cal, d.decideBy) && isWorkingDay(cal, d.forwardBy)).toBe(true);
        expect(d.informBy !== null && d.informBy > decidedOn).toBe(true);
      }),
    );
  });
});

describe('extension cap', () => {
  it.each([
    ['2026-01-31', '2026-03-31'],
    ['2025-12-31', '2026-02-28'],
    ['2027-12-31', '2028-02-29'],
    ['2026-03-31', '2026-05-31'],
    ['2026-05-15', '2026-07-15'],
    ['2026-11-30', '2027-01-30'],
  ])('registered %s → at most %s', (registeredOn, cap) => {
    expect(maxExtensionDate(registeredOn, DEFAULT_DEADLINE_RULES)).toBe(cap);
    expect(maxExtensionDate(registeredOn)).toBe(cap);
  });

  it('follows extensionMaxMonths', () => {
    expect(
      maxExtensionDate('2026-01-31', { ...DEFAULT_DEADLINE_RULES, extensionMaxMonths: 1 }),
    ).toBe('2026-02-28');
  });

  // Registered Fri 20 Mar 2026: the regular deadline is 15 Apr, the cap Wed 20 May.
  it.each([
    ['2026-04-15', { ok: false, code: 'extension_not_later' }],
    ['2026-04-10', { ok: false, code: 'extension_not_later' }],
    ['2026-04-16', { ok: true }],
    ['2026-05-20', { ok: true }],
    ['2026-05-21', { ok: false, code: 'extension_beyond_cap' }],
    ['2026-05-23', { ok: false, code: 'extension_beyond_cap' }],
    ['2026-05-09', { ok: false, code: 'extension_not_working_day' }],
    ['2026-05-11', { ok: false, code: 'extension_not_working_day' }],
  ])('extending to %s → %o', (extendedTo, expected) => {
    expect(validateExtension(cal, '2026-03-20', '2026-04-15', extendedTo)).toEqual(expected);
  });

  it('checks a second extension against the first and the overall cap', () => {
    // Registered 31 Mar 2026, already extended to 15 May; the cap is Sun 31 May.
    expect(validateExtension(cal, '2026-03-31', '2026-05-15', '2026-05-29')).toEqual({ ok: true });
    expect(validateExtension(cal, '2026-03-31', '2026-05-15', '2026-05-31')).toEqual({
      ok: false,
      code: 'extension_not_working_day',
    });
    expect(validateExtension(cal, '2026-03-31', '2026-05-15', '2026-06-01')).toEqual({
      ok: false,
      code: 'extension_beyond_cap',
    });
    expect(validateExtension(cal, '2026-03-31', '2026-05-29', '2026-05-15')).toEqual({
      ok: false,
      code: 'extension_not_later',
    });
  });

  it('rejects malformed dates', () => {
    expect(() => validateExtension(cal, '2026-03-20', '2026-04-15', '2026-05-32')).toThrow(
      "Invalid extendedTo '2026-05-32'",
    );
    expect(() => validateExtension(cal, '2026-03-20', 'soon', '2026-05-20')).toThrow(
      "Invalid currentDecideBy 'soon'",
    );
    expect(() => validateExtension(cal, '20.03.2026', '2026-04-15', '2026-05-20')).toThrow(
      RangeError,
    );
  });

  it('an accepted extension is accepted by computeDeadlines', () => {
    fc.assert(
      fc.property(minuteArb, fc.integer({ min: 0, max: 70 }), (minutes, extraDays) => {
        const receivedAt = toLocal(minutes);
        const registeredOn = registrationDay(cal, receivedAt);
        const current = computeDeadlines(cal, { receivedAt, registeredOn }).decideBy;
        const candidate = addWorkingDays(cal, current, extraDays);
        const check = validateExtension(cal, registeredOn, current, candidate);
        const cap = maxExtensionDate(registeredOn);
        expect(check.ok).toBe(extraDays > 0 && candidate <= cap);
        if (check.ok) {
          expect(
            computeDeadlines(cal, { receivedAt, registeredOn, extendedTo: candidate }).decideBy,
          ).toBe(candidate);
        } else if (candidate > cap) {
          expect(check.code).toBe('extension_beyond_cap');
        }
      }),
    );
  });
});

describe('notice and inquiry deadlines', () => {
  it('counts working days from the given day', () => {
    expect(extensionNoticeBy(cal, '2026-03-20')).toBe('2026-03-30');
    expect(inquiryAnswerBy(cal, '2026-03-20')).toBe('2026-04-15');
    expect(
      inquiryAnswerBy(cal, '2026-03-20', {
        ...DEFAULT_DEADLINE_RULES,
        inquiryAnswerWorkingDays: 1,
      }),
    ).toBe('2026-03-26');
    expect(
      extensionNoticeBy(cal, '2026-05-08', {
        ...DEFAULT_DEADLINE_RULES,
        extensionNoticeWorkingDays: 1,
      }),
    ).toBe('2026-05-12');
  });
});

describe('registrationDay', () => {
  it.each([
    ['2026-03-19T10:00', '2026-03-19', 'working hours'],
    ['2026-03-19T07:30', '2026-03-19', 'before opening: registered when the office opens'],
    ['2026-03-19T00:00', '2026-03-19', 'midnight'],
    ['2026-03-19T17:59', '2026-03-19', 'last minute of the day'],
    ['2026-03-19T18:00', '2026-03-20', 'closing time is after hours'],
    ['2026-03-20T18:30', '2026-03-26', 'Friday evening before Nauryz'],
    ['2026-03-21T10:00', '2026-03-26', 'Saturday of Nauryz'],
    ['2026-03-23T10:00', '2026-03-26', 'Nauryz itself'],
    ['2025-12-31T23:59', '2026-01-05', 'New Year'],
    ['2025-01-03T11:00', '2025-01-06', 'transferred day off'],
  ])('%s → %s (%s)', (receivedAt, expected) => {
    expect(registrationDay(cal, receivedAt)).toBe(expected);
  });

  it('uses the office hours given', () => {
    const hours = { start: '08:00', end: '13:00' };
    expect(registrationDay(cal, '2026-03-19T12:59', hours)).toBe('2026-03-19');
    expect(registrationDay(cal, '2026-03-19T13:00', hours)).toBe('2026-03-20');
    expect(registrationDay(cal, '2026-03-19T23:59', { start: '00:00', end: '24:00' })).toBe(
      '2026-03-19',
    );
  });

  it('rejects bad input', () => {
    expect(() =>
      registrationDay(cal, '2026-03-19T18:00', { start: '18:00', end: '09:00' }),
    ).toThrow('the start must be before the end');
    expect(() => registrationDay(cal, '2026-03-19T10:00', { start: '9:00', end: '18:00' })).toThrow(
      'Invalid start of working hours',
    );
    expect(() =>
      registrationDay(cal, '2026-03-19T10:00', { start: '09:00', end: '18:60' }),
    ).toThrow('Invalid end of working hours');
    expect(() => registrationDay(cal, '2026-03-19')).toThrow("Invalid receivedAt '2026-03-19'");
  });

  it('is always a working day on or after the day of receipt', () => {
    fc.assert(
      fc.property(minuteArb, (minutes) => {
        const receivedAt = toLocal(minutes);
        const receivedDay = receivedAt.slice(0, 10);
        const registered = registrationDay(cal, receivedAt);
        expect(isWorkingDay(cal, registered)).toBe(true);
        expect(registered >= receivedDay).toBe(true);
        const sameDay = isWorkingDay(cal, receivedDay) && receivedAt.slice(11) < '18:00';
        expect(registered === receivedDay).toBe(sameDay);
        if (!sameDay) expect(workingDaysBetween(cal, receivedDay, registered)).toBe(1);
      }),
    );
  });
});

describe('deadlineState and workingDaysLeft', () => {
  it.each([
    ['2026-04-16', '2026-04-15', 'overdue', -1],
    ['2026-04-20', '2026-04-15', 'overdue', -3],
    ['2026-04-15', '2026-04-15', 'due_today', 0],
    ['2026-04-14', '2026-04-15', 'due_soon', 1],
    ['2026-04-13', '2026-04-15', 'due_soon', 2],
    ['2026-04-11', '2026-04-15', 'on_track', 3],
    ['2026-04-10', '2026-04-15', 'on_track', 3],
    // Six calendar days but one working day: Nauryz 23–25 March 2026.
    ['2026-03-20', '2026-03-26', 'due_soon', 1],
    ['2026-03-12', '2026-03-26', 'on_track', 7],
    // A deadline on a day off after today, with no working day in between.
    ['2026-03-20', '2026-03-22', 'due_soon', 0],
    // Overdue on a weekend right after a Friday deadline: no working day has passed yet.
    ['2026-04-18', '2026-04-17', 'overdue', 0],
  ])('today %s, due %s → %s, %i working days left', (today, due, state, left) => {
    expect(deadlineState(cal, today, due)).toBe(state);
    expect(workingDaysLeft(cal, today, due)).toBe(left);
  });

  it('rejects malformed dates', () => {
    expect(() => deadlineState(cal, '2026-4-15', '2026-04-15')).toThrow(
      "Invalid today '2026-4-15'",
    );
    expect(() => deadlineState(cal, '2026-04-15', '2026-02-29')).toThrow(
      "Invalid due date '2026-02-29'",
    );
    expect(() => workingDaysLeft(cal, '2026-04-15', '')).toThrow(RangeError);
  });
});

describe('error messages', () => {
  const codes = Object.keys(deadlineErrorMessages) as DeadlineErrorCode[];

  it('cover every code in Kazakh and Russian', () => {
    expect(codes.sort()).toEqual([
      'extension_beyond_cap',
      'extension_not_later',
      'extension_not_working_day',
    ]);
    for (const code of codes) {
      const { kk, ru } = deadlineErrorMessages[code];
      expect(kk).toMatch(/[әғқңөұүһі]/i);
      expect(ru).toMatch(/^[А-ЯЁ]/);
      expect(ru).not.toMatch(/[әғқңөұүһі]/i);
      expect(kk).not.toBe(ru);
    }
  });

  it('cite АППК art. 76 for the cap', () => {
    expect(deadlineErrorMessages.extension_beyond_cap.ru).toContain('статья 76 АППК');
    expect(deadlineErrorMessages.extension_beyond_cap.kk).toContain('ӘРПК 76-бабы');
  });
});

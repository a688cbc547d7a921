import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  CLOCK_TOLERANCE_MINUTES,
  DATE_FACT_NAMES,
  checkAppealDates,
  checkConsentDate,
  checkEventDate,
  checkInitiativeDates,
  checkInquiryDates,
  checkReceptionDates,
  factClock,
  isFuture,
} from '@shared/validation/dates';
import { MESSAGES, messageFor } from '@shared/validation/messages';

/** 14:30 in Astana on Friday 4 December 2026. */
const NOW = new Date('2026-12-04T09:30:00.000Z');

const appeal = {
  receivedAt: '2026-11-02T10:15',
  registeredOn: '2026-11-02',
  decidedOn: '2026-11-20',
  applicantInformedAt: '2026-11-23T11:00',
  firstContactAt: '2026-11-02T15:00',
};

describe('factClock', () => {
  it('reads now in Kazakhstan time with a few minutes of tolerance, whatever the laptop zone', () => {
    expect(factClock(NOW)).toEqual({
      today: '2026-12-04',
      nowLocal: '2026-12-04T14:35',
      nowIso: '2026-12-04T09:35:00.000Z',
    });
    // 23:58 in Astana is already "tomorrow" within the tolerance.
    expect(factClock(new Date('2026-12-04T18:58:00.000Z')).today).toBe('2026-12-05');
  });

  it('tolerates a slow clock by minutes, not by hours', () => {
    expect(isFuture('2026-12-04T14:34', NOW)).toBe(false);
    expect(isFuture(`2026-12-04T14:3${String(CLOCK_TOLERANCE_MINUTES)}`, NOW)).toBe(false);
    expect(isFuture('2026-12-04T14:36', NOW)).toBe(true);
    expect(isFuture('2026-12-04', NOW)).toBe(false);
    expect(isFuture('2026-12-05', NOW)).toBe(true);
  });
});

describe('checkAppealDates', () => {
  it('accepts an appeal whose dates are facts in order', () => {
    expect(checkAppealDates(appeal, NOW)).toEqual([]);
  });

  it.each([
    // The issue's own case: received «01.03.2027».
    [
      { receivedAt: '2027-03-01T10:00', registeredOn: '2027-03-01' },
      'receivedAt',
      'date_future_received',
    ],
    [{ receivedAt: '1999-12-31T10:00' }, 'receivedAt', 'date_early_received'],
    [{ registeredOn: '2026-11-01' }, 'registeredOn', 'registered_before_received'],
    [{ registeredOn: '1999-11-01' }, 'registeredOn', 'date_early_registered'],
    [{ registeredOn: '2026-12-20' }, 'registeredOn', 'date_future_registered'],
    // The issue's case: a decision dated 15.01.2027.
    [{ decidedOn: '2027-01-15', applicantInformedAt: null }, 'decidedOn', 'date_future_decided'],
    [{ decidedOn: '2026-10-30' }, 'decidedOn', 'decided_before_received'],
    [{ decidedOn: '1999-01-01' }, 'decidedOn', 'date_early_decided'],
    [
      { applicantInformedAt: '2026-11-19T11:00' },
      'applicantInformedAt',
      'informed_before_decision',
    ],
    [{ applicantInformedAt: '2026-12-04T16:00' }, 'applicantInformedAt', 'date_future_informed'],
    [
      { decidedOn: null, applicantInformedAt: '2026-11-02T09:00' },
      'applicantInformedAt',
      'informed_before_received',
    ],
    [{ firstContactAt: '2026-11-02T10:14' }, 'firstContactAt', 'first_contact_before_received'],
    [{ firstContactAt: '2027-11-02T10:14' }, 'firstContactAt', 'date_future_firstContact'],
  ] as const)('%j → %s: %s', (patch, path, code) => {
    expect(checkAppealDates({ ...appeal, ...patch }, NOW)).toContainEqual({ path, code });
  });

  it('lets a Saturday reception be registered on Monday, even when Monday is after today', () => {
    const saturday = new Date('2026-12-05T07:00:00.000Z'); // 12:00 on Saturday 5 December
    expect(
      checkAppealDates(
        { receivedAt: '2026-12-05T11:00', registeredOn: '2026-12-07', decidedOn: '2026-12-05' },
        saturday,
      ),
    ).toEqual([]);
  });

  it('lets a journal record a registration that lagged weeks behind, once it is in the past', () => {
    expect(
      checkAppealDates({ receivedAt: '2025-03-03T10:00', registeredOn: '2025-04-01' }, NOW),
    ).toEqual([]);
  });

  it('checks the seconds-free minute, so a form that writes seconds is not refused', () => {
    expect(
      checkAppealDates(
        { receivedAt: '2026-12-04T14:30:59', firstContactAt: '2026-12-04T14:30' },
        NOW,
      ),
    ).toEqual([]);
  });

  it('leaves malformed dates to the schemas (reported once, as invalid_date)', () => {
    expect(checkAppealDates({ receivedAt: '01.03.2027', decidedOn: '2027-02-30' }, NOW)).toEqual(
      [],
    );
  });

  it('property: any appeal dated in the future is refused, naming the field', () => {
    const days = fc.integer({ min: 1, max: 3_000 });
    fc.assert(
      fc.property(
        days,
        fc.constantFrom('receivedAt', 'decidedOn') as fc.Arbitrary<string>,
        (ahead, field) => {
          const day = new Date(NOW.getTime() + ahead * 86_400_000).toISOString().slice(0, 10);
          const patch =
            field === 'receivedAt'
              ? { receivedAt: `${day}T10:00`, registeredOn: day, decidedOn: null }
              : { decidedOn: day, applicantInformedAt: null };
          const issues = checkAppealDates({ ...appeal, ...patch }, NOW);
          expect(issues.map((i) => i.path)).toContain(field);
        },
      ),
    );
  });
});

describe('checkInquiryDates', () => {
  const inquiry = {
    outgoingDate: '2026-11-05',
    response: { receivedOn: '2026-11-20', theirDate: '2026-11-18' },
  };

  it('accepts an answered inquiry in order', () => {
    expect(checkInquiryDates(inquiry, NOW, [{ receivedAt: '2026-11-02T10:15' }])).toEqual([]);
    expect(checkInquiryDates({ outgoingDate: null, response: null }, NOW)).toEqual([]);
  });

  it.each([
    [{ outgoingDate: '2026-12-10', response: null }, 'outgoingDate', 'date_future_inquirySent'],
    // The issue's case: an answer dated before the inquiry was sent.
    [
      { response: { receivedOn: '2026-11-01', theirDate: null } },
      'response.receivedOn',
      'response_before_sent',
    ],
    [
      { response: { receivedOn: '2026-12-24', theirDate: null } },
      'response.receivedOn',
      'date_future_answerReceived',
    ],
    [
      { response: { receivedOn: '2026-11-20', theirDate: '2026-11-21' } },
      'response.theirDate',
      'their_date_after_received',
    ],
    [
      { response: { receivedOn: '2026-11-20', theirDate: '2026-11-01' } },
      'response.theirDate',
      'answer_letter_before_sent',
    ],
    [{ outgoingDate: '1998-11-05', response: null }, 'outgoingDate', 'date_early_inquirySent'],
  ] as const)('%j → %s: %s', (patch, path, code) => {
    expect(checkInquiryDates({ ...inquiry, ...patch }, NOW)).toContainEqual({ path, code });
  });

  it('refuses an inquiry sent before an appeal it is about arrived', () => {
    expect(
      checkInquiryDates({ outgoingDate: '2026-11-05', response: null }, NOW, [
        { receivedAt: '2026-11-02T10:00' },
        { receivedAt: '2026-11-06T10:00' },
      ]),
    ).toEqual([{ path: 'outgoingDate', code: 'inquiry_before_appeal' }]);
  });
});

describe('checkReceptionDates', () => {
  const reception = {
    date: '2026-11-27',
    status: 'held' as const,
    announcedOn: '2026-11-20',
    queue: [{ arrivedAt: '2026-11-27T10:05' }],
  };

  it('accepts a held reception in the past and a planned one in the future', () => {
    expect(checkReceptionDates(reception, NOW)).toEqual([]);
    expect(
      checkReceptionDates({ ...reception, status: 'planned', date: '2027-01-15', queue: [] }, NOW),
    ).toEqual([]);
  });

  it.each([
    [{ date: '2026-12-11' }, 'date', 'reception_in_future'],
    [{ date: '1999-12-11', announcedOn: null, queue: [] }, 'date', 'date_early_receptionDate'],
    [{ announcedOn: '2026-12-20' }, 'announcedOn', 'date_future_announced'],
    [{ announcedOn: '2026-11-28' }, 'announcedOn', 'announced_after_reception'],
    [
      { queue: [{ arrivedAt: '2026-11-26T18:00' }] },
      'queue.0.arrivedAt',
      'arrived_before_reception',
    ],
    [
      {
        status: 'planned' as const,
        date: '2026-12-04',
        queue: [{ arrivedAt: '2026-12-04T16:00' }],
      },
      'queue.0.arrivedAt',
      'date_future_arrived',
    ],
  ] as const)('%j → %s: %s', (patch, path, code) => {
    expect(checkReceptionDates({ ...reception, ...patch }, NOW)).toContainEqual({ path, code });
  });
});

describe('initiatives, consent and history entries', () => {
  it('refuses a future submission, a future consent and a history entry from the future', () => {
    expect(checkInitiativeDates({ submittedOn: '2026-12-05' }, NOW)).toEqual([
      { path: 'submittedOn', code: 'date_future_submitted' },
    ]);
    expect(checkInitiativeDates({ submittedOn: null }, NOW)).toEqual([]);
    expect(checkConsentDate({ date: '2027-01-01' }, NOW)).toEqual([
      { path: 'consent.date', code: 'date_future_consent' },
    ]);
    expect(checkConsentDate({ date: '2026-12-04' }, NOW, 'consentDate')).toEqual([]);
    expect(checkEventDate({ at: '2026-12-04T09:34:00.000Z' }, NOW)).toEqual([]);
    expect(checkEventDate({ at: '2026-12-04T10:00:00.000Z' }, NOW)).toEqual([
      { path: 'at', code: 'date_future_event' },
    ]);
    expect(checkEventDate({ at: '1970-01-01T00:00:00.000Z' }, NOW)).toEqual([
      { path: 'at', code: 'date_early_event' },
    ]);
  });
});

describe('messages', () => {
  it('name the field in Kazakh and Russian for every fact', () => {
    for (const fact of DATE_FACT_NAMES) {
      for (const prefix of ['date_future_', 'date_early_'] as const) {
        const code = `${prefix}${fact}` as const;
        expect(Object.hasOwn(MESSAGES, code)).toBe(true);
        expect(messageFor(code, 'kk')).not.toBe(messageFor('invalid_value', 'kk'));
      }
    }
    expect(messageFor('date_future_decided', 'kk')).toBe(
      'Шешім қабылданған күн болашақта бола алмайды: ол әлі келмеген күн',
    );
    expect(messageFor('date_future_decided', 'ru')).toBe('Дата решения не может быть в будущем');
    expect(messageFor('date_early_received', 'ru')).toBe(
      'Дата поступления обращения не может быть раньше 2000 года: проверьте год',
    );
    expect(messageFor('registered_before_received', 'kk')).toMatch(/^Тіркелген күн/);
  });
});

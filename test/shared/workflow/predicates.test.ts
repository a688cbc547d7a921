import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createKzCalendar, workingDaysBetween } from '@shared/calendar';
import { addHours, formatDay } from '@shared/calendar/dates';
import { APPEAL_STATUSES } from '@shared/domain';
import { DEFAULT_DEADLINE_RULES, computeDeadlines } from '@shared/workflow/deadlines';
import { awaitsInforming, informBy, isDecided, isOpen } from '@shared/workflow/predicates';

const cal = createKzCalendar();

describe('workflow predicates', () => {
  it('an appeal is open until it is decided, and never both', () => {
    const open = APPEAL_STATUSES.filter((status) => isOpen({ status }));
    expect(open).toEqual(['registered', 'in_progress', 'waiting_agency']);
    for (const status of APPEAL_STATUSES) expect(isOpen({ status })).toBe(!isDecided({ status }));
  });

  it('only a decided appeal whose applicant has not heard the result awaits informing', () => {
    expect(awaitsInforming({ status: 'decided', applicantInformedAt: null })).toBe(true);
    expect(awaitsInforming({ status: 'decided', applicantInformedAt: '2026-11-20T10:00' })).toBe(
      false,
    );
    expect(awaitsInforming({ status: 'closed', applicantInformedAt: null })).toBe(false);
    expect(awaitsInforming({ status: 'in_progress', applicantInformedAt: null })).toBe(false);
  });

  it('informBy is the deadline computeDeadlines gives: n working days after the decision', () => {
    // 2026-11-20 is a Friday: three working days later is Wednesday the 25th.
    expect(informBy(cal, '2026-11-20', 3)).toBe('2026-11-25');
    fc.assert(
      fc.property(fc.integer({ min: 20_454, max: 20_454 + 730 }), fc.nat(10), (n, days) => {
        const decidedOn = formatDay(n);
        const due = informBy(cal, decidedOn, days);
        expect(workingDaysBetween(cal, decidedOn, due)).toBe(days);
        const computed = computeDeadlines(
          cal,
          { receivedAt: `${decidedOn}T09:00`, registeredOn: decidedOn, decidedOn },
          { ...DEFAULT_DEADLINE_RULES, informWorkingDays: days },
        );
        expect(computed.informBy).toBe(due);
      }),
    );
  });

  it('addHours counts clock hours across midnight and month ends', () => {
    expect(addHours('2026-11-20T10:00', 72)).toBe('2026-11-23T10:00');
    expect(addHours('2026-12-31T23:30', 1)).toBe('2027-01-01T00:30');
    expect(addHours('2026-03-01T00:00', -1)).toBe('2026-02-28T23:00');
  });
});

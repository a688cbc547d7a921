import { describe, expect, it } from 'vitest';
import { addWorkingDays, createKzCalendar } from '@shared/calendar';
import { formatDay, parseDay } from '@shared/calendar/dates';
import { computeDeadlines, deadlineState } from '@shared/workflow/deadlines';
import {
  countLateInquiries,
  dueSoonBefore,
  monthOf,
  receptionsThisMonth,
  summarizeToday,
  type TodayOptions,
  type TodayRow,
} from '@renderer/features/dashboard/todayCounts';

const cal = createKzCalendar();
// Friday 20 November 2026, 10:00 in Almaty: the next working days are Mon 23, Tue 24, Wed 25.
const TODAY = '2026-11-20';
const NOW = '2026-11-20T10:00';
const ME = 'user-me';

let seq = 0;
function row(patch: Partial<TodayRow> = {}): TodayRow {
  seq += 1;
  return {
    id: `id-${seq}`,
    regNo: `2026-${String(seq).padStart(4, '0')}`,
    subject: `Өтініш ${seq}`,
    status: 'in_progress',
    decideBy: '2026-12-31',
    acknowledgeBy: '2026-11-01T10:00',
    firstContactAt: '2026-11-01T11:00',
    decidedOn: null,
    applicantInformedAt: null,
    assignee: null,
    priority: false,
    applicantId: 'applicant-1',
    ...patch,
  };
}

const options: TodayOptions = {
  calendar: cal,
  today: TODAY,
  now: NOW,
  userId: ME,
  informWorkingDays: 3,
};

function counts(rows: TodayRow[], extra: Partial<TodayOptions> = {}) {
  return summarizeToday(rows, { ...options, ...extra }).counts;
}

describe('decision deadlines', () => {
  it.each([
    ['2026-11-10', 'overdue'],
    ['2026-11-19', 'overdue'],
    ['2026-11-20', 'dueToday'],
    ['2026-11-21', 'dueSoon'], // Saturday: cannot be met later than Monday
    ['2026-11-23', 'dueSoon'], // 1 working day left
    ['2026-11-24', 'dueSoon'], // 2 working days left
    ['2026-11-25', null], // 3 working days left
    ['2026-12-31', null],
  ] as const)('an open appeal due %s counts as %s', (decideBy, expected) => {
    const c = counts([row({ decideBy })]);
    expect({ overdue: c.overdue, dueToday: c.dueToday, dueSoon: c.dueSoon }).toEqual({
      overdue: expected === 'overdue' ? 1 : 0,
      dueToday: expected === 'dueToday' ? 1 : 0,
      dueSoon: expected === 'dueSoon' ? 1 : 0,
    });
    expect(c.open).toBe(1);
  });

  it.each(['registered', 'in_progress', 'waiting_agency'] as const)(
    'every open status counts (%s)',
    (status) => {
      expect(counts([row({ status, decideBy: '2026-11-19' })]).overdue).toBe(1);
    },
  );

  it('decided and closed appeals are never overdue, however old their deadline', () => {
    const c = counts([
      row({
        status: 'decided',
        decideBy: '2026-10-01',
        decidedOn: '2026-10-30',
        applicantInformedAt: '2026-11-02T10:00',
      }),
      row({
        status: 'closed',
        decideBy: '2026-10-01',
        decidedOn: '2026-10-30',
        applicantInformedAt: '2026-11-02T10:00',
      }),
    ]);
    expect(c).toMatchObject({ overdue: 0, dueToday: 0, dueSoon: 0, open: 0, notInformed: 0 });
  });

  it('classifies exactly as the deadline badge does, for any today and deadline', () => {
    for (const today of ['2026-11-20', '2026-12-11', '2026-12-15', '2026-12-30', '2026-03-20']) {
      const start = parseDay(today) - 10;
      for (let dn = start; dn < start + 40; dn++) {
        const decideBy = formatDay(dn);
        const c = counts([row({ decideBy })], { today, now: `${today}T10:00` });
        const state = deadlineState(cal, today, decideBy);
        const got =
          c.overdue === 1
            ? 'overdue'
            : c.dueToday === 1
              ? 'due_today'
              : c.dueSoon === 1
                ? 'due_soon'
                : 'on_track';
        expect(got, `${today} → ${decideBy}`).toBe(state);
      }
    }
  });

  it('the "due soon" limit is the third working day, past holidays', () => {
    expect(dueSoonBefore(cal, '2026-11-20')).toBe('2026-11-25');
    // 16 December 2026 (Wednesday) is Independence Day.
    expect(dueSoonBefore(cal, '2026-12-14')).toBe('2026-12-18');
  });
});

describe('first contact within 72 hours', () => {
  it.each([
    ['2026-11-17T10:00', true, true], // long passed
    ['2026-11-20T09:59', true, true], // passed a minute ago
    ['2026-11-20T10:00', true, false], // due this very minute: not late yet
    ['2026-11-21T10:00', true, false], // tomorrow
    ['2026-11-23T09:59', true, false], // the whole 72 hours ahead
  ] as const)('acknowledgeBy %s: pending %s, late %s', (acknowledgeBy, pending, late) => {
    const c = counts([row({ acknowledgeBy, firstContactAt: null })]);
    expect(c.notContacted).toBe(pending ? 1 : 0);
    expect(c.notContactedLate).toBe(late ? 1 : 0);
  });

  it('an appeal already contacted, or decided, is not waiting for first contact', () => {
    const c = counts([
      row({ acknowledgeBy: '2026-11-17T10:00', firstContactAt: '2026-11-18T09:00' }),
      row({
        acknowledgeBy: '2026-11-17T10:00',
        firstContactAt: null,
        status: 'decided',
        decidedOn: '2026-11-19',
        applicantInformedAt: '2026-11-19T15:00',
      }),
    ]);
    expect(c.notContacted).toBe(0);
  });

  it('an anonymous appeal has nobody to contact', () => {
    const c = counts([
      row({ acknowledgeBy: '2026-11-17T10:00', firstContactAt: null, applicantId: null }),
    ]);
    expect(c.notContacted).toBe(0);
  });

  it('can be narrowed to deadlines within some hours', () => {
    const rows = [
      row({ acknowledgeBy: '2026-11-19T10:00', firstContactAt: null }),
      row({ acknowledgeBy: '2026-11-21T10:00', firstContactAt: null }),
      row({ acknowledgeBy: '2026-11-22T10:00', firstContactAt: null }),
    ];
    expect(counts(rows).notContacted).toBe(3);
    expect(counts(rows, { approachingHours: 24 }).notContacted).toBe(2);
    expect(counts(rows, { approachingHours: 48 }).notContacted).toBe(3);
  });
});

describe('decision made, applicant not yet informed', () => {
  const decided = (decidedOn: string, applicantInformedAt: string | null = null) =>
    row({
      status: 'decided',
      decidedOn,
      decideBy: '2026-11-25',
      applicantInformedAt,
    });

  it.each([
    ['2026-11-13', 'overdue'], // inform by Wed 18 Nov
    ['2026-11-16', 'overdue'], // inform by Thu 19 Nov
    ['2026-11-17', 'due_today'], // inform by Fri 20 Nov
    ['2026-11-18', 'due_soon'], // inform by Mon 23 Nov
    ['2026-11-20', 'on_track'], // inform by Wed 25 Nov
  ] as const)('decided on %s: %s', (decidedOn, state) => {
    const summary = summarizeToday([decided(decidedOn)], options);
    expect(summary.counts.notInformed).toBe(1);
    expect(summary.counts.notInformedLate).toBe(state === 'overdue' ? 1 : 0);
    expect(summary.inform[0]?.state).toBe(state);
    expect(summary.inform[0]?.informBy).toBe(addWorkingDays(cal, decidedOn, 3));
    expect(summary.inform[0]?.informBy).toBe(
      computeDeadlines(cal, {
        receivedAt: '2026-11-02T10:00',
        registeredOn: '2026-11-02',
        decidedOn,
      }).informBy,
    );
  });

  it('follows the inform rule of the settings', () => {
    const summary = summarizeToday([decided('2026-11-17')], { ...options, informWorkingDays: 5 });
    expect(summary.inform[0]?.informBy).toBe('2026-11-24');
    expect(summary.counts.notInformedLate).toBe(0);
  });

  it('informed or closed appeals are done', () => {
    const c = counts([
      decided('2026-11-10', '2026-11-11T12:00'),
      row({
        status: 'closed',
        decidedOn: '2026-11-10',
        applicantInformedAt: '2026-11-11T12:00',
      }),
    ]);
    expect(c.notInformed).toBe(0);
  });
});

describe('other counts', () => {
  it('waiting for an agency and assigned to me (open appeals only)', () => {
    const c = counts([
      row({ status: 'waiting_agency', assignee: ME }),
      row({ status: 'waiting_agency' }),
      row({ assignee: ME }),
      row({ assignee: 'someone-else' }),
      row({
        status: 'decided',
        assignee: ME,
        decidedOn: '2026-11-19',
        applicantInformedAt: null,
      }),
    ]);
    expect(c.waitingAgency).toBe(2);
    expect(c.mine).toBe(2);
    expect(c.open).toBe(4);
  });

  it('an empty registry counts zero everywhere', () => {
    const summary = summarizeToday([], options);
    expect(Object.values(summary.counts).every((n) => n === 0)).toBe(true);
    expect(summary.urgent).toEqual([]);
  });
});

describe('short lists', () => {
  it('most urgent first; on the same date vulnerable applicants first, then by number', () => {
    const a = row({ decideBy: '2026-11-23', regNo: '2026-0001' });
    const b = row({ decideBy: '2026-11-18', regNo: '2026-0002' });
    const c = row({ decideBy: '2026-11-20', regNo: '2026-0003' });
    const d = row({ decideBy: '2026-11-20', regNo: '2026-0004', priority: true });
    const e = row({ decideBy: '2026-12-20', regNo: '2026-0005' });
    const summary = summarizeToday([a, b, c, d, e], options);
    expect(summary.urgent.map((i) => [i.row.regNo, i.state])).toEqual([
      ['2026-0002', 'overdue'],
      ['2026-0004', 'due_today'],
      ['2026-0003', 'due_today'],
      ['2026-0001', 'due_soon'],
    ]);
  });

  it('are cut to the limit while the counts stay whole', () => {
    const rows = Array.from({ length: 30 }, () => row({ decideBy: '2026-11-02' }));
    const summary = summarizeToday(rows, { ...options, listLimit: 5 });
    expect(summary.urgent).toHaveLength(5);
    expect(summary.counts.overdue).toBe(30);
  });

  it('first contacts: the earliest deadline first, late ones marked', () => {
    const late = row({ acknowledgeBy: '2026-11-19T16:00', firstContactAt: null });
    const soon = row({ acknowledgeBy: '2026-11-20T18:00', firstContactAt: null });
    const summary = summarizeToday([soon, late], options);
    expect(summary.contact.map((i) => [i.row.id, i.late])).toEqual([
      [late.id, true],
      [soon.id, false],
    ]);
  });
});

describe('agencies late with their answer', () => {
  it.each([
    [{ status: 'sent', dueDate: '2026-11-19', deletedAt: null }, true],
    [{ status: 'overdue', dueDate: '2026-11-01', deletedAt: null }, true],
    [{ status: 'sent', dueDate: '2026-11-20', deletedAt: null }, false], // due today: not late yet
    [{ status: 'sent', dueDate: null, deletedAt: null }, false],
    [{ status: 'answered', dueDate: '2026-11-01', deletedAt: null }, false],
    [{ status: 'draft', dueDate: '2026-11-01', deletedAt: null }, false],
    [{ status: 'sent', dueDate: '2026-11-01', deletedAt: '2026-11-02T00:00:00.000Z' }, false],
  ] as const)('%o → late %s', (inquiry, late) => {
    expect(countLateInquiries([inquiry], TODAY)).toBe(late ? 1 : 0);
  });
});

describe('receptions this month', () => {
  it('counts planned and held receptions of the current month only', () => {
    expect(monthOf(TODAY)).toEqual({ start: '2026-11-01', end: '2026-11-31' });
    const receptions = [
      { date: '2026-11-03', status: 'held', deletedAt: null },
      { date: '2026-11-27', status: 'planned', deletedAt: null },
      { date: '2026-11-12', status: 'cancelled', deletedAt: null },
      { date: '2026-11-13', status: 'planned', deletedAt: '2026-11-01T00:00:00.000Z' },
      { date: '2026-10-31', status: 'held', deletedAt: null },
      { date: '2026-12-01', status: 'planned', deletedAt: null },
    ] as const;
    expect(receptionsThisMonth(receptions, TODAY)).toBe(2);
    expect(receptionsThisMonth([], TODAY)).toBe(0);
    expect(receptionsThisMonth(receptions.slice(2), TODAY)).toBe(0);
  });
});

describe('at registry scale', () => {
  // Speed is measured by the benchmark, not here; this checks the counts stay right at scale.
  it('counts 50,000 appeals in one pass', () => {
    const statuses = ['registered', 'in_progress', 'waiting_agency', 'decided', 'closed'] as const;
    const rows: TodayRow[] = [];
    for (let i = 0; i < 50_000; i++) {
      const status = statuses[i % statuses.length]!;
      const decided = status === 'decided' || status === 'closed';
      const dn = parseDay('2026-09-01') + (i % 120);
      rows.push(
        row({
          status,
          decideBy: formatDay(dn),
          acknowledgeBy: `${formatDay(dn - 20)}T10:00`,
          firstContactAt: i % 3 === 0 ? null : `${formatDay(dn - 21)}T12:00`,
          decidedOn: decided ? formatDay(dn - 5) : null,
          applicantInformedAt:
            status === 'closed' || i % 2 === 0 ? `${formatDay(dn - 4)}T10:00` : null,
          assignee: i % 4 === 0 ? ME : null,
        }),
      );
    }
    expect(summarizeToday(rows, options).counts.open).toBe(30_000);
  });
});

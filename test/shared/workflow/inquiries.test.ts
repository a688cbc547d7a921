import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKzCalendar } from '@shared/calendar';
import {
  agencyInputSchema,
  agencyName,
  agencySearchWords,
  type InquiryResponse,
} from '@shared/domain';
import type { INQUIRY_VIEWS } from '@shared/workflow/inquiries';
import {
  agencyRecord,
  answerDaysLeft,
  appealsReleasedBy,
  formatInquiryNo,
  inquiryState,
  inView,
  isAnsweredOnTime,
  isInquiryOverdue,
  isInquiryView,
  missingPartsOf,
  parseInquiryNo,
  type InquiryLike,
} from '@shared/workflow/inquiries';

const FULL = {
  reference: true,
  receipt: true,
  answer: true,
  furtherActions: true,
  conclusion: true,
};

function answer(receivedOn: string, check: Partial<typeof FULL> = {}): InquiryResponse {
  return {
    receivedOn,
    theirNo: '',
    theirDate: null,
    summary: '',
    attachmentIds: [],
    check: { ...FULL, ...check },
  };
}

function inquiry(overrides: Partial<InquiryLike> = {}): InquiryLike {
  return {
    status: 'sent',
    dueDate: '2026-12-11',
    deletedAt: null,
    response: null,
    outgoingDate: '2026-11-20',
    ...overrides,
  };
}

describe('outgoing number', () => {
  it('formats and parses «sequence/year»', () => {
    expect(formatInquiryNo(2026, 12)).toBe('12/2026');
    expect(parseInquiryNo(' 12/2026 ')).toEqual({ year: 2026, sequence: 12 });
    expect(parseInquiryNo('2026-0012')).toBeNull();
  });

  it('round-trips every number', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2999 }),
        fc.integer({ min: 1, max: 99_999 }),
        (y, n) => {
          expect(parseInquiryNo(formatInquiryNo(y, n))).toEqual({ year: y, sequence: n });
        },
      ),
    );
  });
});

describe('overdue and state', () => {
  it('is overdue only while waiting past the due date', () => {
    expect(isInquiryOverdue(inquiry(), '2026-12-11')).toBe(false);
    expect(isInquiryOverdue(inquiry(), '2026-12-12')).toBe(true);
    expect(isInquiryOverdue(inquiry({ status: 'overdue' }), '2026-12-14')).toBe(true);
    expect(
      isInquiryOverdue(
        inquiry({ status: 'answered', response: answer('2026-12-20') }),
        '2026-12-30',
      ),
    ).toBe(false);
    expect(isInquiryOverdue(inquiry({ deletedAt: '2026-11-21T00:00:00.000Z' }), '2026-12-30')).toBe(
      false,
    );
    expect(isInquiryOverdue(inquiry({ dueDate: null }), '2026-12-30')).toBe(false);
  });

  it('shows a stored status as it stands today', () => {
    expect(inquiryState(inquiry(), '2026-12-01')).toBe('sent');
    expect(inquiryState(inquiry(), '2026-12-14')).toBe('overdue');
    // A stale stored 'overdue' whose date was moved reads as sent.
    expect(inquiryState(inquiry({ status: 'overdue', dueDate: '2026-12-31' }), '2026-12-14')).toBe(
      'sent',
    );
    expect(inquiryState(inquiry({ status: 'draft', dueDate: null }), '2026-12-14')).toBe('draft');
  });

  it('counts working days left while waiting', () => {
    const cal = createKzCalendar();
    expect(answerDaysLeft(cal, inquiry(), '2026-12-07')).toBe(4);
    expect(answerDaysLeft(cal, inquiry(), '2026-12-14')).toBeLessThan(0);
    expect(answerDaysLeft(cal, inquiry({ status: 'closed' }), '2026-12-07')).toBeNull();
  });
});

describe('views', () => {
  const today = '2026-12-14';
  const list = {
    draft: inquiry({ status: 'draft', dueDate: null, outgoingDate: null }),
    waiting: inquiry({ dueDate: '2026-12-31' }),
    late: inquiry(),
    complete: inquiry({ status: 'answered', response: answer('2026-12-04') }),
    incomplete: inquiry({
      status: 'answered',
      response: answer('2026-12-04', { furtherActions: false }),
    }),
    closed: inquiry({ status: 'closed', response: answer('2026-12-04', { answer: false }) }),
    deleted: inquiry({ status: 'draft', deletedAt: '2026-11-21T00:00:00.000Z' }),
  };
  const named = (view: (typeof INQUIRY_VIEWS)[number]) =>
    Object.entries(list)
      .filter(([, i]) => inView(i, view, today))
      .map(([name]) => name);

  it('sorts inquiries into the list views', () => {
    expect(named('all')).toEqual(['draft', 'waiting', 'late', 'complete', 'incomplete', 'closed']);
    expect(named('draft')).toEqual(['draft']);
    expect(named('sent')).toEqual(['waiting', 'late']);
    expect(named('overdue')).toEqual(['late']);
    expect(named('answered')).toEqual(['complete', 'incomplete']);
    expect(named('incomplete')).toEqual(['incomplete']);
    expect(named('closed')).toEqual(['closed']);
  });

  it('knows its view names', () => {
    expect(isInquiryView('overdue')).toBe(true);
    expect(isInquiryView('late')).toBe(false);
    expect(isInquiryView(null)).toBe(false);
    expect(missingPartsOf(list.incomplete)).toEqual(['furtherActions']);
    expect(missingPartsOf(list.waiting)).toEqual([]);
  });
});

describe('agencyRecord', () => {
  it('counts sent, on time, late (answered late or still unanswered) and incomplete', () => {
    const record = agencyRecord(
      [
        inquiry({ status: 'draft', dueDate: null }),
        inquiry({ dueDate: '2026-12-31' }),
        inquiry(),
        inquiry({ status: 'answered', response: answer('2026-12-11') }),
        inquiry({ status: 'answered', response: answer('2026-12-12', { conclusion: false }) }),
        inquiry({ status: 'closed', response: answer('2026-12-01', { reference: false }) }),
        inquiry({ status: 'closed', response: null, dueDate: '2026-12-31' }),
        inquiry({ deletedAt: '2026-11-21T00:00:00.000Z' }),
      ],
      '2026-12-14',
    );
    expect(record).toEqual({
      sent: 6,
      answeredOnTime: 2,
      late: 2,
      unansweredLate: 1,
      waiting: 1,
      incomplete: 2,
    });
  });

  it('never counts more answers than letters sent (property)', () => {
    const statuses = ['draft', 'sent', 'answered', 'overdue', 'closed'] as const;
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-12-${String(d).padStart(2, '0')}`);
    const arb = fc.record({
      status: fc.constantFrom(...statuses),
      dueDate: fc.option(day, { nil: null }),
      deletedAt: fc.constant(null),
      outgoingDate: fc.constant('2026-11-20'),
      response: fc.option(
        fc
          .record({ receivedOn: day, part: fc.boolean() })
          .map((r) => answer(r.receivedOn, { answer: r.part })),
        { nil: null },
      ),
    });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 30 }), day, (list, today) => {
        const r = agencyRecord(list, today);
        expect(r.answeredOnTime + r.late + r.waiting).toBeLessThanOrEqual(r.sent);
        expect(r.unansweredLate).toBeLessThanOrEqual(r.late);
        expect(r.incomplete).toBeLessThanOrEqual(r.answeredOnTime + r.late - r.unansweredLate);
      }),
    );
  });

  it('counts an answer without a due date as on time', () => {
    expect(isAnsweredOnTime({ dueDate: null, response: answer('2026-12-31') })).toBe(true);
    expect(isAnsweredOnTime({ dueDate: null, response: null })).toBe(false);
  });
});

describe('appealsReleasedBy', () => {
  it('keeps appeals another waiting inquiry still holds', () => {
    const me = { id: 'a', appealIds: ['x', 'y', 'z'] };
    const others = [
      { id: 'a', appealIds: ['x'], status: 'sent' as const, deletedAt: null },
      { id: 'b', appealIds: ['y'], status: 'sent' as const, deletedAt: null },
      { id: 'c', appealIds: ['z'], status: 'answered' as const, deletedAt: null },
      { id: 'd', appealIds: ['z'], status: 'draft' as const, deletedAt: null },
    ];
    expect(appealsReleasedBy(me, others)).toEqual(['x', 'z']);
  });
});

describe('agencySearchWords', () => {
  it('indexes both names, short names, the head and the e-mail', () => {
    const words = agencySearchWords({
      name: { kk: 'Білім басқармасы', ru: 'Управление образования' },
      shortName: { kk: '', ru: 'УО' },
      headName: 'Ахметова Гүлнар',
      email: 'bilim@astana.gov.kz',
    });
    expect(words).toEqual(
      expect.arrayContaining(['білім', 'управление', 'уо', 'ахметова', 'bilim', 'astana']),
    );
  });
});

describe('agency names', () => {
  it('falls back to the other language and refuses an agency named in neither', () => {
    const onlyRu = { name: { kk: '', ru: 'Управление образования' } };
    expect(agencyName(onlyRu, 'kk')).toBe('Управление образования');
    expect(agencyName({ name: { kk: 'Білім басқармасы', ru: '' } }, 'ru')).toBe('Білім басқармасы');
    expect(agencyName({ name: { kk: 'Білім басқармасы', ru: 'УО' } }, 'ru')).toBe('УО');
    const refused = agencyInputSchema.safeParse({ name: { kk: '', ru: '' } });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('name_required');
  });
});

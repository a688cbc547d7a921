import { describe, expect, it } from 'vitest';
import { deadlinesView } from '@renderer/features/appeal/deadlines';
import { personalDataWarnings } from '@renderer/features/appeal/publicSummary';
import { receiptLanguage } from '@renderer/features/appeal/print/ReceiptPrint';
import { createKzCalendar } from '@shared/calendar';
import { DEFAULT_DEADLINE_RULES } from '@shared/workflow/deadlines';

const cal = createKzCalendar();

describe('personal data hints for the public summary', () => {
  it('is the report’s own check: phones, IINs, house and flat numbers, names', () => {
    const gulnar = ['Сейітқали Гүлнар'];
    expect(personalDataWarnings('Аулада жарық орнатылды.', gulnar)).toEqual([]);
    expect(personalDataWarnings('Тел. 8 701 234 56 78', [])).toEqual(['phone']);
    // Written with en dashes, as the old hint let through.
    expect(personalDataWarnings('Тел. 8–701–234–56–78', [])).toEqual(['phone']);
    expect(personalDataWarnings('Абай к-сі 12-34', [])).toEqual(['address']);
    expect(personalDataWarnings('ул. Кенесары, д. 5, кв. 12', [])).toEqual(['address']);
    // A first name alone, in a case form, and the applicant's name in another order.
    expect(personalDataWarnings('Айгүлге жауап берілді', [])).toEqual(['name']);
    expect(personalDataWarnings('Гүлнар Сейітқалиға су берілді', gulnar)).toEqual(['name']);
    // Counts and district numbers are fine.
    expect(personalDataWarnings('15 подъездте жөндеу, 3 шағын аудан', [])).toEqual([]);
  });
});

describe('deadlines of the appeal page', () => {
  const appeal = {
    status: 'registered' as const,
    receivedAt: '2026-11-20T10:00',
    registeredOn: '2026-11-20',
    decideBy: '2026-12-11',
    decidedOn: null,
    extendedTo: null,
    acknowledgeBy: '2026-11-23T10:00',
    firstContactAt: null,
    applicantInformedAt: null,
    informedVia: null,
  };

  it('counts the 72 hours in clock hours, also once overdue', () => {
    const view = deadlinesView(
      cal,
      DEFAULT_DEADLINE_RULES,
      appeal,
      '2026-11-20',
      '2026-11-20T12:30',
    );
    expect(view.firstContact).toMatchObject({
      due: '2026-11-23T10:00',
      hoursLeft: 69,
      madeAt: null,
    });
    expect(view.decision).toMatchObject({ kind: 'open', daysLeft: 15, state: 'on_track' });
    expect(view.inform.due).toBeNull();
    expect(
      deadlinesView(cal, DEFAULT_DEADLINE_RULES, appeal, '2026-11-23', '2026-11-23T11:30')
        .firstContact.hoursLeft,
    ).toBe(-2);
  });

  it('knows whether contact was made in time, the original deadline and the inform-by date', () => {
    const view = deadlinesView(
      cal,
      DEFAULT_DEADLINE_RULES,
      {
        ...appeal,
        status: 'decided',
        firstContactAt: '2026-11-23T11:00',
        extendedTo: '2027-01-20',
        decideBy: '2027-01-20',
        decidedOn: '2026-12-30',
      },
      '2026-12-30',
      '2026-12-30T12:00',
    );
    expect(view.firstContact).toMatchObject({ onTime: false, hoursLeft: null });
    expect(view.originalDue).toBe('2026-12-11');
    // Three working days after 30 Dec 2026, skipping the 1–2 January holidays.
    expect(view.inform).toMatchObject({ due: '2027-01-06', state: 'on_track' });
    expect(view.decision).toMatchObject({ kind: 'done', onTime: true });
  });
});

describe('receipt', () => {
  it('is printed in the requested language, else the applicant’s, else the interface’s', () => {
    const ru = { applicant: { preferredLanguage: 'ru' as const } } as Parameters<
      typeof receiptLanguage
    >[1];
    expect(receiptLanguage('kk', ru, 'kk')).toBe('kk');
    expect(receiptLanguage(null, ru, 'kk')).toBe('ru');
    expect(receiptLanguage('en', { applicant: null }, 'ru')).toBe('ru');
  });
});

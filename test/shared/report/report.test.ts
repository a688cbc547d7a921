import { describe, expect, it } from 'vitest';

import { createKzCalendar } from '@shared/calendar';
import { computeDeadlines, registrationDay } from '@shared/workflow/deadlines';
import { buildQuarterlyReport, type CountRow, type QuarterlyReport } from '@shared/report';
import { NBSP } from '@shared/format';
import { APPEALS, QUARTER, TODAY, fixtureInput } from './fixture';

const kk = (): QuarterlyReport =>
  buildQuarterlyReport(fixtureInput(), QUARTER, { lang: 'kk', today: TODAY });
const ru = (): QuarterlyReport =>
  buildQuarterlyReport(fixtureInput(), QUARTER, { lang: 'ru', today: TODAY });

/** Rows as [key, display] pairs, spaces normalised. */
const rows = (list: readonly CountRow[]) =>
  list.map((row) => [row.key, row.display.replaceAll(NBSP, ' ')]);

describe('the hand-checked fixture itself', () => {
  it('has the registration days and deadlines the calendar gives (worked out in fixture.ts)', () => {
    const cal = createKzCalendar();
    for (const appeal of APPEALS) {
      expect(registrationDay(cal, appeal.receivedAt), appeal.id).toBe(appeal.registeredOn);
      const { decideBy, acknowledgeBy } = computeDeadlines(cal, {
        receivedAt: appeal.receivedAt,
        registeredOn: appeal.registeredOn,
        extendedTo: appeal.extendedTo,
      });
      expect(decideBy, appeal.id).toBe(appeal.decideBy);
      expect(acknowledgeBy, appeal.id).toBe(appeal.acknowledgeBy);
    }
  });
});

describe('buildQuarterlyReport on the hand-checked fixture (2026-Q3, today 2026-11-22)', () => {
  it('names the period, the previous and next quarters and the due date', () => {
    const report = kk();
    expect(report.quarter).toMatchObject({ id: '2026-Q3', from: '2026-07-01', to: '2026-09-30' });
    expect(report.quarter.label).toBe(`2026${NBSP}жылғы III${NBSP}тоқсан`);
    expect(report.previousQuarter.id).toBe('2026-Q2');
    expect(report.nextQuarter.id).toBe('2026-Q4');
    expect(report.dueOn).toBe('2026-10-15');
    expect(report.preliminary).toBe(false);
    expect(report.generatedOn).toBe(TODAY);
    expect(report.generatedOnLabel).toBe('22.11.2026');
    expect(ru().quarter.label).toBe(`III${NBSP}квартал 2026${NBSP}года`);
    expect(report.header.deputyName).toBe('Сапарова Дана Маратқызы');
    expect(ru().header.deputyName).toBe('Сапарова Дана Маратовна');
    expect(report.header.okrugNumber).toBe(7);
  });

  it('counts the appeals of the quarter by registration day: last day in, after hours out', () => {
    const { appeals } = kk();
    expect(appeals.total).toBe(10);
    expect(appeals.change).toMatchObject({ current: 10, previous: 4, absolute: 6, percent: 150 });
    expect(appeals.change.display.replaceAll(NBSP, ' ')).toBe('+6 (+150 %)');
    expect(appeals.byMonth.map((m) => [m.month, m.label, m.count, m.receptionsHeld])).toEqual([
      ['2026-07', 'Шілде', 4, 1],
      ['2026-08', 'Тамыз', 2, 0],
      ['2026-09', 'Қыркүйек', 4, 1],
    ]);
  });

  it('breaks the appeals down by topic, channel and kind with the "<3" rule', () => {
    const { appeals } = kk();
    expect(rows(appeals.byTopic)).toEqual([
      ['housing', '4'],
      ['water', '<3'],
      ['roads_transport', '<3'],
      ['health', '<3'],
      ['ecology_waste', '<3'],
    ]);
    expect(appeals.byTopic[0]).toMatchObject({ count: 4, percent: 40 });
    expect(appeals.byTopic[1]).toMatchObject({ count: null, percent: null });
    expect(appeals.byTopic[0]?.label).toBe('Тұрғын үй-коммуналдық шаруашылық (ТКШ)');
    expect(ru().appeals.byTopic[0]?.label).toBe('Жилищно-коммунальное хозяйство (ЖКХ)');
    expect(appeals.topTopics).toHaveLength(5);
    expect(rows(appeals.byChannel)).toEqual([
      ['reception', '3'],
      ['letter', '<3'],
      ['email', '<3'],
      ['phone', '<3'],
      ['telegram', '<3'],
      ['website', '<3'],
      ['eotinish', '<3'],
    ]);
    expect(appeals.byChannel[0]).toMatchObject({ count: 3, percent: 30 });
    expect(rows(appeals.byKind)).toEqual([
      ['application', '4'],
      ['complaint', '3'],
      ['proposal', '<3'],
      ['information_request', '<3'],
      ['report', '<3'],
    ]);
  });

  it('counts collective, priority and anonymous appeals exactly', () => {
    const { appeals } = kk();
    expect(appeals.collectiveCount).toBe(2);
    expect(appeals.collectiveSignatories).toBe(65);
    expect(appeals.priorityCount).toBe(1);
    expect(appeals.anonymousCount).toBe(1);
  });

  it('groups places down to the street at most and folds small places together', () => {
    const { byPlace } = kk().appeals;
    expect(byPlace.level).toBe('street');
    expect(byPlace.rows).toHaveLength(1);
    // A street of its locality, as the problem map counts it (a street crosses microdistricts).
    expect(byPlace.rows[0]).toMatchObject({
      label: 'Астана, Кенесары көшесі',
      count: 4,
      percent: 40,
    });
    expect(byPlace.otherPlaces).toMatchObject({ label: 'Басқа мекенжайлар', count: 4 });
    // No place at all, and A11 (a microdistrict without a street): not written down to the street.
    expect(byPlace.unspecified).toBe(2);
    expect(JSON.stringify(byPlace)).not.toMatch(/"12"|"14"|"40"|"7"/);

    const input = fixtureInput();
    input.settings = {
      ...input.settings,
      report: { ...input.settings.report, placeLevel: 'district' },
    };
    const district = buildQuarterlyReport(input, QUARTER, { lang: 'ru', today: TODAY }).appeals
      .byPlace;
    // The Russian report names the place in Russian (shared/map/placeNames.ts).
    expect(district.rows.map((r) => [r.label, r.count])).toEqual([['Астана, район Сарыарка', 6]]);
    expect(district.otherPlaces).toMatchObject({ label: 'Другие адреса', count: 3 });
  });

  it('shows a small "other places" group as "<3"', () => {
    const input = fixtureInput();
    input.appeals = input.appeals.filter((a) => a.id !== 'A5' && a.id !== 'A7' && a.id !== 'A4');
    const { byPlace } = buildQuarterlyReport(input, QUARTER, { lang: 'kk', today: TODAY }).appeals;
    // Left: A12 on Abai avenue → 1 in other places (A11 has no street: unspecified).
    expect(byPlace.otherPlaces).toMatchObject({ count: null, display: '<3', percent: null });
  });

  it('counts receptions held, visitors and months without a reception', () => {
    const { receptions } = kk().appeals;
    expect(receptions).toEqual({
      held: 2,
      cancelled: 1,
      visitors: 4,
      appealsAtReceptions: 3,
      monthsWithout: ['Тамыз'],
    });
    expect(ru().appeals.receptions.monthsWithout).toEqual(['Август']);
  });

  it('counts the appeals decided in the quarter by outcome', () => {
    const { resolved } = kk();
    expect(resolved.decidedTotal).toBe(9);
    expect(resolved.resolved).toBe(3);
    expect(resolved.partiallyResolved).toBe(1);
    expect(rows(resolved.byOutcome)).toEqual([
      ['resolved', '3'],
      ['partially_resolved', '<3'],
      ['explained', '<3'],
      ['forwarded', '<3'],
      ['not_resolved', '<3'],
      ['withdrawn', '<3'],
      ['not_considered', '<3'],
    ]);
    expect(resolved.byOutcome[0]?.percent).toBe(33.3);
  });

  it('prints, per topic of the decided appeals, at most three flagged summaries and «and N more», leaving blocked ones out', () => {
    const { resolved } = kk();
    expect(
      resolved.summaries.map((g) => [
        g.key,
        g.display,
        g.more,
        g.items.map((i) => [i.text, i.solved]),
      ]),
    ).toEqual([
      // Housing: three appeals decided, two with a summary, the most recently decided
      // first; the third is «and 1 more». A4's summary names its applicant: blocked.
      [
        'housing',
        '3',
        1,
        [
          ['Аулаға жаңа балалар алаңы орнатылды.', true],
          ['Кенесары көшесіндегі көппәтерлі үйдің шатыры жөнделді.', true],
        ],
      ],
      ['roads_transport', '<3', 0, [['Ауладағы жол жөнделді.', true]]],
      ['water', '<3', 0, []],
      [
        'health',
        '<3',
        0,
        [['Өтініш құзыретіне сәйкес денсаулық сақтау басқармасына жолданды.', false]],
      ],
      ['ecology_waste', '<3', 0, []],
    ]);
    expect(resolved.summaries[3]?.items[0]?.outcomeLabel).toBe('Құзыретті органға жолданды');
  });

  it('lists what stayed unresolved at the quarter end and why', () => {
    const { unresolved } = kk();
    expect(unresolved).toMatchObject({
      total: 4,
      openAtQuarterEnd: 3,
      openOverdue: 1,
      notResolved: 1,
    });
    expect(rows(unresolved.byReason)).toEqual([
      ['open_within_deadline', '<3'],
      ['open_overdue', '<3'],
      ['needs_budget', '<3'],
      ['outside_competence', '0'],
      ['agency_refused', '0'],
      ['other', '0'],
    ]);
    // Grouped by reason, in the order of byReason, only reasons that have appeals.
    expect(
      unresolved.summaries.map((g) => [
        g.key,
        g.label,
        g.items.map((i) => [i.text, i.outcomeLabel]),
      ]),
    ).toEqual([
      ['open_within_deadline', 'Қаралуда, мерзімі өтпеген', []],
      ['open_overdue', 'Қаралуда, мерзімі өтіп кеткен', [['Жол жөндеу мәселесі қаралуда.', null]]],
      [
        'needs_budget',
        'Бюджет қаражаты қажет',
        [['Су құбырын ауыстыру үшін бюджет қаражаты қажет.', 'Шешілмеді']],
      ],
    ]);
  });

  it('computes the indicators as defined (extensions count, withdrawn left out)', () => {
    const { indicators } = kk();
    expect(indicators.decidedWithinDeadline).toMatchObject({
      numerator: 5,
      denominator: 7,
      percent: 71.4,
    });
    expect(indicators.decidedWithinDeadline.display).toBe(`71,4${NBSP}%`);
    expect(indicators.medianWorkingDaysToDecision).toBe(11);
    expect(indicators.medianWorkingDaysDisplay).toBe('11');
    expect(indicators.extendedCount).toBe(1);
    expect(indicators.firstContactWithin72h).toMatchObject({
      numerator: 7,
      denominator: 9,
      percent: 77.8,
    });
    expect(indicators.acknowledgeHours).toBe(72);
    expect(indicators.inquiries).toEqual({
      sent: 4,
      answered: 2,
      answeredOnTime: 1,
      overdue: 1,
      awaiting: 1,
      onTimeShare: { numerator: 1, denominator: 3, percent: 33.3, display: `33,3${NBSP}%` },
    });
    expect(indicators.receptionsHeld).toBe(2);
    expect(indicators.receptionsPerMonth).toBe(0.7);
    expect(indicators.receptionsPerMonthDisplay).toBe('0,7');
  });

  it('without the extension, the appeal decided after its original term is late', () => {
    const input = fixtureInput();
    input.appeals = input.appeals.map((a) =>
      a.id === 'A2' ? { ...a, extendedTo: null, decideBy: '2026-07-28' } : a,
    );
    const { indicators } = buildQuarterlyReport(input, QUARTER, { lang: 'kk', today: TODAY });
    expect(indicators.decidedWithinDeadline).toMatchObject({ numerator: 4, denominator: 7 });
    expect(indicators.extendedCount).toBe(0);
  });

  it('takes the median of an even number as the mean of the middle two', () => {
    const input = fixtureInput();
    // Without A11 (51 days): 5 6 8 | 11 26 28 → (8 + 11) / 2 = 9.5.
    input.appeals = input.appeals.filter((a) => a.id !== 'A11');
    const { indicators } = buildQuarterlyReport(input, QUARTER, { lang: 'ru', today: TODAY });
    expect(indicators.medianWorkingDaysToDecision).toBe(9.5);
    expect(indicators.medianWorkingDaysDisplay).toBe('9,5');
  });

  it('lists the initiatives of the quarter and the plan for the next one', () => {
    const report = kk();
    expect(report.initiatives.items.map((i) => [i.id, i.submittedOnLabel, i.statusLabel])).toEqual([
      ['N3', '05.07.2026', 'Қаралуда'],
      ['N1', '15.08.2026', 'Қабылданды'],
    ]);
    expect(report.initiatives.items[1]).toMatchObject({
      targetLabel: 'Бюджет',
      result: 'Бюджетке 120 млн теңге енгізілді',
      topicLabel: 'Абаттандыру және көгалдандыру',
      publicSummary: 'Округтің 12 көшесіне жаңа шамдар қойылады.',
    });
    expect(report.plan.quarter.id).toBe('2026-Q4');
    expect(report.plan.items.map((p) => [p.id, p.title, p.actions])).toEqual([
      ['L2', 'Аулаларды абаттандыру', []],
      ['L1', 'Жылу маусымына дайындық', ['Жылу желілерін тексеру', 'Тұрғындармен кездесу']],
    ]);
    expect(report.plan.items[1]?.topicLabel).toBe('Жылумен жабдықтау және газ');
    expect(ru().plan.items[0]?.statusLabel).toBe('Запланировано');
  });

  it('blocks the report on personal data, naming the records but never copying the text', () => {
    const report = kk();
    expect(report.blocked).toEqual({
      items: [
        {
          source: 'appeal',
          id: 'A3',
          regNo: '2026-0042',
          title: null,
          fields: ['publicSummary'],
          kinds: ['phone'],
        },
        {
          source: 'appeal',
          id: 'A4',
          regNo: '2026-0044',
          title: null,
          fields: ['publicSummary'],
          kinds: ['name'],
        },
        {
          source: 'initiative',
          id: 'N6',
          regNo: null,
          // Named on the fix-it list in both languages.
          title: 'Ауладағы ойын алаңы / Игровая площадка во дворе',
          fields: ['result'],
          kinds: ['address'],
        },
      ],
    });
    const json = JSON.stringify(report);
    expect(json).not.toContain('701');
    expect(json).not.toContain('Ахметов');
    expect(json).not.toContain('д. 5');
  });

  it.each([
    ['Тұрғынның ЖСН 880101300123 бойынша жәрдемақысы қалпына келтірілді.', ['iin']],
    ['Толық ақпарат: +7 701 123 45 67.', ['phone']],
    ['Жауап aigul.zh@mail.kz поштасына жіберілді.', ['email']],
    ['Жауап Telegram-да @aigul_88 арқылы берілді.', ['handle']],
    ['Кенесары көшесі, 14-пәтердің шатыры жөнделді.', ['address']],
    ['Жұмабаева Айгүлге жауап берілді.', ['name']],
  ] as const)('blocks on a summary with %s', (text, kinds) => {
    const input = fixtureInput();
    input.appeals = input.appeals.map((a) =>
      a.id === 'A1' ? { ...a, publicSummary: { kk: text, ru: '' } } : a,
    );
    const report = buildQuarterlyReport(input, QUARTER, { lang: 'kk', today: TODAY });
    expect(report.blocked?.items[0]).toEqual({
      source: 'appeal',
      id: 'A1',
      regNo: '2026-0040',
      title: null,
      fields: ['publicSummary'],
      kinds,
    });
    expect(JSON.stringify(report)).not.toContain(text);
  });

  it('is not blocked once the texts are fixed', () => {
    const input = fixtureInput();
    input.appeals = input.appeals.map((a) =>
      a.id === 'A3' || a.id === 'A4'
        ? { ...a, publicSummary: { kk: 'Мәселе шешілді.', ru: '' } }
        : a,
    );
    input.initiatives = input.initiatives.filter((i) => i.id !== 'N6');
    const report = buildQuarterlyReport(input, QUARTER, { lang: 'kk', today: TODAY });
    expect(report.blocked).toBeNull();
    expect(report.resolved.summaries.find((g) => g.key === 'roads_transport')?.items).toHaveLength(
      2,
    );
  });

  it('blocks on a visitor name from a reception queue and on plan items', () => {
    const input = fixtureInput();
    input.planItems = [
      ...input.planItems,
      {
        id: 'L9',
        deletedAt: null,
        year: 2026,
        quarter: 4,
        title: { kk: 'Гүлнар Сейітовамен кездесу', ru: '' },
        actions: { kk: 'Хабарласу: 8 (7172) 55-12-34', ru: '' },
        topic: null,
        status: 'planned',
        order: 5,
        inReport: true,
      },
    ];
    const report = buildQuarterlyReport(input, QUARTER, { lang: 'kk', today: TODAY });
    expect(report.blocked?.items.at(-1)).toEqual({
      source: 'planItem',
      id: 'L9',
      regNo: null,
      title: null,
      fields: ['title', 'actions'],
      kinds: ['name', 'phone'],
    });
    expect(report.plan.items.map((p) => p.id)).toEqual(['L2', 'L1']);
  });

  it('is deterministic and plain JSON', () => {
    const a = kk();
    const b = buildQuarterlyReport(fixtureInput(), QUARTER, { lang: 'kk', today: TODAY });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('marks a report of a quarter still running as preliminary and skips unfinished months', () => {
    const report = buildQuarterlyReport(fixtureInput(), QUARTER, {
      lang: 'kk',
      today: '2026-08-15',
    });
    expect(report.preliminary).toBe(true);
    // July is over and had a reception; August is not over yet; September has not begun.
    expect(report.appeals.receptions.monthsWithout).toEqual([]);
  });

  it('rejects a malformed quarter or day', () => {
    expect(() =>
      buildQuarterlyReport(fixtureInput(), '2026-Q5', { lang: 'kk', today: TODAY }),
    ).toThrow(RangeError);
    expect(() =>
      buildQuarterlyReport(fixtureInput(), QUARTER, { lang: 'kk', today: '22.11.2026' }),
    ).toThrow(RangeError);
  });

  it('counts a quarter with no appeals as zeros, not as errors', () => {
    const report = buildQuarterlyReport(fixtureInput(), '2025-Q1', { lang: 'ru', today: TODAY });
    expect(report.appeals.total).toBe(0);
    expect(report.appeals.change).toMatchObject({ previous: 0, percent: null, display: '0' });
    expect(report.indicators.decidedWithinDeadline).toMatchObject({ percent: null, display: '—' });
    expect(report.indicators.medianWorkingDaysToDecision).toBeNull();
    expect(report.indicators.medianWorkingDaysDisplay).toBe('—');
    expect(report.appeals.byPlace).toEqual({
      level: 'street',
      rows: [],
      otherPlaces: null,
      unspecified: 0,
    });
    expect(report.blocked).toBeNull();
  });
});

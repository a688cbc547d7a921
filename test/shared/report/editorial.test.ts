import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildQuarterlyReport } from '@shared/report/build';
import { editorialOrder, examples, type NeutralSummary } from '@shared/report/editorial';
import { MAX_EXAMPLES } from '@shared/report/types';
import { QUARTER, TODAY, fixtureInput } from './fixture';

function summary(
  order: number,
  fields: Partial<Omit<NeutralSummary, 'order' | 'id' | 'regNo'>> = {},
): NeutralSummary {
  return {
    id: `a${String(order)}`,
    regNo: `2026-${String(order).padStart(4, '0')}`,
    order,
    text: { kk: `Мәселе ${String(order)} шешілді.`, ru: `Вопрос ${String(order)} решён.` },
    guesses: { kk: [], ru: [] },
    outcomeLabel: () => null,
    solved: true,
    highlight: false,
    collective: false,
    date: '2026-08-01',
    ...fields,
  };
}

describe('which summaries a group prints', () => {
  it('highlights first, then collective appeals, then the most recent, then registry order', () => {
    const list = [
      summary(1, { date: '2026-09-20' }),
      summary(2, { collective: true, date: '2026-07-02' }),
      summary(3, { highlight: true, date: '2026-07-01' }),
      summary(4, { date: '2026-09-20' }),
      summary(5, { date: '2026-07-15' }),
    ];
    expect(examples(list, 'kk').map((s) => s.id)).toEqual(['a3', 'a2', 'a1']);
    expect([...list].sort(editorialOrder).map((s) => s.id)).toEqual(['a3', 'a2', 'a1', 'a4', 'a5']);
  });

  it('prints the same sentence once', () => {
    const same = { kk: 'Жол жөнделді, ауладағы шұңқырлар жабылды.', ru: 'Дорога отремонтирована.' };
    const list = [summary(1, { text: same }), summary(2, { text: same }), summary(3), summary(4)];
    expect(examples(list, 'kk').map((s) => s.id)).toEqual(['a1', 'a3', 'a4']);
  });

  it('never more than three, always from the group, each once (any group)', () => {
    const arb = fc.array(
      fc.record({
        highlight: fc.boolean(),
        collective: fc.boolean(),
        day: fc.integer({ min: 1, max: 28 }),
        text: fc.constantFrom('Алаң салынды.', 'Жол жөнделді.', 'Су берілді.', 'Жарық қойылды.'),
      }),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const list = rows.map((r, i) =>
          summary(i + 1, {
            highlight: r.highlight,
            collective: r.collective,
            date: `2026-08-${String(r.day).padStart(2, '0')}`,
            text: { kk: r.text, ru: '' },
          }),
        );
        const chosen = examples(list, 'kk');
        expect(chosen.length).toBeLessThanOrEqual(MAX_EXAMPLES);
        expect(chosen.length).toBe(Math.min(MAX_EXAMPLES, new Set(rows.map((r) => r.text)).size));
        expect(new Set(chosen.map((s) => s.text.kk)).size).toBe(chosen.length);
        // A highlight is never passed over for an appeal that is not one.
        const highlights = new Set(list.filter((s) => s.highlight).map((s) => s.text.kk));
        if (highlights.size >= MAX_EXAMPLES) expect(chosen.every((s) => s.highlight)).toBe(true);
      }),
    );
  });
});

describe('the report in one language prints only that language', () => {
  it('lists a Kazakh-only summary as missing in the Russian report, or brackets it when asked', () => {
    const input = fixtureInput();
    const ru = buildQuarterlyReport(input, QUARTER, { lang: 'ru', today: TODAY });
    const texts = ru.resolved.summaries.flatMap((g) => g.items);
    expect(texts).toEqual([]);
    expect(ru.missingTranslations.items.length).toBeGreaterThan(0);

    const bracketed = buildQuarterlyReport(input, QUARTER, {
      lang: 'ru',
      today: TODAY,
      otherLanguageInBrackets: true,
    });
    const items = bracketed.resolved.summaries.flatMap((g) => g.items);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.otherLanguage)).toBe(true);
    expect(bracketed.missingTranslations.items).toEqual(ru.missingTranslations.items);
  });

  it('prints the Russian text once it is written, and lists nothing missing', () => {
    const input = fixtureInput();
    input.appeals = input.appeals.map((a) =>
      a.publicSummary.kk === ''
        ? a
        : { ...a, publicSummary: { ...a.publicSummary, ru: 'Вопрос жителей решён на месте.' } },
    );
    const ru = buildQuarterlyReport(input, QUARTER, { lang: 'ru', today: TODAY });
    expect(ru.missingTranslations.items).toEqual([]);
    const housing = ru.resolved.summaries.find((g) => g.key === 'housing');
    // Two appeals with the same Russian sentence: printed once, the rest is «and N more».
    expect(housing?.items.map((i) => [i.text, i.otherLanguage])).toEqual([
      ['Вопрос жителей решён на месте.', false],
    ]);
    expect(housing?.more).toBe(2);
  });

  it('prints every summary in the annex, only when asked', () => {
    const input = fixtureInput();
    expect(buildQuarterlyReport(input, QUARTER, { lang: 'kk', today: TODAY }).annex).toBeNull();
    const report = buildQuarterlyReport(input, QUARTER, { lang: 'kk', today: TODAY, annex: true });
    const annexTexts = report.annex!.flatMap((g) => g.items.map((i) => i.text)).sort();
    const sectionTexts = [...report.resolved.summaries, ...report.unresolved.summaries]
      .flatMap((g) => g.items.map((i) => i.text))
      .sort();
    expect(annexTexts).toEqual(sectionTexts);
    expect(report.annex!.every((g) => g.more === 0)).toBe(true);
  });
});

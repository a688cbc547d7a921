import { describe, expect, it } from 'vitest';
import { buildQuarterlyReport, buildQuarterlyReports } from '@shared/report';
import { computeReportStats } from '@shared/report/stats';
import { presentReport } from '@shared/report/present';
import { generateOffice } from '@test/fixtures/generateOffice';
import { QUARTER, TODAY, fixtureInput } from './fixture';

describe('a report in both languages counts once', () => {
  it('gives, language by language, what buildQuarterlyReport gives', () => {
    const input = fixtureInput();
    const [kk, ru] = buildQuarterlyReports(input, QUARTER, { langs: ['kk', 'ru'], today: TODAY });
    expect(kk).toEqual(buildQuarterlyReport(input, QUARTER, { lang: 'kk', today: TODAY }));
    expect(ru).toEqual(buildQuarterlyReport(input, QUARTER, { lang: 'ru', today: TODAY }));
  });

  it('shares the language-neutral parts between the languages instead of counting them again', () => {
    const [kk, ru] = buildQuarterlyReports(fixtureInput(), QUARTER, {
      langs: ['kk', 'ru'],
      today: TODAY,
    });
    expect(kk?.lang).toBe('kk');
    expect(ru?.lang).toBe('ru');
    expect(kk?.indicators).toBe(ru?.indicators);
    expect(kk?.appeals.change).toBe(ru?.appeals.change);
  });

  it('holds for a generated office in every quarter it has, blocked texts included', () => {
    const file = generateOffice({ appeals: 600, seed: 5, today: '2026-11-20' });
    const t = file.tables;
    t.appeals.forEach((a, i) => {
      if (i % 29 === 0 && a.publicSummary.kk) {
        a.publicSummary = { ...a.publicSummary, kk: `${a.publicSummary.kk} Тел. 8 701 234 56 78` };
      }
    });
    const input = {
      appeals: t.appeals,
      applicants: t.applicants.map(({ id, fullName }) => ({ id, fullName })),
      receptions: t.receptions,
      inquiries: t.inquiries,
      initiatives: t.initiatives,
      planItems: t.planItems,
      settings: t.settings[0]!,
    };
    for (const quarter of ['2025-Q4', '2026-Q2', '2026-Q3', '2026-Q4']) {
      const stats = computeReportStats(input, quarter, '2026-11-20');
      for (const lang of ['kk', 'ru'] as const) {
        expect(presentReport(stats, lang)).toEqual(
          buildQuarterlyReport(input, quarter, { lang, today: '2026-11-20' }),
        );
      }
    }
  });
});

// The report model of a generated office, pinned by a hash of its JSON. The hash was computed
// before the report's statistics were made faster (issue 13): a speed-up must give the very
// same model. A change that is meant to change what the report says updates the hash in
// the same commit and says why (print the new one with `TIZILIM_PRINT_REPORT_HASH=1`).
// Changed since: the places table counts by the problem map's place key (issue 14; only
// `appeals.byPlace` differs, checked field by field).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildQuarterlyReports } from '@shared/report';
import type { ReportInput } from '@shared/report/types';
import { generateOffice } from '@test/fixtures/generateOffice';

const TODAY = '2026-11-20';

function officeInput(): ReportInput {
  const t = generateOffice({ appeals: 800, seed: 7, today: TODAY }).tables;
  // A few texts with personal data, so the blocked list is part of what is pinned.
  t.appeals.forEach((a, i) => {
    if (i % 53 === 0 && a.publicSummary.kk) {
      a.publicSummary = { ...a.publicSummary, kk: `${a.publicSummary.kk} Тел. 8 701 234 56 78` };
    }
    if (i % 71 === 0 && a.publicSummary.ru) {
      const name = t.applicants[i % t.applicants.length]!.fullName;
      a.publicSummary = { ...a.publicSummary, ru: `${a.publicSummary.ru} Заявитель ${name}.` };
    }
  });
  return {
    appeals: t.appeals,
    applicants: t.applicants.map(({ id, fullName }) => ({ id, fullName })),
    receptions: t.receptions,
    inquiries: t.inquiries,
    initiatives: t.initiatives,
    planItems: t.planItems,
    settings: t.settings[0]!,
  };
}

const hashOf = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 20);

describe('the report model of a generated office', () => {
  it('is the same model, quarter by quarter, in both languages', () => {
    const input = officeInput();
    const hashes: Record<string, string> = {};
    let blocked = 0;
    for (const quarter of ['2026-Q2', '2026-Q3']) {
      const reports = buildQuarterlyReports(input, quarter, { langs: ['kk', 'ru'], today: TODAY });
      hashes[quarter] = hashOf(reports);
      blocked += reports[0]!.blocked?.items.length ?? 0;
    }
    if (process.env.TIZILIM_PRINT_REPORT_HASH) console.log(JSON.stringify(hashes));
    expect(blocked).toBeGreaterThan(0);
    expect(hashes).toEqual({
      '2026-Q2': '425b430703b3b9c2099c',
      '2026-Q3': 'c9fb10cc5a05bbda3f84',
    });
  });
});

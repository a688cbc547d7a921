// The name index is kept per applicants list between reports of the same records (issue 13:
// the report screen builds again on a change of quarter, language or annex). It must never
// be used for names it was not made of: a stale index would let a new name through.
import { describe, expect, it } from 'vitest';
import { buildQuarterlyReport, buildQuarterlyReports, type ReportInput } from '@shared/report';
import { knownPeople } from '@shared/report/checks';
import { QUARTER, TODAY, fixtureInput } from './fixture';

/**
 * The input with A1's Kazakh summary naming «Қорғасжан Жақып»: names that only the index
 * of the data's people knows (no first name the check knows of anybody).
 */
function naming(): ReportInput {
  const input = fixtureInput();
  input.appeals = input.appeals.map((a) =>
    a.id === 'A1' ? { ...a, publicSummary: { kk: 'Қорғасжан Жақыпқа жауап берілді.', ru: '' } } : a,
  );
  return input;
}

const blockedIds = (input: ReportInput): string[] =>
  buildQuarterlyReport(input, QUARTER, { lang: 'kk', today: TODAY }).blocked?.items.map(
    (item) => item.id,
  ) ?? [];

describe('knownPeople', () => {
  it('is made once for the same applicants, also through a copy of the input', () => {
    const input = fixtureInput();
    const people = knownPeople(input);
    expect(knownPeople(input)).toBe(people);
    expect(knownPeople({ ...input, appeals: [...input.appeals] })).toBe(people);
    // Other appeals with other places: the names are not indexed again, the verdicts are.
    const fewer = knownPeople({ ...input, appeals: [] });
    expect(fewer.index).toBe(people.index);
    expect(fewer.found).not.toBe(people.found);
    expect(knownPeople({ ...input, applicants: [...input.applicants] })).not.toBe(people);
  });

  it('reads a street of the data said as a place as a place, not a person', () => {
    const input = fixtureInput();
    // «Қарабай» is nobody's first name the check knows; «Жители Карабая» alone reads as a
    // place by «жители»; «в Карабай» only by the data's localities.
    const text = { kk: '', ru: 'Пущен автобус в Карабай, жалоб нет.' };
    input.appeals = input.appeals.map((a) => (a.id === 'A1' ? { ...a, publicSummary: text } : a));
    expect(blockedIds(input)).toContain('A1');
    input.appeals = input.appeals.map((a) =>
      a.id === 'A2' ? { ...a, location: { ...a.location, locality: 'Карабай' } } : a,
    );
    expect(blockedIds(input)).not.toContain('A1');
  });

  it('gives the same reports warm as cold', () => {
    const input = fixtureInput();
    const options = { langs: ['kk', 'ru'] as const, today: TODAY };
    const first = buildQuarterlyReports(input, QUARTER, { ...options, langs: [...options.langs] });
    const again = buildQuarterlyReports(input, QUARTER, { ...options, langs: [...options.langs] });
    const cold = buildQuarterlyReports(
      { ...input, applicants: input.applicants.map((a) => ({ ...a })) },
      QUARTER,
      { ...options, langs: [...options.langs] },
    );
    expect(again).toEqual(first);
    expect(cold).toEqual(first);
  });

  it('indexes again when an applicant is renamed in place', () => {
    const input = naming();
    expect(blockedIds(input)).not.toContain('A1');
    const people = knownPeople(input);
    input.applicants[2]!.fullName = 'Қорғасжан Жақып';
    expect(knownPeople(input)).not.toBe(people);
    expect(blockedIds(input)).toContain('A1');
  });

  it('indexes again when an applicant is added to the same list', () => {
    const input = naming();
    const applicants = [...input.applicants];
    input.applicants = applicants;
    expect(blockedIds(input)).not.toContain('A1');
    applicants.push({ id: 'ap-new', fullName: 'Қорғасжан Жақып' });
    expect(blockedIds(input)).toContain('A1');
  });

  it('indexes again when a visitor is added to a reception in place', () => {
    const input = naming();
    input.receptions = input.receptions.map((r) => ({ ...r, queue: [...r.queue] }));
    expect(blockedIds(input)).not.toContain('A1');
    const reception = input.receptions.find((r) => r.queue.length > 0)!;
    reception.queue.push({ ...reception.queue[0]!, id: 'v-new', name: 'Қорғасжан Жақып' });
    expect(blockedIds(input)).toContain('A1');
  });
});

import { describe, expect, it } from 'vitest';
import { buildQuarterlyReport } from '@shared/report/build';
import type { ReportInput } from '@shared/report/input';
import { QUARTER, TODAY, fixtureInput } from './fixture';

/** The fixture with its Kenesary appeals moved to other streets (four appeals each place). */
function withStreet(street: string, glossary: { kk: string; ru: string }[] = []): ReportInput {
  const input = fixtureInput();
  input.appeals = input.appeals.map((a) =>
    a.location.street.trim().toLocaleLowerCase('kk').startsWith('кенесары')
      ? { ...a, location: { ...a.location, street } }
      : a,
  );
  input.settings = {
    ...input.settings,
    report: { ...input.settings.report, placeNames: glossary },
  };
  return input;
}

/** The fixture has Kazakh-only summaries too; these tests read the places. */
const places = (report: ReturnType<typeof build>) =>
  report.missingTranslations.items.filter((item) => item.source === 'place');

const build = (input: ReportInput, lang: 'kk' | 'ru') =>
  buildQuarterlyReport(input, QUARTER, { lang, today: TODAY });

describe('places in the report’s language', () => {
  it('prints the places table and the problem map in Russian in the Russian report', () => {
    const ru = build(fixtureInput(), 'ru');
    // The places table and the map key places alike (shared/map placeOf): locality, street.
    expect(ru.appeals.byPlace.rows.map((r) => r.label)).toEqual(['Астана, улица Кенесары']);
    expect(ru.appeals.hotSpots.map((s) => s.label)).toEqual(['Астана, улица Кенесары']);
    expect(places(ru)).toEqual([]);
    // The Kazakh report keeps them as written.
    const kk = build(fixtureInput(), 'kk');
    expect(kk.appeals.byPlace.rows[0]!.label).toBe('Астана, Кенесары көшесі');
    expect(kk.appeals.hotSpots[0]!.label).toBe('Астана, Кенесары көшесі');
  });

  it('takes proper names from the office glossary', () => {
    const input = withStreet('Абай даңғылы', [
      { kk: 'Абай', ru: 'Абая' },
      { kk: 'Сарыарқа ауданы', ru: 'район Сарыарка' },
    ]);
    const ru = build(input, 'ru');
    expect(ru.appeals.byPlace.rows[0]!.label).toBe('Астана, проспект Абая');
    expect(ru.appeals.hotSpots[0]!.label).toBe('Астана, проспект Абая');
  });

  it('lists a place the table cannot render among the missing translations, once', () => {
    const input = withStreet('Абай атындағы саябақ');
    const ru = build(input, 'ru');
    expect(ru.appeals.byPlace.rows[0]!.label).toBe('Астана, Абай атындағы саябақ');
    expect(places(ru)).toEqual([
      {
        source: 'place',
        id: 'place:Абай атындағы саябақ',
        regNo: '',
        fields: ['place'],
        lang: 'ru',
        title: 'Абай атындағы саябақ',
      },
    ]);
    expect(places(build(input, 'kk'))).toEqual([]);
    // The glossary fixes it.
    const fixed = withStreet('Абай атындағы саябақ', [
      { kk: 'Абай атындағы саябақ', ru: 'парк имени Абая' },
    ]);
    const ruFixed = build(fixed, 'ru');
    expect(places(ruFixed)).toEqual([]);
    expect(ruFixed.appeals.byPlace.rows[0]!.label).toBe('Астана, парк имени Абая');
  });

  it('does not ask to translate a place the report does not name (fewer than 3 appeals)', () => {
    const input = fixtureInput();
    input.appeals = input.appeals.map((a) =>
      a.id === 'A11' ? { ...a, location: { ...a.location, district: 'Бір атындағы аулағы' } } : a,
    );
    expect(places(build(input, 'ru'))).toEqual([]);
  });
});

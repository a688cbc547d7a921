import { describe, expect, it } from 'vitest';
import {
  buildQuarterlyReport,
  type OtherLanguageItem,
  type QuarterlyReport,
  type ReportInput,
} from '@shared/report';
import type { Lang } from '@shared/i18n/lang';
import { QUARTER, TODAY, fixtureInput } from './fixture';

/**
 * The language check of the report on the hand-checked fixture (fixture.ts): every public
 * text there is Kazakh, so the Kazakh report lists nothing and the Russian one lists every
 * printed text long enough to tell — and nothing that is not printed.
 */
const build = (input: ReportInput, lang: Lang): QuarterlyReport =>
  buildQuarterlyReport(input, QUARTER, { lang, today: TODAY });

const brief = (items: readonly OtherLanguageItem[]) =>
  items.map((item) => [item.source, item.regNo ?? item.title ?? item.id, item.fields.join(',')]);

/** The fixture with some of its texts typed in Russian. */
function withRussianTexts(): ReportInput {
  const input = fixtureInput();
  const russian: Record<string, string> = {
    // Printed in section 2 (resolved, housing).
    A1: 'Во дворе на улице Кенесары отремонтирована кровля многоквартирного дома.',
    // Blocked by the phone number: not printed, so not listed either.
    A3: 'Подвал откачан, по вопросам звоните 8 701 234 56 78.',
    // Not flagged for the report: not printed.
    A8: 'Жителям разъяснён порядок замены счётчиков горячей воды.',
    // Open at the quarter's end, printed in section 3.
    P4: 'Ремонт дороги по улице Қабанбай батыра включён в план на следующий год.',
  };
  return {
    ...input,
    appeals: input.appeals.map((a) =>
      a.id in russian ? { ...a, publicSummary: { kk: russian[a.id]!, ru: '' } } : a,
    ),
    initiatives: input.initiatives.map((i) =>
      i.id === 'N1'
        ? {
            ...i,
            result: { kk: 'В бюджет на 2027 год включены средства на освещение улиц.', ru: '' },
          }
        : i,
    ),
    planItems: input.planItems.map((p) =>
      p.id === 'L1'
        ? {
            ...p,
            actions: { kk: '- Проверить тепловые сети\n- Провести встречи с жителями', ru: '' },
          }
        : p,
    ),
    settings: {
      ...input.settings,
      okrugDescription: {
        kk: 'Сарыарка район, улицы Кенесары и Жубанова, микрорайон Самал',
        ru: 'район Сарыарка, улицы Кенесары и Жубанова, микрорайон Самал',
      },
    },
  };
}

describe('the report lists printed texts written in the other language', () => {
  it('lists nothing when every printed text is in the report’s language', () => {
    expect(build(fixtureInput(), 'kk').otherLanguage).toEqual({ items: [] });
  });

  it('lists every printed Kazakh text of a Russian report, appeals by regNo, then initiatives and the plan as printed', () => {
    // The initiatives' and the plan's Kazakh texts typed into their Russian fields as well.
    const input = fixtureInput();
    const kazakhInRu = <T extends Record<string, unknown>>(record: T, fields: (keyof T)[]): T => {
      const out = { ...record };
      for (const field of fields) {
        const text = record[field] as { kk: string; ru: string };
        out[field] = { kk: text.kk, ru: text.kk } as T[keyof T];
      }
      return out;
    };
    input.initiatives = input.initiatives.map((i) =>
      i.id === 'N6' ? i : kazakhInRu(i, ['title', 'result', 'publicSummary']),
    );
    input.planItems = input.planItems.map((p) => kazakhInRu(p, ['title', 'actions']));
    const { otherLanguage, missingTranslations } = build(input, 'ru');
    // The appeals' summaries are Kazakh only: the Russian report does not print them at all
    // (P3, A1, A2, A11 resolved; P4 open and A7 not resolved, by regNo) but lists them as
    // missing translations.
    expect(missingTranslations.items.map((i) => [i.regNo, i.lang])).toEqual([
      ['2026-0030', 'ru'],
      ['2026-0031', 'ru'],
      ['2026-0040', 'ru'],
      ['2026-0041', 'ru'],
      ['2026-0043', 'ru'],
      ['2026-0048', 'ru'],
    ]);
    expect(brief(otherLanguage.items)).toEqual([
      // Section 4 in print order (N3 05.07, N1 15.08); N3 has no result or summary.
      ['initiative', 'Аялдамаларды жөндеу туралы ұсыныс', 'title'],
      ['initiative', 'Көшелерді жарықтандыру бағдарламасы', 'title,result,publicSummary'],
      // L2 «Аулаларды абаттандыру» is two words: too short to tell.
      ['planItem', 'Жылу маусымына дайындық', 'title,actions'],
    ]);
    expect(otherLanguage.items.every((item) => item.lang === 'kk')).toBe(true);
    const ids = otherLanguage.items.map((item) => item.id);
    // Blocked (A3 phone, A4 name, N6 address), not printed (A12 decided in Q4), not flagged
    // for the report (A8): none of them is listed.
    for (const id of ['A3', 'A4', 'N6', 'A12', 'A8']) expect(ids).not.toContain(id);
  });

  it('lists the Russian texts of a Kazakh report, and only those that are printed', () => {
    const report = build(withRussianTexts(), 'kk');
    expect(report.otherLanguage.items).toEqual<OtherLanguageItem[]>([
      {
        source: 'settings',
        id: 'settings',
        regNo: null,
        title: null,
        fields: ['okrugDescription'],
        lang: 'ru',
      },
      {
        source: 'appeal',
        id: 'P4',
        regNo: '2026-0031',
        title: null,
        fields: ['publicSummary'],
        lang: 'ru',
      },
      {
        source: 'appeal',
        id: 'A1',
        regNo: '2026-0040',
        title: null,
        fields: ['publicSummary'],
        lang: 'ru',
      },
      {
        source: 'initiative',
        id: 'N1',
        regNo: null,
        title: 'Көшелерді жарықтандыру бағдарламасы',
        fields: ['result'],
        lang: 'ru',
      },
      {
        source: 'planItem',
        id: 'L1',
        regNo: null,
        title: 'Жылу маусымына дайындық',
        fields: ['actions'],
        lang: 'ru',
      },
    ]);
    // A3 is blocked, and the check says so; the language list does not repeat it.
    expect(report.blocked?.items.map((item) => item.id)).toContain('A3');
  });

  it('reads each language’s own header texts: the Russian report’s are Russian', () => {
    const ru = build(withRussianTexts(), 'ru');
    expect(ru.otherLanguage.items.map((item) => item.source)).not.toContain('settings');
    // The Russian texts of the appeals and the plan read right in the Russian report.
    const ids = ru.otherLanguage.items.map((item) => item.id);
    for (const id of ['A1', 'P4']) expect(ids).not.toContain(id);
    // L1's Russian title and actions are printed (its Kazakh field holds Russian: not printed here).
    expect(ids).not.toContain('L1');
  });

  it('judges the header texts a Kazakh report prints from the settings', () => {
    const input = fixtureInput();
    const report = build(
      {
        ...input,
        settings: {
          ...input.settings,
          deputy: {
            ...input.settings.deputy,
            position: { kk: 'Депутат маслихата города Астаны по округу', ru: '' },
          },
          maslikhat: {
            ...input.settings.maslikhat,
            name: { kk: 'Маслихат города Астаны и его аппарат', ru: '' },
          },
          receptionAddress: { kk: 'г. Астана, ул. Бейбитшилик, 11, кабинет 204', ru: '' },
        },
      },
      'kk',
    );
    expect(report.otherLanguage.items).toEqual([
      {
        source: 'settings',
        id: 'settings',
        regNo: null,
        title: null,
        fields: ['deputyPosition', 'maslikhatName', 'receptionAddress'],
        lang: 'ru',
      },
    ]);
  });
});

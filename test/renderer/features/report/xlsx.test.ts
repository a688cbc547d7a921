import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { initI18n } from '@renderer/i18n';
import { reportTables } from '@renderer/features/report/tables';
import { buildReportWorkbook, sheetName } from '@renderer/features/report/xlsx';
import { fixtureReport } from './fixture';

async function readBack(data: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data.buffer as ArrayBuffer);
  return workbook;
}

const meta = {
  title: 'Жария есеп',
  subtitle: 'Серік Болатұлы Ахметов · 2026 жылғы III тоқсан',
  creator: 'Айгерім Нұрланқызы',
  created: new Date('2026-11-22T05:00:00Z'),
};

describe('the report as .xlsx', () => {
  it('has one sheet per table of the report, headers in Kazakh, counts as numbers and "<3" as text', async () => {
    const i18n = await initI18n('kk');
    const t = i18n.getFixedT('kk');
    const tables = reportTables(fixtureReport('kk'), t);
    const workbook = await readBack(await buildReportWorkbook(tables, meta));

    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Негізгі сандар',
      'Тақырыптар',
      'Айлар',
      'Арналар',
      'Түрлері',
      'Аумақтар',
      'Нәтижелер',
      'Шешілген мәселелер',
      'Шешілмеген - себептер',
      'Шешілмеген мәселелер',
      'Бастамалар',
      'Жоспар',
      'Көрсеткіштер',
    ]);
    const topics = workbook.getWorksheet('Тақырыптар')!;
    expect(topics.getCell('A1').value).toBe('Өтініштер тақырып бойынша');
    expect(topics.getCell('A2').value).toBe(meta.subtitle);
    expect(topics.getRow(3).values).toEqual([undefined, 'Тақырып', 'Саны', 'Үлесі']);
    expect(topics.getRow(4).values).toEqual([
      undefined,
      'Тұрғын үй-коммуналдық шаруашылық',
      7000,
      0.56,
    ]);
    expect(topics.getCell('C4').numFmt).toBe('0.0%');
    expect(topics.getCell('B4').numFmt).toBeUndefined();
    // A suppressed count stays suppressed in the published data.
    expect(topics.getRow(6).values).toEqual([undefined, 'Экология және қалдықтар', '<3', '—']);
    expect(topics.getRow(7).values).toEqual([undefined, 'Барлығы', 12500, 1]);
    expect(topics.getCell('A7').font?.bold).toBe(true);

    const months = workbook.getWorksheet('Айлар')!;
    expect(months.getRow(3).values).toEqual([undefined, 'Ай', 'Өтініштер', 'Қабылдаулар']);
    expect(months.getRow(7).values).toEqual([undefined, 'Барлығы', 12500, 3]);

    const indicators = workbook.getWorksheet('Көрсеткіштер')!;
    expect(indicators.getRow(4).values).toEqual([
      undefined,
      'Мерзімінде шешілген өтініштер үлесі',
      0.889,
      '9 ішінен 8',
    ]);
    expect(indicators.getCell('B5').value).toBe(6.5);

    const initiatives = workbook.getWorksheet('Бастамалар')!;
    expect(initiatives.getRow(4).values).toEqual([
      undefined,
      '15.08.2026',
      'Аулаларды абаттандыру бағдарламасы',
      'Мәслихат сессиясы',
      'Енгізілді',
      '—',
    ]);
    expect(workbook.creator).toBe(meta.creator);
  });

  it('writes Russian headers for a Russian report and both languages one after the other', async () => {
    const i18n = await initI18n('kk');
    const tables = [
      ...reportTables(fixtureReport('kk'), i18n.getFixedT('kk')),
      ...reportTables(fixtureReport('ru'), i18n.getFixedT('ru')),
    ];
    const workbook = await readBack(await buildReportWorkbook(tables, meta));
    expect(workbook.worksheets).toHaveLength(26);
    const plan = workbook.getWorksheet('План')!;
    expect(plan.getRow(3).values).toEqual([undefined, 'Приоритет', 'Ключевые действия', 'Тема']);
    expect(plan.getRow(4).values).toEqual([
      undefined,
      'Подготовка к отопительному сезону',
      'Проверить теплосети',
      '—',
    ]);
    const facts = workbook.getWorksheet('Основные цифры')!;
    expect(facts.getRow(4).values).toEqual([
      undefined,
      'Зарегистрировано обращений за квартал',
      12500,
    ]);
  });

  it('keeps sheet names legal and unique', () => {
    const taken = new Set<string>();
    expect(sheetName('Шешілмеген: себептері / [жалпы]', taken)).toBe(
      'Шешілмеген  себептері    жалпы',
    );
    expect(sheetName('Темы', taken)).toBe('Темы');
    expect(sheetName('темы', taken)).toBe('темы (2)');
    expect(sheetName('', taken)).toBe('Sheet');
    expect(sheetName('А'.repeat(40), taken)).toHaveLength(31);
  });
});

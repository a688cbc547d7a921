import { describe, expect, it } from 'vitest';
import { buildShortText, buildShortTexts } from '@shared/report/text';
import { fixtureReport } from '@test/renderer/features/report/fixture';

describe('short text for Telegram and the website', () => {
  it('gives the headline numbers in Kazakh', () => {
    const text = buildShortText(fixtureReport('kk'));
    expect(text.split('\n')).toEqual([
      'Депутаттың жария есебі: 2026 жылғы III тоқсан',
      'Серік Болатұлы Ахметов, №7 сайлау округі, Астана қалалық мәслихаты',
      '',
      '• Өтініш түсті: 12\u00a0500 (алдыңғы тоқсанда: 11\u00a0000, +1 500 (+13,6 %))',
      '• Шешім қабылданды: 10, оның ішінде шешілгені: 6',
      '• Мерзімінде шешілді: 88,9 %',
      '• 72 сағат ішінде хабарласылды: 83,3 %',
      '• Азаматтарды қабылдау: 3, қабылданған азаматтар: 37',
      '• Депутаттық сауалдар: 4, жауап келгені: 3',
      '• Негізгі тақырыптар: Тұрғын үй-коммуналдық шаруашылық (7000), Жолдар және көлік (5498)',
      '',
      'Бастамалар:',
      '— Аулаларды абаттандыру бағдарламасы',
      '',
      'Келесі тоқсанның басымдықтары:',
      '— Жылу маусымына дайындық',
      '',
      'Байланыс: @deputy7, deputy7@maslihat-astana.kz',
    ]);
  });

  it('gives the headline numbers in Russian and leaves out what is empty', () => {
    const report = fixtureReport('ru', { preliminary: true });
    report.appeals.change = { ...report.appeals.change, previous: 0, display: '+12 500' };
    report.indicators.decidedWithinDeadline = {
      ...report.indicators.decidedWithinDeadline,
      percent: null,
    };
    report.indicators.firstContactWithin72h = {
      ...report.indicators.firstContactWithin72h,
      percent: null,
    };
    report.indicators.inquiries = { ...report.indicators.inquiries, sent: 0 };
    report.appeals.topTopics = [];
    report.initiatives.items = [];
    report.plan.items = [];
    report.header = { ...report.header, okrugNumber: null, officeTelegram: '', officeEmail: null };
    const text = buildShortText(report);
    expect(text.split('\n')).toEqual([
      'Публичный отчёт депутата: III квартал 2026 года',
      'Ахметов Серик Болатович, Маслихат города Астаны',
      'Предварительный отчёт, данные на 22.11.2026.',
      '',
      '• Поступило обращений: 12\u00a0500 (в прошлом квартале: 0)',
      '• Приняты решения: 10, из них решено: 6',
      '• Приёмов граждан: 3, принято граждан: 37',
    ]);
  });

  it('names an okrug in Russian and joins both languages', () => {
    const both = buildShortTexts([fixtureReport('kk'), fixtureReport('ru')]);
    const [kk, ru] = both.split('\n\n———\n\n');
    expect(kk).toBe(buildShortText(fixtureReport('kk')));
    expect(ru).toContain('Ахметов Серик Болатович, избирательный округ №7, Маслихат города Астаны');
    expect(ru).toContain('• Связались с заявителем в течение 72 часов: 83,3 %');
    expect(ru).toContain('• Депутатских запросов: 4, получено ответов: 3');
  });

  it('carries no applicant data: only the model, which has none', () => {
    const text = buildShortText(fixtureReport('kk'));
    expect(text).not.toMatch(/\d{12}/);
    expect(text).not.toMatch(/\+7\s?7\d{2}/);
  });
});

import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getDb } from '@renderer/db/database';
import { createAppeal } from '@renderer/db/repositories';
import { reportLanguageChoice } from '@renderer/features/report/print/ReportPrint';
import { cssString, pageRules } from '@renderer/features/report/print/ReportDocument';
import { niceMax, wrapLabel } from '@renderer/features/report/print/charts';
import { initI18n } from '@renderer/i18n';
import { ctx, renderAt, seededOfficeEachTest } from '../appeal/setup';
import { fixtureReport } from './fixture';

async function seedAppeal(day: string, publicSummary = '') {
  await createAppeal(
    getDb(),
    {
      receivedAt: `${day}T10:00`,
      channel: 'telegram',
      kind: 'application',
      applicantId: null,
      subject: 'Жол жөндеу',
      text: 'Көшедегі шұңқырлар.',
      topic: 'roads_transport',
      status: 'decided',
      outcome: 'resolved',
      decidedOn: day,
      publicSummary,
      inReport: publicSummary !== '',
    },
    ctx,
  );
}

seededOfficeEachTest();

describe('report print route', () => {
  it('prints Kazakh then Russian with running headers, and reports readiness', async () => {
    for (const day of ['2026-07-06', '2026-07-07', '2026-08-04', '2026-09-01'])
      await seedAppeal(day);
    await renderAt('/print/report?quarter=2026-Q3&lang=both');
    await waitFor(() => expect(document.querySelectorAll('.report-doc')).toHaveLength(2), {
      timeout: 10_000,
    });
    const [kk, ru] = [...document.querySelectorAll('.report-doc')];
    expect(kk).toHaveAttribute('data-lang', 'kk');
    expect(kk).toHaveTextContent('2026 жылғы III тоқсан');
    expect(ru).toHaveTextContent('III квартал 2026 года');
    // Captions under the key figures agree with their numbers: 4 обращения, 0 приёмов.
    expect(ru).toHaveTextContent('4обращения поступило');
    expect(ru).toHaveTextContent('0приёмов проведено');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      '1. Азаматтардың өтініштері',
      '2. Шешілген мәселелер',
      '3. Шешілмеген мәселелер',
      '4. Бастамалар',
      '5. Келесі тоқсанға арналған жоспар',
      'Есептіліктің бірыңғай көрсеткіштері',
      '1. Обращения граждан',
      '2. Решённые вопросы',
      '3. Нерешённые вопросы',
      '4. Инициативы',
      '5. План на следующий квартал',
      'Единые показатели отчётности',
    ]);
    const style = document.querySelector('.report-sheet style')?.textContent ?? '';
    expect(style).toContain('@page report-kk');
    expect(style).toContain('@page report-ru');
    expect(style).toContain('counter(page) " / " counter(pages)');
    expect(style).toContain('"Серік Болатұлы Ахметов · №7 сайлау округі"');
    await expect(window.__tizilimPrintReady).resolves.toBeUndefined();
    // Four appeals in July–September: the month chart has three columns.
    const charts = kk?.querySelectorAll('svg.report-chart') ?? [];
    expect(charts).toHaveLength(2);
    expect(charts[1]?.querySelectorAll('[data-bar]')).toHaveLength(3);
    expect(charts[1]).toHaveTextContent('Шілде');
  });

  it('refuses to print a report the anonymisation check blocks', async () => {
    await seedAppeal('2026-07-06', 'Хабарласу: +7 701 555 12 12');
    await renderAt('/print/report?quarter=2026-Q3&lang=kk');
    await waitFor(
      () =>
        expect(document.querySelector('.report-sheet')).toHaveAttribute('data-state', 'blocked'),
      { timeout: 10_000 },
    );
    expect(document.querySelector('.report-doc')).toBeNull();
    await expect(window.__tizilimPrintReady).rejects.toThrow();
  });
});

describe('print helpers', () => {
  it('reads the language choice and escapes CSS strings', () => {
    expect(reportLanguageChoice('both', 'kk')).toBe('both');
    expect(reportLanguageChoice('ru', 'kk')).toBe('ru');
    expect(reportLanguageChoice('en', 'ru')).toBe('ru');
    expect(reportLanguageChoice(null, 'kk')).toBe('kk');
    expect(cssString('«Ақ "жол"» \\ a\nb')).toBe('"«Ақ \\"жол\\"» \\\\ a b"');
  });

  it('writes one named page per language with the period and generation date', async () => {
    const i18n = await initI18n('kk');
    const rules = pageRules([fixtureReport('ru')], (lang) => i18n.getFixedT(lang));
    expect(rules).toContain('@page report-ru');
    expect(rules).toContain('"Ахметов Серик Болатович · Избирательный округ №7"');
    expect(rules).toContain('"III квартал 2026 года"');
    expect(rules).toContain('"Дата формирования: 22.11.2026"');
  });

  it('wraps long chart labels onto two lines and rounds axis maxima', () => {
    expect(wrapLabel('Жолдар', 30)).toEqual(['Жолдар']);
    expect(wrapLabel('Тұрғын үй-коммуналдық шаруашылық және басқалар', 30)).toEqual([
      'Тұрғын үй-коммуналдық',
      'шаруашылық және басқалар',
    ]);
    expect(
      wrapLabel('а б в г д е ж з и к л м н о п р с т у ф х ц ч ш щ ы э ю я', 10)[1],
    ).toHaveLength(10);
    expect(niceMax(0)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(180)).toBe(200);
    expect(niceMax(2400)).toBe(2500);
    expect(niceMax(4500)).toBe(5000);
  });
});

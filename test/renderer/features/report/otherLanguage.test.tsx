import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@renderer/db/database';
import { createAppeal, createInitiative, updateAppeal } from '@renderer/db/repositories';
import { setPlatform, type Platform } from '@renderer/platform';
import { ctx, renderAt, seededOfficeEachTest } from '../appeal/setup';
import { decidedAppeal } from './decidedAppeal';

/**
 * The language check on the report screen: public texts written by the repositories in one
 * language, the report printed in the other. A warning with a link per record; the export
 * stays allowed, and the warning goes once the text is rewritten.
 */
const RUSSIAN = 'Во дворе на улице Жубанова установлена детская площадка.';
const KAZAKH = [
  'Кенесары көшесіндегі көппәтерлі үйдің шатыры жөнделді.',
  'Аулаға жаңа балалар алаңы орнатылды.',
  'Бейбітшілік көшесіндегі аулада жол жөнделді.',
  'Жұбанов көшесінде түнгі жарықтандыру қалпына келтірілді.',
  'Су құбырын ауыстыру үшін бюджет қаражаты қажет.',
];

/**
 * Decided, with a public summary printed in the report: the same text typed into both
 * language fields (the other-language warning is for a text in the wrong field).
 */
function decided(day: string, text: string, topic: string) {
  return decidedAppeal(day, { publicSummary: { kk: text, ru: text }, inReport: true, topic });
}

/** One topic each, so the editor's report prints every one of them as an example. */
const TOPICS = ['housing', 'water', 'roads_transport', 'improvement', 'health', 'education'];

const DAYS = ['2026-07-14', '2026-07-21', '2026-08-11', '2026-08-18', '2026-09-08', '2026-09-15'];

/** One Russian summary and the five Kazakh ones, decided in 2026-Q3. */
async function seedQuarter() {
  const db = getDb();
  const russian = await createAppeal(db, decided(DAYS[0]!, RUSSIAN, TOPICS[0]!), ctx);
  const kazakh = [];
  for (const [i, text] of KAZAKH.entries()) {
    kazakh.push(await createAppeal(db, decided(DAYS[i + 1]!, text, TOPICS[i + 1]!), ctx));
  }
  return { russian, kazakh };
}

function stubPlatform() {
  const saveFile = vi.fn<Platform['saveFile']>().mockResolvedValue({ saved: true });
  const printToPdf = vi.fn<Platform['printToPdf']>().mockResolvedValue({ saved: true });
  setPlatform({ kind: 'electron', saveFile, printToPdf });
  return { saveFile, printToPdf };
}

seededOfficeEachTest();

describe('report screen: texts in the other language', () => {
  it('warns about a Russian summary in a Kazakh report, keeps the export open, and clears once it is rewritten', async () => {
    const { russian } = await seedQuarter();
    const { printToPdf } = stubPlatform();
    await renderAt('/reports?quarter=2026-Q3&lang=kk');

    const notice = await screen.findByRole('region', {
      name: 'Есеп қазақ тілінде, бірақ мына 1 мәтін орыс тілінде жазылған сияқты',
    });
    expect(notice).toHaveClass('notice', 'warning');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(notice).toHaveTextContent(
      'Ол есепке дәл осылай басылады. Қазақшаға аударып түзетсеңіз, есеп өзі жаңарады.',
    );
    const link = within(notice).getByRole('link', { name: `Өтініш ${russian.regNo}` });
    expect(link).toHaveAttribute('href', `#/appeals/${russian.id}`);
    expect(within(notice).getAllByRole('listitem')).toHaveLength(1);
    expect(within(notice).getByRole('listitem')).toHaveTextContent('— жария сипаттама');
    expect(
      screen.getByText(
        'Басқа тілде жазылған сияқты 1 мәтін бар (тізімі оң жақта). Экспорттауға болады.',
      ),
    ).toBeInTheDocument();
    // The preview prints the text as it is: the warning only points at it.
    const preview = screen.getByRole('region', { name: /Басып шығарылатын нұсқа/ });
    expect(preview).toHaveTextContent(RUSSIAN);

    const pdf = screen.getByRole('button', { name: 'PDF' });
    await waitFor(() => expect(pdf).toBeEnabled());
    await userEvent.click(pdf);
    expect(printToPdf).toHaveBeenCalledWith({
      route: '/print/report?quarter=2026-Q3&lang=kk',
      fileName: 'Жария есеп 2026-Q3 kk.pdf',
    });
    expect(await screen.findByText('PDF дайын.')).toBeInTheDocument();

    const fixed = 'Жұбанов көшесіндегі аулаға балалар ойын алаңы орнатылды.';
    await updateAppeal(getDb(), russian.id, { publicSummary: fixed }, ctx);
    await waitFor(() => expect(preview).toHaveTextContent(fixed));
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: /Есеп қазақ тілінде/ })).toBeNull(),
    );
    expect(screen.queryByText(/Басқа тілде жазылған сияқты/)).toBeNull();
    expect(screen.getByRole('button', { name: 'PDF' })).toBeEnabled();
  });

  it('in Russian: a Russian report lists the Kazakh texts, five first, then all, with initiatives linked', async () => {
    const { kazakh } = await seedQuarter();
    await createInitiative(
      getDb(),
      {
        // Kazakh typed into the Russian field: printed in the Russian report, and flagged.
        title: { kk: '', ru: 'Сарыарқа ауданындағы аулаларды жарықтандыру бағдарламасы' },
        target: 'akimat',
        submittedOn: '2026-08-20',
        status: 'submitted',
        topic: 'improvement',
      },
      ctx,
    );
    const { saveFile } = stubPlatform();
    await renderAt('/reports?quarter=2026-Q3&lang=ru', 'ru');

    const notice = await screen.findByRole('region', {
      name: 'Отчёт на русском языке, но 6 текстов, похоже, написаны на казахском',
    });
    expect(notice).toHaveTextContent('В отчёт они попадут как есть. Переведите их на русский');
    expect(within(notice).getAllByRole('listitem')).toHaveLength(5);
    expect(
      within(notice).getByRole('link', { name: `Обращение ${kazakh[0]!.regNo}` }),
    ).toHaveAttribute('href', `#/appeals/${kazakh[0]!.id}`);
    await userEvent.click(within(notice).getByRole('button', { name: 'Показать все (6)' }));
    expect(within(notice).getAllByRole('listitem')).toHaveLength(6);
    const initiative = within(notice).getByRole('link', {
      name: 'Инициатива: Сарыарқа ауданындағы аулаларды жарықтандыру бағдарламасы',
    });
    expect(initiative).toHaveAttribute('href', '#/initiatives');
    expect(initiative.closest('li')).toHaveTextContent('— название');
    expect(
      screen.getByText(
        '6 текстов, похоже, написаны на другом языке (список справа). Экспорт доступен.',
      ),
    ).toBeInTheDocument();

    const xlsx = screen.getByRole('button', { name: 'Таблицы Excel (.xlsx)' });
    await waitFor(() => expect(xlsx).toBeEnabled());
    await userEvent.click(xlsx);
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));

    await userEvent.click(within(notice).getByRole('button', { name: 'Свернуть список' }));
    expect(within(notice).getAllByRole('listitem')).toHaveLength(5);
  });

  it('for both languages, warns for each language on its own', async () => {
    const { russian, kazakh } = await seedQuarter();
    stubPlatform();
    await renderAt('/reports?quarter=2026-Q3&lang=both');

    const kk = await screen.findByRole('region', {
      name: 'Есеп қазақ тілінде, бірақ мына 1 мәтін орыс тілінде жазылған сияқты',
    });
    expect(within(kk).getByRole('link')).toHaveAttribute('href', `#/appeals/${russian.id}`);
    const ru = screen.getByRole('region', {
      name: 'Есеп орыс тілінде, бірақ мына 5 мәтін қазақ тілінде жазылған сияқты',
    });
    expect(ru).toHaveTextContent(
      'Олар есепке дәл осылай басылады. Орысшаға аударып түзетсеңіз, есеп өзі жаңарады.',
    );
    expect(
      within(ru)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual(kazakh.map((a) => `#/appeals/${a.id}`));
    expect(
      screen.getByText(
        'Басқа тілде жазылған сияқты 6 мәтін бар (тізімі оң жақта). Экспорттауға болады.',
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'PDF' })).toBeEnabled());
  });
});

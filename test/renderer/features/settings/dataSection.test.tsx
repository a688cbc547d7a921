import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseExportFile, type ExportFile } from '@shared/export';
import { getDb } from '@renderer/db/database';
import { createAppeal } from '@renderer/db/repositories';
import { DEMO_MARKER_ID } from '@renderer/db/queries/office';
import { setPlatform, type SaveFileRequest } from '@renderer/platform';
import { recordSavedFiles } from './savedFiles';
import { setBackupController } from '@renderer/backup/useBackups';
import { generateOffice } from '@test/fixtures/generateOffice';
import { ASSISTANT, openApp, resetDatabase, seedOffice } from './officeApp';
import { ctxAt, kazakhAppeal } from '../../db/helpers';

/**
 * Settings › Data, the JSON part: the whole database to a file and back (after a backup of
 * what it replaces), refused files that change nothing, and demo data loaded and removed.
 */
let saved: SaveFileRequest[];

beforeEach(() => {
  localStorage.clear();
  saved = recordSavedFiles();
});

afterEach(async () => {
  setPlatform(undefined);
  setBackupController(null);
  await resetDatabase();
});

function jsonFile(name: string, content: unknown): File {
  const text = typeof content === 'string' ? content : JSON.stringify(content);
  return new File([text], name, { type: 'application/json' });
}

function savedJson(request: SaveFileRequest): ExportFile {
  return JSON.parse(new TextDecoder().decode(request.data)) as ExportFile;
}

async function subjects(): Promise<string[]> {
  return (await getDb().appeals.toArray()).map((a) => a.subject).sort();
}

describe('Settings › Data › export and import', () => {
  it('exports the registry to a file that loads again, and replaces the data only after confirmation', async () => {
    const userId = await seedOffice();
    await createAppeal(getDb(), kazakhAppeal({ subject: 'Аулада жарық жоқ' }), ctxAt());
    const user = userEvent.setup();
    await openApp('/settings/data');

    await user.click(await screen.findByRole('button', { name: 'JSON файлына экспорттау' }));
    const exported = await screen.findByText(
      /^Экспорт сақталды: tizilim-export-\d{4}-\d\d-\d\d\.json$/,
    );
    expect(saved).toHaveLength(1);
    expect(exported).toHaveTextContent(saved[0]!.fileName);
    const file = savedJson(saved[0]!);
    expect(parseExportFile(file, { now: new Date() }).ok).toBe(true);
    expect(file.tables.appeals.map((a) => a.subject)).toEqual(['Аулада жарық жоқ']);

    // Not a JSON file: refused, with the reason, and nothing changed.
    const input = screen.getByTestId('import-file');
    await user.upload(input, jsonFile('журнал.json', 'Өтініштер тізімі, 2026 жыл'));
    const refused = await screen.findByRole('alert');
    expect(refused).toHaveTextContent('Файл жүктелмеді, деректер өзгерген жоқ:');
    expect(refused).toHaveTextContent('Файл JSON пішімінде емес немесе зақымдалған.');
    expect(await subjects()).toEqual(['Аулада жарық жоқ']);

    // An export of the office from another laptop (the same staff member works there too):
    // the counts first, then cancel, then replace.
    const other = generateOffice({ appeals: 6, seed: 4, demo: false });
    const staff = other.tables.settings[0]!.users;
    staff.push({ ...staff[0]!, id: userId, fullName: ASSISTANT, role: 'assistant' });
    await user.upload(input, jsonFile('кеңсе-экспорты.json', other));
    const confirm = await screen.findByRole('dialog', { name: 'Деректерді алмастыру керек пе?' });
    expect(confirm).toHaveTextContent('Файл: кеңсе-экспорты.json, экспортталған уақыты:');
    expect(within(confirm).getAllByRole('listitem')[0]).toHaveTextContent('Өтініштер: 6');
    await user.click(within(confirm).getByRole('button', { name: 'Болдырмау' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await subjects()).toEqual(['Аулада жарық жоқ']);

    await user.upload(input, jsonFile('кеңсе-экспорты.json', other));
    await user.click(await screen.findByRole('button', { name: 'Алмастыру' }));
    await screen.findByText('Деректер жүктелді: 6 өтініш.');
    // The data it replaced was handed over as a file first (no backup password here).
    expect(saved).toHaveLength(2);
    expect(
      screen.getByText(
        `Бұрынғы деректердің сақтық көшірмесі файлға сақталды: ${saved[1]!.fileName}`,
      ),
    ).toBeInTheDocument();
    expect(savedJson(saved[1]!).tables.appeals.map((a) => a.subject)).toEqual(['Аулада жарық жоқ']);
    expect(await subjects()).toEqual(other.tables.appeals.map((a) => a.subject).sort());
  });

  it('a demo file imported by mistake warns on every page and is removed, in Russian', async () => {
    await seedOffice();
    await createAppeal(getDb(), kazakhAppeal(), ctxAt());
    const user = userEvent.setup();
    await openApp('/settings/data', 'ru');

    // The demo office is built in its own database now; a demo export that reaches the
    // office through the ordinary import is still marked as demo, on every page.
    const demo = generateOffice({ appeals: 4, seed: 9 });
    await user.upload(await screen.findByTestId('import-file'), jsonFile('demo.json', demo));
    const confirm = await screen.findByRole('dialog', { name: 'Загрузить демо-данные?' });
    await user.click(within(confirm).getByRole('button', { name: 'Заменить' }));
    // The demo office has its own staff: the person at the keyboard chooses themselves again.
    await screen.findByRole('heading', { name: 'Кто работает?' });
    expect(await getDb().appeals.count()).toBe(4);
    expect(await getDb().counters.get(DEMO_MARKER_ID)).toBeDefined();
    await user.click(screen.getByRole('button', { name: /^Серікбаев Бақытжан Ерболұлы/ }));
    await waitFor(() =>
      expect(document.querySelector('.demo-banner')).toHaveTextContent(
        'Демо-данные. В программе не настоящие обращения граждан, а сгенерированные. Не ведите здесь настоящую работу. Удалить демо-данные',
      ),
    );

    await user.click(await screen.findByRole('button', { name: 'Удалить демо-данные' }));
    const sure = await screen.findByRole('dialog', { name: 'Удалить демо-данные?' });
    await user.click(within(sure).getByRole('button', { name: 'Удалить демо-данные' }));
    // Everything of the demo office is gone, its settings too: the app starts from the beginning.
    await screen.findByRole('heading', { name: 'Добро пожаловать в Tizilim' });
    expect(await getDb().appeals.count()).toBe(0);
    expect(await getDb().settings.count()).toBe(0);
    expect(await getDb().counters.get(DEMO_MARKER_ID)).toBeUndefined();
  });
});

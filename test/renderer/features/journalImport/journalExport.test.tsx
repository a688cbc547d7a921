import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@renderer/db/database';
import { createAppeal } from '@renderer/db/repositories';
import { setPlatform, type SaveFileRequest } from '@renderer/platform';
import { recordSavedFiles } from '../settings/savedFiles';
import { openApp, resetDatabase, seedOffice } from '../settings/officeApp';
import { ctxAt, kazakhAppeal, russianAppeal } from '../../db/helpers';

/** Registry › the shown appeals out again as the office's paper-style journal (.csv, .xlsx). */
let saved: SaveFileRequest[];

beforeEach(() => {
  localStorage.clear();
  saved = recordSavedFiles();
});

afterEach(async () => {
  setPlatform(undefined);
  await resetDatabase();
});

async function officeWithTwoAppeals() {
  await seedOffice();
  const db = getDb();
  const kk = await createAppeal(db, kazakhAppeal(), ctxAt());
  const ru = await createAppeal(db, russianAppeal(), ctxAt());
  return { kk, ru };
}

describe('journal export from the registry', () => {
  it('writes the shown appeals as a CSV journal for Excel, in Kazakh', async () => {
    const { kk, ru } = await officeWithTwoAppeals();
    const user = userEvent.setup();
    await openApp('/registry');
    const group = await screen.findByRole('group', {
      name: 'Көрсетілген өтініштерді журнал ретінде шығару',
    });
    const csv = within(group).getByRole('button', { name: 'Журнал (.csv)' });
    await waitFor(() => expect(csv).toBeEnabled());
    await user.click(csv);
    await waitFor(() => expect(saved).toHaveLength(1));

    const file = saved[0]!;
    expect(file.fileName).toMatch(/^Азаматтардың өтініштерін тіркеу журналы \d{4}-\d\d-\d\d\.csv$/);
    expect(file.mimeType).toBe('text/csv;charset=utf-8');
    // UTF-8 with a byte-order mark and «;» between cells, as Excel in Kazakhstan opens it.
    expect([...file.data.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(file.data.slice(3));
    const rows = text.split(/\r?\n/).filter((line) => line !== '');
    expect(rows.some((row) => row.includes(kk.regNo) && row.includes('Ыстық су жоқ'))).toBe(true);
    expect(
      rows.some((row) => row.includes(ru.regNo) && row.includes('Ремонт дороги во дворе')),
    ).toBe(true);
    expect(rows[0]!.split(';').length).toBeGreaterThan(4);
  });

  it('writes only the appeals the search shows as an .xlsx journal, in Russian', async () => {
    const { ru } = await officeWithTwoAppeals();
    const user = userEvent.setup();
    await openApp(`/registry?q=${encodeURIComponent('Кенесары')}`, 'ru');
    const group = await screen.findByRole('group', {
      name: 'Выгрузить показанные обращения в виде журнала',
    });
    // The search narrows the registry to the Russian appeal.
    await waitFor(() =>
      expect(screen.getByRole('main')).toHaveTextContent('1 обращение · всего 2'),
    );
    await user.click(within(group).getByRole('button', { name: 'Журнал (.xlsx)' }));
    await waitFor(() => expect(saved).toHaveLength(1));

    const file = saved[0]!;
    expect(file.fileName).toMatch(/^Журнал регистрации обращений граждан \d{4}-\d\d-\d\d\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.data.buffer.slice(0) as ArrayBuffer);
    const sheet = book.getWorksheet('Журнал')!;
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text))));
    expect(cells).toContain(ru.regNo);
    expect(cells).toContain('Ремонт дороги во дворе');
    expect(cells).not.toContain('Ыстық су жоқ');
  });
});

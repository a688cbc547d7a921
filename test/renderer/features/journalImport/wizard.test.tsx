import ExcelJS from 'exceljs';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@renderer/db/database';
import { windows1251Csv } from '@test/fixtures/journals/build';
import { kazakhJournal } from '@test/shared/journal/docx';
import { openApp, resetDatabase, seedOffice } from '../settings/officeApp';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(resetDatabase);

async function tables() {
  const db = getDb();
  return {
    appeals: await db.appeals.toArray(),
    applicants: await db.applicants.toArray(),
    events: await db.events.toArray(),
    counters: await db.counters.toArray(),
  };
}

describe('journal import wizard (Settings › Data)', { timeout: 60_000 }, () => {
  it('imports a Windows-1251 CSV step by step, with the keyboard too, and undoes it', async () => {
    await seedOffice();
    await openApp('/settings/data', 'ru');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Перенести журнал…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Перенос журнала офиса' });
    const journal = windows1251Csv();
    const input = dialog.querySelector<HTMLInputElement>('input[type=file]')!;
    await user.upload(
      input,
      new File([new Uint8Array(journal.bytes)], journal.fileName, { type: 'text/csv' }),
    );

    expect(
      await within(dialog).findByText(/кодировка Windows-1251, разделитель «;»/),
    ).toBeInTheDocument();
    expect(within(dialog).getByText(/потеряны казахские буквы/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Далее' }));
    expect(
      await within(dialog).findByText(/Найдены заголовки столбцов: строка 1/),
    ).toBeInTheDocument();
    await user.keyboard('{Control>}{Enter}{/Control}');
    const dateSelect = await within(dialog).findByLabelText('Дата');
    expect((dateSelect as HTMLSelectElement).value).toBe('receivedDate');
    await user.click(within(dialog).getByRole('button', { name: 'Далее' }));
    expect(
      await within(dialog).findByRole('region', { name: 'Результат рассмотрения' }),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Далее' }));
    expect(
      await within(dialog).findByText(/Будет перенесено обращений: 3\. Пропущено строк: 1\./),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('tab', { name: /Пропускаются/ }));
    expect(within(dialog).getByText('Итоговая строка: «Итого:»')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Перенести 3 обращения' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Перенести 3 обращения' }));
    expect(
      await within(dialog).findByText('Из журнала перенесено 3 обращения.'),
    ).toBeInTheDocument();
    const after = await tables();
    expect(after.appeals.map((a) => a.journalNo).sort()).toEqual(['12/1', '12/2', '12/3']);
    expect(after.applicants.every((a) => a.consent?.form === 'paper_journal')).toBe(true);

    await user.click(within(dialog).getByRole('button', { name: 'Отменить этот перенос' }));
    await user.click(within(dialog).getByRole('button', { name: 'Отменить этот перенос' }));
    expect(
      await within(dialog).findByText('Перенос отменён: удалено 3 обращения.'),
    ).toBeInTheDocument();
    await waitFor(async () =>
      expect((await tables()).appeals.every((a) => a.deletedAt !== null)).toBe(true),
    );
  });

  it('takes a Word journal of monthly tables, picked or dropped, as one journal', async () => {
    await seedOffice();
    await openApp('/settings/data', 'kk');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Журналды көшіру…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Кеңсе журналын көшіру' });
    const word = () =>
      new File([new Uint8Array(kazakhJournal())], 'журнал 2025.docx', {
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      });
    // Dropped on the file step.
    fireEvent.drop(within(dialog).getByTestId('journal-dropzone'), {
      dataTransfer: { files: [word()], types: ['Files'] },
    });
    expect(await within(dialog).findByText(/бір журнал болып оқылады/)).toBeInTheDocument();
    expect(within(dialog).getByRole('radio', { name: /журнал 2025/ })).toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Артқа' }));
    // Picked: the file input takes a .docx (user-event applies its accept list).
    await user.upload(dialog.querySelector<HTMLInputElement>('input[type=file]')!, word());
    expect(await within(dialog).findByText(/бір журнал болып оқылады/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Әрі қарай' }));
    expect(await within(dialog).findByText(/3–4-жолдар/)).toBeInTheDocument();
  });

  it('offers the journal sheet of a workbook kept one sheet a month, names the others, says why nothing is importable', async () => {
    await seedOffice();
    await openApp('/settings/data', 'ru');
    const wb = new ExcelJS.Workbook();
    // A longer list beside the journal, without a header: not the sheet offered.
    const streets = wb.addWorksheet('Көшелер');
    for (let i = 1; i <= 30; i++) streets.getRow(i).values = [`Көше ${i}`];
    const months: [string, string[]][] = [
      ['Қаңтар', ['10.01.2025', '11.01.2025']],
      ['Ақпан', ['03.02.2025', '04.02.2025', '05.02.2025']],
      // Dates no one can read: nothing of this sheet is importable.
      ['Наурыз', ['13.2025', 'март']],
    ];
    for (const [name, dates] of months) {
      const ws = wb.addWorksheet(name);
      ws.getRow(1).values = ['№', 'Дата поступления', 'Ф.И.О.', 'Содержание обращения'];
      dates.forEach((date, i) => {
        ws.getRow(i + 2).values = [i + 1, date, `Иванов Иван ${name}`, `Просьба ${i + 1}`];
      });
    }
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Перенести журнал…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Перенос журнала офиса' });
    await user.upload(
      dialog.querySelector<HTMLInputElement>('input[type=file]')!,
      new File([bytes], 'журнал 2025.xlsx'),
    );
    /** Header, columns and values, each step checked by its lead. */
    const throughMapping = async () => {
      for (const lead of [
        /Найдены заголовки столбцов/,
        /в какое поле программы/,
        /значения по умолчанию ниже/,
      ]) {
        await user.click(within(dialog).getByRole('button', { name: 'Далее' }));
        expect(await within(dialog).findByText(lead)).toBeInTheDocument();
      }
    };
    // The first month is offered (not the longest, Ақпан): the months come in in order.
    expect(await within(dialog).findByRole('radio', { name: /Қаңтар/ })).toBeChecked();
    expect(
      within(dialog).getByText(
        /другие листы с такими же столбцами: «Ақпан», «Наурыз» \(заполненных строк: 7\)/,
      ),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: /Наурыз/ }));
    expect(
      await within(dialog).findByText(
        /такими же столбцами: «Қаңтар», «Ақпан» \(заполненных строк: 7\)/,
      ),
    ).toBeInTheDocument();
    await throughMapping();
    await user.click(within(dialog).getByRole('button', { name: 'Далее' }));
    expect(
      await within(dialog).findByText(
        /Переносить нечего: все строки пропущены \(причины в списке\)\. Основная причина \(строк: 2\)/,
      ),
    ).toBeInTheDocument();
    expect((await tables()).appeals).toEqual([]);

    // Back to the sheets: February imported, the other sheets named again when it is done.
    for (let i = 0; i < 4; i++) {
      await user.click(within(dialog).getByRole('button', { name: 'Назад' }));
    }
    await user.click(await within(dialog).findByRole('radio', { name: /Ақпан/ }));
    await throughMapping();
    await user.click(within(dialog).getByRole('button', { name: 'Далее' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Перенести 3 обращения' }));
    // The import step, with the backup said first.
    expect(await within(dialog).findByText(/резервная копия/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Перенести 3 обращения' }));
    expect(
      await within(dialog).findByText('Из журнала перенесено 3 обращения.'),
    ).toBeInTheDocument();
    // Said for the next sheet now, not «перенесите этот»: this one is in.
    const next = within(dialog).getByText(/такими же столбцами: «Қаңтар», «Наурыз»/);
    expect(next.textContent).toContain('Чтобы перенести следующий, откройте файл снова');
    expect(next.textContent).not.toContain('перенесите этот');
    expect((await tables()).appeals).toHaveLength(3);
  });

  it('refuses an old .xls with the way out, and changes nothing', async () => {
    await seedOffice();
    await openApp('/settings/data', 'kk');
    const before = await tables();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Журналды көшіру…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Кеңсе журналын көшіру' });
    const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await user.upload(
      dialog.querySelector<HTMLInputElement>('input[type=file]')!,
      new File([xls], 'журнал.xls'),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('«Excel кітабы (.xlsx)»');
    expect(await tables()).toEqual(before);
  });
});
